package io.sib2ae.orchestrator.notehead;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Rasterises per-note SVGs with Batik. The Sibelius fonts are not installed, so Batik draws the
 * fallback font's missing-glyph box for U+F0CF/U+F0FA; the box starts at the text's x and sits on
 * its baseline y, which is what proves the file is drawn where the page draws the notehead.
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
            double em = p.fontSize() * 0.531496;
            // The whole drawing lies in one em to the right of x and above (a little below) the baseline.
            assertThat((double) ink.x).isBetween(p.absoluteX() - 2, p.absoluteX() + em * 0.5);
            assertThat((double) (ink.x + ink.width)).isLessThan(p.absoluteX() + em);
            assertThat((double) (ink.y + ink.height)).isBetween(p.absoluteY() - 2, p.absoluteY() + em * 0.3);
            assertThat((double) ink.y).isGreaterThan(p.absoluteY() - em * 1.2);
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
    void perNoteSvgKeepsThePageCanvasAndTheGlyph(@TempDir Path out) {
        NoteheadPlacement half = placements.get(3);
        Path svg = out.resolve("half.svg");
        new NoteheadSvgWriter().writeNote(page, half, svg);
        SvgPage reread = new NoteheadLocator().locate(svg, 0);
        assertThat(reread.root().attribute("viewBox")).isEqualTo(page.root().attribute("viewBox"));
        assertThat(reread.root().attribute("width")).isEqualTo(page.root().attribute("width"));
        assertThat(reread.root().attribute("height")).isEqualTo(page.root().attribute("height"));
        assertThat(reread.noteheads()).singleElement().satisfies(g -> {
            assertThat(g.glyph()).isEqualTo("U+F0FA");
            assertThat(g.fontFamily()).isEqualTo("Helsinki Std");
            assertThat(g.fontSize()).isEqualTo(96);
            assertThat(g.localX()).isEqualTo(2723);
            assertThat(g.localY()).isEqualTo(1429);
            assertThat(g.transform()).isEqualTo(page.notehead(half.glyphOrdinal()).orElseThrow().transform());
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
