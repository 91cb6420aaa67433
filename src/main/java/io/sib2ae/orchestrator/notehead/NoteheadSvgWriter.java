package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.score.SecureXml;
import io.sib2ae.orchestrator.glyphs.DrawnGlyph;
import io.sib2ae.orchestrator.glyphs.MusicGlyphs;
import io.sib2ae.orchestrator.glyphs.SibeliusMusicFont;
import io.sib2ae.orchestrator.manifest.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.awt.geom.AffineTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the SVG files derived from a page: one notehead alone, every notehead, one part's staves,
 * and the page without its noteheads. Each keeps the page's canvas so that it overlays the page
 * exactly, and draws every symbol of a Sibelius music font as an outline, so that it renders on a
 * machine without Sibelius' fonts.
 *
 * <p>The contract of a music symbol in every file written here (the After Effects side relies on
 * it; README "Outputs" repeats it):
 * <ul>
 * <li>each symbol is one {@code <path>}, a direct child of the root {@code <svg>}, after the
 *     page's other drawing; no transform on it or any ancestor, so its {@code d} is in the page's
 *     viewBox units; {@code d} uses only absolute M, L, C, Q and Z;</li>
 * <li>{@code data-music-font} is the Sibelius font family the page named, {@code data-code-point}
 *     the character it wrote ("U+F0CF"), {@code data-smufl} the SMuFL glyph drawn (Bravura for
 *     Helsinki, Opus and the rest, Leland for Lelandia);</li>
 * <li>a notehead has {@code class="sib2ae-notehead"} and, when a note was assigned to it,
 *     {@code data-universal-id}; other symbols have {@code class="sib2ae-music-glyph"};</li>
 * <li>{@code fill} is the fill the page gave the text (black on Sibelius pages);</li>
 * <li>a code point with no mapping is drawn as a magenta box with
 *     {@code class="sib2ae-unmapped-glyph"} and no {@code data-smufl}, and is returned to the
 *     caller to report.</li>
 * </ul>
 */
public final class NoteheadSvgWriter {

    static final String NOTEHEAD_CLASS = "sib2ae-notehead";
    static final String GLYPH_CLASS = "sib2ae-music-glyph";
    static final String UNMAPPED_CLASS = "sib2ae-unmapped-glyph";
    private static final String UNMAPPED_FILL = "#FF00FF";

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    /** Items this many staff spaces or closer to a staff are taken as drawn on it. */
    private static final double STAFF_REACH_IN_SPACES = 8.0;

    private final SvgLimits limits;
    private final MusicGlyphs glyphs;

    public NoteheadSvgWriter() {
        this(SvgLimits.DEFAULT);
    }

    public NoteheadSvgWriter(SvgLimits limits) {
        this(limits, new MusicGlyphs());
    }

    public NoteheadSvgWriter(SvgLimits limits, MusicGlyphs glyphs) {
        this.limits = limits;
        this.glyphs = glyphs;
    }

    /** Where the instrument file of a part goes: {@code dir/instruments/{instrument}_{partId}.svg}. */
    public static Path instrumentPath(Path outputDir, String sanitizedInstrument, String partId) {
        return outputDir.resolve("instruments").resolve(sanitizedInstrument + "_" + partId + ".svg");
    }

