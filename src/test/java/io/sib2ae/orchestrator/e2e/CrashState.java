package io.sib2ae.orchestrator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.manifest.FileRecords;
import io.sib2ae.orchestrator.rendering.WavFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What a score's folders hold at one moment, as read from disk by the test (never from the service). */
final class CrashState {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A WAV the manifests recorded as rendered and that is on disk exactly as recorded. */
    record VerifiedWav(String universalId, Path file, FileTime modified, long size, String sha256) {
    }

    private CrashState() {
    }

    /** progress.json, or null while there is none or it cannot be read. */
    static JsonNode progress(Path scoreFolder) {
        return readOrNull(scoreFolder.resolve("progress.json"));
    }

    /** manifest.json's status, or "" while there is none. */
    static String indexStatus(Path scoreFolder) {
        JsonNode index = readOrNull(scoreFolder.resolve("manifest.json"));
        return index == null || index.get("status") == null ? "" : index.get("status").asText();
    }

    static int hop(JsonNode progress, String hopAndStatus) {
        JsonNode hops = progress == null ? null : progress.get("hops");
        return hops == null || hops.get(hopAndStatus) == null ? 0 : hops.get(hopAndStatus).asInt();
    }

    static double percent(JsonNode progress) {
        return progress == null ? 0 : progress.get("percent").asDouble();
    }

    static String startedAt(JsonNode progress) {
        return progress == null ? "" : progress.get("started_at").asText();
    }

    /** Every per-note manifest by universal ID, parsed (a file that is not valid JSON throws). */
    static Map<String, JsonNode> noteManifests(Path scoreFolder) throws IOException {
        Path folder = scoreFolder.resolve("manifests");
        Map<String, JsonNode> notes = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return notes;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().startsWith(".")).toList()) {
                JsonNode note = JSON.readTree(file.toFile());
                notes.put(note.get("universal_id").asText(), note);
            }
        }
        return notes;
    }

    /** How many notes have left the hop chain: no stage pending or running any more. */
    static long finishedNotes(Path scoreFolder) {
        try {
            return noteManifests(scoreFolder).values().stream().filter(CrashState::finished).count();
        } catch (IOException e) {
            return 0; // a manifest being replaced just now: ask again
        }
    }

    static boolean finished(JsonNode note) {
        for (JsonNode stage : note.get("stages")) {
            String status = stage.get("status").asText();
            if (status.equals("pending") || status.equals("running")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The WAVs whose per-note manifest says the audio stage completed, with a file record that
     * matches the file on disk (size and SHA-256), keyed by path, with their mtime.
     */
    static Map<Path, VerifiedWav> verifiedWavs(Path scoreFolder) throws IOException {
        return recordedWavs(scoreFolder, true);
    }

    /** Like {@link #verifiedWavs}, but also the WAVs a run skipped because an earlier run had verified them. */
    static Map<Path, VerifiedWav> recordedWavs(Path scoreFolder, boolean renderedOnly) throws IOException {
        Map<Path, VerifiedWav> result = new LinkedHashMap<>();
        for (JsonNode note : noteManifests(scoreFolder).values()) {
            JsonNode audio = note.get("files").get("audio");
            String stage = note.get("stages").get("audio").get("status").asText();
            if (!note.get("is_primary").asBoolean() || !(stage.equals("completed") || !renderedOnly && stage.equals("skipped"))
                    || audio.get("path") == null || audio.get("path").isNull() || audio.get("sha256").isNull()) {
                continue;
            }
            Path file = scoreFolder.resolve(audio.get("path").asText());
            if (Files.isRegularFile(file) && Files.size(file) == audio.get("file_size").asLong()
                    && FileRecords.sha256(file).equals(audio.get("sha256").asText())) {
                result.put(file, new VerifiedWav(note.get("universal_id").asText(), file,
                        Files.getLastModifiedTime(file), Files.size(file), audio.get("sha256").asText()));
            }
        }
        return result;
    }

    /** Every JSON document under the score folder (manifest.json, progress.json, manifests/*.json) that does not parse. */
    static List<String> invalidJson(Path scoreFolder) throws IOException {
        List<String> invalid = new ArrayList<>();
        for (Path file : files(scoreFolder)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".json") && !name.startsWith(".") && !file.startsWith(scoreFolder.resolve("keyframes"))) {
                try {
                    JSON.readTree(file.toFile());
                } catch (IOException e) {
                    invalid.add(scoreFolder.relativize(file) + ": " + e.getMessage());
                }
            }
        }
        return invalid;
    }

    /** Every WAV under the folder whose RIFF header does not agree with its length (or is otherwise broken). */
    static List<String> brokenWavs(Path folder) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : files(folder)) {
            if (file.getFileName().toString().endsWith(".wav")) {
                try {
                    WavFile.validate(file);
                } catch (IOException e) {
                    broken.add(e.getMessage());
                }
            }
        }
        return broken;
    }

    /** Temporary or hidden partial files: AtomicFiles' ".name.uuid.tmp" siblings and anything else ending .tmp/.part. */
    static List<Path> partialFiles(Path... folders) throws IOException {
        List<Path> partial = new ArrayList<>();
        for (Path folder : folders) {
            for (Path file : files(folder)) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp") || name.endsWith(".part") || name.startsWith(".")) {
                    partial.add(file);
                }
            }
        }
        return partial;
    }

    /** The regular files under {@code folder}; files the running service moves away meanwhile are left out. */
    static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // claimed or archived while we looked
                }
                throw e;
            }
        });
        found.sort(null);
        return found;
    }

    static FileTime mtime(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readOrNull(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }
}
