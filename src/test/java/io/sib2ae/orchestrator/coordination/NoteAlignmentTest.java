package io.sib2ae.orchestrator.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.sib2ae.orchestrator.coordination.NoteAlignment.Kept;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The note alignment on small hand-made voices: each case is a re-export a composer makes, and
 * the test names which notes are the same notes, edited or moved, and which came or went.
 */
class NoteAlignmentTest {

    /** A note in 4/4 at 120 quarters a minute (half a second a quarter), violin, voice 1. */
    private static NoteFacts note(String id, int bar, double onset, String pitch, int key, double quarters) {
        double start = (bar * 4 + onset) * 0.5;
        return new NoteFacts(id, "P1", "Violin", 0, 1, "1", bar, String.valueOf(bar + 1), onset, pitch, key, quarters,
                0, false, 80, 40, start, quarters * 0.5);
    }

    private static NoteFacts chord(String id, int bar, double onset, String pitch, int key, int chordIndex) {
        NoteFacts n = note(id, bar, onset, pitch, key, 1);
        return with(n, n.partId(), n.partName(), n.staff(), n.voice(), chordIndex, false);
    }

    private static NoteFacts grace(String id, int bar, double onset, String pitch, int key) {
        NoteFacts n = note(id, bar, onset, pitch, key, 0);
        return new NoteFacts(id, n.partId(), n.partName(), n.partIndex(), n.staff(), n.voice(), bar, n.measureNumber(), onset,
                pitch, key, 0, 0, true, n.velocity(), n.midiProgram(), n.startSeconds() - 0.1, 0.1);
    }

    private static NoteFacts with(NoteFacts n, String partId, String partName, int staff, String voice, int chordIndex, boolean grace) {
        return new NoteFacts(n.universalId(), partId, partName, n.partIndex(), staff, voice, n.measureIndex(), n.measureNumber(),
                n.onsetInMeasure(), n.pitch(), n.midiPitch(), n.durationQuarters(), chordIndex, grace, n.velocity(), n.midiProgram(),
                n.startSeconds(), n.durationSeconds());
    }

    /** The same note in the next version: a new ID, the facts changed by {@code edit}. */
    private static NoteFacts next(NoteFacts n, UnaryOperator<NoteFacts> edit) {
        NoteFacts e = edit.apply(n);
        return new NoteFacts(n.universalId() + "'", e.partId(), e.partName(), e.partIndex(), e.staff(), e.voice(), e.measureIndex(),
                e.measureNumber(), e.onsetInMeasure(), e.pitch(), e.midiPitch(), e.durationQuarters(), e.chordIndex(), e.grace(),
                e.velocity(), e.midiProgram(), e.startSeconds(), e.durationSeconds());
    }

    private static NoteFacts next(NoteFacts n) {
        return next(n, UnaryOperator.identity());
    }

    /** One bar later in the music and in time. */
    private static NoteFacts barLater(NoteFacts n) {
        return new NoteFacts(n.universalId(), n.partId(), n.partName(), n.partIndex(), n.staff(), n.voice(), n.measureIndex() + 1,
                String.valueOf(n.measureIndex() + 2), n.onsetInMeasure(), n.pitch(), n.midiPitch(), n.durationQuarters(),
                n.chordIndex(), n.grace(), n.velocity(), n.midiProgram(), n.startSeconds() + 2, n.durationSeconds());
    }

    private static NoteFacts pitched(NoteFacts n, String pitch, int key) {
        return new NoteFacts(n.universalId(), n.partId(), n.partName(), n.partIndex(), n.staff(), n.voice(), n.measureIndex(),
                n.measureNumber(), n.onsetInMeasure(), pitch, key, n.durationQuarters(), n.chordIndex(), n.grace(), n.velocity(),
                n.midiProgram(), n.startSeconds(), n.durationSeconds());
    }

    private static Map<String, String> ids(NoteAlignment alignment) {
        return alignment.previousIdByCurrentId();
    }

    private static List<String> idsOf(List<NoteFacts> notes) {
        return notes.stream().map(NoteFacts::universalId).toList();
    }

    private static Kept kept(NoteAlignment alignment, String previousId) {
        return alignment.kept().stream().filter(k -> k.previous().universalId().equals(previousId)).findFirst().orElseThrow();
    }

