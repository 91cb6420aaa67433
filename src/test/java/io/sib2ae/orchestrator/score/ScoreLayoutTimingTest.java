package io.sib2ae.orchestrator.score;

import static io.sib2ae.orchestrator.coordination.Fixtures.note;
import static io.sib2ae.orchestrator.coordination.Fixtures.onePart;
import static io.sib2ae.orchestrator.coordination.Fixtures.utf8;
import static io.sib2ae.orchestrator.testing.MusicXmlDom.child;
import static io.sib2ae.orchestrator.testing.MusicXmlDom.descendants;
import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.coordination.FidelityFiles;
import io.sib2ae.orchestrator.coordination.Fixtures;
import io.sib2ae.orchestrator.testing.MusicXmlDom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The layout places clefs and octave-shift lines on the reader's own time line: a clef or a line
 * written just before a note takes effect at that note's onset, whatever divisions, backups,
 * tuplets or fractional durations led there. Before, the layout counted time again with its own
 * integer arithmetic and disagreed with the notes (03c's division change, 11b's long backup, the
 * 23* tuplets by a billionth of a quarter, which put a clef after the note it stands before).
 */
class ScoreLayoutTimingTest {

    private static final int FIRST_MARKER = 1000;

    private final MusicXmlReader reader = Fixtures.reader();

    /** Every MusicXML file of the test data, a clef written before each of its notes (see {@link #notesWithAnotherClef}). */
    @Test
    void aClefWrittenBeforeANoteGovernsThatNoteInEveryTestFile() {
        List<Path> files = musicXmlFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(175);
        List<String> disagreements = new ArrayList<>();
        int asked = 0;
        for (Path file : files) {
            String name = TestData.root().relativize(file).toString();
            asked += notesWithAnotherClef(input().musicXml(file), name, disagreements);
        }
        assertThat(asked).isGreaterThan(5000);
        assertThat(disagreements).as("notes whose clef the layout times differently").isEmpty();
    }

