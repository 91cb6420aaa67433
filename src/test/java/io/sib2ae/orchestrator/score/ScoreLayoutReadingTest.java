package io.sib2ae.orchestrator.score;

import static io.sib2ae.orchestrator.coordination.Fixtures.note;
import static io.sib2ae.orchestrator.coordination.Fixtures.onePart;
import static io.sib2ae.orchestrator.coordination.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.coordination.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The layout is collected in the same pass that reads the notes. The reader takes the texts of
 * {@code <part-name>}, {@code <divisions>} and {@code <staves>} with getElementText; these cases
 * show the layout still sees them, and that a layout value nobody else reads fails the layout only.
 */
class ScoreLayoutReadingTest {

    private final MusicXmlReader reader = Fixtures.reader();

    @Test
    void theLayoutIsReadInTheSamePassAsTheNotes() {
        String xml = onePart("""
                <measure number="1" width="200">
                  <attributes><divisions>2</divisions><staves>2</staves>
                    <clef number="2"><sign>F</sign><line>4</line></clef></attributes>
                  %s
                  <direction><direction-type><octave-shift type="down" size="8"/></direction-type><staff>1</staff></direction>
                  %s
                </measure>
                <measure number="2" width="150"><print new-system="yes"/>%s</measure>""".formatted(
                note("C", 5, 4), note("D", 5, 4), note("E", 5, 8)));

        MusicXmlScore score = reader.read(utf8(xml), "layout.xml");

        assertThat(score.notes()).hasSize(3);
        assertThat(score.layoutProblem()).isNull();
        ScoreLayout layout = score.layout();
        assertThat(layout.parts()).containsExactly(new ScoreLayout.PartLayout("P1", "Solo", 0, 2));
        assertThat(layout.measures()).extracting(ScoreLayout.MeasureLayout::width).containsExactly(200.0, 150.0);
        assertThat(layout.measures()).extracting(ScoreLayout.MeasureLayout::systemOnPage).containsExactly(0, 1);
        assertThat(layout.clefAt("P1", 2, 1, 0)).isEqualTo(new ScoreLayout.Clef("F", 4, 0));
        // The 8va starts after the first note: 4 divisions of 2 per quarter are 2 quarters.
        assertThat(layout.octaveShifts()).containsExactly(
                new ScoreLayout.OctaveShift("P1", 1, 0, 2.0, Integer.MAX_VALUE, 0, -7));
    }

    @Test
    void aLayoutNumberThatCannotBeReadFailsTheLayoutAndNotTheNotes() {
        String xml = onePart("""
                <measure number="1" width="wide">
                  <attributes><divisions>1</divisions></attributes>
                  %s
                </measure>""".formatted(note("C", 4, 4)));

        MusicXmlScore score = reader.read(utf8(xml), "wide.xml");

        assertThat(score.notes()).hasSize(1);
        assertThat(score.layout()).isNull();
        assertThat(score.layoutProblem()).isEqualTo("wide.xml has the unreadable number \"wide\"");
    }
}
