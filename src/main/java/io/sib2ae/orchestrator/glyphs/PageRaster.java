package io.sib2ae.orchestrator.glyphs;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

/**
 * Renders an SVG page to PNG with Batik, for After Effects, which cannot be relied on to import
 * SVG. The page's viewBox is scaled so that its width fills {@link #width} pixels and its height
 * follows the viewBox's proportions: 3840 wide (the width of a UHD frame) gives 5118 rows for
 * SS 9's 2592 x 3455 page, so a comp can show a whole system across the frame at full
 * resolution and move along the page. A viewBox point (x, y) is at pixel ((x - minX) * s,
 * (y - minY) * s) with s = width / viewBox width, exactly, so the notehead SVGs and the PNG line
 * up. Transparent where the page draws nothing, so it goes over any background.
 */
public final class PageRaster {

    /** The width of a UHD (4K) frame. */
    public static final int UHD_WIDTH = 3840;

    private final int width;

    public PageRaster() {
        this(UHD_WIDTH);
    }

    public PageRaster(int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("a page raster needs a positive width, not " + width);
        }
        this.width = width;
    }

    public int width() {
        return width;
    }

    /**
     * The page as PNG bytes. The SVG is one the project wrote, so Batik fetches nothing outside it.
     *
     * @param viewBox the page's viewBox, the area drawn
     */
    public byte[] png(Path svg, Rectangle2D viewBox) {
        if (!(viewBox.getWidth() > 0) || !(viewBox.getHeight() > 0)) {
            throw new IllegalArgumentException(svg + " has an empty viewBox " + viewBox);
        }
        BufferedImage[] result = new BufferedImage[1];
        ImageTranscoder transcoder = new ImageTranscoder() {
            @Override
            public BufferedImage createImage(int w, int h) {
                return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            }

            @Override
            public void writeImage(BufferedImage image, TranscoderOutput output) {
                result[0] = image;
            }
        };
        transcoder.addTranscodingHint(ImageTranscoder.KEY_WIDTH, (float) width);
        // The area of interest makes the scale exactly width / viewBox width; without it Batik fits
        // the viewBox into the width/height attributes' proportions, a fraction of a pixel off.
        transcoder.addTranscodingHint(ImageTranscoder.KEY_AOI, viewBox);
        try {
            transcoder.transcode(new TranscoderInput(svg.toUri().toString()), null);
        } catch (TranscoderException e) {
            throw new IllegalStateException(svg + " cannot be rendered to PNG: " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(result[0], "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the PNG of " + svg, e);
        }
        return out.toByteArray();
    }
}
