package io.sib2ae.orchestrator.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sib2ae.orchestrator.run.ManifestPlanner;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the fidelity fixes record in the manifests a score opens with: warnings, grace rules, drums, rolls. */
class FidelityManifestTest {

    @TempDir
    Path root;

    private ScoreRun open(String fixture) throws IOException {
        CoordinatedScore coordinated = FidelityFiles.coordinate(fixture);
        return new ManifestPlanner(new ManifestStore(), root.resolve("output")).plan(coordinated);
    }

    @Test
    void lateDivisionsAreWarnedOnTheIndexAndOnTheNotesOfThatBar() throws IOException {
        ScoreRun run = open("late-divisions.musicxml");
        assertThat(run.index().warnings).extracting(w -> w.kind(), w -> w.partId(), w -> w.measure())
                .containsExactly(tuple("late_divisions", "P1", "1"));
        assertThat(run.manifests()).filteredOn(m -> m.measureIndex == 0).hasSize(8)
                .allSatisfy(m -> assertThat(m.warnings).singleElement().asString().contains("<divisions> 64"));
        assertThat(run.manifests()).filteredOn(m -> m.measureIndex == 1).allSatisfy(m -> assertThat(m.warnings).isEmpty());
    }

    @Test
    void drumsCarryTheirKeyNameAndSourceAndNameTheirFilesByDrum() throws IOException {
        ScoreRun run = open("drums.musicxml");
        NoteManifest snare = run.manifests().stream().filter(m -> "P1".equals(m.partId) && "snare".equals(m.drumName))
                .findFirst().orElseThrow();
        assertThat(snare.midiChannel).isEqualTo(9);
        assertThat(snare.midiPitch).isEqualTo(38);
        assertThat(snare.drumKey).isEqualTo(38);
        assertThat(snare.drumMappingSource).isEqualTo("midi_unpitched");
        assertThat(snare.files.audio.predictedFilename).startsWith("Drum Set_snare_vel80_").endsWith(".wav");
        assertThat(snare.files.midi.predictedFilename).endsWith("_Drum Set_snare_vel80.mid");
        assertThat(snare.files.noteheadSvg.predictedFilename).contains("_P1_snare_M1");
    }

    @Test
    void graceNotesAndRolledChordsRecordHowTheyWerePlayed() throws IOException {
        assertThat(open("grace-notes.musicxml").manifests()).filteredOn(m -> m.isGrace)
                .extracting(m -> m.graceTiming).containsOnly("acciaccatura_before_beat", "appoggiatura_on_beat",
                        "steal_time_previous", "steal_time_following", "make_time");
        assertThat(open("arpeggios.musicxml").manifests()).filteredOn(m -> m.arpeggio != null).hasSize(11)
                .allSatisfy(m -> assertThat(m.arpeggio.order()).isIn("up", "down"));
    }

    @Test
    void aScoreWithNothingIrregularHasAnEmptyWarningsList() throws IOException {
        ScoreManifest index = open("tempo-marks-that-meet.musicxml").index();
        assertThat(index.warnings).isEmpty();
    }

    @Test
    void jumpsReadFromWordsAreListedOnTheIndex() throws IOException {
        ScoreManifest index = open("ds-al-coda-words.musicxml").index();
        assertThat(index.jumpsFromWords).extracting(j -> j.measure(), j -> j.jump(), j -> j.words())
                .containsExactly(tuple("3", "to_coda", "To Coda"), tuple("4", "dal_segno", "D.S. al Coda"));
        assertThat(open("tempo-marks-that-meet.musicxml").index().jumpsFromWords).isEmpty();
    }
}
