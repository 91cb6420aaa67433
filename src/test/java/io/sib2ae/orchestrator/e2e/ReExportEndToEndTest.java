package io.sib2ae.orchestrator.e2e;

import static io.sib2ae.orchestrator.e2e.ScoreVersions.count;
import static io.sib2ae.orchestrator.e2e.ScoreVersions.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.run.ScoreResult;
import io.sib2ae.orchestrator.testing.ScoreEdits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-exports through the real application: a score handed in again under its name is its next
 * version (or, the same files again, no new version at all), and the score folder always holds
 * one whole version.
 */
class ReExportEndToEndTest {

    // Without the example studio routes: their delivery copies the assets after the completion event,
    // on a thread of their own, and could still be writing into the test's folder when it is deleted.
    static final Map<String, String> SMALL_SOUNDFONT = Files.isRegularFile(Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"))
            ? Map.of("sib2ae.audio.soundfont", "/usr/share/sounds/sf2/TimGM6mb.sf2", "sib2ae.routes", "target/no-studio-routes")
            : Map.of("sib2ae.routes", "target/no-studio-routes");

    static final Path SS9_XML = TestData.file("sib2ae/SS 9.musicxml");
    static final Path SS9_MIDI = TestData.file("sib2ae/SS 9.mid");
    static final Path SS9_SVG = TestData.file("sib2ae/SS 9.svg");

    @TempDir
    Path root;

    @Test
    void theSameFilesAgainAreNoNewVersionAndRenderAndRewriteNothing() throws Exception {
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve("SS 9");
            ScoreResult first = submit(service, SS9_XML, SS9_MIDI, List.of(SS9_SVG));
            assertThat(first.status()).isEqualTo(ScoreStatus.COMPLETED);
            assertThat(first.version().number()).isEqualTo(1);
            assertThat(first.version().added()).isEqualTo(9);
            ScoreVersions.Snapshot before = ScoreVersions.snapshot(score);
            Map<String, JsonNode> notesBefore = ScoreVersions.notes(score);

            ScoreResult again = submit(service, SS9_XML, SS9_MIDI, List.of(SS9_SVG));

            assertThat(again.status()).isEqualTo(ScoreStatus.COMPLETED);
            assertThat(again.version().number()).as("no new version").isEqualTo(1);
            assertThat(again.version().kept()).isEqualTo(9);
            assertThat(again.version().changed() + again.version().added() + again.version().removed()).isZero();
            for (String hop : List.of("midi", "audio", "keyframes", "svg")) {
                assertThat(count(again, hop + ".completed")).as(hop + " done again").isZero();
            }
            assertThat(ScoreVersions.notes(score).keySet()).isEqualTo(notesBefore.keySet());
            assertThat(ScoreVersions.index(score).get("versions")).hasSize(1);
            ScoreVersions.Snapshot after = ScoreVersions.snapshot(score);
            for (Map.Entry<String, java.nio.file.attribute.FileTime> file : before.times().entrySet()) {
                if (isRecord(file.getKey())) {
                    continue;
                }
                assertThat(after.times().get(file.getKey())).as(file.getKey() + " modified").isEqualTo(file.getValue());
                assertThat(after.hashes().get(file.getKey())).as(file.getKey() + " content").isEqualTo(before.hashes().get(file.getKey()));
            }
            assertThat(after.times().keySet()).isEqualTo(before.times().keySet());
            ScoreVersions.assertNoStrayFile(score);
        }
    }

