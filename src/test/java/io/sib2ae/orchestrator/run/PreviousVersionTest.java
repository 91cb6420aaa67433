package io.sib2ae.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.coordination.CoordinatedScore;
import io.sib2ae.orchestrator.coordination.NoteAlignment;
import io.sib2ae.orchestrator.coordination.NoteChange;
import io.sib2ae.orchestrator.coordination.NoteFacts;
import io.sib2ae.orchestrator.manifest.FileNames;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import io.sib2ae.orchestrator.testing.ScoreEdits;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The previous version read back from the manifests a real run planned on disk is, fact for fact,
 * what the coordination said of it, so aligning against the disk is aligning against the score.
 */
class PreviousVersionTest {

    @TempDir
    Path output;

    @TempDir
    Path edits;

    private static List<NoteFacts> facts(CoordinatedScore score) {
        return score.notes().stream().map(NoteFacts::of).toList();
    }

    private ScoreManifest planAndReadBack(CoordinatedScore coordinated) {
        ManifestStore store = new ManifestStore();
        new ManifestPlanner(store, output).plan(coordinated);
        return store.readIndex(output.resolve(FileNames.sanitize(coordinated.source().files().scoreName())));
    }

    /** A Sibelius export with a grace note and ties, and a string quartet of four parts. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sib2ae/Acciatura/Saint-Saens Trio No 2.musicxml|sib2ae/Acciatura/Saint-Saens Trio No 2.mid|2|true",
            "scores/Mozart_String_Quartet_in_G_K._387_1st_Mvmnt_excerpt.musicxml|scores/Mozart_String_Quartet_in_G_K._387_1st_Mvmnt_excerpt.mid|4|false"})
    void theIndexOnDiskGivesTheFactsTheCoordinationGave(String musicXml, String midi, int parts, boolean graceNotes) {
        CoordinatedScore coordinated = ScoreEdits.of(TestData.file(musicXml), TestData.file(midi)).original().coordinated();
        List<NoteFacts> fromDisk = PreviousVersion.notes(planAndReadBack(coordinated));
        assertThat(fromDisk).hasSize(coordinated.notes().size()).containsExactlyElementsOf(facts(coordinated));
        assertThat(fromDisk).extracting(NoteFacts::partIndex).containsOnly(java.util.stream.IntStream.range(0, parts).boxed()
                .toArray(Integer[]::new));
        assertThat(fromDisk.stream().anyMatch(NoteFacts::grace)).isEqualTo(graceNotes);
    }

    @Test
    void aReExportAlignsAgainstTheManifestsOnDisk() {
        ScoreEdits ss9 = ScoreEdits.of(TestData.file("sib2ae/SS 9.musicxml"), TestData.file("sib2ae/SS 9.mid"));
        ScoreManifest previous = planAndReadBack(ss9.original().coordinated());
        ScoreEdits.Edited edit = ss9.pitchChanged(edits);
        String changedId = ss9.original().byDocumentIndex(edit.touched().iterator().next()).universalId();

        NoteAlignment alignment = NoteAlignment.align(PreviousVersion.notes(previous), facts(edit.version().coordinated()));

        assertThat(alignment.kept()).hasSize(previous.notes.size());
        assertThat(alignment.added()).isEmpty();
        assertThat(alignment.removed()).isEmpty();
        assertThat(alignment.kept()).filteredOn(NoteAlignment.Kept::soundChanged).singleElement()
                .satisfies(k -> {
                    assertThat(k.previous().universalId()).isEqualTo(changedId);
                    assertThat(k.changes()).isEqualTo(Set.of(NoteChange.PITCH));
                });
        assertThat(alignment.counts()).isEqualTo(new NoteAlignment.Counts(previous.notes.size() - 1, 1, 0, 0));
    }

    @Test
    void notesOfAPartTheIndexDoesNotListGoAfterTheOthers() {
        ScoreEdits ss9 = ScoreEdits.of(TestData.file("sib2ae/SS 9.musicxml"), TestData.file("sib2ae/SS 9.mid"));
        ScoreManifest index = planAndReadBack(ss9.original().coordinated());
        List<NoteFacts> facts = PreviousVersion.notes(index.notes, List.of(index.parts.get(1)));
        String second = index.parts.get(1).partId();
        assertThat(facts).filteredOn(f -> f.partId().equals(second)).extracting(NoteFacts::partIndex).containsOnly(0);
        assertThat(facts).filteredOn(f -> !f.partId().equals(second)).extracting(NoteFacts::partIndex).containsOnly(1);
    }
}
