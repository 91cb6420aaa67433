package io.sib2ae.orchestrator.glyphs;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the code points Sibelius writes in its music fonts to SMuFL glyphs.
 *
 * <p>Sibelius' music fonts (Opus, Helsinki, Lelandia, Inkpen2, ...) keep the character layout of
 * the old Mac Sonata font: each symbol sits on the key Sonata gave it, read as a Mac Roman byte
 * ('&amp;' the G clef, option-q 'œ' = 0xCF the black notehead, option-h '˙' = 0xFA the half
 * notehead). Sibelius 7 and later write those bytes shifted into the private-use area (U+F000 +
 * byte); time-signature digits come unshifted. Both forms are accepted here.
 *
 * <p>The entries marked "seen" occur in the Sibelius exports under testdata/sib2ae, each judged
 * from where the page puts it and what the MusicXML says is there, and each has a case in
 * LegacyGlyphTableTest (MusicGlyphOutputTest checks where the moved ones land); the others
 * follow the same Sonata layout but no test page shows them.
 */
public final class LegacyGlyphTable {

    private static final int SHIFT = 0xF000;

    private final Map<FontRole, Map<Integer, SmuflGlyph>> byRole = new HashMap<>();

    public static final LegacyGlyphTable SIBELIUS = new LegacyGlyphTable();

    private LegacyGlyphTable() {
        // Main font: noteheads.
        main(0xCF, "noteheadBlack", 0xE0A4, 0);         // seen: 'œ'
        main(0xFA, "noteheadHalf", 0xE0A3, 0);          // seen: '˙'
        main('w', "noteheadWhole", 0xE0A2, 0);
        main('W', "noteheadDoubleWhole", 0xE0A0, 0);
        // Clefs, on the line they name, as in SMuFL.
        main('&', "gClef", 0xE050, 0);                  // seen
        main('?', "fClef", 0xE062, 0);
        main('B', "cClef", 0xE05C, 0);
        // Accidentals.
        main('#', "accidentalSharp", 0xE262, 0);        // seen
        main('b', "accidentalFlat", 0xE260, 0);
        main('n', "accidentalNatural", 0xE261, 0);
        // Time signatures: digits centred on their line in both layouts.
        for (int digit = 0; digit <= 9; digit++) {
            main('0' + digit, "timeSig" + digit, 0xE080 + digit, 0);   // seen: '4'
        }
        main('c', "timeSigCommon", 0xE08A, 0);
        main('C', "timeSigCutCommon", 0xE08B, 0);
        // Rests. Sibelius writes every rest on the middle line; SMuFL's whole rest hangs from its
        // baseline, so it goes up one space to hang from the fourth line, where the page has it.
        main(0xB7, "restWhole", 0xE4E3, -1);            // seen: '∑', the bar rests
        main(0xEE, "restHalf", 0xE4E4, 0);              // seen: 'Ó'
        main(0xCE, "restQuarter", 0xE4E5, 0);           // seen: 'Œ'
        main(0xE4, "rest8th", 0xE4E6, 0);               // seen: '‰'
        main(0xC5, "rest16th", 0xE4E7, 0);              // '≈'
        // Flags. Sibelius draws a flag one space inside the stem's end (the stem of the first
        // flute F5 runs to y 953, its flag is written at 977); SMuFL's flag starts at the end.
        main('j', "flag8thUp", 0xE240, -1);             // seen
        main('J', "flag8thDown", 0xE241, 1);            // seen
        // Ornaments and lines.
        main('M', "ornamentMordent", 0xE56D, 0);        // seen: MusicXML <mordent/>, with the vertical stroke
        main(0xD9, "ornamentTrill", 0xE566, 0);         // seen: 'Ÿ', the "tr" of <trill-mark/>
        main('~', "wiggleTrill", 0xE59D, 0);            // seen: the wavy line after "tr", one per segment
        // Special font.
        put(FontRole.SPECIAL, 0xAA, new SmuflGlyph("augmentationDot", 0xE1E7, 0));        // seen
        put(FontRole.SPECIAL, 0xDE, new SmuflGlyph("graceNoteSlashStemUp", 0xE564, 0));   // seen: acciaccatura
        // Text font: the dynamics letters of expression text.
        text('p', "dynamicPiano", 0xE520);              // seen
        text('m', "dynamicMezzo", 0xE521);
        text('f', "dynamicForte", 0xE522);
        text('r', "dynamicRinforzando", 0xE523);
        text('s', "dynamicSforzando", 0xE524);
        text('z', "dynamicZ", 0xE525);
        text('n', "dynamicNiente", 0xE526);
    }

    private void main(int legacy, String name, int smufl, double yOffsetInSpaces) {
        put(FontRole.MAIN, legacy, new SmuflGlyph(name, smufl, yOffsetInSpaces));
    }

    private void text(int legacy, String name, int smufl) {
        put(FontRole.TEXT, legacy, new SmuflGlyph(name, smufl, 0));
    }

    private void put(FontRole role, int legacy, SmuflGlyph glyph) {
        SmuflGlyph previous = byRole.computeIfAbsent(role, r -> new HashMap<>()).put(legacy, glyph);
        if (previous != null) {
            throw new IllegalStateException("legacy code " + legacy + " mapped twice in " + role);
        }
    }

    /** The SMuFL glyph a code point of the given font member stands for, or empty when unmapped. */
    public Optional<SmuflGlyph> lookup(FontRole role, int codePoint) {
        int legacy = codePoint >= SHIFT && codePoint < SHIFT + 0x100 ? codePoint - SHIFT : codePoint;
        return Optional.ofNullable(byRole.getOrDefault(role, Map.of()).get(legacy));
    }
}
