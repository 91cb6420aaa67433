package io.sib2ae.orchestrator.glyphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG of a page: its size, its scale and origin, its transparency, read back with ImageIO. */
class PageRasterTest {

    @Test
    void theViewBoxFillsTheWidthAtOneScaleFromItsOrigin(@TempDir Path dir) throws Exception {
        // A viewBox away from the origin and width/height attributes in other proportions than it.
        Path svg = dir.resolve("page.svg");
        Files.writeString(svg, """
                <svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="100mm" viewBox="100 50 200 90" version="1.2" baseProfile="tiny">
                <rect x="100" y="50" width="20" height="10" fill="#ff0000"/>
                <rect x="290" y="130" width="10" height="10" fill="#0000ff"/>
                </svg>
                """);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                new PageRaster(400).png(svg, new Rectangle2D.Double(100, 50, 200, 90))));
        assertThat(png.getWidth()).isEqualTo(400);
        assertThat(png.getHeight()).isEqualTo(180);
        // Scale 2: the red rectangle covers pixels 0..39 x 0..19, the blue one 380..399 x 160..179.
        assertThat(png.getRGB(1, 1)).isEqualTo(0xFFFF0000);
        assertThat(png.getRGB(38, 18)).isEqualTo(0xFFFF0000);
        assertThat(png.getRGB(41, 21) >>> 24).as("transparent just outside the red").isZero();
        assertThat(png.getRGB(399, 179)).isEqualTo(0xFF0000FF);
        assertThat(png.getRGB(381, 161)).isEqualTo(0xFF0000FF);
        assertThat(png.getRGB(378, 158) >>> 24).as("transparent just outside the blue").isZero();
        assertThat(png.getRGB(200, 90) >>> 24).as("transparent in the middle").isZero();
    }

    @Test
    void aPageTallerThanOneBandIsDrawnToTheLastRow(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("tall.svg");
        Files.writeString(svg, """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 100">
                <rect x="0" y="0" width="10" height="100" fill="#000000"/>
                </svg>
                """);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(new PageRaster(100).png(svg, new Rectangle2D.Double(0, 0, 10, 100))));
        assertThat(png.getHeight()).isEqualTo(1000);
        for (int y : new int[] {0, 255, 256, 511, 512, 999}) {
            assertThat(png.getRGB(50, y)).as("row %d", y).isEqualTo(0xFF000000);
        }
    }

    @Test
    void anEmptyViewBoxIsRefused(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("empty.svg");
        Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 0 0\"/>");
        assertThatThrownBy(() -> new PageRaster().png(svg, new Rectangle2D.Double(0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty viewBox");
        assertThatThrownBy(() -> new PageRaster(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