    /** Writes the placement's notehead alone, as an outline on the page's canvas. */
    public List<DrawnGlyph> writeNote(SvgPage page, NoteheadPlacement placement, Path target) {
        if (placement.page() != page.index()) {
            throw new IllegalArgumentException("placement " + placement.universalId() + " is on page "
                    + placement.page() + ", not on page " + page.index());
        }
        NoteheadGlyph glyph = page.notehead(placement.glyphOrdinal()).orElseThrow(() -> new IllegalArgumentException(
                "page " + page.index() + " has no notehead with ordinal " + placement.glyphOrdinal()));
        SibeliusMusicFont font = SibeliusMusicFont.of(glyph.fontFamily()).orElseThrow(() -> new IllegalArgumentException(
                "the notehead of " + placement.universalId() + " is in " + glyph.fontFamily() + ", not a Sibelius music font"));
        List<DrawnGlyph> drawn = glyphs.draw(font, glyph.text(), glyph.fontSize(), new double[] {glyph.localX()},
                glyph.localY(), affine(glyph.transform()));
        // The fill in effect, inherited as SVG inherits it; Qt sets it on the text itself.
        String fill = null;
        for (ElementTag tag : glyph.ancestors()) {
            fill = NoteheadLocator.presentation(tag, "fill").orElse(fill);
        }
        fill = NoteheadLocator.presentation(glyph.element(), "fill").orElse(fill);
        String inheritedFill = fill;
        AtomicFiles.write(target, render(w -> {
            writeRoot(w, glyph.ancestors().get(0));
            w.writeCharacters("\n");
            for (DrawnGlyph d : drawn) {
                writeGlyph(w, d, true, placement.universalId(), inheritedFill, null);
            }
            w.writeEndElement();
        }));
        return unmapped(drawn);
    }

    /** Writes every notehead of the page, nothing else, none of them tagged with a note. */
    public List<DrawnGlyph> writeAllNoteheads(SvgPage page, Path target) {
        return writeAllNoteheads(page, Map.of(), target);
    }

    /**
     * Writes every notehead of the page, nothing else.
     *
     * @param universalIds the universal id of the note assigned to each notehead, by the
     *                     notehead's element ordinal on the page
     */
    public List<DrawnGlyph> writeAllNoteheads(SvgPage page, Map<Integer, String> universalIds, Path target) {
        Set<Integer> heads = noteheadOrdinals(page);
        return filter(page, heads::contains, heads, universalIds, target);
    }

    /** Writes the page with its noteheads removed and everything else kept. */
    public List<DrawnGlyph> writeWithoutNoteheads(SvgPage page, Path target) {
        Set<Integer> heads = noteheadOrdinals(page);
        return filter(page, ordinal -> !heads.contains(ordinal), heads, Map.of(), target);
    }

    /**
     * Writes everything drawn on one part's staves (staff lines, barlines, noteheads, stems,
     * marks within reach of its staves) on this page.
     */
    public List<DrawnGlyph> writeInstrument(SvgPage page, ScoreLayout layout, String partId, Path target) {
        ScoreLayout.PartLayout part = layout.part(partId)
                .orElseThrow(() -> new IllegalArgumentException("part " + partId + " is not in the part-list"));
        int perSystem = layout.totalStaves();
        Set<Integer> partStaves = new HashSet<>();
        for (Staff s : page.staves()) {
            int inSystem = s.indexOnPage() % perSystem;
            int first = layout.systemStaffIndex(part.index(), 1);
            if (inSystem >= first && inSystem < first + part.staves()) {
                partStaves.add(s.indexOnPage());
            }
        }
        Set<Integer> keep = new HashSet<>();
        for (DrawnItem item : page.items()) {
            if (belongsTo(item, page.staves(), partStaves)) {
                keep.add(item.ordinal());
            }
        }
        return filter(page, keep::contains, noteheadOrdinals(page), Map.of(), target);
    }

    private static boolean belongsTo(DrawnItem item, List<Staff> staves, Set<Integer> partStaves) {
        Staff nearest = null;
        double nearestDistance = Double.MAX_VALUE;
        for (Staff s : staves) {
            boolean across = item.maxX() >= s.left() - STAFF_REACH_IN_SPACES * s.space()
                    && item.minX() <= s.right() + STAFF_REACH_IN_SPACES * s.space();
            if (!across) {
                continue;
            }
            // Lines crossing a staff (its own lines, barlines spanning several staves) belong to it.
            if (partStaves.contains(s.indexOnPage()) && item.minY() <= s.bottom() && item.maxY() >= s.top()
                    && item.maxY() > item.minY()) {
                return true;
            }
            double d = s.verticalDistance(item.centerY());
            if (d < nearestDistance) {
                nearestDistance = d;
                nearest = s;
            }
        }
        return nearest != null && partStaves.contains(nearest.indexOnPage())
                && nearestDistance <= STAFF_REACH_IN_SPACES * nearest.space();
    }

