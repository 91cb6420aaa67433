package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.coordination.SecureXml;
import io.sib2ae.orchestrator.manifest.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
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
 * and the page without its noteheads. Each keeps the page's canvas and transform chain so that it
 * overlays the page exactly.
 */
public final class NoteheadSvgWriter {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    /** Items this many staff spaces or closer to a staff are taken as drawn on it. */
    private static final double STAFF_REACH_IN_SPACES = 8.0;

    private final SvgLimits limits;

    public NoteheadSvgWriter() {
        this(SvgLimits.DEFAULT);
    }

    public NoteheadSvgWriter(SvgLimits limits) {
        this.limits = limits;
    }

    /** Where the instrument file of a part goes: {@code dir/instruments/{instrument}_{partId}.svg}. */
    public static Path instrumentPath(Path outputDir, String sanitizedInstrument, String partId) {
        return outputDir.resolve("instruments").resolve(sanitizedInstrument + "_" + partId + ".svg");
    }

    /** Writes the placement's glyph alone, with the page's canvas and the glyph's transform chain. */
    public void writeNote(SvgPage page, NoteheadPlacement placement, Path target) {
        if (placement.page() != page.index()) {
            throw new IllegalArgumentException("placement " + placement.universalId() + " is on page "
                    + placement.page() + ", not on page " + page.index());
        }
        NoteheadGlyph glyph = page.notehead(placement.glyphOrdinal()).orElseThrow(() -> new IllegalArgumentException(
                "page " + page.index() + " has no notehead with ordinal " + placement.glyphOrdinal()));
        AtomicFiles.write(target, render(w -> {
            List<ElementTag> chain = glyph.ancestors();
            writeRoot(w, chain.get(0));
            w.writeCharacters("\n");
            for (ElementTag tag : chain.subList(1, chain.size())) {
                writeStart(w, tag);
                w.writeCharacters("\n");
            }
            writeStart(w, glyph.element());
            w.writeCharacters(glyph.text());
            w.writeEndElement();
            for (int i = 0; i < chain.size(); i++) {
                w.writeCharacters("\n");
                w.writeEndElement();
            }
        }));
    }

    /** Writes every notehead of the page, nothing else. */
    public void writeAllNoteheads(SvgPage page, Path target) {
        Set<Integer> heads = noteheadOrdinals(page);
        AtomicFiles.write(target, filter(page, heads::contains));
    }

    /** Writes the page with its noteheads removed and everything else kept. */
    public void writeWithoutNoteheads(SvgPage page, Path target) {
        Set<Integer> heads = noteheadOrdinals(page);
        AtomicFiles.write(target, filter(page, ordinal -> !heads.contains(ordinal)));
    }

    /**
     * Writes everything drawn on one part's staves (staff lines, barlines, noteheads, stems,
     * marks within reach of its staves) on this page.
     */
    public void writeInstrument(SvgPage page, ScoreLayout layout, String partId, Path target) {
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
        AtomicFiles.write(target, filter(page, keep::contains));
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
                w.writeAttribute(a.localName(), a.value());
            } else if ("xml".equals(a.prefix())) {
                w.writeAttribute("xml", XMLConstants.XML_NS_URI, a.localName(), a.value());
            } else {
                w.writeAttribute(a.prefix(), a.namespaceUri() == null ? "" : a.namespaceUri(), a.localName(), a.value());
            }
        }
    }

    /**
     * Streams the page again and keeps the drawn leaves the predicate accepts, with only the
     * groups that enclose a kept leaf; descriptions and definitions are always kept.
     */
    private byte[] filter(SvgPage page, IntPredicate keepLeaf) {
        Path svg = page.source();
        NoteheadLocator.checkFile(svg, limits);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(svg))) {
            XMLStreamReader r = SecureXml.svgReader(in);
            try {
                return render(w -> copyFiltered(r, w, new NoteheadLocator.Guard(svg, limits), keepLeaf));
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new SvgInputException(svg + " is not well-formed XML: " + NoteheadLocator.firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new SvgInputException(svg + " cannot be read: " + e.getMessage(), e);
        }
    }

    private record Open(ElementTag tag, boolean written) {
    }

    private static void copyFiltered(XMLStreamReader r, XMLStreamWriter w, NoteheadLocator.Guard guard,
                                     IntPredicate keepLeaf) throws XMLStreamException {
        Deque<Open> open = new ArrayDeque<>();
        Deque<ElementTag> pending = new ArrayDeque<>();
        int copyDepth = 0;
        int skipDepth = 0;
        while (true) {
            int event = r.getEventType();
            int ordinal = guard.check(r);
            if (event == XMLStreamConstants.START_ELEMENT) {
                ElementTag tag = NoteheadLocator.tagOf(r);
                if (skipDepth > 0) {
                    skipDepth++;
                } else if (copyDepth > 0) {
                    writeStart(w, tag);
                    copyDepth++;
                } else if (open.isEmpty()) {
                    writeRoot(w, tag);
                    w.writeCharacters("\n");
                    open.push(new Open(tag, true));
                } else if (NoteheadLocator.DRAWABLES.contains(tag.localName())
                        || Set.of("desc", "title", "defs").contains(tag.localName())) {
                    boolean keep = !NoteheadLocator.DRAWABLES.contains(tag.localName()) || keepLeaf.test(ordinal);
                    if (keep) {
                        flushPending(w, open, pending);
                        writeStart(w, tag);
                        copyDepth = 1;
                    } else {
                        skipDepth = 1;
                    }
                } else {
                    pending.addLast(tag);
                    open.push(new Open(tag, false));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (skipDepth > 0) {
                    skipDepth--;
                } else if (copyDepth > 0) {
                    w.writeEndElement();
                    if (--copyDepth == 0) {
                        w.writeCharacters("\n");
                    }
                } else {
                    Open closing = open.pop();
                    if (closing.written()) {
                        w.writeEndElement();
                        w.writeCharacters("\n");
                    } else {
                        pending.removeLast();
                    }
                }
            } else if (copyDepth > 0 && (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                w.writeCharacters(r.getText());
            }
            if (!r.hasNext()) {
                break;
            }
            r.next();
        }
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
            rebuilt.addLast(unwritten-- > 0 ? new Open(o.tag(), true) : o);
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
