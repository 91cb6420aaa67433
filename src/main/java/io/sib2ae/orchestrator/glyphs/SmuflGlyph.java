package io.sib2ae.orchestrator.glyphs;

/**
 * A SMuFL glyph that a Sibelius code point stands for.
 *
 * @param name            the SMuFL glyph name, e.g. {@code noteheadBlack}
 * @param codePoint       its SMuFL code point, e.g. U+E0A4
 * @param yOffsetInSpaces how far to move the SMuFL glyph down (positive) or up (negative), in
 *                        staff spaces, so it lands where Sibelius drew its own; zero for almost
 *                        every glyph, because SMuFL and the Sonata layout share the baseline
 *                        conventions for noteheads, clefs, accidentals and most rests
 */
public record SmuflGlyph(String name, int codePoint, double yOffsetInSpaces) {

    public SmuflGlyph(String name, int codePoint) {
        this(name, codePoint, 0);
    }
}