    private static final NoteFacts C = note("c", 0, 0, "C5", 72, 1);
    private static final NoteFacts D = note("d", 0, 1, "D5", 74, 1);
    private static final NoteFacts E = note("e", 0, 2, "E5", 76, 1);
    private static final NoteFacts F = note("f", 0, 3, "F5", 77, 1);
    private static final NoteFacts G = note("g", 1, 0, "G5", 79, 4);

    @Test
    void theSameNotesAreKeptUnchanged() {
        NoteAlignment a = NoteAlignment.align(List.of(C, D, E, F, G), List.of(next(C), next(D), next(E), next(F), next(G)));
        assertThat(ids(a)).containsExactly(entry("c'", "c"), entry("d'", "d"), entry("e'", "e"), entry("f'", "f"), entry("g'", "g"));
        assertThat(a.kept()).allMatch(k -> k.changes().isEmpty());
        assertThat(a.identical()).isTrue();
        assertThat(a.counts()).isEqualTo(new NoteAlignment.Counts(5, 0, 0, 0));
    }

    @Test
    void aChangedPitchIsTheSameNoteEdited() {
        NoteAlignment a = NoteAlignment.align(List.of(C, D, E, F, G),
                List.of(next(C), next(D), next(E, n -> pitched(n, "Eb5", 75)), next(F), next(G)));
        assertThat(ids(a)).hasSize(5).containsEntry("e'", "e");
        assertThat(kept(a, "e").changes()).containsExactly(NoteChange.PITCH);
        assertThat(kept(a, "e").soundChanged()).isTrue();
        assertThat(a.kept()).filteredOn(k -> !k.previous().universalId().equals("e")).allMatch(k -> k.changes().isEmpty());
        assertThat(a.counts()).isEqualTo(new NoteAlignment.Counts(4, 1, 0, 0));
    }

    @Test
    void aDeletedNoteIsRemovedAndItsNeighboursKept() {
        NoteAlignment a = NoteAlignment.align(List.of(C, D, E, F, G), List.of(next(C), next(D), next(F), next(G)));
        assertThat(idsOf(a.removed())).containsExactly("e");
        assertThat(a.added()).isEmpty();
        assertThat(ids(a)).containsExactly(entry("c'", "c"), entry("d'", "d"), entry("f'", "f"), entry("g'", "g"));
    }

    @Test
    void anInsertedNoteIsAddedAndNothingElseMoves() {
        NoteFacts half = note("x", 0, 2.5, "E5", 76, 0.5);
        NoteFacts shortE = next(E, n -> new NoteFacts(n.universalId(), n.partId(), n.partName(), n.partIndex(), n.staff(), n.voice(),
                n.measureIndex(), n.measureNumber(), n.onsetInMeasure(), n.pitch(), n.midiPitch(), 0.5, 0, false, n.velocity(),
                n.midiProgram(), n.startSeconds(), 0.25));
        // The quarter E becomes two eighths, E E: the first is the old E shortened, the second is new.
        NoteAlignment a = NoteAlignment.align(List.of(C, D, E, F, G), List.of(next(C), next(D), shortE, half, next(F), next(G)));
        assertThat(idsOf(a.added())).containsExactly("x");
        assertThat(a.removed()).isEmpty();
        assertThat(kept(a, "e").changes()).containsExactlyInAnyOrder(NoteChange.DURATION, NoteChange.TIMING);
    }

    @Test
    void aNoteReplacedByADifferentNoteAtAnotherOnsetIsRemovedAndAdded() {
        NoteFacts elsewhere = note("y", 0, 2.5, "A5", 81, 0.5);
        NoteAlignment a = NoteAlignment.align(List.of(C, D, E, F), List.of(next(C), next(D), elsewhere, next(F)));
        assertThat(idsOf(a.removed())).containsExactly("e");
        assertThat(idsOf(a.added())).containsExactly("y");
    }

