package io.sib2ae.orchestrator.glyphs;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.BridgeException;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.bridge.svg12.SVG12BridgeContext;
import org.apache.batik.ext.awt.RenderingHintsKeyExt;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.Element;
import org.w3c.dom.svg.SVGDocument;

/**
 * Renders an SVG page to PNG with Batik, for After Effects, which cannot be relied on to import
 * SVG. The page's viewBox is scaled so that its width fills {@link #width} pixels and its height
 * follows the viewBox's proportions: 3840 wide (the width of a UHD frame) gives 5119 rows for
 * SS 9's 2592 x 3455 page, so a comp can show a whole system across the frame at full
 * resolution and move along the page. A viewBox point (x, y) is at pixel ((x - minX) * s,
 * (y - minY) * s) with s = width / viewBox width, exactly, so the notehead SVGs and the PNG line
 * up. Transparent where the page draws nothing, so it goes over any background.
 *
 * <p>The page is drawn in bands of rows and each band is compressed as it is done: a whole
 * 3840 x 5119 page held at once, as Batik's transcoder does (twice), takes about 160 MB of heap
 * per score, which a service with a few scores in flight and a capped heap cannot spare.
 */
public final class PageRaster {

    /** The width of a UHD (4K) frame. */
    public static final int UHD_WIDTH = 3840;
    /** Rows drawn at once: 256 rows of 3840 pixels are 4 MB. */
    private static final int BAND_ROWS = 256;

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
        double scale = width / viewBox.getWidth();
        int height = (int) Math.ceil(viewBox.getHeight() * scale - 1e-9);
        GraphicsNode page = build(svg, viewBox);
        try {
            return encode(page, viewBox, scale, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the PNG of " + svg, e);
        }
    }

    /** Batik's drawing tree of the page, in viewBox units. */
    private static GraphicsNode build(Path svg, Rectangle2D viewBox) {
        try {
            SVGDocument document = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName())
                    .createSVGDocument(svg.toUri().toString());
            Element root = document.getRootElement();
            // Width and height as the viewBox's own size make one viewport pixel one viewBox unit;
            // left as "228.6mm", Batik would fit the viewBox into their proportions, a pixel off.
            root.setAttributeNS(null, "x", "0");
            root.setAttributeNS(null, "y", "0");
            root.setAttributeNS(null, "width", number(viewBox.getWidth()));
            root.setAttributeNS(null, "height", number(viewBox.getHeight()));
            UserAgentAdapter agent = new UserAgentAdapter();
            DocumentLoader loader = new DocumentLoader(agent);
            BridgeContext context = "1.2".equals(root.getAttributeNS(null, "version"))
                    ? new SVG12BridgeContext(agent, loader) : new BridgeContext(agent, loader);
            context.setDynamicState(BridgeContext.STATIC);
            return new GVTBuilder().build(context, document);
        } catch (IOException e) {
            throw new UncheckedIOException(svg + " cannot be read for rendering", e);
        } catch (BridgeException e) {
            throw new IllegalStateException(svg + " cannot be rendered to PNG: " + e.getMessage(), e);
        }
    }

    private byte[] encode(GraphicsNode page, Rectangle2D viewBox, double scale, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(8);  // bits per channel
        h.writeByte(6);  // RGBA
        h.writeByte(0);  // deflate
        h.writeByte(0);  // adaptive filtering, each row says its filter
        h.writeByte(0);  // not interlaced
        chunk(out, "IHDR", header.toByteArray());

        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DeflaterOutputStream rows = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            BufferedImage band = new BufferedImage(width, BAND_ROWS, BufferedImage.TYPE_INT_ARGB);
            int[] argb = ((DataBufferInt) band.getRaster().getDataBuffer()).getData();
            byte[] row = new byte[1 + 4 * width];
            for (int top = 0; top < height; top += BAND_ROWS) {
                drawBand(page, band, scale, top);
                for (int y = 0; y < Math.min(BAND_ROWS, height - top); y++) {
                    row[0] = 0; // filter "none": rows of a page are mostly empty and deflate well as they are
                    for (int x = 0, i = 1, p = y * width; x < width; x++, p++) {
                        int c = argb[p];
                        row[i++] = (byte) (c >> 16);
                        row[i++] = (byte) (c >> 8);
                        row[i++] = (byte) c;
                        row[i++] = (byte) (c >>> 24);
                    }
                    rows.write(row);
                }
            }
        } finally {
            deflater.end();
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        out.flush();
        return png.toByteArray();
    }

    private static void drawBand(GraphicsNode page, BufferedImage band, double scale, int top) {
        Graphics2D g = band.createGraphics();
        try {
            g.setComposite(AlphaComposite.Clear);
            g.fillRect(0, 0, band.getWidth(), band.getHeight());
            g.setComposite(AlphaComposite.SrcOver);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            // Batik draws filters and masks through this hint when the target is an image.
            g.setRenderingHint(RenderingHintsKeyExt.KEY_BUFFERED_IMAGE, new WeakReference<>(band));
            // The root's viewBox already takes (minX, minY) to the origin of the drawing.
            AffineTransform t = AffineTransform.getTranslateInstance(0, -top);
            t.scale(scale, scale);
            g.transform(t);
            page.paint(g);
        } finally {
            g.dispose();
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