    @Test
    void aScoreDroppedIntoTheInboxAgainWithAnEditIsItsNextVersion() throws Exception {
        ScoreEdits edits = ScoreEdits.of(SS9_XML, SS9_MIDI);
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve("SS 9");
            service.drop(SS9_XML);
            service.drop(SS9_MIDI);
            service.awaitClosed("SS 9");
            Map<String, JsonNode> before = ScoreVersions.notes(score);
            ScoreEdits.Edited edit = edits.pitchChanged(Files.createDirectories(root.resolve("v2")));

            service.drop(edit.version().musicXml());
            service.drop(edit.version().midi());

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() ->
                    ScoreVersions.index(score).path("version").asInt() == 2 && CrashState.files(service.work()).isEmpty()
                            && ScoreVersions.files(service.archive()).size() == 4);
            JsonNode index = ScoreVersions.index(score);
            assertThat(index.get("status").asText()).isEqualTo("completed");
            assertThat(ScoreVersions.notes(score).keySet()).isEqualTo(before.keySet());
            String changed = edits.original().byDocumentIndex(edit.touched().iterator().next()).universalId();
            assertThat(index.at("/versions/1/changed").asInt()).isEqualTo(1);
            assertThat(ScoreVersions.notes(score).get(changed).get("changed_in_version").asInt()).isEqualTo(2);
            assertThat(index.at("/counts/stages/audio/completed").asInt()).as("WAVs rendered for version 2").isEqualTo(1);
            ScoreVersions.assertNoStrayFile(score);
        }
    }

    @Test
    void twoVersionsHandedInAtOnceAreMadeOneAfterTheOther() throws Exception {
        ScoreEdits edits = ScoreEdits.of(SS9_XML, SS9_MIDI);
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve("SS 9");
            submit(service, SS9_XML, SS9_MIDI, List.of());
            ScoreEdits.Edited pitch = edits.pitchChanged(Files.createDirectories(root.resolve("pitch")));
            ScoreEdits.Edited dynamic = edits.dynamicChanged(Files.createDirectories(root.resolve("dynamic")));
            var template = service.context().createProducerTemplate();

            var first = template.asyncRequestBody("direct:sib2ae-submit",
                    io.sib2ae.orchestrator.score.ScoreSet.of(pitch.version().musicXml(), pitch.version().midi(), List.of()),
                    ScoreResult.class);
            var second = template.asyncRequestBody("direct:sib2ae-submit",
                    io.sib2ae.orchestrator.score.ScoreSet.of(dynamic.version().musicXml(), dynamic.version().midi(), List.of()),
                    ScoreResult.class);
            List<ScoreResult> results = List.of(first.get(), second.get());

            assertThat(results).extracting(ScoreResult::status).containsOnly(ScoreStatus.COMPLETED);
            assertThat(results).extracting(r -> r.version().number()).containsExactlyInAnyOrder(2, 3);
            JsonNode index = ScoreVersions.index(score);
            assertThat(index.get("version").asInt()).isEqualTo(3);
            assertThat(index.get("versions")).hasSize(3);
            assertThat(ScoreVersions.notes(score)).hasSize(9);
            ScoreVersions.assertNoStrayFile(score);
            assertThat(ScoreVersions.files(service.work().resolve("versions"))).as("nothing left staged").isEmpty();
        }
    }

    @Test
    void aReExportThatFailsLeavesThePreviousVersionWhole() throws Exception {
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve("SS 9");
            submit(service, SS9_XML, SS9_MIDI, List.of(SS9_SVG));
            ScoreVersions.Snapshot before = ScoreVersions.snapshot(score);
            Path corrupt = Files.createDirectories(root.resolve("v2")).resolve("SS 9.mid");
            Files.write(corrupt, "MThd but not a MIDI file at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            ScoreResult failed = submit(service, SS9_XML, corrupt, List.of(SS9_SVG));

            assertThat(failed.status()).isEqualTo(ScoreStatus.FAILED);
            ScoreVersions.Snapshot after = ScoreVersions.snapshot(score);
            assertThat(after).as("every file of version 1, untouched").isEqualTo(before);
            assertThat(ScoreVersions.index(score).get("version").asInt()).isEqualTo(1);
            assertThat(ScoreVersions.files(service.work().resolve("versions"))).as("nothing staged left").isEmpty();
        }
    }

    @Test
    void onePitchChangedKeepsEveryIdAndRendersThatNoteAlone() throws Exception {
        Reexported r = reexport(ScoreEdits::pitchChanged);
        Set<String> touched = r.touchedIds();
        assertThat(touched).hasSize(1);
        r.assertIds(r.before().keySet(), touched, Set.of(), Set.of());
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered").isEqualTo(1);
        JsonNode note = r.after().get(touched.iterator().next());
        assertThat(note.get("changed_in_version").asInt()).isEqualTo(2);
        assertThat(note.get("changes").toString()).contains("pitch");
        assertThat(note.get("midi_pitch").asInt()).isEqualTo(r.before().get(note.get("universal_id").asText()).get("midi_pitch").asInt() + 1);
        r.after().values().stream().filter(n -> !touched.contains(n.get("universal_id").asText()))
                .forEach(n -> assertThat(n.get("changed_in_version").asInt()).as("untouched note").isEqualTo(1));
    }

    @Test
    void oneNoteDeletedIsRetiredWithItsFilesAndNothingIsRendered() throws Exception {
        Reexported r = reexport(ScoreEdits::noteDeleted);
        Set<String> touched = r.touchedIds();
        assertThat(touched).hasSize(1);
        Set<String> kept = new HashSet<>(r.before().keySet());
        kept.removeAll(touched);
        r.assertIds(kept, Set.of(), Set.of(), touched);
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered").isZero();
        assertThat(count(r.result(), "midi.completed")).as("MIDI files written (later ones renumbered, not rewritten)").isZero();
        String removed = touched.iterator().next();
        Set<String> expectedRetired = new TreeSet<>();
        expectedRetired.add("manifests/" + removed + ".json");
        r.before().get(removed).get("files").forEach(f -> {
            if (f.path("file_exists").asBoolean()) {
                expectedRetired.add(f.get("path").asText());
            }
        });
        assertThat(expectedRetired).as("the removed note had files").hasSizeGreaterThan(1);
        assertThat(ScoreVersions.files(r.score().resolve("retired").resolve("v1")).keySet()).isEqualTo(expectedRetired);
        for (String file : expectedRetired) {
            if (!file.startsWith("manifests/")) {
                assertThat(ScoreVersions.files(r.score()).get("retired/v1/" + file)).hasSameBinaryContentAs(r.v1().get(file));
            }
        }
    }

    @Test
    void aBarInsertedBeforeEveryPartMovesEveryNoteAndRendersNoWav() throws Exception {
        Reexported r = reexport(ScoreEdits::barInserted);
        r.assertIds(r.before().keySet(), Set.of(), Set.of(), Set.of());
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered").isZero();
        assertThat(count(r.result(), "midi.completed")).as("MIDI files written").isZero();
        for (JsonNode note : r.after().values()) {
            String id = note.get("universal_id").asText();
            assertThat(note.get("calculated_start_time").asDouble()).as(id + " moved later")
                    .isGreaterThan(r.before().get(id).get("calculated_start_time").asDouble());
            assertThat(note.get("changes").toString()).as(id).contains("timing");
            if (note.get("is_primary").asBoolean()) {
                assertThat(note.at("/files/audio/sha256").asText()).as(id + " keeps its audio")
                        .isEqualTo(r.before().get(id).at("/files/audio/sha256").asText());
            }
        }
    }

    @Test
    void aTempoChangeKeepsEveryIdAndRendersOnlyTheNotesThatNowSoundLongerOrShorter() throws Exception {
        Reexported r = reexport(ScoreEdits::tempoChanged);
        Set<String> relengthened = new TreeSet<>();
        int primariesRelengthened = 0;
        for (JsonNode note : r.after().values()) {
            JsonNode before = r.before().get(note.get("universal_id").asText());
            if (Math.abs(note.get("duration_seconds").asDouble() - before.get("duration_seconds").asDouble()) > 1e-6) {
                relengthened.add(note.get("universal_id").asText());
                primariesRelengthened += note.get("is_primary").asBoolean() ? 1 : 0;
            }
        }
        assertThat(relengthened).as("a faster tempo shortens the notes").isNotEmpty();
        r.assertIds(r.before().keySet(), relengthened, Set.of(), Set.of());
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered").isEqualTo(primariesRelengthened);
    }

    @Test
    void aDynamicChangedRendersThatNoteAlone() throws Exception {
        Reexported r = reexport(ScoreEdits::dynamicChanged);
        Set<String> touched = r.touchedIds();
        r.assertIds(r.before().keySet(), touched, Set.of(), Set.of());
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered").isEqualTo(1);
        assertThat(r.after().get(touched.iterator().next()).get("changes").toString()).contains("velocity");
    }

    @Test
    void aPartRenamedKeepsItsNotesAndTheirAudioUnderTheNewName() throws Exception {
        Reexported r = reexport(ScoreEdits::partRenamed);
        r.assertIds(r.before().keySet(), Set.of(), Set.of(), Set.of());
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered").isZero();
        assertThat(count(r.result(), "midi.completed")).as("MIDI files written (renamed, not rewritten)").isZero();
        List<JsonNode> renamed = r.after().values().stream().filter(n -> n.get("part_id").asText().equals(r.edit().partId())
                && n.get("is_primary").asBoolean()).toList();
        assertThat(renamed).isNotEmpty();
        for (JsonNode note : renamed) {
            String audio = note.at("/files/audio/path").asText();
            assertThat(audio).contains("(renamed)");
            assertThat(note.at("/files/audio/sha256").asText()).as("the same audio, under its new name")
                    .isEqualTo(r.before().get(note.get("universal_id").asText()).at("/files/audio/sha256").asText());
        }
    }

    @Test
    void aDynamicChangedUnderTheSamePageRedrawsNoNoteheadAndNoPageLayer() throws Exception {
        ScoreEdits edits = ScoreEdits.of(SS9_XML, SS9_MIDI);
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve("SS 9");
            assertThat(submit(service, SS9_XML, SS9_MIDI, List.of(SS9_SVG)).status()).isEqualTo(ScoreStatus.COMPLETED);
            ScoreVersions.Snapshot before = ScoreVersions.snapshot(score);
            ScoreEdits.Edited edit = edits.dynamicChanged(Files.createDirectories(root.resolve("v2")));

            ScoreResult second = submit(service, edit.version().musicXml(), edit.version().midi(), List.of(SS9_SVG));

            assertThat(second.status()).isEqualTo(ScoreStatus.COMPLETED);
            assertThat(second.version().number()).isEqualTo(2);
            assertThat(count(second, "audio.completed")).as("WAVs rendered").isEqualTo(1);
            assertThat(count(second, "svg.completed")).as("notehead SVGs drawn").isZero();
            ScoreVersions.Snapshot after = ScoreVersions.snapshot(score);
            for (String file : before.times().keySet()) {
                if (file.startsWith("svg/")) {
                    assertThat(after.times().get(file)).as(file + " modified").isEqualTo(before.times().get(file));
                }
            }
            ScoreVersions.assertNoStrayFile(score);
        }
    }

    /**
     * ActorPreludeSample, about 1,900 notes: one pitch changed re-renders that note alone, and the
     * second version dropped again renders nothing. Prints the re-export's time against the first
     * export's (scripts/bench.sh measures it properly, as a ratio).
     */
    @Test
    void actorPreludeWithOnePitchChangedRendersOneWavOfSeveralThousandNotes() throws Exception {
        Path xml = TestData.file("scores/ActorPreludeSample.xml");
        Path midi = TestData.file("scores/ActorPreludeSample.mid");
        ScoreEdits edits = ScoreEdits.of(xml, midi);
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve("ActorPreludeSample");
            long started = System.nanoTime();
            ScoreResult first = submit(service, xml, midi, List.of());
            long firstMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(first.status()).isIn(ScoreStatus.COMPLETED, ScoreStatus.COMPLETED_WITH_FAILURES);
            Map<String, JsonNode> before = ScoreVersions.notes(score);
            ScoreEdits.Edited edit = edits.pitchChanged(Files.createDirectories(root.resolve("v2")));
            String changed = edits.original().byDocumentIndex(edit.touched().iterator().next()).universalId();

            started = System.nanoTime();
            ScoreResult second = submit(service, edit.version().musicXml(), edit.version().midi(), List.of());
            long secondMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(second.status()).isEqualTo(first.status());
            assertThat(ScoreVersions.notes(score).keySet()).isEqualTo(before.keySet());
            assertThat(second.version().number()).isEqualTo(2);
            assertThat(second.version().changed()).isEqualTo(1);
            assertThat(second.version().kept()).isEqualTo(before.size() - 1);
            assertThat(second.version().added() + second.version().removed()).isZero();
            assertThat(ScoreVersions.notes(score).get(changed).get("changed_in_version").asInt()).isEqualTo(2);
            assertThat(count(second, "audio.completed")).as("WAVs rendered").isEqualTo(1);
            ScoreVersions.assertNoStrayFile(score);
            System.out.printf("ActorPreludeSample: first export %d ms, re-export with one pitch changed %d ms (%.2fx)%n",
                    firstMillis, secondMillis, secondMillis / (double) firstMillis);

            ScoreResult again = submit(service, edit.version().musicXml(), edit.version().midi(), List.of());
            assertThat(again.version().number()).isEqualTo(2);
            assertThat(count(again, "audio.completed") + count(again, "keyframes.completed") + count(again, "midi.completed"))
                    .as("hops done for the same files again").isZero();
        }
    }

    /** A score exported, then exported again with one edit: both versions as the folder shows them. */
    record Reexported(Path score, ScoreEdits edits, ScoreEdits.Edited edit, ScoreResult result,
                              Map<String, JsonNode> before, Map<String, JsonNode> after, Map<String, Path> v1) {

        /** The first version's IDs of the notes the edit touched. */
        Set<String> touchedIds() {
            Set<String> ids = new TreeSet<>();
            edit.touched().forEach(i -> ids.add(edits.original().byDocumentIndex(i).universalId()));
            return ids;
        }

        /** The second version holds exactly the expected IDs, and the result counts them. */
        void assertIds(Set<String> present, Set<String> changed, Set<String> added, Set<String> removed) {
            assertThat(added).as("this helper expects no new note").isEmpty();
            assertThat(after.keySet()).as("IDs of version 2").isEqualTo(new TreeSet<>(present));
            Set<String> keptAsIs = new TreeSet<>(present);
            keptAsIs.removeAll(changed);
            assertThat(result.version().number()).isEqualTo(2);
            assertThat(result.version().kept()).as("kept").isEqualTo(keptAsIs.size());
            assertThat(result.version().changed()).as("changed").isEqualTo(changed.size());
            assertThat(result.version().added()).as("added").isZero();
            assertThat(result.version().removed()).as("removed").isEqualTo(removed.size());
            for (String id : changed) {
                assertThat(after.get(id).get("changed_in_version").asInt()).as(id + " changed in").isEqualTo(2);
            }
            for (String id : present) {
                // No edit here touches a tie: a tied note keeps its chain's ID and its primary.
                assertThat(after.get(id).get("tied_group_id")).as(id + " tie chain").isEqualTo(before.get(id).get("tied_group_id"));
                assertThat(after.get(id).get("primary_universal_id")).as(id + " primary")
                        .isEqualTo(before.get(id).get("primary_universal_id"));
            }
            Set<String> gone = new TreeSet<>(before.keySet());
            gone.removeAll(after.keySet());
            assertThat(gone).as("removed IDs").isEqualTo(new TreeSet<>(removed));
            JsonNode versions = ScoreVersions.index(score).get("versions");
            assertThat(versions).hasSize(2);
            assertThat(versions.get(1).get("removed").asInt()).isEqualTo(removed.size());
            ScoreVersions.assertNoStrayFile(score);
        }
    }

    /** SS 9 (MusicXML and MIDI) exported, then edited and exported again under the same name. */
    private Reexported reexport(java.util.function.BiFunction<ScoreEdits, Path, ScoreEdits.Edited> edition) throws Exception {
        ScoreEdits edits = ScoreEdits.of(SS9_XML, SS9_MIDI);
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve("SS 9");
            assertThat(submit(service, SS9_XML, SS9_MIDI, List.of()).status()).isEqualTo(ScoreStatus.COMPLETED);
            Map<String, JsonNode> before = ScoreVersions.notes(score);
            Path v1 = Files.createDirectories(root.resolve("v1-copy"));
            Map<String, Path> v1Files = new TreeMap<>();
            ScoreVersions.files(score).forEach((relative, file) -> {
                Path copy = v1.resolve(relative);
                try {
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                v1Files.put(relative, copy);
            });
            Path folder = Files.createDirectories(root.resolve("v2"));
            ScoreEdits.Edited edit = edition.apply(edits, folder);
            ScoreResult result = submit(service, edit.version().musicXml(), edit.version().midi(), List.of());
            assertThat(result.status()).as(edit.description()).isEqualTo(ScoreStatus.COMPLETED);
            assertThat(ScoreVersions.files(service.work().resolve("versions"))).as("nothing left staged").isEmpty();
            return new Reexported(score, edits, edit, result, before, ScoreVersions.notes(score), v1Files);
        }
    }

    /** The score's records: rewritten by every run, as they record it, unlike its assets. */
    private static boolean isRecord(String file) {
        return file.equals("manifest.json") || file.equals("progress.json") || file.startsWith("manifests/");
    }
}
