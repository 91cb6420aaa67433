package io.sib2ae.orchestrator.routes;

/**
 * The exchange properties the routes carry, named once. What a step needs arrives in the body or
 * in one of these, set by a step the route shows; the splitter copies them to every note.
 */
public final class ExchangeProperties {

    /** The score's input files ({@code ScoreSet}): what the score-errors handler quarantines. */
    public static final String SCORE_SET = "scoreSet";
    /** The score in work ({@code ScoreRun}), for the steps after the split. */
    public static final String SCORE_RUN = "scoreRun";
    /** What was found on the score's SVG pages ({@code NoteheadHop.PageAssignments}), for each note's SVG hop. */
    public static final String NOTEHEADS = "noteheads";
    /** The PCM the audio hop just rendered for a note ({@code RenderedAudio}), analysed by its keyframes hop. */
    public static final String RENDERED_AUDIO = "renderedAudio";
    /** The hop a note is in ({@code Stage}), set by each hop route: a failure is recorded on it. */
    public static final String HOP = "hop";
    /** In distributed mode, the note's work as it came off the queue ({@code NoteTask}). */
    public static final String NOTE_TASK = "noteTask";
    /** In distributed mode, the word a worker sends the leader about a note ({@code NoteReport}). */
    public static final String NOTE_REPORT = "noteReport";
    /** Where a failed score's inputs were quarantined ({@code Path}). */
    public static final String QUARANTINED_IN = "quarantinedIn";

    private ExchangeProperties() {
    }
}
