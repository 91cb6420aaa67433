package io.sib2ae.orchestrator.glyphs;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the text of a Sibelius music font as SMuFL outlines, at the position and size the page
 * gave the text, so the page renders on a machine without Sibelius' fonts. A character with no
 * mapping becomes a visible placeholder box, never nothing.
 */
public final class MusicGlyphs {

    /** SMuFL fonts are 4 staff spaces to the em, as Sibelius' own music fonts are. */
    private static final double SPACES_PER_EM = 4;
    /** The placeholder box, in ems: about a notehead wide and two spaces tall. */
    private static final double BOX_WIDTH = 0.3;
    private static final double BOX_HEIGHT = 0.5;
    private static final double BOX_FRAME = 0.04;

    private final LegacyGlyphTable table;
    private final SmuflOutlines outlines;

    public MusicGlyphs() {
        this(LegacyGlyphTable.SIBELIUS, SmuflOutlines.shared());
    }

    public MusicGlyphs(LegacyGlyphTable table, SmuflOutlines outlines) {
        this.table = table;
        this.outlines = outlines;
    }

    /**
     * Draws each character of a music-font text element.
     *
     * @param font     the font the element is in
     * @param text     its characters
     * @param fontSize its font size, in its own coordinates
     * @param xs       its {@code x} attribute: one position, or one per character
     * @param y        its baseline
     * @param toPage   every transform from the element's coordinates to the page's viewBox
     */
    public List<DrawnGlyph> draw(SibeliusMusicFont font, String text, double fontSize, double[] xs, double y,
                                 AffineTransform toPage) {
        List<DrawnGlyph> drawn = new ArrayList<>();
        double pen = xs.length == 0 ? 0 : xs[0];
        int index = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (index < xs.length) {
                pen = xs[index];
            }
            index++;
            if (Character.isWhitespace(codePoint)) {
                pen += fontSize / SPACES_PER_EM;
                continue;
            }
            SmuflGlyph glyph = table.lookup(font.role(), codePoint)
                    .filter(g -> outlines.has(font.replacement(), g.codePoint()))
                    .orElse(null);
            if (glyph == null) {
                drawn.add(new DrawnGlyph(font.family(), codePoint, null, placeholder(fontSize, pen, y, toPage)));
                pen += fontSize * BOX_WIDTH;
            } else {
                double baseline = y + glyph.yOffsetInSpaces() * fontSize / SPACES_PER_EM;
                drawn.add(new DrawnGlyph(font.family(), codePoint, glyph,
                        outlines.pathData(font.replacement(), glyph.codePoint(), fontSize, pen, baseline, toPage)));
                pen += outlines.advance(font.replacement(), glyph.codePoint(), fontSize);
            }
        }
        return drawn;
    }

    /** A hollow box standing on the baseline, filled even-odd so it needs no stroke width. */
    private static String placeholder(double fontSize, double x, double y, AffineTransform toPage) {
        double w = BOX_WIDTH * fontSize;
        double h = BOX_HEIGHT * fontSize;
        double f = BOX_FRAME * fontSize;
        Path2D.Double box = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        box.append(new java.awt.geom.Rectangle2D.Double(x, y - h, w, h), false);
        box.append(new java.awt.geom.Rectangle2D.Double(x + f, y - h + f, w - 2 * f, h - 2 * f), false);
        return SmuflOutlines.pathData(box, toPage);
    }
}
