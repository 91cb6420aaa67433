package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.MusicXmlScore;
import static io.sib2ae.orchestrator.coordination.Fixtures.note;
import static io.sib2ae.orchestrator.coordination.Fixtures.onePart;
import static io.sib2ae.orchestrator.coordination.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * D.C., D.S., Fine and Coda as Sibelius writes them: a {@code <sound>} with {@code dacapo},
 * {@code dalsegno}, {@code segno}, {@code fine}, {@code tocoda} or {@code coda} in a direction
 * of the measure. The test suite has no file with them, so these scores are written by hand; the
 * expected orders are those of the printed instructions.
 */
class NavigationJumpsTest {

    /** A 4/4 measure (divisions 1) of one whole note, with the given sound attributes, if any. */
    private static String measure(int number, String step, String sound) {
        String attributes = number == 1 ? "<attributes><divisions>1</divisions><time><beats>4</beats>"
                + "<beat-type>4</beat-type></time></attributes><sound tempo=\"120\"/>" : "";
        String direction = sound == null ? ""
                : "<direction><direction-type><words>jump</words></direction-type><sound " + sound + "/></direction>";
        return "<measure number=\"" + number + "\">" + attributes + direction + note(step, 4, 4) + "</measure>";
    }

    private static String barline(String location, String direction) {
        return "<barline location=\"" + location + "\"><repeat direction=\"" + direction + "\"/></barline>";
    }

    private static List<String> performedMeasures(String xml) {
        MusicXmlScore score = Fixtures.reader().read(utf8(xml), "jumps.musicxml");
        return new PerformedTimeline(score).occurrences().stream()
                .map(o -> score.measures().get(o.measureIndex()).number()).toList();
    }

    @Test
    void daCapoAlFinePlaysFromTheTopToTheFine() {
        String xml = onePart(measure(1, "C", null) + measure(2, "D", "fine=\"yes\"") + measure(3, "E", null)
                + measure(4, "F", "dacapo=\"yes\""));
        assertThat(performedMeasures(xml)).containsExactly("1", "2", "3", "4", "1", "2");

        // Each note keeps one ID and lists every time it sounds: bar 1 at 0 s and again at 8 s.
        CoordinatedScore score = Fixtures.coordinator().coordinate(utf8(xml), "dc.musicxml", null, null);
        assertThat(score.notes()).extracting(n -> n.performances().size()).containsExactly(2, 2, 1, 1);
        assertThat(score.notes().get(0).performances()).extracting(Performance::startSeconds).containsExactly(0.0, 8.0);
    }

    @Test
    void dalSegnoAlCodaJumpsBackToTheSegnoAndOnToTheCoda() {
        String xml = onePart(measure(1, "C", null) + measure(2, "D", "segno=\"s1\"") + measure(3, "E", "tocoda=\"c1\"")
                + measure(4, "F", "dalsegno=\"s1\"") + measure(5, "G", "coda=\"c1\"") + measure(6, "A", null));
        assertThat(performedMeasures(xml)).containsExactly("1", "2", "3", "4", "2", "3", "5", "6");
    }

    @Test
    void afterADaCapoRepeatsAreNotTakenAgain() {
        String repeated = measure(2, "D", null).replace("<measure number=\"2\">",
                "<measure number=\"2\">" + barline("left", "forward")).replace("</measure>",
                barline("right", "backward") + "</measure>");
        String xml = onePart(measure(1, "C", null) + repeated + measure(3, "E", "dacapo=\"yes\""));
        assertThat(performedMeasures(xml)).containsExactly("1", "2", "2", "3", "1", "2", "3");
    }

    @Test
    void afterADaCapoOnlyTheLastVoltaPlays() {
        String first = "<measure number=\"2\"><barline location=\"left\"><ending number=\"1\" type=\"start\"/></barline>"
                + note("D", 4, 4) + "<barline location=\"right\"><ending number=\"1\" type=\"stop\"/>"
                + "<repeat direction=\"backward\"/></barline></measure>";
        String second = "<measure number=\"3\"><barline location=\"left\"><ending number=\"2\" type=\"start\"/></barline>"
                + note("E", 4, 4) + "<barline location=\"right\"><ending number=\"2\" type=\"discontinue\"/></barline>"
                + "</measure>";
        String xml = onePart(measure(1, "C", null) + first + second + measure(4, "F", "dacapo=\"yes\""));
        assertThat(performedMeasures(xml)).containsExactly("1", "2", "1", "3", "4", "1", "3", "4");
    }
}
