package io.sib2ae.orchestrator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.score.ScorePart;
import io.sib2ae.orchestrator.testing.ScoreEdits.Edited;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edits make the re-exports they claim to, on the real SS 9 export: read back with the
 * service's reader and coordinator, the edited version differs from the original in the edited
 * note (or bar, tempo, name) and nowhere else.
 */
class ScoreEditsTest {

    private static ScoreEdits ss9;

    @TempDir
    Path folder;

    @BeforeAll
    static void readOriginal() {
        ss9 = ScoreEdits.of(TestData.file("sib2ae/SS 9.musicxml"), TestData.file("sib2ae/SS 9.mid"));
    }

    private static List<CoordinatedNote> notes(ScoreEdits.ScoreVersion version) {
        return version.coordinated().notes();
    }

    @Test
    void theSameFileIsByteForByteTheOriginal() throws Exception {
        Edited same = ss9.sameFile(folder);
        assertThat(Files.mismatch(same.version().musicXml(), ss9.original().musicXml())).isEqualTo(-1);
        assertThat(Files.mismatch(same.version().midi(), ss9.original().midi())).isEqualTo(-1);
        assertThat(same.version().musicXml().getFileName()).isEqualTo(ss9.original().musicXml().getFileName());
    }

    @Test
    void aPitchChangeRaisesOneNoteInTheNotationAndTheMidi() {
        Edited edit = ss9.pitchChanged(folder);
        int index = edit.touched().iterator().next();
        CoordinatedNote before = ss9.original().byDocumentIndex(index);
        CoordinatedNote after = edit.version().byDocumentIndex(index);
        assertThat(after.notated().soundingPitch()).isEqualTo(before.notated().soundingPitch() + 1);
        assertThat(after.notated().alter()).isEqualTo(1);
        // Still matched to its MIDI note, which moved with it: same time, same velocity.
        assertThat(after.timingSource()).isEqualTo(before.timingSource());
        assertThat(after.calculatedStartTime()).isEqualTo(before.calculatedStartTime());
        assertThat(after.velocity()).isEqualTo(before.velocity());
        assertThat(edit.version().coordinated().midi().notes()).anyMatch(m -> m.pitch() == before.notated().soundingPitch() + 1
                && Math.abs(m.startSeconds() - before.calculatedStartTime()) < 1e-5);
        assertThat(notes(edit.version())).hasSameSizeAs(notes(ss9.original()));
    }

    @Test
    void aDeletedNoteBecomesARestAndLeavesTheMidi() {
        Edited edit = ss9.noteDeleted(folder);
        int index = edit.touched().iterator().next();
        CoordinatedNote gone = ss9.original().byDocumentIndex(index);
        assertThat(notes(edit.version())).hasSize(notes(ss9.original()).size() - 1);
        assertThat(edit.version().coordinated().midi().notes()).hasSize(ss9.original().coordinated().midi().notes().size() - 1);
        // The notes after it did not move: a rest took its place.
        CoordinatedNote next = ss9.original().byDocumentIndex(index + 1);
        CoordinatedNote nextNow = edit.version().byDocumentIndex(index);
        assertThat(nextNow.notated().pitchName()).isEqualTo(next.notated().pitchName());
        assertThat(nextNow.calculatedStartTime()).isEqualTo(next.calculatedStartTime());
        assertThat(gone.notated().grace()).isFalse();
    }

    @Test
    void aChangedDynamicGivesTheNotesItGovernsTheirNewVelocityAndNoOthers() {
        Edited edit = ss9.dynamicMarkingChanged(folder);
        // SS 9 has one marking, the violin's p in bar 4: the six violin notes from there are louder.
        assertThat(edit.description()).startsWith("p to ff");
        assertThat(edit.touched()).hasSize(6);
        for (CoordinatedNote before : notes(ss9.original())) {
            CoordinatedNote after = edit.version().byDocumentIndex(before.notated().documentIndex());
            if (edit.touched().contains(before.notated().documentIndex())) {
                assertThat(after.instrument()).isEqualTo("Violon");
                assertThat(after.velocity()).isEqualTo(112).isNotEqualTo(before.velocity());
            } else {
                assertThat(after.velocity()).isEqualTo(before.velocity());
            }
            assertThat(after.calculatedStartTime()).isEqualTo(before.calculatedStartTime());
        }
    }

