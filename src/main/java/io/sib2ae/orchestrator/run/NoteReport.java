package io.sib2ae.orchestrator.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A worker's word, on {@code sib2ae.notes.done}, that one note of a run is through: its manifest on
 * the shared folder holds the outcome, hop by hop. The leader closes a score when every one of its
 * notes has reported.
 */
public record NoteReport(@JsonProperty("run_id") String runId,
                         @JsonProperty("universal_id") String universalId,
                         @JsonProperty("node") String node,
                         @JsonProperty("outcome") Outcome outcome) {

    /** How the note left the queue. */
    public enum Outcome {
        /** Taken through its hops (each hop's own outcome, failures included, is in the manifest). */
        THROUGH_HOPS,
        /** Failed on every delivery, moved to the dead-letter queue and recorded failed. */
        DEAD_LETTERED
    }
}
