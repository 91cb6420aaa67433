package io.sib2ae.orchestrator.manifest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes every file of the pipeline through a temporary sibling and an atomic rename, so a
 * crash leaves either the previous file or the complete new one, never half of one.
 */
public final class AtomicFiles {

    /** Suffix of in-flight temporary files; recovery deletes any it finds. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Something that writes a whole file body to a stream. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, BodyWriter body) {
        Path dir = target.toAbsolutePath().getParent();
        // The temporary name starts with a dot so that file consumers and users ignore it.
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.writeTo(out);
            }
            moveAtomically(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Moves a file in one step where the file system allows it (same folder or volume). */
    public static void moveAtomically(Path source, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the temporary file is swept up by recovery on the next start
        }
    }
}
