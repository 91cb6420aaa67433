package io.sib2ae.orchestrator.notehead;

import java.util.List;

/**
 * One notehead glyph found on an SVG page: where it is drawn (in its own coordinates and on the
 * page), in which font, and the exact element chain needed to draw it again in the same place.
 *
 * @param page        0-based page index
 * @param ordinal     0-based position of the {@code <text>} element among all elements of the page
 * @param codePoint   the glyph's code point, e.g. U+F0CF
 * @param shape       the notehead shape the code stands for
 * @param fontFamily  the font family in effect
 * @param fontSize    the font size in effect, in the glyph's own coordinates
 * @param localX      the {@code x} attribute, in the glyph's own coordinates
 * @param localY      the {@code y} attribute, in the glyph's own coordinates
 * @param absoluteX   x on the page after every enclosing transform
 * @param absoluteY   y on the page after every enclosing transform
 * @param transform   the whole transform chain from the glyph's coordinates to the page
 * @param ancestors   the start tags enclosing the glyph, outermost ({@code <svg>}) first
 * @param element     the glyph's own {@code <text>} start tag
 */
public record NoteheadGlyph(
        int page,
        int ordinal,
        int codePoint,
        NoteheadShape shape,
        String fontFamily,
        double fontSize,
        double localX,
        double localY,
        double absoluteX,
        double absoluteY,
        Matrix transform,
        List<ElementTag> ancestors,
        ElementTag element) {

    public NoteheadGlyph {
        ancestors = List.copyOf(ancestors);
    }

    /** The code point as "U+F0CF". */
    public String glyph() {
        return NoteheadCodeTable.label(codePoint);
    }

    /** The font size as drawn on the page. */
    public double absoluteFontSize() {
        return fontSize * transform.uniformScale();
    }

    /** The glyph's text content. */
    public String text() {
        return new String(Character.toChars(codePoint));
    }
}
