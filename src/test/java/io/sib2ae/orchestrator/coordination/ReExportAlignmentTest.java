package io.sib2ae.orchestrator.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.testing.ScoreEdits;
import io.sib2ae.orchestrator.testing.ScoreEdits.Edited;
import io.sib2ae.orchestrator.testing.ScoreEdits.Kind;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core proof of the re-export alignment (issue 12) on real exports: SS 9 (Sibelius, two parts,
 * ties) and ActorPreludeSample (22 parts, about 1,900 notes). Each case edits the score as a
 * composer would ({@link ScoreEdits}), reads and coordinates both versions with the service's own
 * reader and coordinator, aligns them, and checks that the IDs kept, changed, added and removed
 * are exactly those the edit implies. The expectation comes from the edit (which note it touched,
 * by document index, and what it did), never from the aligner.
 */
class ReExportAlignmentTest {

    private static final Map<String, ScoreEdits> ORIGINALS = new HashMap<>();
    /** The dynamic edited as a printed marking, beside every {@link Kind} (whose dynamic is one note's). */
    private static final String DYNAMIC_MARKING = "DYNAMIC_MARKING_CHANGED";
    /** Every part's id changed: the parts pair by name, then program, in order. */
    private static final String PART_IDS = "PART_IDS_CHANGED";
    /** A bar inserted in the middle of ActorPreludeSample, beside the bar inserted at the start. */
    private static final String BAR_IN_THE_MIDDLE = "BAR_INSERTED_IN_THE_MIDDLE";

    @TempDir
    Path folder;

    static Stream<Arguments> cases() {
        Stream<Arguments> everyEdit = Stream.of("sib2ae/SS 9", "scores/ActorPreludeSample")
                .flatMap(score -> Stream.concat(Stream.of(Kind.values()).map(Kind::name), Stream.of(DYNAMIC_MARKING, PART_IDS))
                        .map(kind -> Arguments.of(score, kind)));
        // SS 9's notes all stand in its last two bars, tied across the barline between them: no middle to insert into.
        return Stream.concat(everyEdit, Stream.of(Arguments.of("scores/ActorPreludeSample", BAR_IN_THE_MIDDLE)));
    }

    private static ScoreEdits original(String score) {
        return ORIGINALS.computeIfAbsent(score, s -> ScoreEdits.of(
                TestData.file(s + (s.startsWith("sib2ae") ? ".musicxml" : ".xml")), TestData.file(s + ".mid")));
    }

    /** The edits: every kind, and the dynamic both as one note's and as a printed marking's. */
    private static Edited edit(ScoreEdits edits, String kind, Path folder) {
        return switch (kind) {
            case DYNAMIC_MARKING -> edits.dynamicMarkingChanged(folder);
            case BAR_IN_THE_MIDDLE -> edits.barInsertedInTheMiddle(folder);
            case PART_IDS -> edits.partIdsChanged(folder);
            default -> edits.apply(Kind.valueOf(kind), folder);
        };
    }

