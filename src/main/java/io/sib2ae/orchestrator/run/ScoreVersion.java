package io.sib2ae.orchestrator.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which version of its score a run makes, and how its notes relate to the previous version's:
 * kept (the same note, its sound unchanged; it may have moved in time), changed (the same note,
 * edited), added, removed.
 *
 * @param staged true when the version is built apart and committed at the close (a new version of a
 *               score that has one); false when the run works in the score's folder (a first
 *               version, or the current version again)
 * @param repeat true when the inputs are the current version's again: no new version, nothing to redo
 */
public record ScoreVersion(@JsonProperty("version") int number, @JsonProperty("staged") boolean staged,
                           @JsonProperty("repeat") boolean repeat,
                           @JsonProperty("kept") int kept, @JsonProperty("changed") int changed,
                           @JsonProperty("added") int added, @JsonProperty("removed") int removed) {

    /** A score's first version: every note is new. */
    static ScoreVersion first(int notes) {
        return new ScoreVersion(1, false, false, 0, 0, notes, 0);
    }
}