    private static Set<Integer> noteheadOrdinals(SvgPage page) {
        Set<Integer> heads = new HashSet<>();
        page.noteheads().forEach(g -> heads.add(g.ordinal()));
        return heads;
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] render(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write SVG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void writeRoot(XMLStreamWriter w, ElementTag root) throws XMLStreamException {
        w.writeStartElement("svg");
        w.writeDefaultNamespace(SVG_NS);
        w.writeNamespace("xlink", XLINK_NS);
        writeAttributes(w, root);
    }

    private static void writeStart(XMLStreamWriter w, ElementTag tag) throws XMLStreamException {
        w.writeStartElement(tag.localName());
        writeAttributes(w, tag);
    }

    private static void writeAttributes(XMLStreamWriter w, ElementTag tag) throws XMLStreamException {
        for (SvgAttribute a : tag.attributes()) {
            if (a.prefix() == null || a.prefix().isEmpty()) {
                w.writeAttribute(a.localName(), "font-family".equals(a.localName()) ? cssFamily(a.value()) : a.value());
            } else if ("xml".equals(a.prefix())) {
                w.writeAttribute("xml", XMLConstants.XML_NS_URI, a.localName(), a.value());
            } else {
                w.writeAttribute(a.prefix(), a.namespaceUri() == null ? "" : a.namespaceUri(), a.localName(), a.value());
            }
        }
    }

    /**
     * Qt writes font families unquoted, and some (".AppleSystemUIFont") are not CSS identifiers:
     * Batik then refuses the attribute and logs an error per element. Quoting such a name means
     * the same family to every renderer.
     */
    static String cssFamily(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.contains(",") || v.startsWith("'") || v.startsWith("\"")
                || v.matches("[A-Za-z_][A-Za-z0-9_\\- ]*")) {
            return value;
        }
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Streams the page again and keeps the drawn leaves the predicate accepts, with only the
     * groups that enclose a kept leaf; descriptions and definitions are always kept. Music-font
     * text is not copied: its outlines are written at the end, in page coordinates.
     */
    private List<DrawnGlyph> filter(SvgPage page, IntPredicate keepLeaf, Set<Integer> noteheads,
                                    Map<Integer, String> universalIds, Path target) {
        Path svg = page.source();
        NoteheadLocator.checkFile(svg, limits);
        List<DrawnGlyph> unmapped = new ArrayList<>();
        byte[] bytes;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(svg))) {
            XMLStreamReader r = SecureXml.svgReader(in);
            try {
                FilteredCopy copy = new FilteredCopy(new NoteheadLocator.Guard(svg, limits), keepLeaf, noteheads, universalIds);
                bytes = render(w -> copy.run(r, w));
                unmapped.addAll(copy.unmapped);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new SvgInputException(svg + " is not well-formed XML: " + NoteheadLocator.firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new SvgInputException(svg + " cannot be read: " + e.getMessage(), e);
        }
        AtomicFiles.write(target, bytes);
        return List.copyOf(unmapped);
    }

    /** An open group: its tag, whether it was written, and what its children inherit. */
    private record Open(ElementTag tag, boolean written, Matrix ctm, String fontFamily, String fontSize, String fill) {

        Open asWritten() {
            return new Open(tag, true, ctm, fontFamily, fontSize, fill);
        }
    }

    /** A music-font text element being read, to be drawn as outlines once its content is known. */
    private record MusicText(int ordinal, ElementTag tag, SibeliusMusicFont font, Open frame, StringBuilder content) {
    }

    /** A symbol drawn, waiting to be written after the page's other drawing. */
    private record Deferred(DrawnGlyph glyph, boolean notehead, String universalId, String fill, String fillOpacity) {
    }

    private final class FilteredCopy {
        private final NoteheadLocator.Guard guard;
        private final IntPredicate keepLeaf;
        private final Set<Integer> noteheads;
        private final Map<Integer, String> universalIds;
        private final Deque<Open> open = new ArrayDeque<>();
        private final Deque<ElementTag> pending = new ArrayDeque<>();
        private final List<Deferred> deferred = new ArrayList<>();
        private final List<DrawnGlyph> unmapped = new ArrayList<>();
        private MusicText music;
        private int musicDepth;

        FilteredCopy(NoteheadLocator.Guard guard, IntPredicate keepLeaf, Set<Integer> noteheads,
                     Map<Integer, String> universalIds) {
            this.guard = guard;
            this.keepLeaf = keepLeaf;
            this.noteheads = noteheads;
            this.universalIds = universalIds;
        }

        void run(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
            int copyDepth = 0;
            int skipDepth = 0;
            while (true) {
                int event = r.getEventType();
                int ordinal = guard.check(r);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    ElementTag tag = NoteheadLocator.tagOf(r);
                    if (musicDepth > 0) {
                        musicDepth++;
                    } else if (skipDepth > 0) {
                        skipDepth++;
                    } else if (copyDepth > 0) {
                        writeStart(w, tag);
                        copyDepth++;
                    } else if (open.isEmpty()) {
                        writeRoot(w, tag);
                        w.writeCharacters("\n");
                        open.push(frame(tag, null).asWritten());
                    } else if (NoteheadLocator.DRAWABLES.contains(tag.localName())
                            || Set.of("desc", "title", "defs").contains(tag.localName())) {
                        boolean keep = !NoteheadLocator.DRAWABLES.contains(tag.localName()) || keepLeaf.test(ordinal);
                        Open textFrame = frame(tag, open.peek());
                        Optional<SibeliusMusicFont> font = "text".equals(tag.localName())
                                ? SibeliusMusicFont.of(textFrame.fontFamily()) : Optional.empty();
                        if (keep && font.isPresent()) {
                            music = new MusicText(ordinal, tag, font.get(), textFrame, new StringBuilder());
                            musicDepth = 1;
                        } else if (keep) {
                            flushPending(w, open, pending);
                            writeStart(w, tag);
                            copyDepth = 1;
                        } else {
                            skipDepth = 1;
                        }
                    } else {
                        pending.addLast(tag);
                        open.push(frame(tag, open.peek()));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (musicDepth > 0) {
                        if (--musicDepth == 0) {
                            drawMusic();
                            music = null;
                        }
                    } else if (skipDepth > 0) {
                        skipDepth--;
                    } else if (copyDepth > 0) {
                        w.writeEndElement();
                        if (--copyDepth == 0) {
                            w.writeCharacters("\n");
                        }
                    } else {
                        Open closing = open.pop();
                        if (open.isEmpty()) {
                            for (Deferred d : deferred) {
                                writeGlyph(w, d.glyph(), d.notehead(), d.universalId(), d.fill(), d.fillOpacity());
                            }
                        }
                        if (closing.written()) {
                            w.writeEndElement();
                            w.writeCharacters("\n");
                        } else {
                            pending.removeLast();
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    if (musicDepth > 0) {
                        music.content().append(r.getText());
                    } else if (copyDepth > 0) {
                        w.writeCharacters(r.getText());
                    }
                }
                if (!r.hasNext()) {
                    break;
                }
                r.next();
            }
        }

        private void drawMusic() {
            ElementTag tag = music.tag();
            Open frame = music.frame();
            double size = NoteheadLocator.firstNumber(frame.fontSize());
            double[] xs = NoteheadLocator.numbers(tag.attribute("x").orElse("0"));
            double y = NoteheadLocator.firstNumber(tag.attribute("y").orElse("0"));
            String content = music.content().toString();
            // Qt pads nothing, but a hand-edited page may; a notehead is one character either way.
            if (!"preserve".equals(tag.attributes().stream().filter(a -> "space".equals(a.localName()))
                    .map(SvgAttribute::value).findFirst().orElse(""))) {
                content = content.strip();
            }
            boolean notehead = noteheads.contains(music.ordinal());
            String universalId = universalIds.get(music.ordinal());
            String fillOpacity = NoteheadLocator.presentation(tag, "fill-opacity").filter(o -> !"1".equals(o)).orElse(null);
            for (DrawnGlyph g : glyphs.draw(music.font(), content, Double.isNaN(size) ? 0 : size, xs,
                    Double.isNaN(y) ? 0 : y, affine(frame.ctm()))) {
                deferred.add(new Deferred(g, notehead, universalId, frame.fill(), fillOpacity));
                if (!g.mapped()) {
                    unmapped.add(g);
                }
            }
        }

        private Open frame(ElementTag tag, Open parent) {
            Matrix parentCtm = parent == null ? Matrix.IDENTITY : parent.ctm();
            Matrix ctm;
            try {
                ctm = parentCtm.times(Matrix.parse(tag.attribute("transform").orElse(null)));
            } catch (IllegalArgumentException e) {
                throw new SvgInputException(e.getMessage() + " on <" + tag.localName() + ">", e);
            }
            String family = NoteheadLocator.presentation(tag, "font-family").orElse(parent == null ? null : parent.fontFamily());
            String size = NoteheadLocator.presentation(tag, "font-size").orElse(parent == null ? null : parent.fontSize());
            String fill = NoteheadLocator.presentation(tag, "fill").orElse(parent == null ? null : parent.fill());
            return new Open(tag, false, ctm, family, size, fill);
        }
    }

    /** Writes one music symbol as the path the class comment describes. */
    private static void writeGlyph(XMLStreamWriter w, DrawnGlyph g, boolean notehead, String universalId, String fill,
                                   String fillOpacity) throws XMLStreamException {
        w.writeEmptyElement("path");
        w.writeAttribute("class", !g.mapped() ? UNMAPPED_CLASS : notehead ? NOTEHEAD_CLASS : GLYPH_CLASS);
        if (universalId != null) {
            w.writeAttribute("data-universal-id", universalId);
        }
        w.writeAttribute("data-music-font", g.musicFont());
        w.writeAttribute("data-code-point", g.codePointLabel());
        if (g.mapped()) {
            w.writeAttribute("data-smufl", g.smufl().name());
            w.writeAttribute("fill", fill == null || "none".equals(fill) ? "#000000" : fill);
            if (fillOpacity != null) {
                w.writeAttribute("fill-opacity", fillOpacity);
            }
        } else {
            w.writeAttribute("fill", UNMAPPED_FILL);
            w.writeAttribute("fill-rule", "evenodd");
        }
        w.writeAttribute("d", g.pathData());
        w.writeCharacters("\n");
    }

    private static AffineTransform affine(Matrix m) {
        return new AffineTransform(m.a(), m.b(), m.c(), m.d(), m.e(), m.f());
    }

    private static List<DrawnGlyph> unmapped(List<DrawnGlyph> drawn) {
        return drawn.stream().filter(g -> !g.mapped()).toList();
    }

    private static void flushPending(XMLStreamWriter w, Deque<Open> open, Deque<ElementTag> pending)
            throws XMLStreamException {
        if (pending.isEmpty()) {
            return;
        }
        // Mark the pending groups written, outermost first, as the deque holds them innermost first.
        Deque<Open> rebuilt = new ArrayDeque<>();
        int unwritten = pending.size();
        for (Open o : open) {
            rebuilt.addLast(unwritten-- > 0 ? o.asWritten() : o);
        }
        open.clear();
        open.addAll(rebuilt);
        for (ElementTag tag : pending) {
            writeStart(w, tag);
            w.writeCharacters("\n");
        }
        pending.clear();
    }
}
