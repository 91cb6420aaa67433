package io.sib2ae.orchestrator.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Records a file a hop made in its manifest entry, and verifies on a later run that the file
 * on disk is still exactly that one (size and SHA-256), so the hop can skip its work.
 */
public final class FileRecords {

    private FileRecords() {
    }

    public static void record(FileEntry entry, Path scoreFolder, Path file) {
        entry.actualFilename = file.getFileName().toString();
        entry.path = scoreFolder.relativize(file).toString();
        entry.fileExists = true;
        AtomicFiles.Written written = AtomicFiles.takeWritten(file);
        try {
            entry.fileSize = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entry.sha256 = written != null && written.size() == entry.fileSize ? written.sha256() : sha256(file);
        entry.createdAt = Instant.now().toString();
    }

    /** True when the entry describes a file that is present with the recorded size and checksum. */
    public static boolean verified(FileEntry entry, Path scoreFolder) {
        if (entry == null || !entry.fileExists || entry.path == null || entry.sha256 == null || entry.fileSize == null) {
            return false;
        }
        Path file = scoreFolder.resolve(entry.path).normalize();
        try {
            return file.startsWith(scoreFolder) && Files.isRegularFile(file) && Files.size(file) == entry.fileSize
                    && entry.sha256.equals(sha256(file));
        } catch (IOException e) {
            return false;
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = Sha256.newDigest();
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
