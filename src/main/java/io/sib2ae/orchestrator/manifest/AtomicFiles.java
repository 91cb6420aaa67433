package io.sib2ae.orchestrator.manifest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes every file of the pipeline through a temporary sibling and an atomic rename, so a
 * crash leaves either the previous file or the complete new one, never half of one.
 */
public final class AtomicFiles {

    /** Suffix of in-flight temporary files; recovery deletes any it finds. */
    public static final String TEMP_SUFFIX = ".tmp";

    /*
     * A temporary sibling is named ".<target name>.<16 hex digits>.tmp". Earlier versions used a
     * random UUID in place of the digits, and recovery still recognises those.
     */
    private static final Pattern TEMP_NAME = Pattern.compile(
            "^\\..+\\.([0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                    + Pattern.quote(TEMP_SUFFIX) + "$");
    private static final HexFormat HEX = HexFormat.of();

    /** Size and SHA-256 of a file this process wrote, keyed by its absolute path. */
    public record Written(long size, String sha256) {
    }

    /*
     * A hop records a file right after writing it, so only the newest few writes are ever asked
     * for. The bound keeps writes that nobody records (a render abandoned by its timeout, a page
     * file) from piling up in a service that runs for months.
     */
    private static final int MAX_REMEMBERED = 4_096;
    private static final Map<Path, Written> WRITTEN = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, Written> eldest) {
                    return size() > MAX_REMEMBERED;
                }
            });

    private AtomicFiles() {
    }

    /** Whether a file name is one of this class's temporary siblings, which recovery may delete. */
    public static boolean isTemporaryName(String fileName) {
        return TEMP_NAME.matcher(fileName).matches();
    }

    /**
     * Size and checksum of what this process last wrote to {@code file}, taken (and forgotten)
     * once; null when it did not write it, so the caller reads the file instead.
     */
    public static Written takeWritten(Path file) {
        return WRITTEN.remove(file.toAbsolutePath().normalize());
    }

    /** Counts and hashes every byte on its way to the file. */
    private static final class CountingDigestStream extends java.io.FilterOutputStream {
        private final MessageDigest digest;
        private long count;

        CountingDigestStream(OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            digest.update(bytes, offset, length);
            count += length;
        }
    }

    /** Something that writes a whole file body to a stream. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code bytes} atomically and remembers their size and checksum for {@link #takeWritten}. */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Writes a file atomically and remembers its size and checksum for {@link #takeWritten}. */
    public static void write(Path target, BodyWriter body) {
        write(target, body, true);
    }

    /**
     * Writes {@code bytes} atomically without checksumming them: for files no manifest records
     * (the manifests themselves, error reports, copies delivered elsewhere).
     */
    public static void writeUnrecorded(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes), false);
    }

    /** Copies {@code source} to {@code target} atomically, without checksumming it. */
    public static void copyUnrecorded(Path source, Path target) {
        Path temp = temporarySibling(target);
        try {
            // File to file, so the JDK can let the kernel copy (a stream copy was 20 times slower).
            // The copy keeps the source's modification time, so that a later delivery can tell
            // an unchanged copy by its size and time alone, as rsync does.
            try {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (NoSuchFileException e) {
                if (!Files.isRegularFile(source)) {
                    throw e;
                }
                Files.createDirectories(temp.getParent());
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            moveAtomically(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Could not copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /*
     * The temporary name starts with a dot so that file consumers and users ignore it. Its 64
     * random bits come from ThreadLocalRandom: a random UUID draws on SecureRandom, a shared,
     * locked generator, for every file, and uniqueness in one folder is all a name needs here
     * (a clash would fail the write, as the file is created new, never overwrite another's).
     */
    private static Path temporarySibling(Path target) {
        return target.toAbsolutePath().getParent().resolve(
                "." + target.getFileName() + "." + HEX.toHexDigits(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
    }

    /*
     * The folder is made only when the file cannot be created without it: a score writes some
     * eleven thousand files into a handful of folders, and making sure of the folder before each
     * write and again before its rename cost four system calls per file.
     */
    private static OutputStream newTemporaryFile(Path temp) throws IOException {
        try {
            return Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            Files.createDirectories(temp.getParent());
            return Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private static void write(Path target, BodyWriter body, boolean remember) {
        Path temp = temporarySibling(target);
        try {
            // Hashing as the bytes go out spares the hop a second read of what it just wrote.
            CountingDigestStream counted = null;
            try (OutputStream file = newTemporaryFile(temp)) {
                if (remember) {
                    counted = new CountingDigestStream(file, Sha256.newDigest());
                    body.writeTo(counted);
                } else {
                    body.writeTo(file);
                }
            }
            moveAtomically(temp, target);
            if (counted != null) {
                WRITTEN.put(target.toAbsolutePath().normalize(),
                        new Written(counted.count, HexFormat.of().formatHex(counted.digest.digest())));
            }
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
        try {
            move(source, target);
        } catch (NoSuchFileException e) {
            if (!Files.exists(source)) {
                throw e;
            }
            Files.createDirectories(target.toAbsolutePath().getParent()); // the target's folder, made on demand
            move(source, target);
        }
    }

    private static void move(Path source, Path target) throws IOException {
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
