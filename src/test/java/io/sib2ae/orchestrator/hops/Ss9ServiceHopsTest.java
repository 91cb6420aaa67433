package io.sib2ae.orchestrator.hops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.e2e.RunningService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-note hops in the running service: SS 9 dropped into the inbox, once and again. */
class Ss9ServiceHopsTest {

    /** The small SoundFont when installed (quick), else whatever the service finds by itself. */
    static final Map<String, String> SMALL_SOUNDFONT = java.nio.file.Files.isRegularFile(
            java.nio.file.Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"))
            ? Map.of("sib2ae.audio.soundfont", "/usr/share/sounds/sf2/TimGM6mb.sf2") : Map.of();

    @TempDir
    Path root;

    @Test
    void droppedSs9IsRenderedToOneValidInTuneWavAndKeyframesFilePerPrimaryNote() throws Exception {
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve(Ss9Outputs.SCORE);
            dropSs9(service);
            await().atMost(Duration.ofSeconds(90)).until(() -> archived(service) == 3);

            Ss9Outputs.assertCompletelyRendered(score);
        }
    }

    @Test
    void reRunningTheSameScoreSkipsEveryHopAndLeavesEveryFileUntouched() throws Exception {
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve(Ss9Outputs.SCORE);
            dropSs9(service);
            await().atMost(Duration.ofSeconds(90)).until(() -> archived(service) == 3);
            assertThat(Ss9Outputs.status(score)).isEqualTo("completed");
            Map<Path, FileTime> times = new TreeMap<>();
            Map<Path, byte[]> bytes = new TreeMap<>();
            for (String folder : List.of("audio", "keyframes", "midi", "svg/noteheads")) {
                for (Path file : filesUnder(score.resolve(folder))) {
                    times.put(file, Files.getLastModifiedTime(file));
                    bytes.put(file, Files.readAllBytes(file));
                }
            }
            assertThat(times).hasSize(6 + 12 + 6 + 9);

            dropSs9(service);
            await().atMost(Duration.ofSeconds(90)).until(() -> archived(service) == 6);

            assertThat(Ss9Outputs.status(score)).isEqualTo("completed");
            for (JsonNode note : Ss9Outputs.noteManifests(score)) {
                String id = note.get("universal_id").asText();
                for (String stage : List.of("midi", "audio", "keyframes", "svg")) {
                    assertThat(note.get("stages").get(stage).get("status").asText()).as(id + " " + stage).isEqualTo("skipped");
                }
                if (note.get("is_primary").asBoolean()) {
                    assertThat(note.get("stages").get("audio").get("reason").asText()).contains("verified");
                    assertThat(note.get("files").get("audio").get("file_exists").asBoolean()).isTrue();
                }
            }
            assertThat(filesUnder(score.resolve("audio"))).hasSize(6);
            for (Map.Entry<Path, FileTime> file : times.entrySet()) {
                assertThat(Files.getLastModifiedTime(file.getKey())).as(file.getKey() + " mtime").isEqualTo(file.getValue());
                assertThat(Files.readAllBytes(file.getKey())).as(file.getKey() + " bytes").isEqualTo(bytes.get(file.getKey()));
            }
        }
    }

    @Test
    void manifestsAreCompleteJsonAtEveryMomentWhileAScoreIsRendered() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve(Ss9Outputs.SCORE);
            AtomicInteger reads = new AtomicInteger();
            List<String> failures = new ArrayList<>();
            Map<String, Boolean> indexStatuses = new ConcurrentHashMap<>();
            Map<String, Boolean> noteAudioStatuses = new ConcurrentHashMap<>();
            // Paced, not a busy loop: every few milliseconds a pass reads every manifest there is.
            ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
            reader.scheduleWithFixedDelay(() -> {
                for (Path file : jsonFiles(score)) {
                    try {
                        JsonNode document = json.readTree(Files.readAllBytes(file));
                        if (file.getFileName().toString().equals("manifest.json")) {
                            indexStatuses.put(document.get("status").asText(), true);
                        } else if (document.has("universal_id")) {
                            noteAudioStatuses.put(document.get("stages").get("audio").get("status").asText(), true);
                        }
                        reads.incrementAndGet();
                    } catch (NoSuchFileException gone) {
                        // listed before the score folder existed completely; not a partial file
                    } catch (IOException | RuntimeException e) {
                        synchronized (failures) {
                            failures.add(file.getFileName() + ": " + e);
                        }
                    }
                }
            }, 0, 2, TimeUnit.MILLISECONDS);
            try {
                dropSs9(service);
                // The reader itself must see the final index: it keeps reading until it does.
                await().atMost(Duration.ofSeconds(120)).until(() -> indexStatuses.containsKey("completed"));
            } finally {
                reader.shutdown();
                assertThat(reader.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(failures).isEmpty();
            assertThat(reads.get()).as("complete reads of a manifest").isGreaterThan(100);
            // It read while the score was being rendered, not just before and after: the index says
            // "processing" from coordination until the last note is done.
            assertThat(indexStatuses).containsKeys("processing", "completed");
            assertThat(noteAudioStatuses).containsKey("completed");
        }
    }

    private static List<Path> jsonFiles(Path score) {
        List<Path> files = new ArrayList<>();
        files.add(score.resolve("manifest.json"));
        files.add(score.resolve("progress.json"));
        Path notes = score.resolve("manifests");
        if (Files.isDirectory(notes)) {
            try (Stream<Path> listed = Files.list(notes)) {
                listed.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(files::add);
            } catch (IOException e) {
                // the folder is being created; try again on the next pass
            }
        }
        return files.stream().filter(Files::exists).toList();
    }

    static void dropSs9(RunningService service) {
        service.drop(TestData.file("sib2ae/SS 9.musicxml"));
        service.drop(TestData.file("sib2ae/SS 9.mid"));
        service.drop(TestData.file("sib2ae/SS 9.svg"));
    }

    static int archived(RunningService service) throws IOException {
        return filesUnder(service.archive()).size();
    }

    static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