    @Test
    void repeatedPitchesPairByTheirPlaceInTheBar() {
        NoteFacts a1 = note("a1", 0, 0, "A4", 69, 1);
        NoteFacts a2 = note("a2", 0, 1, "A4", 69, 1);
        NoteFacts a3 = note("a3", 0, 2, "A4", 69, 1);
        NoteFacts a4 = note("a4", 0, 3, "A4", 69, 1);
        NoteAlignment a = NoteAlignment.align(List.of(a1, a2, a3, a4), List.of(next(a1), next(a3), next(a4)));
        assertThat(idsOf(a.removed())).containsExactly("a2");
        assertThat(ids(a)).containsExactly(entry("a1'", "a1"), entry("a3'", "a3"), entry("a4'", "a4"));
    }

    @Test
    void repeatedBarsOfTheSameNotesStayInOrder() {
        List<NoteFacts> before = new ArrayList<>();
        for (int bar = 0; bar < 8; bar++) {
            before.add(note("b" + bar, bar, 0, "D4", 62, 4));
        }
        // Bar 4 (the fifth) deleted: its bar is now a rest, the others did not move.
        List<NoteFacts> after = before.stream().filter(n -> !n.universalId().equals("b4")).map(NoteAlignmentTest::next).toList();
        NoteAlignment a = NoteAlignment.align(before, after);
        assertThat(idsOf(a.removed())).containsExactly("b4");
        assertThat(a.kept()).allMatch(k -> k.current().universalId().equals(k.previous().universalId() + "'"));
        assertThat(a.kept()).allMatch(k -> k.changes().isEmpty());
    }

    @Test
    void aBarInsertedBeforeTheMusicMovesEveryNoteButKeepsIt() {
        List<NoteFacts> before = List.of(C, D, E, F, G);
        List<NoteFacts> after = before.stream().map(n -> next(n, NoteAlignmentTest::barLater)).toList();
        NoteAlignment a = NoteAlignment.align(before, after);
        assertThat(ids(a)).hasSize(5);
        assertThat(a.kept()).allMatch(k -> k.changes().equals(Set.of(NoteChange.TIMING)));
        assertThat(a.kept()).noneMatch(Kept::soundChanged);
        assertThat(a.counts()).isEqualTo(new NoteAlignment.Counts(5, 0, 0, 0));
    }

    @Test
    void aBarInsertedInTheMiddleMovesOnlyWhatFollows() {
        NoteFacts h = note("h", 2, 0, "A5", 81, 4);
        List<NoteFacts> before = List.of(C, D, E, F, G, h);
        List<NoteFacts> after = List.of(next(C), next(D), next(E), next(F), next(G, NoteAlignmentTest::barLater),
                next(h, NoteAlignmentTest::barLater));
        NoteAlignment a = NoteAlignment.align(before, after);
        assertThat(ids(a)).hasSize(6);
        assertThat(kept(a, "f").changes()).isEmpty();
        assertThat(kept(a, "g").changes()).containsExactly(NoteChange.TIMING);
        assertThat(kept(a, "h").changes()).containsExactly(NoteChange.TIMING);
    }

    @Test
    void aNoteAtTheSameOnsetABarAwayWithAnotherPitchIsNotTheSameNote() {
        // G5 in bar 2 is deleted and an A5 written in bar 3: not an edit of G5.
        NoteFacts a5 = note("a5", 2, 0, "A5", 81, 4);
        NoteAlignment a = NoteAlignment.align(List.of(C, G), List.of(next(C), a5));
        assertThat(idsOf(a.removed())).containsExactly("g");
        assertThat(idsOf(a.added())).containsExactly("a5");
    }

    @Test
    void aChordKeepsItsNotesWhenANoteIsAddedBelow() {
        NoteFacts c = chord("c", 0, 0, "C4", 60, 0);
        NoteFacts e = chord("e", 0, 0, "E4", 64, 1);
        NoteFacts g = chord("g", 0, 0, "G4", 67, 2);
        NoteFacts a = chord("a", 0, 0, "A3", 57, 0);
        NoteAlignment result = NoteAlignment.align(List.of(c, e, g),
                List.of(a, next(c, n -> with(n, "P1", "Violin", 1, "1", 1, false)), next(e, n -> with(n, "P1", "Violin", 1, "1", 2, false)),
                        next(g, n -> with(n, "P1", "Violin", 1, "1", 3, false))));
        assertThat(idsOf(result.added())).containsExactly("a");
        assertThat(ids(result)).containsOnly(entry("c'", "c"), entry("e'", "e"), entry("g'", "g"));
        // Its place in the chord is not a change of its sound.
        assertThat(result.kept()).allMatch(k -> k.changes().isEmpty());
    }

