package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the manifests of a score folder. Every write replaces the whole file
 * atomically, so a reader, or a crash, only ever sees a complete manifest.
 */
public final class ManifestStore {

    public static final String INDEX = "manifest.json";
    public static final String NOTES_FOLDER = "manifests";

    private final ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final ObjectWriter writer = mapper.writerWithDefaultPrettyPrinter();

    public ObjectMapper mapper() {
        return mapper;
    }

    public Path notePath(Path scoreFolder, String universalId) {
        return scoreFolder.resolve(NOTES_FOLDER).resolve(universalId + ".json");
    }

    public void writeNote(Path scoreFolder, NoteManifest note) {
        write(notePath(scoreFolder, note.universalId), note);
    }

    public void writeIndex(Path scoreFolder, ScoreManifest index) {
        write(scoreFolder.resolve(INDEX), index);
    }

    public void write(Path target, Object document) {
        byte[] bytes;
        try {
            // Serialise first: a document that cannot be written must not replace a good file.
            bytes = writer.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + target.getFileName() + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeUnrecorded(target, bytes);
    }

    /** The manifest a previous run left, or null when there is none or it is unreadable. */
    public NoteManifest readNote(Path scoreFolder, String universalId) {
        Path path = notePath(scoreFolder, universalId);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try {
            return mapper.readValue(path.toFile(), NoteManifest.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The index a previous version left, or null when there is none or it cannot be read. */
    public ScoreManifest readPreviousIndex(Path scoreFolder) {
        if (!Files.isRegularFile(scoreFolder.resolve(INDEX))) {
            return null;
        }
        try {
            return mapper.readValue(scoreFolder.resolve(INDEX).toFile(), ScoreManifest.class);
        } catch (IOException e) {
            return null;
        }
    }

    public ScoreManifest readIndex(Path scoreFolder) {
        try {
            return mapper.readValue(scoreFolder.resolve(INDEX).toFile(), ScoreManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
