package io.sib2ae.orchestrator.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import java.util.Map;

/**
 * How a score ended: the reply of {@code direct:sib2ae-submit} and the completion event other
 * studio routes chain onto.
 *
 * @param hopCounts outcomes per hop, e.g. {@code audio.completed -> 6}
 */
public record ScoreResult(@JsonProperty("score_name") String scoreName,
                          @JsonProperty("status") ScoreStatus status,
                          @JsonProperty("manifest_path") String manifestPath,
                          @JsonProperty("notes") int notes,
                          @JsonProperty("failed_notes") int failedNotes,
                          @JsonProperty("reason") String reason,
                          @JsonProperty("elapsed_ms") long elapsedMillis,
                          @JsonProperty("hop_counts") Map<String, Integer> hopCounts,
                          @JsonProperty("started_at") String startedAt,
                          @JsonProperty("finished_at") String finishedAt) {

    @JsonIgnore
    public boolean succeeded() {
        return status == ScoreStatus.COMPLETED;
    }
}
