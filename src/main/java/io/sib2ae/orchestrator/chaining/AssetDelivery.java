package io.sib2ae.orchestrator.chaining;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.manifest.AtomicFiles;
import io.sib2ae.orchestrator.manifest.FileNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Delivers a completed score's audio and keyframes to a studio folder (an editing share, say),
 * as the example route {@code routes/copy-assets.camel.yaml} does. Each copy is atomic, so the
 * editors never open half a WAV.
 */
public final class AssetDelivery {

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Copies the score's WAVs and keyframe files into {@code folder/<score>/}; returns how many it
     * copied. A copy already there from an earlier delivery of the same file (same size, same
     * modification time: copies keep the source's) is left alone, so a score processed again
     * with nothing changed delivers nothing, and a watcher on the share sees no churn.
     */
    public int copyAudioAndKeyframes(String manifestPath, String folder) {
        if (manifestPath == null) {
            return 0;
        }
        Path manifest = Path.of(manifestPath);
        Path scoreFolder = manifest.getParent();
        try {
            JsonNode index = mapper.readTree(manifest.toFile());
            Path target = Path.of(folder).toAbsolutePath().resolve(FileNames.sanitize(index.get("score_name").asText()));
            int copied = 0;
            for (JsonNode note : index.get("notes")) {
                for (String asset : new String[] {"audio", "keyframes", "keyframes_ae"}) {
                    JsonNode entry = note.get("files").get(asset);
                    if (entry != null && entry.get("file_exists").asBoolean() && note.get("is_primary").asBoolean()) {
                        Path source = scoreFolder.resolve(entry.get("path").asText()).normalize();
                        Path copy = target.resolve(source.getFileName().toString());
                        if (source.startsWith(scoreFolder) && Files.isRegularFile(source) && !sameFile(source, copy)) {
                            AtomicFiles.copyUnrecorded(source, copy);
                            copied++;
                        }
                    }
                }
            }
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deliver the assets of " + manifestPath + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameFile(Path source, Path copy) throws IOException {
        return Files.isRegularFile(copy)
                && Files.size(copy) == Files.size(source)
                // Milliseconds: a copy's time is set through utimes, which keeps microseconds, not nanoseconds.
                && Files.getLastModifiedTime(copy).toMillis() == Files.getLastModifiedTime(source).toMillis();
    }
}
