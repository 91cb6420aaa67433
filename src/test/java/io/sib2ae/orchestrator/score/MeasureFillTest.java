package io.sib2ae.orchestrator.score;

import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.coordination.CoordinatedScore;
import io.sib2ae.orchestrator.coordination.FidelityFiles;
import io.sib2ae.orchestrator.coordination.Fixtures;
import static io.sib2ae.orchestrator.coordination.Fixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Divisions declared late in a bar, and bars that hold more than their time signature. */
class MeasureFillTest {

    @Test
    void aBarWhoseDivisionsComeAfterItsNotesIsReadWithThemAndWarned() {
        CoordinatedScore score = FidelityFiles.coordinate("late-divisions.musicxml");
        assertThat(describe(score.score().notes())).containsExactly("C5@0/0.5", "D5@0.5/0.5", "E5@1/0.5", "F5@1.5/0.5",
                "G5@2/0.5", "A5@2.5/0.5", "B5@3/0.5", "C6@3.5/0.5", "C5@4/4");
        assertThat(score.score().measures()).extracting(MeasureSpan::length).containsExactly(4.0, 4.0);
        // At quarter = 100 bar 2 starts at 2.4 s, not 153.6 s.
        assertThat(score.notes()).filteredOn(n -> n.notated().measureIndex() == 1)
                .extracting(CoordinatedNote::calculatedStartTime).containsExactly(2.4);
        assertThat(score.score().warnings()).extracting(ScoreWarning::kind, ScoreWarning::partId, ScoreWarning::measure)
                .containsExactly(tuple(ScoreWarning.Kind.LATE_DIVISIONS, "P1", "1"));
        assertThat(score.score().warnings().get(0).message()).contains("<divisions> 64");
    }

    @Test
    void aDivisionsChangeInTheMiddleOfABarStillKeepsWhatCameBefore() {
        // 03c declares divisions before its first note, then changes them mid-bar: nothing is re-read, nothing warned.
        MusicXmlScore score = Fixtures.suite("03c");
        assertThat(describe(score.notes())).startsWith("C5@0/1", "C5@1/1");
        assertThat(score.warnings()).isEmpty();
    }

    @Test
    void anOverfullBarIsWarnedButAMarkedPickupOrCadenzaIsNot() {
        MusicXmlScore score = FidelityFiles.read("overfull-measures.musicxml");
        assertThat(score.warnings()).extracting(ScoreWarning::kind, ScoreWarning::measure)
                .containsExactly(tuple(ScoreWarning.Kind.OVERFULL_MEASURE, "1"));
        assertThat(score.warnings().get(0).message()).contains("5 quarters", "allows 4");
    }

    @Test
    void theCheckAllowsTickNoiseAndBarsWithoutMeter() {
        assertThat(MeasureFill.check("P1", 0, "1", 4.0000000001, 4, false)).isEmpty();
        assertThat(MeasureFill.check("P1", 0, "1", 3, 4, false)).isEmpty();
        assertThat(MeasureFill.check("P1", 0, "1", 7, 0, false)).isEmpty();
        assertThat(MeasureFill.check("P1", 0, "1", 7, 6, true)).isEmpty();
        assertThat(MeasureFill.check("P1", 4, "5", 3.5, 3, false)).get()
                .extracting(ScoreWarning::measureIndex, ScoreWarning::measure).containsExactly(4, "5");
    }
}
