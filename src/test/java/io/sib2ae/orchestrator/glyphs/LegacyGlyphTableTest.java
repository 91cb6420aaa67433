package io.sib2ae.orchestrator.glyphs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mapping from Sibelius' music-font code points to SMuFL glyphs: one case per font and code
 * point that the Sibelius exports under testdata/sib2ae contain, and a scan of those exports
 * that fails when one holds a code point this table does not know.
 */
class LegacyGlyphTableTest {

    /** What each code point is on the test pages, judged from where Sibelius put it (see the table's comments). */
    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "Helsinki Std, F026, gClef",
            "Helsinki Std, F023, accidentalSharp",
            "Helsinki Std, 0034, timeSig4",
            "Helsinki Std, F0B7, restWhole",
            "Helsinki Std, F0EE, restHalf",
            "Helsinki Std, F0CE, restQuarter",
            "Helsinki Std, F0E4, rest8th",
            "Helsinki Std, F0CF, noteheadBlack",
            "Helsinki Std, F0FA, noteheadHalf",
            "Helsinki Std, F06A, flag8thUp",
            "Helsinki Std, F04A, flag8thDown",
            "Helsinki Std, F0D9, ornamentTrill",
            "Helsinki Std, F07E, wiggleTrill",
            "Helsinki Special Std, F0AA, augmentationDot",
            "Helsinki Text Std, 0070, dynamicPiano",
            "Opus Text Std, 0070, dynamicPiano",
            "Lelandia Std, F026, gClef",
            "Lelandia Std, F023, accidentalSharp",
            "Lelandia Std, F0B7, restWhole",
            "Lelandia Std, F0EE, restHalf",
            "Lelandia Std, F0CE, restQuarter",
            "Lelandia Std, F0E4, rest8th",
            "Lelandia Std, F0CF, noteheadBlack",
            "Lelandia Std, F0FA, noteheadHalf",
            "Lelandia Std, F06A, flag8thUp",
            "Lelandia Std, F04A, flag8thDown",
            "Lelandia Std, F04D, ornamentMordent",
            "Lelandia Std, F0D9, ornamentTrill",
            "Lelandia Std, F07E, wiggleTrill",
            "Lelandia Special Std, F0AA, augmentationDot",
            "Lelandia Special Std, F0DE, graceNoteSlashStemUp",
            "Lelandia Text Std, 0070, dynamicPiano",
    })
    void everyCodePointOfTheTestPagesHasItsSmuflGlyph(String family, String hex, String smufl) {
        SibeliusMusicFont font = SibeliusMusicFont.of(family).orElseThrow();
        int codePoint = Integer.parseInt(hex, 16);
        SmuflGlyph glyph = LegacyGlyphTable.SIBELIUS.lookup(font.role(), codePoint).orElseThrow();
        assertThat(glyph.name()).isEqualTo(smufl);
        // The replacement font draws it: a real outline, not the font's empty .notdef.
        assertThat(SmuflOutlines.shared().has(font.replacement(), glyph.codePoint())).isTrue();
        assertThat(SmuflOutlines.shared().pathData(font.replacement(), glyph.codePoint(), 96, 0, 0,
                new java.awt.geom.AffineTransform())).contains("M").contains("Z");
    }

    @Test
    void theTestPagesHoldNoCodePointTheTableDoesNotKnow() throws Exception {
        List<Path> pages = SibeliusPages.all();
        assertThat(pages).as("the SS 9 page and its four variants").hasSize(5);
        Set<String> unknown = new TreeSet<>();
        for (Path page : pages) {
            List<SibeliusPages.MusicText> texts = SibeliusPages.musicTexts(page);
            assertThat(texts).as("music symbols on %s", page).hasSizeGreaterThan(30);
            for (SibeliusPages.MusicText text : texts) {
                SibeliusMusicFont font = SibeliusMusicFont.of(text.family()).orElseThrow();
                for (int cp : text.content().codePoints().toArray()) {
                    if (LegacyGlyphTable.SIBELIUS.lookup(font.role(), cp).isEmpty()) {
                        unknown.add(text.family() + " " + DrawnGlyph.label(cp) + " in " + page.getFileName());
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void membersOfAFamilyReadTheSameCodePointDifferently() {
        // U+F0AA is the augmentation dot in the Special font and nothing the main font maps.
        assertThat(LegacyGlyphTable.SIBELIUS.lookup(FontRole.SPECIAL, 0xF0AA)).map(SmuflGlyph::name).contains("augmentationDot");
        assertThat(LegacyGlyphTable.SIBELIUS.lookup(FontRole.MAIN, 0xF0AA)).isEmpty();
        // 'n' is a natural in the main font and niente in the text font.
        assertThat(LegacyGlyphTable.SIBELIUS.lookup(FontRole.MAIN, 'n')).map(SmuflGlyph::name).contains("accidentalNatural");
        assertThat(LegacyGlyphTable.SIBELIUS.lookup(FontRole.TEXT, 'n')).map(SmuflGlyph::name).contains("dynamicNiente");
        assertThat(LegacyGlyphTable.SIBELIUS.lookup(FontRole.OTHER, 0xF0CF)).isEmpty();
    }

    @Test
    void shiftedAndUnshiftedCodesAreTheSameSymbol() {
        assertThat(LegacyGlyphTable.SIBELIUS.lookup(FontRole.MAIN, '4')).isEqualTo(LegacyGlyphTable.SIBELIUS.lookup(FontRole.MAIN, 0xF034));
        assertThat(LegacyGlyphTable.SIBELIUS.lookup(FontRole.MAIN, 0xF0CF)).isEqualTo(LegacyGlyphTable.SIBELIUS.lookup(FontRole.MAIN, 0xCF));
    }

    @Test
    void recognisesSibeliusMusicFontsAndNothingElse() {
        assertThat(SibeliusMusicFont.of("Helsinki Std")).contains(new SibeliusMusicFont("Helsinki Std", FontRole.MAIN, SmuflFont.BRAVURA));
        assertThat(SibeliusMusicFont.of("'Opus Special Std'")).contains(new SibeliusMusicFont("Opus Special Std", FontRole.SPECIAL, SmuflFont.BRAVURA));
        assertThat(SibeliusMusicFont.of("Lelandia Text Std")).contains(new SibeliusMusicFont("Lelandia Text Std", FontRole.TEXT, SmuflFont.LELAND));
        assertThat(SibeliusMusicFont.of("Opus Ornaments Std")).map(SibeliusMusicFont::role).contains(FontRole.OTHER);
        // Before Sibelius 6's OpenType fonts the families had no "Std".
        assertThat(SibeliusMusicFont.of("Opus")).map(SibeliusMusicFont::role).contains(FontRole.MAIN);
        assertThat(SibeliusMusicFont.of("Opus Special")).map(SibeliusMusicFont::role).contains(FontRole.SPECIAL);
        assertThat(SibeliusMusicFont.of("Inkpen2 Std")).map(SibeliusMusicFont::replacement).contains(SmuflFont.BRAVURA);
        assertThat(SibeliusMusicFont.of("Palatino")).isEmpty();
        assertThat(SibeliusMusicFont.of("Minion Std")).isEmpty();
        assertThat(SibeliusMusicFont.of(".AppleSystemUIFont")).isEmpty();
        assertThat(SibeliusMusicFont.of(null)).isEmpty();
    }
}
