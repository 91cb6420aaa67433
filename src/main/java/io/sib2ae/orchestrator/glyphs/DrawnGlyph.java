package io.sib2ae.orchestrator.glyphs;

import java.util.Locale;

/**
 * One music-font character drawn as an outline.
 *
 * @param musicFont the Sibelius font family the page named
 * @param codePoint the character the page wrote in that font
 * @param smufl     the SMuFL glyph drawn for it, or null when the code point has no mapping
 *                  and a placeholder box was drawn instead
 * @param pathData  the outline as SVG path data: absolute M, L, C, Q and Z only, in the
 *                  coordinates of the transform it was drawn with
 */
public record DrawnGlyph(String musicFont, int codePoint, SmuflGlyph smufl, String pathData) {

    public boolean mapped() {
        return smufl != null;
    }

    /** The code point as "U+F0CF". */
    public String codePointLabel() {
        return label(codePoint);
    }

    public static String label(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}
