package io.sib2ae.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.run.ScoreResult;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the re-export tests read back from a score folder: its notes' IDs, the files its index
 * lists, every file's modification time and bytes, and any file the index does not account for.
 */
final class ScoreVersions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScoreVersions() {
    }

    /** Hands a score to the running service as the one-shot command does, and waits for its result. */
    static ScoreResult submit(RunningService service, Path musicXml, Path midi, List<Path> svg) {
        return service.context().createProducerTemplate()
                .requestBody("direct:sib2ae-submit", ScoreSet.of(musicXml, midi, svg), ScoreResult.class);
    }

    static JsonNode index(Path score) {
        try {
            return JSON.readTree(score.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Universal ID of every note of the index, with its manifest. */
    static Map<String, JsonNode> notes(Path score) {
        Map<String, JsonNode> notes = new TreeMap<>();
        index(score).get("notes").forEach(n -> notes.put(n.get("universal_id").asText(), n));
        return notes;
    }

    /** Every regular file under the folder, by its path relative to it. */
    static Map<String, Path> files(Path folder) {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(folder.relativize(f).toString(), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Modification time and bytes of every file, to tell what a run touched. */
    record Snapshot(Map<String, FileTime> times, Map<String, String> hashes) {
    }

    static Snapshot snapshot(Path folder) {
        Map<String, FileTime> times = new TreeMap<>();
        Map<String, String> hashes = new TreeMap<>();
        files(folder).forEach((relative, file) -> {
            try {
                times.put(relative, Files.getLastModifiedTime(file));
                hashes.put(relative, io.sib2ae.orchestrator.manifest.FileRecords.sha256(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Snapshot(times, hashes);
    }

    /**
     * Files of the score folder its index does not list: not the index, progress, preview or comp
     * builder, nor a listed note's manifest, nor a file a note's manifest records, nor a page
     * layer; {@code retired/} aside.
     */
    static List<String> strayFiles(Path score) {
        JsonNode index = index(score);
        Set<String> listed = new HashSet<>(List.of("manifest.json", "progress.json", "preview.html"));
        index.path("page_layers").path("files").fieldNames().forEachRemaining(listed::add);
        for (JsonNode note : index.get("notes")) {
            listed.add("manifests/" + note.get("universal_id").asText() + ".json");
            note.get("files").forEach(entry -> {
                if (entry.hasNonNull("path") && entry.path("file_exists").asBoolean()) {
                    listed.add(entry.get("path").asText());
                }
            });
        }
        List<String> stray = new ArrayList<>();
        for (String file : files(score).keySet()) {
            if (!listed.contains(file) && !file.startsWith("retired/") && !file.startsWith("ae/")) {
                stray.add(file);
            }
        }
        return stray;
    }

    /** The hop counts of a result, e.g. how many WAVs were rendered ({@code audio.completed}). */
    static int count(ScoreResult result, String hopOutcome) {
        return result.hopCounts().getOrDefault(hopOutcome, 0);
    }

    static void assertNoStrayFile(Path score) {
        assertThat(strayFiles(score)).as("files in " + score + " the index does not list").isEmpty();
    }
}
