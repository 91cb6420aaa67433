package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.score.ScoreLayout;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AssignmentFailureTest {

    private static SvgPage page;
    private static ScoreLayout layout;
    private static List<NoteheadTarget> targets;

    @BeforeAll
    static void read() throws Exception {
        page = new NoteheadLocator().locate(TestPages.ss9Svg(), 0);
        layout = TestPages.layout(TestPages.ss9MusicXml());
        targets = MusicXmlTargets.read(TestPages.ss9MusicXml());
    }

    @Test
    void aNoteWithoutANoteheadGetsAReasonAndTheOthersKeepTheirs() {
        List<NoteheadTarget> withExtra = new ArrayList<>(targets);
        // A D5 eighth in Flûte measure 5 at beat 2.5, where the page draws a rest.
        withExtra.add(new NoteheadTarget("extra", "P1", 0, 1, 4, "5", 1.5, 0, 'D', 5, 0, false, "D5", 136.0));
        List<NoteheadAssignment> result = new NoteheadAssigner().assign(layout, List.of(page), withExtra);
        assertThat(result.get(9)).isInstanceOfSatisfying(NoteheadFailure.class, f -> {
            assertThat(f.universalId()).isEqualTo("extra");
            assertThat(f.reason()).contains("D5").contains("measure 5").contains("no unused notehead");
        });
        List<NoteheadAssignment> unchanged = new NoteheadAssigner().assign(layout, List.of(page), targets);
        assertThat(result.subList(0, 9)).containsExactlyElementsOf(unchanged);
    }

    @Test
    void aNoteheadAtTheWrongHeightIsNotGivenToTheNote() {
        List<NoteheadTarget> wrongPitch = new ArrayList<>(targets);
        NoteheadTarget a4 = targets.get(0);
        wrongPitch.set(0, new NoteheadTarget(a4.universalId(), a4.partId(), a4.partIndex(), a4.staffNumber(),
                a4.measureIndex(), a4.measureNumber(), a4.onsetQuarters(), 0, 'C', 6, 0, false, "C6", a4.defaultX()));
        List<NoteheadAssignment> result = new NoteheadAssigner().assign(layout, List.of(page), wrongPitch);
        assertThat(result.get(0)).isInstanceOfSatisfying(NoteheadFailure.class,
                f -> assertThat(f.reason()).contains("C6").contains("not at the height"));
        assertThat(result.subList(1, 9)).allMatch(a -> a instanceof NoteheadPlacement);
    }

    @Test
    void aMissingPageGivesEveryNoteOnItAReason() {
        List<NoteheadAssignment> result = new NoteheadAssigner().assign(layout, List.of(), targets);
        assertThat(result).hasSize(9).allSatisfy(a -> assertThat(a).isInstanceOfSatisfying(NoteheadFailure.class,
                f -> assertThat(f.reason()).contains("page 1").contains("not given")));
    }

    @Test
    void assignmentIsDeterministic() {
        List<NoteheadAssignment> first = new NoteheadAssigner().assign(layout, List.of(page), targets);
        List<NoteheadTarget> reversed = new ArrayList<>(targets);
        java.util.Collections.reverse(reversed);
        List<NoteheadAssignment> second = new NoteheadAssigner().assign(layout, List.of(page), reversed);
        java.util.Collections.reverse(second);
        assertThat(second).containsExactlyElementsOf(first);
    }
}
