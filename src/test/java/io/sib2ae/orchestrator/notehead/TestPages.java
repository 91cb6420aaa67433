package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.score.MusicXmlReader;
import io.sib2ae.orchestrator.score.MusicXmlScore;
import io.sib2ae.orchestrator.score.ScoreLayout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/** Test helper: where the shared test data lives, and the positions in the expected-noteheads file. */
final class TestPages {

    record Position(double x, double y) {
    }

    private TestPages() {
    }

    static Path sib2ae() {
        return TestData.file("sib2ae");
    }

    static Path ss9Svg() {
        return sib2ae().resolve("SS 9.svg");
    }

    static Path ss9MusicXml() {
        return sib2ae().resolve("SS 9.musicxml");
    }

    static Path variant(String folder, String extension) {
        return sib2ae().resolve(folder).resolve("Saint-Saens Trio No 2." + extension);
    }

    /** The layout the one MusicXML reader collects from a file, as the notehead hop receives it. */
    static ScoreLayout layout(Path musicXml) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(musicXml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MusicXmlScore score = new MusicXmlReader(200_000).read(bytes, musicXml.getFileName().toString());
        if (score.layoutProblem() != null) {
            throw new SvgInputException(score.layoutProblem());
        }
        return score.layout();
    }

    /** The x/y of every {@code <text>} in the expected file, in document order. */
    static List<Position> expectedNoteheads() throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        List<Position> positions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(sib2ae().resolve("SS 9 noteheads-expected.svg"))) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("text")) {
                    positions.add(new Position(Double.parseDouble(r.getAttributeValue(null, "x")),
                            Double.parseDouble(r.getAttributeValue(null, "y"))));
                }
            }
        }
        return positions;
    }
}
