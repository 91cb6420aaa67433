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
 * @param version   the score's version after this run, with how its notes relate to the previous
 *                  version's, so a studio route can refresh only what changed; null for a score
 *                  that could not be read
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
                          @JsonProperty("finished_at") String finishedAt,
                          @JsonProperty("version") ScoreVersion version) {

    /** The same result, its index now at {@code manifestPath}. */
    ScoreResult at(String manifestPath) {
        return new ScoreResult(scoreName, status, manifestPath, notes, failedNotes, reason, elapsedMillis, hopCounts,
                startedAt, finishedAt, version);
    }

    /** The same result, failed for {@code why}. */
    ScoreResult failedBecause(String why) {
        return new ScoreResult(scoreName, ScoreStatus.FAILED, manifestPath, notes, failedNotes, why, elapsedMillis, hopCounts,
                startedAt, finishedAt, version);
    }

    @JsonIgnore
    public boolean succeeded() {
        return status == ScoreStatus.COMPLETED;
    }
}
