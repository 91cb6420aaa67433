package io.sib2ae.orchestrator.notehead;

/** The notehead glyph shapes of a normal (non-percussion) note, by written duration. */
public enum NoteheadShape {
    /** Quarter notes and shorter. */
    BLACK,
    /** Half notes. */
    HALF,
    /** Whole notes. */
    WHOLE,
    /** Double whole notes. */
    BREVE
}
