package io.sib2ae.orchestrator.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a score's versions live: the current one in {@code output/<score>/}, the next one built in
 * a staging folder under {@code work/versions/<score>/} while it is rendered. Kept files are hard
 * links to the current version's (no copy, and a hop that renders again replaces the link by an
 * atomic rename, never touching the current file). A new version is committed by swapping the two
 * folders, so {@code output/<score>/} is always one whole version, never a mix of two; a version
 * that fails is discarded and the previous one stays as it was.
 */
public final class VersionFolders {

    /** Under the score folder: the files of notes later versions removed, by the version they left. */
    public static final String RETIRED = "retired";

    private final Path outputRoot;
    private final Path stagingRoot;

    /**
     * @param stagingRoot where next versions are built; on the output's file system, so that the
     *                    commit is two renames (on another one the commit copies first)
     */
    public VersionFolders(Path outputRoot, Path stagingRoot) {
        this.outputRoot = outputRoot.toAbsolutePath().normalize();
        this.stagingRoot = stagingRoot.toAbsolutePath().normalize();
    }

    /** The score's current version: {@code output/<score>/}. */
    public Path live(String scoreName) {
        return outputRoot.resolve(FileNames.sanitize(scoreName));
    }

    public Path staging(String scoreName) {
        return stagingRoot.resolve(FileNames.sanitize(scoreName));
    }

    /** Where the previous version waits, for the instant of the swap, before it is deleted. */
    private Path outgoing(String scoreName) {
        return outputRoot.resolve("." + FileNames.sanitize(scoreName) + ".previous");
    }

    /**
     * Puts back a version a crash caught in the middle of its swap: the previous version returns
     * when the new one had not yet taken its place, and is deleted when it had.
     */
    public void recover(String scoreName) {
        Path outgoing = outgoing(scoreName);
        if (!Files.isDirectory(outgoing)) {
            return;
        }
        try {
            if (Files.exists(live(scoreName))) {
                deleteTree(outgoing);
            } else {
                Files.move(outgoing, live(scoreName), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not recover the interrupted version swap of " + scoreName + ": " + e.getMessage(), e);
        }
    }

    /** An empty staging folder for the score's next version (what an abandoned attempt left is deleted). */
    public Path prepareStaging(String scoreName) {
        Path staging = staging(scoreName);
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + staging + ": " + e.getMessage(), e);
        }
        return staging;
    }

    /** The file at {@code source} also at {@code target}: a hard link, or a copy where links are not possible. */
    public static void link(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            try {
                Files.createLink(target, source);
            } catch (UnsupportedOperationException | FileSystemException e) {
                AtomicFiles.copyUnrecorded(source, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep " + source + " as " + target + ": " + e.getMessage(), e);
        }
    }

    /** Every file under {@code folder}, linked at the same place under {@code into}. */
    public static void linkTree(Path folder, Path into) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                link(file, into.resolve(folder.relativize(file).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the staged version the score's current one: the current version's {@code retired/}
     * is carried over, then the folders are swapped and the previous version deleted.
     */
    public void commit(String scoreName) {
        Path staging = staging(scoreName);
        Path live = live(scoreName);
        Path outgoing = outgoing(scoreName);
        try {
            linkTree(live.resolve(RETIRED), staging.resolve(RETIRED));
            Path incoming = sameFileSystem(staging, outputRoot) ? staging : copyNextTo(staging, live);
            deleteTree(outgoing);
            if (Files.exists(live)) {
                Files.move(live, outgoing, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(incoming, live, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(outgoing);
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not commit the new version of " + scoreName + ": " + e.getMessage(), e);
        } finally {
            recover(scoreName);
        }
    }

    /** Deletes a staged version that will not be committed; the current version is untouched. */
    public void discard(String scoreName) {
        try {
            deleteTree(staging(scoreName));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the staged version of " + scoreName + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameFileSystem(Path a, Path b) throws IOException {
        return Files.getFileStore(a).equals(Files.getFileStore(b));
    }

    /** A copy of the staged folder beside the live one, so that the swap is a rename on one file system. */
    private static Path copyNextTo(Path staging, Path live) throws IOException {
        Path copy = live.resolveSibling("." + live.getFileName() + ".incoming");
        deleteTree(copy);
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                AtomicFiles.copyUnrecorded(file, copy.resolve(staging.relativize(file).toString()));
            }
        }
        return copy;
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
