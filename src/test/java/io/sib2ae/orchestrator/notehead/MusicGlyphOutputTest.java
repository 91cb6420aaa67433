package io.sib2ae.orchestrator.notehead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sib2ae.orchestrator.glyphs.DrawnGlyph;
import io.sib2ae.orchestrator.glyphs.PageRaster;
import io.sib2ae.orchestrator.glyphs.SibeliusMusicFont;
import io.sib2ae.orchestrator.glyphs.SibeliusPages;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every SVG the hop writes draws music as outlines, never as text in a Sibelius font that no
 * workstation without Sibelius has, and keeps to the path contract the After Effects side reads.
 */
class MusicGlyphOutputTest {

    private static final double SCALE = 0.531496;

    @ParameterizedTest
    @ValueSource(strings = {"SS 9", "Acciatura", "Mordent", "Trill", "Lelandia"})
    void noOutputSvgHoldsTextInAMusicFont(String name, @TempDir Path out) throws Exception {
        Path svg = name.equals("SS 9") ? TestPages.ss9Svg() : TestPages.variant(name, "svg");
        Path xml = name.equals("SS 9") ? TestPages.ss9MusicXml() : TestPages.variant(name, "musicxml");
        SvgPage page = new NoteheadLocator().locate(svg, 0);
        ScoreLayout layout = new ScoreLayoutReader().read(xml);
        List<NoteheadAssignment> assignments = new NoteheadAssigner().assign(layout, List.of(page), MusicXmlTargets.read(xml));
        NoteheadSvgWriter writer = new NoteheadSvgWriter();
        List<DrawnGlyph> placeholders = new ArrayList<>();
        Map<Integer, String> ids = new HashMap<>();
        for (NoteheadAssignment a : assignments) {
            NoteheadPlacement p = (NoteheadPlacement) a;
            ids.put(p.glyphOrdinal(), p.universalId());
            placeholders.addAll(writer.writeNote(page, p, out.resolve("noteheads").resolve("notehead_" + p.universalId() + ".svg")));
        }
        placeholders.addAll(writer.writeAllNoteheads(page, ids, out.resolve("noteheads_all.svg")));
        placeholders.addAll(writer.writeWithoutNoteheads(page, out.resolve("score_without_noteheads.svg")));
        for (ScoreLayout.PartLayout part : layout.parts()) {
            placeholders.addAll(writer.writeInstrument(page, layout, part.id(), NoteheadSvgWriter.instrumentPath(out, part.id(), part.id())));
        }
        assertThat(placeholders).as("every code point of the page is mapped").isEmpty();

        List<Path> written;
        try (Stream<Path> files = Files.walk(out)) {
            written = files.filter(p -> p.toString().endsWith(".svg")).toList();
        }
        assertThat(written).hasSize(assignments.size() + 2 + layout.parts().size());
        for (Path file : written) {
            WrittenSvg w = WrittenSvg.read(file);
            assertThat(w.musicFontTexts()).as("music-font text in %s", file.getFileName()).isEmpty();
            assertThat(w.viewBox()).isEqualTo(page.root().attribute("viewBox").orElseThrow());
            for (WrittenSvg.GlyphPath g : w.glyphs()) {
                assertThat(g.transformed()).as("transform above a glyph of %s", file.getFileName()).isFalse();
                assertThat(g.d().replaceAll("[-0-9., ]", "")).matches("M[MLCQZ]*Z");
                assertThat(SibeliusMusicFont.isMusicFont(g.musicFont())).isTrue();
                assertThat(g.codePoint()).matches("U\\+[0-9A-F]{4,6}");
                assertThat(g.smufl()).isNotBlank();
                assertThat(g.fill()).isEqualTo("#000000");
            }
        }
        // The symbols of the page are in exactly one of the two page layers, one path per character.
        int characters = 0;
        for (SibeliusPages.MusicText text : SibeliusPages.musicTexts(svg)) {
            characters += text.content().codePointCount(0, text.content().length());
        }
        WrittenSvg all = WrittenSvg.read(out.resolve("noteheads_all.svg"));
        WrittenSvg rest = WrittenSvg.read(out.resolve("score_without_noteheads.svg"));
        assertThat(all.glyphs().size() + rest.glyphs().size()).isEqualTo(characters);
        assertThat(all.glyphs()).hasSize(assignments.size()).allMatch(g -> g.notehead() && g.universalId() != null);
        assertThat(rest.glyphs()).noneMatch(WrittenSvg.GlyphPath::notehead);
        // Each per-note file draws exactly the path noteheads_all draws for that note.
        for (WrittenSvg.GlyphPath g : all.glyphs()) {
            WrittenSvg one = WrittenSvg.read(out.resolve("noteheads").resolve("notehead_" + g.universalId() + ".svg"));
            assertThat(one.glyphs()).containsExactly(g);
        }
    }

