package io.sib2ae.orchestrator.e2e;

import static io.sib2ae.orchestrator.e2e.ScoreVersions.count;
import static io.sib2ae.orchestrator.e2e.ScoreVersions.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.manifest.VersionFolders;
import io.sib2ae.orchestrator.run.ScoreResult;
import io.sib2ae.orchestrator.testing.ScoreEdits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The re-export cases of {@link ReExportEndToEndTest} on ActorPreludeSample (about 1,900 notes in
 * 19 parts), the orchestral score: a note deleted, a bar inserted before every part, a tempo
 * change, a dynamic changed and a part renamed. (One pitch changed and the same files again are in
 * {@link ReExportEndToEndTest}.) The first version is exported once; before each case the score's
 * folder is put back to it from hard links, so each case is that version's re-export, version 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActorPreludeReExportTest {

    private static final Path XML = TestData.file("scores/ActorPreludeSample.xml");
    private static final Path MIDI = TestData.file("scores/ActorPreludeSample.mid");

    @TempDir
    static Path root;

    private RunningService service;
    private ScoreEdits edits;
    private Path score;
    private Path firstVersion;
    private Map<String, JsonNode> before;
    private ScoreStatus firstStatus;
    private int cases;

    @BeforeAll
    void exportTheFirstVersion() {
        edits = ScoreEdits.of(XML, MIDI);
        service = RunningService.start(root, ReExportEndToEndTest.SMALL_SOUNDFONT);
        score = service.output().resolve("ActorPreludeSample");
        firstStatus = submit(service, XML, MIDI, List.of()).status();
        assertThat(firstStatus).isIn(ScoreStatus.COMPLETED, ScoreStatus.COMPLETED_WITH_FAILURES);
        before = ScoreVersions.notes(score);
        // Hard links: every write of a version is a new file renamed into place, never one changed in place.
        firstVersion = root.resolve("v1-links");
        VersionFolders.linkTree(score, firstVersion);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aNoteDeletedIsRetiredWithItsFilesAndNothingIsRendered() throws IOException {
        ReExportEndToEndTest.Reexported r = reexport(ScoreEdits::noteDeleted);
        Set<String> removed = r.touchedIds();
        assertThat(removed).hasSize(1);
        Set<String> kept = new HashSet<>(before.keySet());
        kept.removeAll(removed);
        r.assertIds(kept, Set.of(), Set.of(), removed);
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered").isZero();
        String id = removed.iterator().next();
        Set<String> expectedRetired = new TreeSet<>(Set.of("manifests/" + id + ".json"));
        before.get(id).get("files").forEach(f -> {
            if (f.path("file_exists").asBoolean()) {
                expectedRetired.add(f.get("path").asText());
            }
        });
        assertThat(expectedRetired).as("the removed note had files").hasSizeGreaterThan(1);
        assertThat(ScoreVersions.files(score.resolve("retired").resolve("v1")).keySet()).isEqualTo(expectedRetired);
    }

    @Test
    void aBarInsertedBeforeEveryPartMovesEveryNoteAndRendersNoWav() throws IOException {
        ReExportEndToEndTest.Reexported r = reexport(ScoreEdits::barInserted);
        r.assertIds(before.keySet(), Set.of(), Set.of(), Set.of());
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered: %s", rendered(r)).isZero();
        assertThat(count(r.result(), "midi.completed")).as("MIDI files written").isZero();
        for (JsonNode note : r.after().values()) {
            String id = note.get("universal_id").asText();
            assertThat(note.get("calculated_start_time").asDouble()).as(id + " moved later")
                    .isGreaterThan(before.get(id).get("calculated_start_time").asDouble());
        }
    }

    @Test
    void aTempoChangeRendersOnlyTheNotesThatNowSoundLongerOrShorter() throws IOException {
        ReExportEndToEndTest.Reexported r = reexport(ScoreEdits::tempoChanged);
        Set<String> relengthened = new TreeSet<>();
        int soundChanged = 0;
        for (JsonNode note : r.after().values()) {
            JsonNode old = before.get(note.get("universal_id").asText());
            if (Math.abs(note.get("duration_seconds").asDouble() - old.get("duration_seconds").asDouble()) > 1e-6) {
                relengthened.add(note.get("universal_id").asText());
                // A drum struck once sounds its strike whatever its written length ("a drum is struck,
                // not held", MidiHop): a new length is no new sound, and its WAV is kept.
                boolean struckOnce = !note.path("drum_key").isNull() && note.path("tremolo").isNull();
                soundChanged += note.get("is_primary").asBoolean() && !struckOnce ? 1 : 0;
            }
        }
        assertThat(relengthened).as("the tempo change alters some notes' lengths").isNotEmpty();
        r.assertIds(before.keySet(), relengthened, Set.of(), Set.of());
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered: %s", rendered(r)).isEqualTo(soundChanged);
    }

    @Test
    void aDynamicChangedRendersThatNoteAlone() throws IOException {
        ReExportEndToEndTest.Reexported r = reexport(ScoreEdits::dynamicChanged);
        Set<String> touched = r.touchedIds();
        assertThat(touched).hasSize(1);
        r.assertIds(before.keySet(), touched, Set.of(), Set.of());
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered").isEqualTo(1);
        assertThat(r.after().get(touched.iterator().next()).get("changes").toString()).contains("velocity");
    }

    @Test
    void aPartRenamedKeepsItsNotesAndTheirAudio() throws IOException {
        ReExportEndToEndTest.Reexported r = reexport(ScoreEdits::partRenamed);
        r.assertIds(before.keySet(), Set.of(), Set.of(), Set.of());
        assertThat(count(r.result(), "audio.completed")).as("WAVs rendered").isZero();
        List<JsonNode> renamed = r.after().values().stream()
                .filter(n -> n.get("part_id").asText().equals(r.edit().partId()) && n.get("is_primary").asBoolean()).toList();
        assertThat(renamed).isNotEmpty();
        for (JsonNode note : renamed) {
            assertThat(note.at("/files/audio/sha256").asText()).as("the same audio, under the part's new name")
                    .isEqualTo(before.get(note.get("universal_id").asText()).at("/files/audio/sha256").asText());
        }
    }

    /** The notes whose audio version 2 rendered, with what changed in them: the message of a failed count. */
    private List<String> rendered(ReExportEndToEndTest.Reexported r) {
        return r.after().values().stream().filter(n -> n.at("/stages/audio/status").asText().equals("completed")
                        && !n.at("/stages/audio/detail").asText().contains("kept"))
                .map(n -> n.get("universal_id").asText() + " " + n.get("instrument").asText() + " bar " + n.get("measure").asText()
                        + " " + n.get("changes") + " seconds " + before.get(n.get("universal_id").asText()).get("duration_seconds")
                        + " -> " + n.get("duration_seconds") + " sounding " + before.get(n.get("universal_id").asText()).at("/audio/sounding_seconds")
                        + " -> " + n.at("/audio/sounding_seconds") + " tremolo " + before.get(n.get("universal_id").asText()).get("tremolo")
                        + " -> " + n.get("tremolo") + " velocity " + before.get(n.get("universal_id").asText()).get("velocity") + " -> " + n.get("velocity"))
                .limit(12).toList();
    }

    /** The score's folder put back to the first version, then the edited score handed in under its name. */
    private ReExportEndToEndTest.Reexported reexport(java.util.function.BiFunction<ScoreEdits, Path, ScoreEdits.Edited> edition)
            throws IOException {
        deleteTree(score);
        VersionFolders.linkTree(firstVersion, score);
        assertThat(ScoreVersions.index(score).get("version").asInt()).isEqualTo(1);
        ScoreEdits.Edited edit = edition.apply(edits, Files.createDirectories(root.resolve("case-" + ++cases)));
        ScoreResult result = submit(service, edit.version().musicXml(), edit.version().midi(), List.of());
        assertThat(result.status()).as(edit.description()).isEqualTo(firstStatus);
        assertThat(ScoreVersions.files(service.work().resolve("versions"))).as("nothing left staged").isEmpty();
        return new ReExportEndToEndTest.Reexported(score, edits, edit, result, before, ScoreVersions.notes(score), Map.of());
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
