package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.score.SecureXml;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Sibelius (Qt) SVG pages with a hardened streaming parser and finds the notehead glyphs,
 * the five-line staves and the barlines on each page, in page coordinates and in the glyphs' own.
 */
public final class NoteheadLocator {

    /** Elements that draw something; everything else only groups or describes. */
    static final Set<String> DRAWABLES = Set.of(
            "text", "polyline", "polygon", "path", "line", "rect", "circle", "ellipse", "use");

    /** Elements that load or run outside content: never followed, the page is refused. */
    private static final Set<String> REFUSED = Set.of("image", "script", "foreignObject", "iframe", "audio", "video");

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern EXTERNAL_URL = Pattern.compile("url\\(\\s*['\"]?\\s*(?!#)", Pattern.CASE_INSENSITIVE);

    /** Staff lines are straight; Qt writes them with integer coordinates, so this is generous. */
    private static final double SAME_Y = 0.01;
    private static final double STAFF_TOLERANCE = 1.0;
    /** A staff is at least this many spaces wide; five ledger lines at one note never are. */
    private static final double MIN_STAFF_WIDTH_IN_SPACES = 10;

    private final SvgLimits limits;
    private final NoteheadCodeTable codes;

    public NoteheadLocator() {
        this(SvgLimits.DEFAULT, NoteheadCodeTable.SIBELIUS_LEGACY);
    }

    public NoteheadLocator(SvgLimits limits, NoteheadCodeTable codes) {
        this.limits = limits;
        this.codes = codes;
    }