    @Test
    void aChordNoteRepitchedIsEditedInPlace() {
        NoteFacts c = chord("c", 0, 0, "C4", 60, 0);
        NoteFacts e = chord("e", 0, 0, "E4", 64, 1);
        NoteFacts g = chord("g", 0, 0, "G4", 67, 2);
        NoteAlignment result = NoteAlignment.align(List.of(c, e, g), List.of(next(c), next(e, n -> pitched(n, "Eb4", 63)), next(g)));
        assertThat(ids(result)).hasSize(3);
        assertThat(kept(result, "e").changes()).containsExactly(NoteChange.PITCH);
        assertThat(kept(result, "c").changes()).isEmpty();
    }

    @Test
    void graceNotesPairWithGraceNotesOnly() {
        NoteFacts g1 = grace("g1", 0, 1, "C5", 72);
        NoteFacts g2 = grace("g2", 0, 1, "E5", 76);
        // A grace note is added before D: the main notes and the other grace notes keep their IDs.
        NoteFacts added = grace("new", 0, 1, "B4", 71);
        NoteAlignment a = NoteAlignment.align(List.of(C, g1, g2, D, E), List.of(next(C), added, next(g1), next(g2), next(D), next(E)));
        assertThat(idsOf(a.added())).containsExactly("new");
        assertThat(ids(a)).containsOnly(entry("c'", "c"), entry("g1'", "g1"), entry("g2'", "g2"), entry("d'", "d"), entry("e'", "e"));
        // A grace note removed and a main note written at its onset are not one note.
        NoteAlignment b = NoteAlignment.align(List.of(g1, D), List.of(next(D)));
        assertThat(idsOf(b.removed())).containsExactly("g1");
    }

    @Test
    void tiedNotesEachKeepTheirIdAndTheChainsNewLengthIsTiming() {
        // A4 tied over the bar line: a half in bar 1 (primary, sounding for the chain) and a quarter in bar 2.
        NoteFacts primary = note("t1", 0, 2, "A4", 69, 2);
        NoteFacts secondary = note("t2", 1, 0, "A4", 69, 1);
        NoteFacts longer = new NoteFacts("t2'", "P1", "Violin", 0, 1, "1", 1, "2", 0, "A4", 69, 2, 0, false, 80, 40, 2, 1);
        NoteFacts primaryLonger = new NoteFacts("t1'", "P1", "Violin", 0, 1, "1", 0, "1", 2, "A4", 69, 2, 0, false, 80, 40,
                primary.startSeconds(), 2.0);
        NoteFacts primaryBefore = new NoteFacts("t1", "P1", "Violin", 0, 1, "1", 0, "1", 2, "A4", 69, 2, 0, false, 80, 40,
                primary.startSeconds(), 1.5);
        NoteAlignment a = NoteAlignment.align(List.of(primaryBefore, secondary), List.of(primaryLonger, longer));
        assertThat(ids(a)).containsExactly(entry("t1'", "t1"), entry("t2'", "t2"));
        // The primary's notes are the same; the chain sounds longer: a move in time for it.
        assertThat(kept(a, "t1").changes()).containsExactly(NoteChange.TIMING);
        assertThat(kept(a, "t2").changes()).containsExactlyInAnyOrder(NoteChange.DURATION, NoteChange.TIMING);
    }

    @Test
    void velocityAndProgramChangesAreSoundChanges() {
        NoteFacts louder = next(D, n -> new NoteFacts(n.universalId(), n.partId(), n.partName(), n.partIndex(), n.staff(), n.voice(),
                n.measureIndex(), n.measureNumber(), n.onsetInMeasure(), n.pitch(), n.midiPitch(), n.durationQuarters(), 0, false, 110,
                41, n.startSeconds(), n.durationSeconds()));
        NoteAlignment a = NoteAlignment.align(List.of(C, D), List.of(next(C), louder));
        assertThat(kept(a, "d").changes()).containsExactlyInAnyOrder(NoteChange.VELOCITY, NoteChange.PROGRAM);
        assertThat(kept(a, "d").soundChanged()).isTrue();
    }

