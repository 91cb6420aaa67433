package io.sib2ae.orchestrator.score;

/**
 * Something in the score that was read, and played, but that a studio should look at: the file
 * says one thing where a reader would expect another. Never a failure; recorded on the score index
 * and on the notes it touches.
 *
 * @param partId the part it concerns
 * @param measureIndex the 0-based notated measure it concerns
 * @param measure the measure number as the score prints it
 */
public record ScoreWarning(Kind kind, String partId, int measureIndex, String measure, String message) {

    /** What kind of irregularity it is. */
    public enum Kind {
        /** A bar's first notes came before the part's first {@code <divisions>}; they were read with it. */
        LATE_DIVISIONS,
        /** A bar's voices add up to more than its time signature, and the file marks no pickup or cadenza. */
        OVERFULL_MEASURE
    }
}