    @Test
    void restsAndFlagsLandWhereSibeliusDrewThem(@TempDir Path out) throws Exception {
        SvgPage page = new NoteheadLocator().locate(TestPages.ss9Svg(), 0);
        Path rest = out.resolve("score_without_noteheads.svg");
        new NoteheadSvgWriter().writeWithoutNoteheads(page, rest);
        List<WrittenSvg.GlyphPath> glyphs = WrittenSvg.read(rest).glyphs();
        // The flute's bar rests hang from the fourth line (y 1001 in the score frame), not from
        // the middle line the page writes them on.
        Rectangle2D wholeRest = glyphs.stream().filter(g -> "restWhole".equals(g.smufl())).findFirst().orElseThrow().onCurveBounds();
        assertThat(wholeRest.getMinY()).isCloseTo(1001 * SCALE, within(0.6));
        // The flute F5's stem runs up to y 953 at x 3482; its flag starts at the stem's end.
        Rectangle2D flag = glyphs.stream().filter(g -> "flag8thUp".equals(g.smufl())).findFirst().orElseThrow().onCurveBounds();
        assertThat(flag.getMinY()).isCloseTo(953 * SCALE, within(1.0));
        assertThat(flag.getMinX()).isCloseTo(3482 * SCALE, within(1.0));
        // The G clef curls round the second line (y 1049), its baseline.
        Rectangle2D clef = glyphs.stream().filter(g -> "gClef".equals(g.smufl())).findFirst().orElseThrow().onCurveBounds();
        assertThat(clef.getMinY()).isLessThan(977 * SCALE);
        assertThat(clef.getMaxY()).isGreaterThan(1073 * SCALE);
        assertThat(clef.getMinX()).isCloseTo(588 * SCALE, within(1.0));
    }

    @Test
    void anUnmappedCodePointIsAVisiblePlaceholderAndIsReturned(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("page.svg");
        Files.writeString(svg, """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
                <g transform="matrix(0.5,0,0,0.5,0,0)" font-family="Helsinki Std" font-size="96">
                <polyline points="0,100 400,100"/>
                <text fill="#000000" x="40" y="100">\uF0C6</text>
                <text fill="#000000" x="80" y="100" font-family="Helsinki Ornaments Std">\uF0CF</text>
                <text fill="#000000" x="120" y="100">\uF0CF</text>
                </g>
                </svg>
                """, StandardCharsets.UTF_8);
        SvgPage page = new NoteheadLocator().locate(svg, 0);
        assertThat(page.noteheads()).hasSize(1);
        Path rest = dir.resolve("rest.svg");
        List<DrawnGlyph> placeholders = new NoteheadSvgWriter().writeWithoutNoteheads(page, rest);
        assertThat(placeholders).extracting(DrawnGlyph::musicFont, DrawnGlyph::codePointLabel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Helsinki Std", "U+F0C6"),
                        org.assertj.core.groups.Tuple.tuple("Helsinki Ornaments Std", "U+F0CF"));
        WrittenSvg written = WrittenSvg.read(rest);
        assertThat(written.musicFontTexts()).isEmpty();
        assertThat(written.glyphs()).hasSize(2).allSatisfy(g -> {
            assertThat(g.cssClass()).isEqualTo(NoteheadSvgWriter.UNMAPPED_CLASS);
            assertThat(g.fill()).isEqualTo("#FF00FF");
            assertThat(g.smufl()).isNull();
        });
        // The box stands on the baseline at the text's x: (40, 100) scaled by 0.5.
        Rectangle2D box = written.glyphs().get(0).onCurveBounds();
        assertThat(box.getMinX()).isCloseTo(20, within(0.01));
        assertThat(box.getMaxY()).isCloseTo(50, within(0.01));
        assertThat(box.getHeight()).isGreaterThan(10);
    }

    @Test
    void thePagePngFillsAUhdFrameWidthAndLinesUpWithTheViewBox(@TempDir Path out) throws Exception {
        SvgPage page = new NoteheadLocator().locate(TestPages.ss9Svg(), 0);
        Path rest = out.resolve("score_without_noteheads.svg");
        new NoteheadSvgWriter().writeWithoutNoteheads(page, rest);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                new PageRaster().png(rest, new Rectangle2D.Double(0, 0, 2592, 3455))));
        assertThat(png.getWidth()).isEqualTo(3840);
        assertThat(png.getHeight()).isEqualTo((int) Math.ceil(3455 * 3840 / 2592.0));
        double px = 3840 / 2592.0;
        // The G clef of the flute: ink where the outline is, none a space above the staff.
        Rectangle2D clef = WrittenSvg.read(rest).glyphs().stream().filter(g -> "gClef".equals(g.smufl()))
                .findFirst().orElseThrow().onCurveBounds();
        int column = (int) Math.round(clef.getCenterX() * px);
        int inked = 0;
        for (int row = (int) (clef.getMinY() * px); row <= (int) (clef.getMaxY() * px); row++) {
            inked += alpha(png, column, row) > 128 ? 1 : 0;
        }
        assertThat(inked).as("opaque pixels down the clef's middle").isGreaterThan(20);
        // Transparent where the page draws nothing: above the first staff, left of the margin.
        assertThat(alpha(png, 100, 100)).isZero();
        // The top staff line (y 977 in the score frame) is at the same row in the PNG.
        int lineRow = (int) Math.floor(977 * SCALE * px);
        int x = (int) Math.round(1300 * SCALE * px);
        assertThat(Math.max(alpha(png, x, lineRow), alpha(png, x, lineRow + 1))).isGreaterThan(60);
        assertThat(alpha(png, x, lineRow - 6)).isZero();
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }
}
