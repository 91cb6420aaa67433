package io.sib2ae.orchestrator.notehead;

/**
 * The notehead glyph assigned to a note. Positions {@code x}/{@code y} are the glyph's own
 * attributes, in the coordinates of its innermost transform (the 0.531496-scaled score frame on
 * Sibelius pages); {@code absoluteX}/{@code absoluteY} are on the page after every transform.
 *
 * @param page         0-based page index
 * @param system       0-based system on that page
 * @param staff        0-based staff within that system (all parts' staves counted)
 * @param glyph        code point as "U+F0CF"
 * @param predictedX   where the MusicXML layout puts the note, same coordinates as x; null without default-x
 * @param predictedY   where the pitch and clef put the note, same coordinates as y; null for unpitched clefs
 * @param distance     from the predicted to the found position over the predicted components; null if none
 * @param glyphOrdinal the glyph's element ordinal on its page
 */
public record NoteheadPlacement(
        String universalId,
        double x,
        double y,
        int page,
        int system,
        int staff,
        String glyph,
        String font,
        double fontSize,
        Double predictedX,
        Double predictedY,
        Double distance,
        double absoluteX,
        double absoluteY,
        int measureIndex,
        int glyphOrdinal) implements NoteheadAssignment {
}
