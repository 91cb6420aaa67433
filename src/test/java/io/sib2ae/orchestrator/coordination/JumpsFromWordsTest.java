package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.JumpFromWords;
import io.sib2ae.orchestrator.score.JumpWords;
import io.sib2ae.orchestrator.score.MusicXmlScore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Jumps written only as words beside the signs or at a bar end are performed, and listed as such. */
class JumpsFromWordsTest {

    private static List<String> performedMeasures(MusicXmlScore score) {
        return new PerformedTimeline(score).occurrences().stream().map(o -> score.measures().get(o.measureIndex()).number()).toList();
    }

    @Test
    void dalSegnoAlCodaInWordsIsPlayedAsAPlayerPlaysIt() {
        MusicXmlScore score = FidelityFiles.read("ds-al-coda-words.musicxml");
        assertThat(performedMeasures(score)).containsExactly("1", "2", "3", "4", "2", "3", "5", "6");
        assertThat(score.jumpsFromWords()).extracting(JumpFromWords::measure, JumpFromWords::jump, JumpFromWords::words)
                .containsExactly(tuple("3", JumpWords.Jump.TO_CODA, "To Coda"), tuple("4", JumpWords.Jump.DAL_SEGNO, "D.S. al Coda"));
        // Bar 2's note sounds twice: at 2 s and after the jump, at 8 s.
        CoordinatedScore coordinated = FidelityFiles.coordinate("ds-al-coda-words.musicxml");
        assertThat(coordinated.notes().get(1).performances()).extracting(Performance::startSeconds).containsExactly(2.0, 8.0);
    }

    @Test
    void daCapoAlFineInWordsStopsAtTheFineAndWordsMidBarAreNoJump() {
        MusicXmlScore score = FidelityFiles.read("dc-al-fine-words.musicxml");
        assertThat(performedMeasures(score)).containsExactly("1", "2", "3", "4", "1", "2");
        assertThat(score.jumpsFromWords()).extracting(JumpFromWords::measure, JumpFromWords::jump)
                .containsExactly(tuple("2", JumpWords.Jump.FINE), tuple("4", JumpWords.Jump.DA_CAPO));
    }

    @Test
    void aJumpTheFileAlsoPlaysWithASoundIsNotCountedAsFromWords() {
        String xml = Fixtures.onePart("""
                <measure number="1"><attributes><divisions>1</divisions></attributes>
                <note><pitch><step>C</step><octave>4</octave></pitch><duration>4</duration><voice>1</voice></note></measure>
                <measure number="2"><note><pitch><step>D</step><octave>4</octave></pitch><duration>4</duration><voice>1</voice></note>
                <direction><direction-type><words>D.C.</words></direction-type><sound dacapo="yes"/></direction></measure>""");
        MusicXmlScore score = Fixtures.reader().read(Fixtures.utf8(xml), "dc.xml");
        assertThat(performedMeasures(score)).containsExactly("1", "2", "1", "2");
        assertThat(score.jumpsFromWords()).isEmpty();
    }
}