    /** Reads the pages of one score in page order; page i of the list becomes page index i. */
    public List<SvgPage> locate(List<Path> pages) {
        List<SvgPage> result = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            result.add(locate(pages.get(i), i));
        }
        return result;
    }

    public SvgPage locate(Path svg, int pageIndex) {
        checkFile(svg, limits);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(svg))) {
            XMLStreamReader reader = SecureXml.svgReader(in);
            try {
                return new PageScan(svg, pageIndex).run(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new SvgInputException(svg + " is not well-formed XML: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new SvgInputException(svg + " cannot be read: " + e.getMessage(), e);
        }
    }

    static void checkFile(Path svg, SvgLimits limits) {
        long size;
        try {
            size = Files.size(svg);
        } catch (NoSuchFileException e) {
            throw new SvgInputException(svg + " does not exist", e);
        } catch (IOException e) {
            throw new SvgInputException(svg + " cannot be read: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new SvgInputException(svg + " is empty (0 bytes), not an SVG page");
        }
        if (size > limits.maxBytes()) {
            throw new SvgInputException(svg + " has " + size + " bytes, over the limit of " + limits.maxBytes());
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown parser error";
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    /** Guards shared by every pass over an untrusted page; throws on the first violation. */
    static final class Guard {
        private final Path svg;
        private final SvgLimits limits;
        private int depth;
        private int elements;

        Guard(Path svg, SvgLimits limits) {
            this.svg = svg;
            this.limits = limits;
        }

        /** Checks one event; returns the 0-based element ordinal for a start tag, else -1. */
        int check(XMLStreamReader r) {
            switch (r.getEventType()) {
                case XMLStreamConstants.DTD -> {
                    String dtd = r.getText() == null ? "" : r.getText();
                    if (dtd.contains("<!ENTITY")) {
                        throw new SvgInputException(svg + " declares entities in its DOCTYPE;"
                                + " entities (which can point at local files or URLs) are refused");
                    }
                    return -1;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new SvgInputException(svg
                        + " uses the undeclared or external entity &" + r.getLocalName() + ";, which is refused");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > limits.maxDepth()) {
                        throw new SvgInputException(svg + " nests elements deeper than " + limits.maxDepth()
                                + " levels (element <" + r.getLocalName() + ">); refused as hostile or broken");
                    }
                    if (elements >= limits.maxElements()) {
                        throw new SvgInputException(svg + " has more than " + limits.maxElements()
                                + " elements; refused as hostile or broken");
                    }
                    if (elements == 0 && !"svg".equals(r.getLocalName())) {
                        throw new SvgInputException(svg + " is not an SVG document: its root element is <"
                                + r.getLocalName() + ">");
                    }
                    if (REFUSED.contains(r.getLocalName())) {
                        throw new SvgInputException(svg + " contains an <" + r.getLocalName()
                                + "> element; external or active content is refused and was not read");
                    }
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String name = r.getAttributeLocalName(i);
                        String value = r.getAttributeValue(i);
                        if ("href".equals(name) && !value.trim().startsWith("#")) {
                            throw new SvgInputException(svg + " refers to the external resource \"" + value
                                    + "\" in <" + r.getLocalName() + ">; it is refused and was not read");
                        }
                        if (EXTERNAL_URL.matcher(value).find()) {
                            throw new SvgInputException(svg + " refers to an external url() in attribute "
                                    + name + " of <" + r.getLocalName() + ">; it is refused and was not read");
                        }
                    }
                    return elements++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    return -1;
                }
                default -> {
                    return -1;
                }
            }
        }

        boolean sawRoot() {
            return elements > 0;
        }
    }

    /** The inherited drawing state of an open element. */
    private record Frame(ElementTag tag, Matrix ctm, String fontFamily, String fontSize) {
    }

    private record Line(double x0, double y0, double x1, double y1, Matrix frame) {
    }

    private final class PageScan {
        private final Path svg;
        private final int pageIndex;
        private final Guard guard;
        private final Deque<Frame> open = new ArrayDeque<>();
        private final List<NoteheadGlyph> noteheads = new ArrayList<>();
        private final List<DrawnItem> items = new ArrayList<>();
        private final List<Line> horizontals = new ArrayList<>();
        private final List<Line> verticals = new ArrayList<>();
        private ElementTag root;
        private StringBuilder text;
        private int textOrdinal;
        private int textDepth;

        PageScan(Path svg, int pageIndex) {
            this.svg = svg;
            this.pageIndex = pageIndex;
            this.guard = new Guard(svg, limits);
        }

        SvgPage run(XMLStreamReader r) throws XMLStreamException {
            while (true) {
                int event = r.getEventType();
                int ordinal = guard.check(r);
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> start(r, ordinal);
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text != null) {
                            text.append(r.getText());
                        }
                    }
                    default -> {
                    }
                }
                if (!r.hasNext()) {
                    break;
                }
                r.next();
            }
            if (!guard.sawRoot()) {
                throw new SvgInputException(svg + " has no elements, not an SVG page");
            }
            List<Staff> staves = findStaves();
            return new SvgPage(pageIndex, svg, root, noteheads, staves, findBarlines(staves), items);
        }

        private void start(XMLStreamReader r, int ordinal) {
            ElementTag tag = tagOf(r);
            Frame parent = open.peek();
            Matrix parentCtm = parent == null ? Matrix.IDENTITY : parent.ctm();
            Matrix ctm;
            try {
                ctm = parentCtm.times(Matrix.parse(tag.attribute("transform").orElse(null)));
            } catch (IllegalArgumentException e) {
                throw new SvgInputException(svg + ": " + e.getMessage() + " on <" + tag.localName() + ">", e);
            }
            String family = presentation(tag, "font-family").orElse(parent == null ? null : parent.fontFamily());
            String size = presentation(tag, "font-size").orElse(parent == null ? null : parent.fontSize());
            Frame frame = new Frame(tag, ctm, family, size);
            if (root == null) {
                root = tag;
            }
            if (text == null && DRAWABLES.contains(tag.localName())) {
                if ("text".equals(tag.localName())) {
                    text = new StringBuilder();
                    textOrdinal = ordinal;
                    textDepth = open.size() + 1;
                } else {
                    shape(tag, ctm, ordinal);
                }
            }
            open.push(frame);
        }

        private void end() {
            Frame closing = open.pop();
            if (text != null && open.size() + 1 == textDepth) {
                finishText(closing);
                text = null;
            }
        }

        private void finishText(Frame frame) {
            ElementTag tag = frame.tag();
            double x = firstNumber(tag.attribute("x").orElse("0"));
            double y = firstNumber(tag.attribute("y").orElse("0"));
            Matrix ctm = frame.ctm();
            double ax = ctm.applyX(x, y);
            double ay = ctm.applyY(x, y);
            items.add(new DrawnItem(textOrdinal, "text", ax, ay, ax, ay));
            String content = text.toString().strip();
            if (content.codePointCount(0, content.length()) != 1) {
                return;
            }
            int codePoint = content.codePointAt(0);
            Optional<NoteheadShape> shape = codes.shapeOf(frame.fontFamily(), codePoint);
            if (shape.isEmpty()) {
                return;
            }
            double fontSize = frame.fontSize() == null ? Double.NaN : firstNumber(frame.fontSize());
            List<ElementTag> ancestors = new ArrayList<>();
            // The deque iterates innermost first; the chain is wanted outermost first.
            open.descendingIterator().forEachRemaining(f -> ancestors.add(f.tag()));
            noteheads.add(new NoteheadGlyph(pageIndex, textOrdinal, codePoint, shape.get(),
                    unquote(frame.fontFamily()), fontSize, x, y, ax, ay, ctm, ancestors, tag));
        }

        private void shape(ElementTag tag, Matrix ctm, int ordinal) {
            double[] pts = points(tag);
            if (pts.length < 2) {
                return;
            }
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            double[] abs = new double[pts.length - pts.length % 2];
            for (int i = 0; i + 1 < pts.length; i += 2) {
                abs[i] = ctm.applyX(pts[i], pts[i + 1]);
                abs[i + 1] = ctm.applyY(pts[i], pts[i + 1]);
                minX = Math.min(minX, abs[i]);
                maxX = Math.max(maxX, abs[i]);
                minY = Math.min(minY, abs[i + 1]);
                maxY = Math.max(maxY, abs[i + 1]);
            }
            items.add(new DrawnItem(ordinal, tag.localName(), minX, minY, maxX, maxY));
            boolean straight = ("polyline".equals(tag.localName()) || "line".equals(tag.localName())) && abs.length == 4;
            if (straight) {
                Line line = new Line(abs[0], abs[1], abs[2], abs[3], ctm);
                if (Math.abs(abs[1] - abs[3]) <= SAME_Y && Math.abs(abs[0] - abs[2]) > SAME_Y) {
                    horizontals.add(line);
                } else if (Math.abs(abs[0] - abs[2]) <= SAME_Y && Math.abs(abs[1] - abs[3]) > SAME_Y) {
                    verticals.add(line);
                }
            }
        }

        private double[] points(ElementTag tag) {
            return switch (tag.localName()) {
                case "polyline", "polygon" -> numbers(tag.attribute("points").orElse(""));
                // Only the extent matters here; reading every number pair of a path overestimates
                // it slightly for arcs and relative commands, which is harmless for staff membership.
                case "path" -> numbers(tag.attribute("d").orElse(""));
                case "line" -> new double[] {num(tag, "x1"), num(tag, "y1"), num(tag, "x2"), num(tag, "y2")};
                case "rect" -> {
                    double x = num(tag, "x"), y = num(tag, "y");
                    yield new double[] {x, y, x + num(tag, "width"), y + num(tag, "height")};
                }
                case "circle" -> {
                    double cx = num(tag, "cx"), cy = num(tag, "cy"), rr = num(tag, "r");
                    yield new double[] {cx - rr, cy - rr, cx + rr, cy + rr};
                }
                case "ellipse" -> {
                    double cx = num(tag, "cx"), cy = num(tag, "cy");
                    yield new double[] {cx - num(tag, "rx"), cy - num(tag, "ry"), cx + num(tag, "rx"), cy + num(tag, "ry")};
                }
                case "use" -> new double[] {num(tag, "x"), num(tag, "y")};
                default -> new double[0];
            };
        }

        private double num(ElementTag tag, String name) {
            return firstNumber(tag.attribute(name).orElse("0"));
        }

        private List<Staff> findStaves() {
            List<Line> lines = new ArrayList<>(horizontals);
            lines.sort(Comparator.comparingDouble((Line l) -> l.y0()).thenComparingDouble(l -> Math.min(l.x0(), l.x1())));
            boolean[] used = new boolean[lines.size()];
            List<Staff> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (used[i]) {
                    continue;
                }
                List<Integer> group = new ArrayList<>(List.of(i));
                Line first = lines.get(i);
                double gap = Double.NaN;
                for (int j = i + 1; j < lines.size() && group.size() < 5; j++) {
                    Line next = lines.get(j);
                    Line previous = lines.get(group.get(group.size() - 1));
                    if (used[j] || !sameExtent(first, next)) {
                        continue;
                    }
                    double step = next.y0() - previous.y0();
                    if (step <= STAFF_TOLERANCE) {
                        continue;
                    }
                    if (Double.isNaN(gap)) {
                        gap = step;
                    } else if (Math.abs(step - gap) > STAFF_TOLERANCE) {
                        break;
                    }
                    group.add(j);
                }
                double width = Math.abs(first.x1() - first.x0());
                if (group.size() == 5 && width >= MIN_STAFF_WIDTH_IN_SPACES * gap) {
                    List<Double> ys = new ArrayList<>();
                    for (int k : group) {
                        used[k] = true;
                        ys.add(lines.get(k).y0());
                    }
                    found.add(new Staff(pageIndex, 0, ys, Math.min(first.x0(), first.x1()),
                            Math.max(first.x0(), first.x1()), first.frame()));
                }
            }
            found.sort(Comparator.comparingDouble(Staff::top).thenComparingDouble(Staff::left));
            List<Staff> numbered = new ArrayList<>();
            for (int k = 0; k < found.size(); k++) {
                Staff s = found.get(k);
                numbered.add(new Staff(s.page(), k, s.lineYs(), s.left(), s.right(), s.frame()));
            }
            return numbered;
        }

        private boolean sameExtent(Line a, Line b) {
            return Math.abs(Math.min(a.x0(), a.x1()) - Math.min(b.x0(), b.x1())) <= STAFF_TOLERANCE
                    && Math.abs(Math.max(a.x0(), a.x1()) - Math.max(b.x0(), b.x1())) <= STAFF_TOLERANCE;
        }

        private List<Barline> findBarlines(List<Staff> staves) {
            List<Barline> result = new ArrayList<>();
            for (Line v : verticals) {
                double top = Math.min(v.y0(), v.y1());
                double bottom = Math.max(v.y0(), v.y1());
                int first = -1;
                int last = -1;
                for (Staff s : staves) {
                    boolean horizontallyInside = v.x0() >= s.left() - STAFF_TOLERANCE && v.x0() <= s.right() + STAFF_TOLERANCE;
                    if (!horizontallyInside) {
                        continue;
                    }
                    if (first < 0 && Math.abs(s.top() - top) <= STAFF_TOLERANCE) {
                        first = s.indexOnPage();
                    }
                    if (first >= 0 && Math.abs(s.bottom() - bottom) <= STAFF_TOLERANCE) {
                        last = s.indexOnPage();
                    }
                }
                if (first >= 0 && last >= first) {
                    result.add(new Barline(pageIndex, v.x0(), first, last));
                }
            }
            result.sort(Comparator.comparingDouble(Barline::x).thenComparingInt(Barline::firstStaff));
            return result;
        }
    }

    static ElementTag tagOf(XMLStreamReader r) {
        List<SvgAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attributes.add(new SvgAttribute(r.getAttributePrefix(i), r.getAttributeNamespace(i),
                    r.getAttributeLocalName(i), r.getAttributeValue(i)));
        }
        return new ElementTag(r.getLocalName(), attributes);
    }

    /** A presentation attribute, or the same property inside a {@code style} attribute. */
    static Optional<String> presentation(ElementTag tag, String property) {
        Optional<String> direct = tag.attribute(property);
        if (direct.isPresent()) {
            return direct;
        }
        return tag.attribute("style").flatMap(style -> {
            for (String declaration : style.split(";")) {
                int colon = declaration.indexOf(':');
                if (colon > 0 && declaration.substring(0, colon).trim().equals(property)) {
                    return Optional.of(declaration.substring(colon + 1).trim());
                }
            }
            return Optional.empty();
        });
    }

    static String unquote(String family) {
        if (family == null) {
            return null;
        }
        String first = family.split(",")[0].trim();
        if (first.length() >= 2 && (first.startsWith("'") || first.startsWith("\""))) {
            return first.substring(1, first.length() - 1);
        }
        return first;
    }

    static double[] numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        List<Double> values = new ArrayList<>();
        while (m.find()) {
            values.add(Double.parseDouble(m.group()));
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    static double firstNumber(String text) {
        Matcher m = NUMBER.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        return m.find() ? Double.parseDouble(m.group()) : Double.NaN;
    }
}
