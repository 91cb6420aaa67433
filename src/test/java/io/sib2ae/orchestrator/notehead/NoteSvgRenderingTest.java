package io.sib2ae.orchestrator.notehead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rasterises per-note SVGs with Batik, on a machine without Sibelius' fonts. The noteheads are
 * Bravura outlines: a notehead one staff space high, starting at the text's x and centred on its
 * baseline y, which is what proves the file is drawn where the page draws the notehead.
 */
class NoteSvgRenderingTest {

    private static SvgPage page;
    private static List<NoteheadPlacement> placements;

    @BeforeAll
    static void assign() throws Exception {
        page = new NoteheadLocator().locate(TestPages.ss9Svg(), 0);
        ScoreLayout layout = new ScoreLayoutReader().read(TestPages.ss9MusicXml());
        placements = new ArrayList<>();
        for (NoteheadAssignment a : new NoteheadAssigner().assign(layout, List.of(page), MusicXmlTargets.read(TestPages.ss9MusicXml()))) {
            placements.add((NoteheadPlacement) a);
        }
    }

    @Test
    void everyPerNoteSvgRendersInkOnlyAtItsNotehead(@TempDir Path out) throws Exception {
        NoteheadSvgWriter writer = new NoteheadSvgWriter();
        for (NoteheadPlacement p : placements) {
            Path svg = out.resolve(p.universalId() + ".svg");
            writer.writeNote(page, p, svg);
            BufferedImage image = rasterise(svg);
            assertThat(image.getWidth()).isEqualTo(2592);
            Rectangle ink = inkBounds(image);
            assertThat(ink).as("ink of %s", p.universalId()).isNotNull();
            double space = p.fontSize() * 0.531496 / 4;
            // Bravura's black and half noteheads are 1.18 spaces wide and 1 space high.
            assertThat((double) ink.x).as("left of %s", p.universalId()).isCloseTo(p.absoluteX(), within(1.5));
            assertThat((double) ink.width).isCloseTo(1.18 * space, within(2.0));
            assertThat((double) ink.height).isCloseTo(space, within(2.0));
            assertThat(ink.y + ink.height / 2.0).as("centre of %s", p.universalId()).isCloseTo(p.absoluteY(), within(1.5));
        }
    }

    @Test
    void inkMovesExactlyAsFarAsTheNoteheadsDo(@TempDir Path out) throws Exception {
        NoteheadPlacement fluteA4 = placements.get(0);
        NoteheadPlacement violinC4 = placements.get(7);
        NoteheadSvgWriter writer = new NoteheadSvgWriter();
        writer.writeNote(page, fluteA4, out.resolve("a.svg"));
        writer.writeNote(page, violinC4, out.resolve("b.svg"));
        Rectangle a = inkBounds(rasterise(out.resolve("a.svg")));
        Rectangle b = inkBounds(rasterise(out.resolve("b.svg")));
        assertThat((double) (b.x - a.x)).isCloseTo(violinC4.absoluteX() - fluteA4.absoluteX(), org.assertj.core.data.Offset.offset(1.5));
        assertThat((double) (b.y - a.y)).isCloseTo(violinC4.absoluteY() - fluteA4.absoluteY(), org.assertj.core.data.Offset.offset(1.5));
    }

    @Test
    void perNoteSvgKeepsThePageCanvasAndTheGlyph(@TempDir Path out) throws Exception {
        NoteheadPlacement half = placements.get(3);
        Path svg = out.resolve("half.svg");
        assertThat(new NoteheadSvgWriter().writeNote(page, half, svg)).as("placeholders").isEmpty();
        SvgPage reread = new NoteheadLocator().locate(svg, 0);
        assertThat(reread.root().attribute("viewBox")).isEqualTo(page.root().attribute("viewBox"));
        assertThat(reread.root().attribute("width")).isEqualTo(page.root().attribute("width"));
        assertThat(reread.root().attribute("height")).isEqualTo(page.root().attribute("height"));
        WrittenSvg written = WrittenSvg.read(svg);
        assertThat(written.textElements()).isZero();
        assertThat(written.glyphs()).singleElement().satisfies(g -> {
            assertThat(g.notehead()).isTrue();
            assertThat(g.universalId()).isEqualTo(half.universalId());
            assertThat(g.codePoint()).isEqualTo("U+F0FA");
            assertThat(g.musicFont()).isEqualTo("Helsinki Std");
            assertThat(g.smufl()).isEqualTo("noteheadHalf");
            assertThat(g.fill()).isEqualTo("#000000");
            assertThat(g.transformed()).isFalse();
            assertThat(g.d()).matches("M[-0-9., MLCQZ]*Z");
            // (2723, 1429) in the 0.531496-scaled frame: the outline starts there, centred on the line.
            assertThat(g.onCurveBounds().getMinX()).isCloseTo(2723 * 0.531496, within(0.05));
            assertThat(g.onCurveBounds().getCenterY()).isCloseTo(1429 * 0.531496, within(0.3));
        });
    }

    private static BufferedImage rasterise(Path svg) throws Exception {
        BufferedImage[] result = new BufferedImage[1];
        ImageTranscoder transcoder = new ImageTranscoder() {
            @Override
            public BufferedImage createImage(int width, int height) {
                return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            }

            @Override
            public void writeImage(BufferedImage image, TranscoderOutput output) {
                result[0] = image;
            }
        };
        // One pixel per viewBox unit, so page coordinates are pixel coordinates.
        transcoder.addTranscodingHint(ImageTranscoder.KEY_WIDTH, 2592f);
        transcoder.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        transcoder.transcode(new TranscoderInput(svg.toUri().toString()), null);
        return result[0];
    }

    private static Rectangle inkBounds(BufferedImage image) {
        Rectangle bounds = null;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    Rectangle pixel = new Rectangle(x, y, 1, 1);
                    bounds = bounds == null ? pixel : bounds.union(pixel);
                }
            }
        }
        return bounds;
    }
}
