package io.sib2ae.orchestrator.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * One note's work on the broker's {@code sib2ae.notes} queue, in distributed mode: where its
 * manifest is on the shared folder and which run of its score it belongs to; never the audio. The
 * worker that takes it rebuilds the rest from the shared folder.
 */
public record NoteTask(@JsonProperty("run_id") String runId,
                       @JsonProperty("manifest") String manifestPath) {

    /** The note's universal ID: its manifest's name is {@code <universal_id>.json}. */
    @JsonIgnore
    public String universalId() {
        String name = Path.of(manifestPath).getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
