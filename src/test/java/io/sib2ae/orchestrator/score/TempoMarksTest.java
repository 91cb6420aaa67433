package io.sib2ae.orchestrator.score;

import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.coordination.CoordinatedScore;
import io.sib2ae.orchestrator.coordination.FidelityFiles;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tempo marks that meet at one position: the later one in a part plays, and a mark every part repeats counts once. */
class TempoMarksTest {

    @Test
    void aLaterMarkAtTheSamePositionOfAPartReplacesTheEarlier() {
        TempoMarks marks = new TempoMarks();
        marks.add("P1", 0, 0, 120);
        marks.add("P1", 0, 0, 100);
        assertThat(marks.inScoreOrder()).containsExactly(new TempoMark(0, 0, 100));
    }

    @Test
    void theSameMarkRepeatedInEveryPartCountsOnceAndAnotherPartDoesNotOverrule() {
        TempoMarks marks = new TempoMarks();
        marks.add("P1", 2, 1.5, 90);
        marks.add("P2", 2, 1.5, 90);
        marks.add("P3", 2, 1.5, 60);
        marks.add("P1", 0, 0, 72);
        assertThat(marks.inScoreOrder()).containsExactly(new TempoMark(0, 0, 72), new TempoMark(2, 1.5, 90));
    }

    @Test
    void aRagMarkedTempoDiMarciaThenQuarterEquals100PlaysAt100() {
        CoordinatedScore score = FidelityFiles.coordinate("tempo-marks-that-meet.musicxml");
        assertThat(score.score().tempoMarks()).containsExactly(new TempoMark(0, 0, 100));
        // Bar 2 starts after four quarters at 100: 2.4 s, not the 2.0 s of 120.
        assertThat(score.notes()).filteredOn(n -> n.notated().measureIndex() == 1)
                .extracting(CoordinatedNote::calculatedStartTime).containsOnly(2.4);
        assertThat(score.notes()).extracting(CoordinatedNote::tempoAtOnset).containsOnly(100.0);
    }
}
