package io.sib2ae.orchestrator.score;

/**
 * What a notehead's markup says about how it is played, beyond its pitch and place: the raw facts
 * the reader collects, for the performer ({@link GraceTiming}, {@link ArpeggioRoll}, the drum map,
 * tremolo expansion) to apply. Every part is null when the note carries no such mark.
 *
 * @param grace         how a grace note is to be timed; null for a note that is not a grace note
 * @param arpeggio      the chord this note belongs to is rolled
 * @param tremolo       the note is a tremolo, or one end of a two-note tremolo
 * @param instrumentId  the {@code <instrument id>} the note names (a drum of a kit), or null
 * @param writtenQuarters the value its {@code <type>} and dots write, in quarters; 0 when not written
 */
public record PlayingMarks(Grace grace, Arpeggio arpeggio, Tremolo tremolo, String instrumentId,
                           double writtenQuarters) {

    public static final PlayingMarks NONE = new PlayingMarks(null, null, null, null, 0);

    /**
     * A grace note's timing as the file writes it.
     *
     * @param stealPreviousPercent {@code steal-time-previous}, or null
     * @param stealFollowingPercent {@code steal-time-following}, or null
     * @param makeTimeQuarters {@code make-time} converted to quarters, or null
     */
    public record Grace(boolean slash, Double stealPreviousPercent, Double stealFollowingPercent, Double makeTimeQuarters) {
    }

    /**
     * An {@code <arpeggiate>} on the note.
     *
     * @param down   {@code direction="down"}: rolled from the top
     * @param number groups arpeggios across staves into one roll, or null
     */
    public record Arpeggio(boolean down, String number) {
    }

    /**
     * A {@code <tremolo>} on the note.
     *
     * @param type  single, start, stop or unmeasured
     * @param marks how many tremolo strokes are drawn (3 means 32nds)
     */
    public record Tremolo(String type, int marks) {
    }
}