    @Test
    void aRenamedPartKeepsItsNotesByItsId() {
        NoteAlignment a = NoteAlignment.align(List.of(C, D),
                List.of(next(C, n -> with(n, "P1", "Violin I", 1, "1", 0, false)), next(D, n -> with(n, "P1", "Violin I", 1, "1", 0, false))));
        assertThat(ids(a)).hasSize(2);
        assertThat(a.kept()).allMatch(k -> k.changes().equals(Set.of(NoteChange.PART_NAME)));
        assertThat(a.kept()).noneMatch(Kept::soundChanged);
    }

    @Test
    void partsWithNewIdsPairByOrderAndInstrument() {
        NoteFacts flute = new NoteFacts("f1", "P1", "Flute", 0, 1, "1", 0, "1", 0, "A5", 81, 1, 0, false, 80, 73, 0, 0.5);
        NoteFacts violin = new NoteFacts("v1", "P2", "Violin", 1, 1, "1", 0, "1", 0, "A4", 69, 1, 0, false, 80, 40, 0, 0.5);
        // The new export numbered its parts anew and put a piano first.
        NoteFacts piano = new NoteFacts("p1", "Pa", "Piano", 0, 1, "1", 0, "1", 0, "A3", 57, 1, 0, false, 80, 0, 0, 0.5);
        NoteFacts flute2 = new NoteFacts("f1'", "Pb", "Flute", 1, 1, "1", 0, "1", 0, "A5", 81, 1, 0, false, 80, 73, 0, 0.5);
        NoteFacts violin2 = new NoteFacts("v1'", "Pc", "Violon", 2, 1, "1", 0, "1", 0, "A4", 69, 1, 0, false, 80, 40, 0, 0.5);
        NoteAlignment a = NoteAlignment.align(List.of(flute, violin), List.of(piano, flute2, violin2));
        // The flute by its name; the violin, renamed Violon, by its program.
        assertThat(ids(a)).containsOnly(entry("f1'", "f1"), entry("v1'", "v1"));
        assertThat(idsOf(a.added())).containsExactly("p1");
    }

    @Test
    void voicesAlignSeparately() {
        NoteFacts upper = with(note("u", 0, 0, "E5", 76, 1), "P1", "Violin", 1, "1", 0, false);
        NoteFacts lower = with(note("l", 0, 0, "E5", 76, 1), "P1", "Violin", 1, "2", 0, false);
        // Voice 2's note is gone; voice 1's identical note is not mistaken for it.
        NoteAlignment a = NoteAlignment.align(List.of(upper, lower), List.of(next(upper)));
        assertThat(ids(a)).containsExactly(entry("u'", "u"));
        assertThat(idsOf(a.removed())).containsExactly("l");
    }

    @Test
    void notesMovedToAnotherVoiceKeepTheirIds() {
        // Bar 1's D and E rewritten as voice 2, and the whole part a bar later: the same notes.
        NoteAlignment a = NoteAlignment.align(List.of(C, D, E, F, G), List.of(
                next(C, NoteAlignmentTest::barLater),
                next(D, n -> with(barLater(n), "P1", "Violin", 1, "2", 0, false)),
                next(E, n -> with(barLater(n), "P1", "Violin", 1, "2", 0, false)),
                next(F, NoteAlignmentTest::barLater), next(G, NoteAlignmentTest::barLater)));
        assertThat(ids(a)).containsOnly(entry("c'", "c"), entry("d'", "d"), entry("e'", "e"), entry("f'", "f"), entry("g'", "g"));
        assertThat(a.kept()).allMatch(k -> k.changes().equals(Set.of(NoteChange.TIMING)));
        // A note that moved voice and changed pitch too is another note.
        NoteAlignment b = NoteAlignment.align(List.of(C, D), List.of(next(C), next(D, n -> with(pitched(n, "D#5", 75), "P1", "Violin", 1, "2", 0, false))));
        assertThat(idsOf(b.removed())).containsExactly("d");
        assertThat(idsOf(b.added())).containsExactly("d'");
    }

