package io.sib2ae.orchestrator.score;

/**
 * Where {@link MusicXmlReader} stands in the score while it reads, as it times the notes. The
 * layout collector asks it where a clef or an octave-shift line takes effect, so the layout and
 * the notes share one model of time (divisions and their changes, backup and forward, chords,
 * grace notes) and a note is compared with the clef at exactly the onset the reader gave it.
 */
interface ScoreCursor {

    /** The part being read, or null before the first {@code <part>}. */
    String partId();

    /** 0-based index of the measure being read; only inside a part. */
    int measureIndex();

    /**
     * Quarters from the start of the measure to the cursor moved on by {@code offsetDivisions}
     * (a direction's {@code <offset>}), counted in the part's divisions in force; only inside a part.
     */
    double quartersInMeasure(double offsetDivisions);
}
