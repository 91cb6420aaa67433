package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.glyphs.FontRole;
import io.sib2ae.orchestrator.glyphs.SibeliusMusicFont;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Says which glyphs of a Sibelius music font are noteheads. Sibelius writes its legacy
 * Sonata-compatible font codes shifted into the private-use area (U+F000 + code) for every
 * music font, so one table serves Opus, Helsinki, Inkpen2, Reprise, Lelandia and the rest.
 *
 * @param shapes code point to notehead shape; every other code point is not a notehead
 */
public record NoteheadCodeTable(Map<Integer, NoteheadShape> shapes) {

    /** Legacy code 207 ("Ï"), seen in every test page for quarter and shorter notes. */
    public static final int BLACK = 0xF0CF;
    /** Legacy code 250 ("ú"), seen in the test pages for the dotted half B3. */
    public static final int HALF = 0xF0FA;
    /** Legacy code 119 ("w"), the Sonata-layout whole note; no test page has one. */
    public static final int WHOLE = 0xF077;
    /** Legacy code 87 ("W"), the Sonata-layout double whole note; no test page has one. */
    public static final int BREVE = 0xF057;

    public static final NoteheadCodeTable SIBELIUS_LEGACY = new NoteheadCodeTable(Map.of(
            BLACK, NoteheadShape.BLACK,
            HALF, NoteheadShape.HALF,
            WHOLE, NoteheadShape.WHOLE,
            BREVE, NoteheadShape.BREVE));

    public NoteheadCodeTable {
        shapes = Map.copyOf(shapes);
    }

    /** The notehead shape of a glyph, or empty when the glyph is something else. */
    public Optional<NoteheadShape> shapeOf(String fontFamily, int codePoint) {
        if (!isMainMusicFont(fontFamily)) {
            return Optional.empty();
        }
        return Optional.ofNullable(shapes.get(codePoint));
    }

    /**
     * True for a Sibelius main music font such as "Opus Std" or "Lelandia Std". The companion fonts
     * of a family ("Helsinki Special Std", "Opus Text Std", ...) reuse the same code points for
     * other symbols: U+F0AA is the augmentation dot in "Special", U+F0DE the grace-note slash.
     * The same recognition decides which text the SVG writer draws as outlines, so every
     * notehead found here can be drawn there.
     */
    public static boolean isMainMusicFont(String fontFamily) {
        return SibeliusMusicFont.of(fontFamily).map(f -> f.role() == FontRole.MAIN).orElse(false);
    }

    /** "U+F0CF" style label of a code point. */
    public static String label(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}