    @Test
    void aNotesDynamicGivesItANewVelocityAndNoOtherNote() {
        Edited edit = ss9.dynamicChanged(folder);
        int index = edit.touched().iterator().next();
        CoordinatedNote before = ss9.original().byDocumentIndex(index);
        CoordinatedNote after = edit.version().byDocumentIndex(index);
        assertThat(Math.abs(after.velocity() - before.velocity())).isEqualTo(20);
        assertThat(notes(edit.version())).filteredOn(n -> n.notated().documentIndex() != index)
                .extracting(CoordinatedNote::velocity)
                .containsExactlyElementsOf(notes(ss9.original()).stream().filter(n -> n.notated().documentIndex() != index)
                        .map(CoordinatedNote::velocity).toList());
    }

    @Test
    void aRenamedPartKeepsItsIdAndItsNotes() {
        Edited edit = ss9.partRenamed(folder);
        assertThat(edit.version().coordinated().score().parts()).extracting(ScorePart::partId)
                .containsExactlyElementsOf(ss9.original().coordinated().score().parts().stream().map(ScorePart::partId).toList());
        assertThat(edit.version().coordinated().score().parts()).extracting(ScorePart::name).contains("Violon (renamed)");
        assertThat(notes(edit.version())).extracting(CoordinatedNote::calculatedStartTime)
                .containsExactlyElementsOf(notes(ss9.original()).stream().map(CoordinatedNote::calculatedStartTime).toList());
    }

    @Test
    void partsWithNewIdsKeepTheirNamesAndNotes() {
        Edited edit = ss9.partIdsChanged(folder);
        assertThat(edit.version().coordinated().score().parts()).extracting(ScorePart::partId).allMatch(id -> id.startsWith("Exported-"));
        assertThat(edit.version().coordinated().score().parts()).extracting(ScorePart::name).containsExactly("Flûte", "Violon");
        assertThat(notes(edit.version())).extracting(n -> n.notated().partId()).allMatch(id -> id.startsWith("Exported-"));
        assertThat(notes(edit.version())).extracting(CoordinatedNote::calculatedStartTime, CoordinatedNote::velocity)
                .containsExactlyElementsOf(notes(ss9.original()).stream()
                        .map(n -> tuple(n.calculatedStartTime(), n.velocity())).toList());
    }

    @Test
    void aFasterTempoMovesEveryNoteEarlier() {
        Edited edit = ss9.tempoChanged(folder);
        List<CoordinatedNote> before = notes(ss9.original());
        List<CoordinatedNote> after = notes(edit.version());
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).notated().pitchName()).isEqualTo(before.get(i).notated().pitchName());
            assertThat(after.get(i).calculatedStartTime()).isCloseTo(before.get(i).calculatedStartTime() / ScoreEdits.TEMPO_FACTOR,
                    within(1e-3));
        }
    }

    @Test
    void anInsertedBarMovesEveryNoteOneBarOnInMeasureAndTime() {
        Edited edit = ss9.barInserted(folder);
        List<CoordinatedNote> before = notes(ss9.original());
        List<CoordinatedNote> after = notes(edit.version());
        assertThat(after).hasSameSizeAs(before);
        // SS 9 is in 4/4 at 100 quarters a minute: a bar is 2.4 s.
        for (int i = 0; i < before.size(); i++) {
            NotatedNote was = before.get(i).notated();
            NotatedNote is = after.get(i).notated();
            assertThat(is.pitchName()).isEqualTo(was.pitchName());
            assertThat(is.measureIndex()).isEqualTo(was.measureIndex() + 1);
            assertThat(is.measureNumber()).isEqualTo(String.valueOf(Integer.parseInt(was.measureNumber()) + 1));
            assertThat(is.onsetInMeasure()).isEqualTo(was.onsetInMeasure());
            assertThat(after.get(i).calculatedStartTime()).isCloseTo(before.get(i).calculatedStartTime() + 2.4, within(1e-6));
            assertThat(after.get(i).velocity()).isEqualTo(before.get(i).velocity());
        }
    }
}