    /** What the edit did to a note of the original that stays in the new version. */
    private static Set<NoteChange> expectedChanges(Edited edit, CoordinatedNote note) {
        boolean touched = edit.touched().contains(note.notated().documentIndex());
        return switch (edit.kind()) {
            case SAME_FILE, NOTE_DELETED -> Set.of();
            case PITCH_CHANGED -> touched ? Set.of(NoteChange.PITCH) : Set.of();
            case DYNAMIC_CHANGED -> touched ? Set.of(NoteChange.VELOCITY) : Set.of();
            // Every note sounds sooner and shorter: moved, not changed.
            case TEMPO_CHANGED -> Set.of(NoteChange.TIMING);
            // A bar later, in time and in bar count: every note for a bar at the start, else those after it.
            case BAR_INSERTED -> edit.touched().isEmpty() || touched ? Set.of(NoteChange.TIMING) : Set.of();
            case PART_RENAMED -> note.notated().partId().equals(edit.partId()) ? Set.of(NoteChange.PART_NAME) : Set.of();
        };
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theIdsKeptChangedAddedAndRemovedAreExactlyTheOnesTheEditImplies(String score, String edited) {
        ScoreEdits edits = original(score);
        Edited edit = edit(edits, edited, folder);
        Kind kind = edit.kind();
        List<CoordinatedNote> before = edits.original().coordinated().notes();
        List<CoordinatedNote> after = edit.version().coordinated().notes();

        // The partner of each original note in the new version, by document index: a deleted note
        // has none, and the notes after it in the document move up by one.
        Map<Integer, CoordinatedNote> afterByIndex = new HashMap<>();
        after.forEach(n -> afterByIndex.put(n.notated().documentIndex(), n));
        Map<String, String> expectedPreviousByCurrent = new TreeMap<>();
        Map<String, Set<NoteChange>> expectedChanges = new TreeMap<>();
        Set<String> expectedRemoved = new java.util.TreeSet<>();
        for (CoordinatedNote was : before) {
            int index = was.notated().documentIndex();
            if (kind == Kind.NOTE_DELETED && edit.touched().contains(index)) {
                expectedRemoved.add(was.universalId());
                continue;
            }
            int shift = kind == Kind.NOTE_DELETED && index > edit.touched().iterator().next() ? 1 : 0;
            CoordinatedNote is = afterByIndex.get(index - shift);
            if (!(kind == Kind.PITCH_CHANGED && edit.touched().contains(index))) {
                // A check on the expectation itself: the partner by document index is the same written note.
                assertThat(is.notated().pitchName()).as("partner of %s", was.notated()).isEqualTo(was.notated().pitchName());
            }
            expectedPreviousByCurrent.put(is.universalId(), was.universalId());
            expectedChanges.put(was.universalId(), expectedChanges(edit, was));
        }
        assertThat(expectedPreviousByCurrent).hasSize(after.size());

        NoteAlignment alignment = NoteAlignment.align(facts(before), facts(after));

        assertThat(new TreeMap<>(alignment.previousIdByCurrentId())).isEqualTo(expectedPreviousByCurrent);
        assertThat(alignment.added()).isEmpty();
        assertThat(alignment.removed()).extracting(NoteFacts::universalId).containsExactlyInAnyOrderElementsOf(expectedRemoved);
        Map<String, Set<NoteChange>> actualChanges = new TreeMap<>();
        alignment.kept().forEach(k -> actualChanges.put(k.previous().universalId(), EnumSet.copyOf(
                k.changes().isEmpty() ? EnumSet.noneOf(NoteChange.class) : k.changes())));
        assertThat(actualChanges).isEqualTo(normalised(expectedChanges));

        int soundChanged = kind == Kind.PITCH_CHANGED || kind == Kind.DYNAMIC_CHANGED ? edit.touched().size() : 0;
        assertThat(alignment.counts()).isEqualTo(new NoteAlignment.Counts(after.size() - soundChanged, soundChanged, 0,
                expectedRemoved.size()));
        if (kind == Kind.SAME_FILE) {
            // The same content gives the same IDs, and the alignment agrees with them.
            assertThat(alignment.kept()).allMatch(k -> k.previous().universalId().equals(k.current().universalId()));
            assertThat(alignment.identical()).isTrue();
        } else {
            // Any edit changes the content hash, so every universal ID changed: only the alignment keeps them.
            assertThat(alignment.kept()).noneMatch(k -> k.previous().universalId().equals(k.current().universalId()));
        }
    }

    private static List<NoteFacts> facts(List<CoordinatedNote> notes) {
        return notes.stream().map(NoteFacts::of).toList();
    }

    private static Map<String, Set<NoteChange>> normalised(Map<String, Set<NoteChange>> changes) {
        Map<String, Set<NoteChange>> result = new LinkedHashMap<>();
        changes.forEach((id, set) -> result.put(id, set.isEmpty() ? EnumSet.noneOf(NoteChange.class) : EnumSet.copyOf(set)));
        return new TreeMap<>(result);
    }
}
