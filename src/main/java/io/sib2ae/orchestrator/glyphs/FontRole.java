package io.sib2ae.orchestrator.glyphs;

/**
 * Which member of a Sibelius music font family a text element uses. The members share code
 * points for different symbols (U+F0AA is a notehead-sized dot in "Special", something else in
 * the main font), so a code point means nothing without its role.
 */
public enum FontRole {
    /** "Helsinki Std", "Opus Std", "Lelandia Std": noteheads, clefs, rests, accidentals, flags. */
    MAIN,
    /** "Helsinki Special Std": augmentation dots, grace-note slashes and other extras. */
    SPECIAL,
    /** "Helsinki Text Std", "Opus Text Std": the dynamics letters inside expression text. */
    TEXT,
    /** Every other member (Ornaments, Percussion, Chords, ...): nothing mapped yet. */
    OTHER
}
