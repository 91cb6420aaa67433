package io.sib2ae.orchestrator.score;

import io.sib2ae.orchestrator.coordination.Fixtures;
import static io.sib2ae.orchestrator.coordination.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code score-timewise} is MusicXML's other layout: measures outside, parts inside. The same
 * music written both ways must give the same notes.
 */
class TimewiseScoreTest {

    private static final String PART_LIST = """
            <part-list>
              <score-part id="P1"><part-name>Violin</part-name></score-part>
              <score-part id="P2"><part-name>Cello</part-name></score-part>
            </part-list>
            """;

    /** Violin: C5 whole, then D5 and E5 halves. Cello: a C major triad, then two voices. */
    private static final String[][] MEASURES = {
        {
            "<attributes><divisions>2</divisions><time><beats>4</beats><beat-type>4</beat-type></time></attributes>"
                    + note("C", 5, 8, ""),
            note("D", 5, 4, "") + note("E", 5, 4, ""),
        },
        {
            "<attributes><divisions>2</divisions><clef><sign>F</sign><line>4</line></clef></attributes>"
                    + note("C", 3, 8, "") + note("E", 3, 8, "<chord/>") + note("G", 3, 8, "<chord/>"),
            note("A", 2, 8, "<voice>1</voice>") + "<backup><duration>8</duration></backup>"
                    + note("F", 2, 4, "<voice>2</voice>") + note("G", 2, 4, "<voice>2</voice>"),
        },
    };

    private static String note(String step, int octave, int duration, String extra) {
        String chord = extra.startsWith("<chord/>") ? "<chord/>" : "";
        String rest = chord.isEmpty() ? extra : extra.substring(chord.length());
        return "<note>" + chord + "<pitch><step>" + step + "</step><octave>" + octave + "</octave></pitch><duration>"
                + duration + "</duration>" + rest + "</note>";
    }

    private static String partwise() {
        StringBuilder xml = new StringBuilder("<score-partwise version=\"4.0\">").append(PART_LIST);
        for (int part = 0; part < 2; part++) {
            xml.append("<part id=\"P").append(part + 1).append("\">");
            for (int measure = 0; measure < 2; measure++) {
                xml.append("<measure number=\"").append(measure + 1).append("\">").append(MEASURES[part][measure]).append("</measure>");
            }
            xml.append("</part>");
        }
        return xml.append("</score-partwise>").toString();
    }

    private static String timewise() {
        StringBuilder xml = new StringBuilder("<score-timewise version=\"4.0\">").append(PART_LIST);
        for (int measure = 0; measure < 2; measure++) {
            xml.append("<measure number=\"").append(measure + 1).append("\">");
            for (int part = 0; part < 2; part++) {
                xml.append("<part id=\"P").append(part + 1).append("\">").append(MEASURES[part][measure]).append("</part>");
            }
            xml.append("</measure>");
        }
        return xml.append("</score-timewise>").toString();
    }

    private record Sounding(String part, int measure, double onset, double duration, int pitch, int chordIndex, String voice) {
    }

    private static List<Sounding> notes(String xml) {
        return Fixtures.reader().read(utf8(xml), "score.musicxml").notes().stream()
                .map(n -> new Sounding(n.partId(), n.measureIndex(), n.notatedOnset(), n.durationQuarters(),
                        n.soundingPitch(), n.chordIndex(), n.voice()))
                .sorted(Comparator.comparing(Sounding::part).thenComparingDouble(Sounding::onset)
                        .thenComparingInt(Sounding::pitch))
                .toList();
    }

    @Test
    void theSameMusicWrittenTimewiseGivesTheSameNotes() {
        List<Sounding> partwise = notes(partwise());
        assertThat(partwise).hasSize(9);
        assertThat(notes(timewise())).containsExactlyElementsOf(partwise);
        // The cello's second voice starts again at the measure's start after the backup.
        assertThat(partwise).filteredOn(n -> n.part().equals("P2") && n.measure() == 1)
                .extracting(Sounding::onset).containsExactly(4.0, 4.0, 6.0);
    }
}
