package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.score.ScoreLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Octave-shift lines (8va, 8vb, 15ma, 15mb): MusicXML keeps the notes' true pitch, and the
 * notehead is drawn one or two octaves away from it.
 */
class OctaveShiftTest {

    @TempDir
    Path dir;

    /**
     * The suite's two files mark the same lines, one with each stop before the note it ends
     * (as Finale writes it) and one with each stop after (as MuseScore does, overlapping the
     * next line). Their descriptions say which notes each line covers: 15ma on the third eighth,
     * 15mb on the fourth and fifth, 8va on the sixth and seventh, 8vb on the last two 16ths, and
     * nothing on the whole note of the next measure.
     */
    @ParameterizedTest
    @ValueSource(strings = {"33da-Spanners-OctaveShifts-before.xml", "33db-Spanners-OctaveShifts-after.xml"})
    void eachNoteOfTheSuiteIsUnderTheLineItsDescriptionNames(String file) throws Exception {
        Path musicXml = TestPages.sib2ae().resolveSibling("musicxml-testsuite").resolve(file);
        ScoreLayout layout = TestPages.layout(musicXml);
        List<List<Integer>> steps = new ArrayList<>();
        for (NoteheadTarget note : MusicXmlTargets.read(musicXml)) {
            steps.add(layout.octaveShiftStepsAt(note.partId(), note.staffNumber(), note.measureIndex(), note.onsetQuarters()));
        }
        assertThat(steps).containsExactly(List.of(0), List.of(0), List.of(-14), List.of(14), List.of(14),
                List.of(-7), List.of(-7), List.of(7), List.of(7), List.of(0));
    }

    @Test
    void aSizeThatIsNoOctaveCountsAsTheNearestWholeOctaves() throws Exception {
        Path musicXml = TestPages.sib2ae().resolveSibling("musicxml-testsuite").resolve("33e-Spanners-OctaveShifts-InvalidSize.xml");
        ScoreLayout layout = TestPages.layout(musicXml);
        List<Integer> steps = new ArrayList<>();
        for (NoteheadTarget note : MusicXmlTargets.read(musicXml)) {
            steps.add(layout.octaveShiftStepsAt(note.partId(), note.staffNumber(), note.measureIndex(), note.onsetQuarters()).get(0));
        }
        // "27 down" is nearest to 29 (four octaves), "11 up" to 8 (one octave).
        assertThat(steps).containsExactly(0, -28, 7);
    }

    /**
     * A line over two measures, as a program writes it across a system break: "continue" at
     * the second measure keeps it going, the stop after the last note ends it, and a line
     * never stopped runs to the end. A second staff is untouched by either.
     */
    @Test
    void aLineContinuesAcrossMeasuresUntilItsStopAndStaysOnItsStaff() throws Exception {
        Path musicXml = Files.writeString(dir.resolve("continued.musicxml"), """
                <score-partwise version="4.0">
                  <part-list><score-part id="P1"><part-name>Piano</part-name></score-part></part-list>
                  <part id="P1">
                    <measure number="1">
                      <attributes><divisions>1</divisions><staves>2</staves></attributes>
                      <direction><direction-type><octave-shift type="down" size="8"/></direction-type><staff>1</staff></direction>
                      <note><pitch><step>C</step><octave>6</octave></pitch><duration>4</duration><staff>1</staff></note>
                      <backup><duration>4</duration></backup>
                      <note><pitch><step>C</step><octave>3</octave></pitch><duration>4</duration><staff>2</staff></note>
                    </measure>
                    <measure number="2">
                      <direction><direction-type><octave-shift type="continue" size="8"/></direction-type><staff>1</staff></direction>
                      <note><pitch><step>D</step><octave>6</octave></pitch><duration>4</duration><staff>1</staff></note>
                      <direction><direction-type><octave-shift type="stop" size="8"/></direction-type><staff>1</staff></direction>
                      <direction><direction-type><octave-shift type="up" size="15"/></direction-type><staff>2</staff></direction>
                    </measure>
                    <measure number="3">
                      <note><pitch><step>E</step><octave>5</octave></pitch><duration>4</duration><staff>1</staff></note>
                      <backup><duration>4</duration></backup>
                      <note><pitch><step>E</step><octave>1</octave></pitch><duration>4</duration><staff>2</staff></note>
                    </measure>
                  </part>
                </score-partwise>
                """);
        ScoreLayout layout = TestPages.layout(musicXml);
        assertThat(layout.octaveShiftStepsAt("P1", 1, 0, 0)).containsExactly(-7);
        assertThat(layout.octaveShiftStepsAt("P1", 2, 0, 0)).containsExactly(0);
        assertThat(layout.octaveShiftStepsAt("P1", 1, 1, 0)).containsExactly(-7);
        assertThat(layout.octaveShiftStepsAt("P1", 1, 2, 0)).containsExactly(0);
        assertThat(layout.octaveShiftStepsAt("P1", 2, 2, 0)).containsExactly(14);
    }