    @Test
    void theAlignmentIsDeterministicAndOrdered() {
        List<NoteFacts> before = List.of(C, D, E, F, G);
        List<NoteFacts> after = List.of(next(G), next(C), next(E, n -> pitched(n, "E#5", 77)), next(D));
        NoteAlignment first = NoteAlignment.align(before, after);
        NoteAlignment second = NoteAlignment.align(before, after);
        assertThat(second).isEqualTo(first);
        // Kept in the current version's order, removed in the previous version's.
        assertThat(first.kept()).extracting(k -> k.current().universalId()).containsExactly("g'", "c'", "e'", "d'");
        assertThat(idsOf(first.removed())).containsExactly("f");
    }

    @Test
    void aLongPassageInsertedInALongVoiceKeepsEveryOldNote() {
        // 3,000 notes; 175 new bars (700 notes) written after the 250th bar, and the first and last notes
        // repitched, so that the whole voice is aligned, the path straying far from the diagonal.
        List<NoteFacts> before = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            before.add(note("n" + i, i / 4, i % 4, "K" + (i % 12), 60 + i % 12, 1));
        }
        List<NoteFacts> after = new ArrayList<>();
        List<String> expectedAdded = new ArrayList<>();
        after.add(next(before.get(0), n -> pitched(n, "B3", 59)));
        for (int i = 1; i < 1000; i++) {
            after.add(next(before.get(i)));
        }
        for (int i = 0; i < 700; i++) {
            NoteFacts added = note("new" + i, 250 + i / 4, i % 4, "E2", 40, 1);
            after.add(added);
            expectedAdded.add(added.universalId());
        }
        for (int i = 1000; i < 3000; i++) {
            NoteFacts moved = before.get(i);
            for (int bar = 0; bar < 175; bar++) {
                moved = barLater(moved);
            }
            after.add(i == 2999 ? next(moved, n -> pitched(n, "B3", 59)) : next(moved));
        }
        NoteAlignment a = NoteAlignment.align(before, after);
        assertThat(idsOf(a.added())).containsExactlyElementsOf(expectedAdded);
        assertThat(a.removed()).isEmpty();
        assertThat(a.kept()).hasSize(3000).allMatch(k -> k.current().universalId().equals(k.previous().universalId() + "'"));
        assertThat(a.kept()).filteredOn(k -> k.changes().contains(NoteChange.TIMING)).hasSize(2000);
        assertThat(a.counts()).isEqualTo(new NoteAlignment.Counts(2998, 2, 700, 0));
    }

    @Test
    void aLongVoiceWithScatteredEditsAlignsExactly() {
        // 2,400 notes in one voice: every 100th note repitched, every 150th deleted, a note added every 200 bars.
        List<NoteFacts> before = new ArrayList<>();
        for (int i = 0; i < 2400; i++) {
            before.add(note("n" + i, i / 4, i % 4, (i % 7 == 0) ? "C4" : "D4", (i % 7 == 0) ? 60 : 62, 1));
        }
        List<NoteFacts> after = new ArrayList<>();
        List<String> expectedRemoved = new ArrayList<>();
        List<String> expectedAdded = new ArrayList<>();
        for (int i = 0; i < 2400; i++) {
            NoteFacts n = before.get(i);
            if (i % 150 == 75) {
                expectedRemoved.add(n.universalId());
                continue;
            }
            after.add(i % 100 == 50 ? next(n, x -> pitched(x, "F4", 65)) : next(n));
            if (i % 800 == 3) {
                // A grace note before the next beat's note.
                NoteFacts added = grace("g" + i, (i + 1) / 4, (i + 1) % 4, "B3", 59);
                after.add(added);
                expectedAdded.add(added.universalId());
            }
        }
        NoteAlignment a = NoteAlignment.align(before, after);
        assertThat(idsOf(a.removed())).containsExactlyElementsOf(expectedRemoved);
        assertThat(idsOf(a.added())).containsExactlyInAnyOrderElementsOf(expectedAdded);
        assertThat(a.kept()).hasSize(2400 - expectedRemoved.size());
        assertThat(a.kept()).allMatch(k -> k.current().universalId().equals(k.previous().universalId() + "'"));
        assertThat(a.kept()).filteredOn(Kept::soundChanged).extracting(k -> k.previous().universalId())
                .containsExactlyElementsOf(before.stream().filter(n -> Integer.parseInt(n.universalId().substring(1)) % 100 == 50)
                        .map(NoteFacts::universalId).toList());
    }
}
