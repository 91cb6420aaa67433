package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.glyphs.SibeliusMusicFont;
import java.awt.geom.Rectangle2D;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Test helper: what an SVG the writer produced holds, read independently of the writer: the
 * music-symbol paths with their data attributes, and every text still in a music font.
 */
record WrittenSvg(String viewBox, List<GlyphPath> glyphs, List<String> musicFontTexts, int textElements) {

    /**
     * One {@code <path>} with a sib2ae class.
     *
     * @param transformed true when the path or an ancestor has a transform attribute
     */
    record GlyphPath(String cssClass, String universalId, String musicFont, String codePoint, String smufl,
                     String fill, String d, boolean transformed) {

        /** The bounds of the outline's on-curve points, in the page's viewBox units. */
        Rectangle2D onCurveBounds() {
            Rectangle2D.Double bounds = null;
            for (String segment : d.trim().split("(?=[MLCQZ])")) {
                String[] numbers = segment.substring(1).trim().split("[\\s,]+");
                if (numbers.length < 2) {
                    continue;
                }
                double x = Double.parseDouble(numbers[numbers.length - 2]);
                double y = Double.parseDouble(numbers[numbers.length - 1]);
                if (bounds == null) {
                    bounds = new Rectangle2D.Double(x, y, 0, 0);
                } else {
                    bounds.add(x, y);
                }
            }
            return bounds;
        }

        boolean notehead() {
            return NoteheadSvgWriter.NOTEHEAD_CLASS.equals(cssClass);
        }
    }

    List<GlyphPath> noteheads() {
        return glyphs.stream().filter(GlyphPath::notehead).toList();
    }

    static WrittenSvg read(Path svg) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        List<GlyphPath> glyphs = new ArrayList<>();
        List<String> musicTexts = new ArrayList<>();
        String viewBox = null;
        int texts = 0;
        // Per open element: its inherited font-family and whether it or an ancestor is transformed.
        Deque<String> families = new ArrayDeque<>();
        Deque<Boolean> transformed = new ArrayDeque<>();
        try (InputStream in = Files.newInputStream(svg)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String family = r.getAttributeValue(null, "font-family");
                    if (family == null) {
                        family = families.isEmpty() ? null : families.peek();
                    }
                    boolean moved = r.getAttributeValue(null, "transform") != null
                            || (!transformed.isEmpty() && transformed.peek());
                    families.push(family == null ? "" : family);
                    transformed.push(moved);
                    String name = r.getLocalName();
                    if ("svg".equals(name) && viewBox == null) {
                        viewBox = r.getAttributeValue(null, "viewBox");
                    } else if ("text".equals(name)) {
                        texts++;
                        if (SibeliusMusicFont.isMusicFont(family)) {
                            musicTexts.add(family);
                        }
                    } else if ("path".equals(name) && r.getAttributeValue(null, "class") != null
                            && r.getAttributeValue(null, "class").startsWith("sib2ae-")) {
                        glyphs.add(new GlyphPath(r.getAttributeValue(null, "class"),
                                r.getAttributeValue(null, "data-universal-id"),
                                r.getAttributeValue(null, "data-music-font"),
                                r.getAttributeValue(null, "data-code-point"),
                                r.getAttributeValue(null, "data-smufl"),
                                r.getAttributeValue(null, "fill"),
                                r.getAttributeValue(null, "d"), moved));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    families.pop();
                    transformed.pop();
                }
            }
        }
        return new WrittenSvg(viewBox, glyphs, musicTexts, texts);
    }
}
