package io.sib2ae.orchestrator.aftereffects;

import io.sib2ae.orchestrator.score.SecureXml;
import io.sib2ae.orchestrator.notehead.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a note's notehead SVG ({@code svg/noteheads/…}) into its outline on the page: the
 * {@code path class="sib2ae-notehead"} when there is one, else an oval estimated from the glyph's
 * text position and font size. Either way through every enclosing transform, so the result is in
 * the page's viewBox units.
 */
public final class NoteheadOutlineReader {

    /* Notehead files are one glyph; anything far bigger is not one of ours. */
    private static final long MAX_BYTES = 4L << 20;
    private static final double DEFAULT_FONT_SIZE = 16;

    private NoteheadOutlineReader() {
    }

    /** The outline of the notehead in {@code svg}, in page units. */
    public static NoteheadOutline read(Path svg) {
        try {
            if (Files.size(svg) > MAX_BYTES) {
                throw new IllegalArgumentException("notehead SVG " + svg.getFileName() + " is larger than " + MAX_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(svg)) {
                XMLStreamReader r = SecureXml.forSvg().createXMLStreamReader(in);
                try {
                    return outline(r, svg);
                } finally {
                    r.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read notehead SVG " + svg + ": " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("notehead SVG " + svg.getFileName() + " is not well-formed: " + e.getMessage(), e);
        }
    }

    private static NoteheadOutline outline(XMLStreamReader r, Path svg) throws XMLStreamException {
        Deque<Matrix> transforms = new ArrayDeque<>();
        Deque<Double> fontSizes = new ArrayDeque<>();
        Deque<String> fills = new ArrayDeque<>();
        transforms.push(Matrix.IDENTITY);
        fontSizes.push(DEFAULT_FONT_SIZE);
        fills.push("");
        NoteheadOutline estimated = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String transform = r.getAttributeValue(null, "transform");
                Matrix ctm = transform == null ? transforms.peek() : transforms.peek().times(Matrix.parse(transform));
                String size = r.getAttributeValue(null, "font-size");
                double fontSize = size == null ? fontSizes.peek() : parseSize(size, fontSizes.peek());
                String fillAttr = r.getAttributeValue(null, "fill");
                String fill = fillAttr == null ? fills.peek() : fillAttr;
                transforms.push(ctm);
                fontSizes.push(fontSize);
                fills.push(fill);
                String name = r.getLocalName();
                String cls = r.getAttributeValue(null, "class");
                if (name.equals("path") && cls != null && (" " + cls + " ").contains(" sib2ae-notehead ")) {
                    String d = r.getAttributeValue(null, "d");
                    NoteheadOutline own = new NoteheadOutline(PathOutlines.contours(d == null ? "" : d), false, blankToNull(fill));
                    return apply(ctm, own);
                }
                if (name.equals("text") && estimated == null) {
                    double x = parseSize(attr(r, "x"), 0);
                    double y = parseSize(attr(r, "y"), 0);
                    estimated = apply(ctm, NoteheadOutline.estimatedOval(x, y, fontSize, null));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                transforms.pop();
                fontSizes.pop();
                fills.pop();
            }
        }
        if (estimated == null) {
            throw new IllegalArgumentException("notehead SVG " + svg.getFileName() + " holds no notehead (no sib2ae-notehead path, no glyph)");
        }
        return estimated;
    }

    private static NoteheadOutline apply(Matrix m, NoteheadOutline outline) {
        return m.equals(Matrix.IDENTITY) ? outline : outline.transformed(m.a(), m.b(), m.c(), m.d(), m.e(), m.f());
    }

    private static String attr(XMLStreamReader r, String name) {
        String value = r.getAttributeValue(null, name);
        if (value == null) {
            return "0";
        }
        // x and y may list one position per character; the notehead is the first.
        String first = value.trim().split("[\\s,]+")[0];
        return first.isEmpty() ? "0" : first;
    }

    private static double parseSize(String value, double fallback) {
        String v = value.trim().replaceAll("(px)$", "");
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equals("none") ? null : s;
    }
}