    /**
     * The real SS 9 page, with its MusicXML rewritten as a score whose flute plays an octave
     * higher under an 8va line and whose cello plays an octave lower under an 8vb line: the
     * drawing is the same, so every note must get the notehead it gets in the original.
     */
    @Test
    void notesUnderALineGetTheNoteheadsDrawnAnOctaveFromTheirPitch() throws Exception {
        SvgPage page = new NoteheadLocator().locate(TestPages.ss9Svg(), 0);
        List<NoteheadAssignment> original = assign(page, TestPages.ss9MusicXml());
        List<NoteheadAssignment> shifted = assign(page, rewritten(true));

        assertThat(shifted).allSatisfy(a -> assertThat(a).isInstanceOf(NoteheadPlacement.class));
        assertThat(shifted).extracting(a -> ((NoteheadPlacement) a).glyphOrdinal())
                .containsExactlyElementsOf(original.stream().map(a -> ((NoteheadPlacement) a).glyphOrdinal()).toList());
        // The last note of each part starts exactly at its line's stop, and the MusicXML cannot
        // say whether it is under the line: both heights are offered, and the drawing decides.
        assertThat(shifted).allSatisfy(a -> {
            NoteheadPlacement p = (NoteheadPlacement) a;
            assertThat(p.y()).isCloseTo(p.predictedY(), within(0.5));
        });
    }

    @Test
    void withoutTheLinesTheSamePitchesAreRefusedAsTheWrongHeight() throws Exception {
        SvgPage page = new NoteheadLocator().locate(TestPages.ss9Svg(), 0);
        List<NoteheadAssignment> unshifted = assign(page, rewritten(false));
        // All but the flute's last note, which is at its own pitch's height.
        assertThat(unshifted).filteredOn(a -> a instanceof NoteheadFailure).hasSize(8)
                .allSatisfy(a -> assertThat(((NoteheadFailure) a).reason()).contains("is not at the height of"));
    }

    private static List<NoteheadAssignment> assign(SvgPage page, Path musicXml) throws Exception {
        return new NoteheadAssigner().assign(TestPages.layout(musicXml), List.of(page),
                MusicXmlTargets.read(musicXml));
    }

    /**
     * SS 9 with the flute's (P1) pitched notes but the last an octave up, and every pitched
     * note of the cello (P2) an octave down; with {@code lines}, under an 8va and an 8vb line
     * from measure 4. Both lines stop exactly where each part's last note starts: the flute's
     * stop is written after the note before (its last note is free of the line), the cello's
     * just before its last note (which is under the line).
     */
    private Path rewritten(boolean lines) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(TestPages.ss9MusicXml().toFile());
        List<Element> flute = pitchedNotes(doc, "P1");
        List<Element> cello = pitchedNotes(doc, "P2");
        flute.subList(0, flute.size() - 1).forEach(note -> moveOctave(note, 1));
        cello.forEach(note -> moveOctave(note, -1));
        if (lines) {
            Element fluteStart = measure(doc, "P1", "4");
            fluteStart.insertBefore(octaveShift(doc, "down"), fluteStart.getFirstChild());
            Element fluteBeforeLast = flute.get(flute.size() - 2);
            fluteBeforeLast.getParentNode().insertBefore(octaveShift(doc, "stop"), fluteBeforeLast.getNextSibling());
            Element celloStart = measure(doc, "P2", "4");
            celloStart.insertBefore(octaveShift(doc, "up"), celloStart.getFirstChild());
            Element celloLast = cello.get(cello.size() - 1);
            celloLast.getParentNode().insertBefore(octaveShift(doc, "stop"), celloLast);
        }
        Path file = dir.resolve(lines ? "SS 9 with lines.musicxml" : "SS 9 without lines.musicxml");
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(file.toFile()));
        return file;
    }

    private static Element measure(Document doc, String partId, String number) {
        for (Element part : elements(doc.getElementsByTagName("part"))) {
            if (part.getAttribute("id").equals(partId)) {
                for (Element measure : elements(part.getElementsByTagName("measure"))) {
                    if (measure.getAttribute("number").equals(number)) {
                        return measure;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no measure " + number + " in part " + partId);
    }

    private static List<Element> pitchedNotes(Document doc, String partId) {
        List<Element> notes = new ArrayList<>();
        for (Element part : elements(doc.getElementsByTagName("part"))) {
            if (part.getAttribute("id").equals(partId)) {
                for (Element note : elements(part.getElementsByTagName("note"))) {
                    if (note.getElementsByTagName("pitch").getLength() > 0) {
                        notes.add(note);
                    }
                }
            }
        }
        return notes;
    }

    private static void moveOctave(Element note, int by) {
        Node octave = note.getElementsByTagName("octave").item(0);
        octave.setTextContent(String.valueOf(Integer.parseInt(octave.getTextContent().trim()) + by));
    }

    private static Element octaveShift(Document doc, String type) {
        Element direction = doc.createElement("direction");
        Element directionType = doc.createElement("direction-type");
        Element shift = doc.createElement("octave-shift");
        shift.setAttribute("type", type);
        shift.setAttribute("size", "8");
        directionType.appendChild(shift);
        direction.appendChild(directionType);
        return direction;
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