    @Test
    void aBarReadAgainWithLateDivisionsTakesItsClefsAlong() {
        // Noteflight's bar: eight eighths in divisions not yet declared, then <divisions>64</divisions>;
        // the reader reads the bar again with them, and the clefs written between the notes move too.
        List<String> disagreements = new ArrayList<>();
        int asked = notesWithAnotherClef(FidelityFiles.bytes("late-divisions.musicxml"), "late-divisions.musicxml",
                disagreements);
        assertThat(asked).isEqualTo(9);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void anOctaveLineStartingBetweenTripletNotesCoversTheNoteAfterIt() {
        // 23b's first bar: triplet eighths of 136 divisions of 408. An 8va written before the
        // fifth starts at its onset, which the notes' sum of thirds makes 1.333333332; the
        // layout's own division made it 1.333333333…, more than the tolerance after the note,
        // which was then drawn without the line.
        Path file = Fixtures.suiteFile("23b");
        Document dom = MusicXmlDom.parse(file);
        Element fifth = descendants(dom.getDocumentElement(), "note").get(4);
        Element direction = dom.createElement("direction");
        Element type = dom.createElement("direction-type");
        Element shift = dom.createElement("octave-shift");
        shift.setAttribute("type", "down");
        shift.setAttribute("size", "8");
        type.appendChild(shift);
        direction.appendChild(type);
        fifth.getParentNode().insertBefore(direction, fifth);

        MusicXmlScore score = reader.read(MusicXmlDom.bytes(dom), file.getFileName().toString());

        NotatedNote before = score.notes().get(3);
        NotatedNote after = score.notes().get(4);
        assertThat(score.layout().octaveShifts()).extracting(ScoreLayout.OctaveShift::startQuarters)
                .containsExactly(after.onsetInMeasure());
        assertThat(score.layout().octaveShiftStepsAt("P1", 1, 0, before.onsetInMeasure())).containsExactly(0);
        assertThat(score.layout().octaveShiftStepsAt("P1", 1, 0, after.onsetInMeasure())).containsExactly(-7);
    }

    @Test
    void fractionalDurationsAndOffsetsPlaceALineWhereTheNotesSayTimeIs() {
        // 1.5 divisions of 3 are half a quarter; the layout once cut them to 1 (a third). The
        // offset of 1.5 moves the line another half quarter on.
        String xml = onePart("""
                <measure number="1">
                  <attributes><divisions>3</divisions></attributes>
                  <note><pitch><step>C</step><octave>5</octave></pitch><duration>1.5</duration></note>
                  <direction><direction-type><octave-shift type="down" size="8"/></direction-type>
                    <offset>1.5</offset></direction>
                  %s
                  %s
                </measure>""".formatted(note("D", 5, 3), note("E", 5, 3)));

        MusicXmlScore score = reader.read(utf8(xml), "fractional.xml");

        assertThat(score.notes()).extracting(NotatedNote::onsetInMeasure).containsExactly(0.0, 0.5, 1.5);
        assertThat(score.layout().octaveShifts()).extracting(ScoreLayout.OctaveShift::startQuarters)
                .containsExactly(1.0);
    }

    /**
     * Reads the score with its own clefs taken out and a clef of each note's own (told apart by
     * its line) written before each note that starts a chord, and adds to {@code disagreements}
     * each such note the layout gives another clef. Only the first note at a point of a staff is
     * asked, as two voices meeting there share the clef written first. Returns how many were asked.
     */
    private int notesWithAnotherClef(byte[] musicXml, String name, List<String> disagreements) {
        Document dom = MusicXmlDom.parse(musicXml, name);
        Map<Integer, Integer> markerOfNote = markEveryChordStart(dom);
        MusicXmlScore score = reader.read(MusicXmlDom.bytes(dom), name);
        assertThat(score.layoutProblem()).as(name).isNull();
        Set<String> pointsAsked = new HashSet<>();
        int asked = 0;
        for (NotatedNote n : score.notes()) {
            Integer marker = markerOfNote.get(n.documentIndex());
            if (marker == null || !pointsAsked.add(n.partId() + "|" + n.staff() + "|" + n.measureIndex()
                    + "|" + n.onsetInMeasure())) {
                continue;
            }
            asked++;
            int line = score.layout().clefAt(n.partId(), n.staff(), n.measureIndex(), n.onsetInMeasure()).line();
            if (line != marker) {
                disagreements.add(name + ": note " + n.documentIndex() + " (" + n.pitchName() + ", measure "
                        + n.measureNumber() + ", quarter " + n.onsetInMeasure() + ") has the clef written before note "
                        + noteOfMarker(markerOfNote, line) + ", not its own");
            }
        }
        return asked;
    }

    /**
     * Replaces the file's clefs by one before every note that starts a chord, on the note's staff
     * and numbered by its line (from 1000, above any real clef's); returns the marker of each note
     * by its index among the reader's notes (pitched or unpitched, printed, not cue notes), as the
     * reader numbers them.
     */
    private static Map<Integer, Integer> markEveryChordStart(Document dom) {
        for (Element clef : descendants(dom.getDocumentElement(), "clef")) {
            clef.getParentNode().removeChild(clef);
        }
        Map<Integer, Integer> markerOfNote = new HashMap<>();
        int readerIndex = 0;
        for (Element note : descendants(dom.getDocumentElement(), "note")) {
            boolean notated = child(note, "rest") == null && child(note, "cue") == null
                    && !"no".equals(note.getAttribute("print-object"));
            if (!notated) {
                continue;
            }
            if (child(note, "chord") == null) {
                int marker = FIRST_MARKER + markerOfNote.size();
                Element staff = child(note, "staff");
                Element clef = dom.createElement("clef");
                clef.setAttribute("number", staff == null ? "1" : staff.getTextContent().trim());
                Element sign = dom.createElement("sign");
                sign.setTextContent("G");
                Element line = dom.createElement("line");
                line.setTextContent(String.valueOf(marker));
                clef.appendChild(sign);
                clef.appendChild(line);
                Element attributes = dom.createElement("attributes");
                attributes.appendChild(clef);
                note.getParentNode().insertBefore(attributes, note);
                markerOfNote.put(readerIndex, marker);
            }
            readerIndex++;
        }
        return markerOfNote;
    }

    private static String noteOfMarker(Map<Integer, Integer> markerOfNote, int marker) {
        return markerOfNote.entrySet().stream().filter(e -> e.getValue() == marker)
                .map(e -> String.valueOf(e.getKey())).findFirst().orElse("none (the file's own clef)");
    }

    private static ScoreInputReader input() {
        return new ScoreInputReader(Long.MAX_VALUE, new MxlArchive(200_000_000L, 1000));
    }

    private static List<Path> musicXmlFiles() {
        try (Stream<Path> files = Files.walk(TestData.root())) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.(xml|musicxml|mxl)")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
