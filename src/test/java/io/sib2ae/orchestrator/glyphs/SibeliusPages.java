package io.sib2ae.orchestrator.glyphs;

import io.sib2ae.orchestrator.TestData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/** Test helper: the Sibelius SVG exports in the test data and the music-font text they hold. */
public final class SibeliusPages {

    private SibeliusPages() {
    }

    /** A text element in a Sibelius music font: its family and its characters. */
    public record MusicText(String family, String content) {
    }

    /**
     * The Sibelius exports: testdata/sib2ae/*.svg and testdata/sib2ae/&#42;/*.svg, but not
     * "SS 9 noteheads-expected.svg", which the upstream project wrote to list positions, with
     * its own placeholder characters ('f', 'F') in a music font; no Sibelius page holds those.
     */
    public static List<Path> all() throws Exception {
        Path root = TestData.file("sib2ae");
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(p -> p.getFileName().toString().endsWith(".svg"))
                    .filter(p -> !p.getFileName().toString().contains("expected"))
                    .sorted()
                    .forEach(pages::add);
        }
        return pages;
    }

    /** Every text element in a Sibelius music font, its family inherited as SVG inherits it. */
    public static List<MusicText> musicTexts(Path svg) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        List<MusicText> found = new ArrayList<>();
        Deque<String> families = new ArrayDeque<>();
        try (InputStream in = Files.newInputStream(svg)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String family = r.getAttributeValue(null, "font-family");
                    family = family != null ? family : families.isEmpty() ? "" : families.peek();
                    if ("text".equals(r.getLocalName())) {
                        String content = r.getElementText().strip();
                        if (SibeliusMusicFont.isMusicFont(family)) {
                            found.add(new MusicText(family, content));
                        }
                        // getElementText consumed the end tag, so nothing was pushed for this element.
                        continue;
                    }
                    families.push(family);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    families.pop();
                }
            }
        }
        return found;
    }
}
