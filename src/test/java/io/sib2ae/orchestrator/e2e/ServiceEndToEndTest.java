package io.sib2ae.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as a user runs it: files dropped into the inbox come out as a manifest and an archive. */
class ServiceEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void droppedSs9TripleBecomesOneManifestPerNoteAndIsArchived() throws Exception {
        try (RunningService service = RunningService.start(root)) {
            service.drop(TestData.file("sib2ae/SS 9.musicxml"));
            service.drop(TestData.file("sib2ae/SS 9.mid"));
            service.drop(TestData.file("sib2ae/SS 9.svg"));

            Path index = service.output().resolve("SS 9").resolve("manifest.json");
            await().atMost(Duration.ofSeconds(60)).until(() -> status(index).startsWith("completed"));

            JsonNode manifest = JSON.readTree(index.toFile());
            assertThat(manifest.get("status").asText()).isEqualTo("completed");
            assertThat(manifest.get("timing_source").asText()).isEqualTo("midi_exact");
            JsonNode notes = manifest.get("notes");
            assertThat(notes).hasSize(9);
            List<String> instruments = new ArrayList<>();
            notes.forEach(n -> instruments.add(n.get("instrument").asText()));
            assertThat(instruments).filteredOn("Flûte"::equals).hasSize(3);
            assertThat(instruments).filteredOn("Violon"::equals).hasSize(6);
            for (JsonNode note : notes) {
                String id = note.get("universal_id").asText();
                assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
                Path perNote = service.output().resolve("SS 9").resolve("manifests").resolve(id + ".json");
                assertThat(JSON.readTree(perNote.toFile()).get("universal_id").asText()).isEqualTo(id);
                assertThat(note.get("stages").get("coordination").get("status").asText()).isEqualTo("completed");
            }
            // The inputs move to the archive last of all, just after the final manifest is written.
            await().atMost(Duration.ofSeconds(30)).until(() -> filesUnder(service.archive()).size() == 3);
            assertThat(filesUnder(service.archive())).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("SS 9.musicxml", "SS 9.mid", "SS 9.svg");
            assertThat(filesUnder(service.inbox())).isEmpty();
            assertThat(filesUnder(service.work())).isEmpty();
        }
    }

    @Test
    void aSubFolderHoldingOneScoresFilesIsTakenAsThatScore() throws Exception {
        try (RunningService service = RunningService.start(root)) {
            service.drop(TestData.file("sib2ae/SS 9.musicxml"), "Trio take 2/SS 9.musicxml");
            service.drop(TestData.file("sib2ae/SS 9.mid"), "Trio take 2/SS 9.mid");
            service.drop(TestData.file("sib2ae/SS 9.svg"), "Trio take 2/SS 9.svg");
            Path index = service.awaitCompleted("SS 9");
            JsonNode inputs = JSON.readTree(index.toFile()).get("inputs");
            assertThat(inputs.get("midi").asText()).isEqualTo("SS 9.mid");
            assertThat(inputs.get("svg")).hasSize(1);
            assertThat(filesUnder(service.archive())).hasSize(3);
        }
    }

    @Test
    void theSameScoreDroppedTwiceIsProcessedAgainWithTheSameUniversalIds() throws Exception {
        try (RunningService service = RunningService.start(root)) {
            Path index = service.output().resolve("SS 9").resolve("manifest.json");
            List<String> first = dropSs9AndCollectIds(service, index, 1);
            List<String> second = dropSs9AndCollectIds(service, index, 2);
            assertThat(second).hasSize(9).containsExactlyElementsOf(first);
        }
    }

    private List<String> dropSs9AndCollectIds(RunningService service, Path index, int archivedRuns) throws IOException {
        service.drop(TestData.file("sib2ae/SS 9.musicxml"));
        service.drop(TestData.file("sib2ae/SS 9.mid"));
        service.drop(TestData.file("sib2ae/SS 9.svg"));
        await().atMost(Duration.ofSeconds(60)).until(() -> filesUnder(service.archive()).size() == 3 * archivedRuns);
        List<String> ids = new ArrayList<>();
        JSON.readTree(index.toFile()).get("notes").forEach(n -> ids.add(n.get("universal_id").asText()));
        return ids;
    }

    static String status(Path index) {
        try {
            return Files.exists(index) ? JSON.readTree(index.toFile()).get("status").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The regular files under {@code folder}, leaving out any the service moves while we look. */
    static List<Path> filesUnder(Path folder) throws IOException {
        return CrashState.files(folder);
    }
}
