package io.sib2ae.orchestrator.intake;

import io.sib2ae.orchestrator.score.ScoreFileKind;
import io.sib2ae.orchestrator.score.ScoreNames;
import io.sib2ae.orchestrator.score.ScoreSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sib2ae.orchestrator.score.ScoreInputException;
import io.sib2ae.orchestrator.manifest.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the life of input files: claimed from the inbox into {@code work/}, then moved to
 * {@code archive/} when their score closes, or to {@code failed/} with an error report. Every
 * move is a single rename, so a file is always in exactly one place.
 */
public final class WorkArea {

    private static final Logger LOG = LoggerFactory.getLogger("sib2ae.recovery");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Folders folders;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /*
     * The files in work/ that this process claimed and has not yet archived or quarantined: its own
     * scores' inputs, which recovery must leave alone. A new leader's intake starts claiming as its
     * takeover puts an earlier leader's files back; without this, a file claimed in between went back
     * to the inbox, was claimed a second time, and failed its score as a duplicate input.
     */
    private final Set<Path> claimedHere = ConcurrentHashMap.newKeySet();

    public WorkArea(Folders folders) {
        this.folders = folders;
    }

    public Folders folders() {
        return folders;
    }

    /** A file the intake route has claimed, with the score it belongs to. */
    public record ClaimedFile(String groupKey, ScoreFileKind kind, Path path) {
    }

    /**
     * Moves a file that the file consumer read-locked out of the inbox into the work folder.
     *
     * @param relativeName the file's path relative to the inbox, as the file consumer reports it
     */
    public ClaimedFile claim(String relativeName) {
        Path relative = safeRelative(relativeName);
        Path source = folders.inbox().resolve(relative);
        Path target = folders.incoming().resolve(relative);
        // Marked before it appears in work/, so a recovery that finds it there also finds the mark.
        claimedHere.add(key(target));
        try {
            AtomicFiles.moveAtomically(source, target);
        } catch (IOException e) {
            claimedHere.remove(key(target));
            throw new UncheckedIOException("Could not claim " + relativeName + " from the inbox: " + e.getMessage(), e);
        }
        return new ClaimedFile(ScoreNames.groupKey(relative), ScoreFileKind.of(relative.getFileName().toString()), target);
    }

    /** Moves a closed score's inputs to {@code archive/<score>/<time>/}. */
    public void archive(ScoreSet set) {
        if (!set.archiveOnClose()) {
            return;
        }
        Path target = folders.archive().resolve(io.sib2ae.orchestrator.manifest.FileNames.sanitize(set.scoreName()))
                .resolve(STAMP.format(Instant.now()));
        moveAll(set.allFiles(), target);
    }

    /**
     * Moves a score's inputs to {@code failed/} and writes {@code <score>.error.json} beside
     * them with the reason, the file, and the line and column where they are known.
     */
    public Path quarantine(ScoreSet set, Throwable failure) {
        String scoreName = io.sib2ae.orchestrator.manifest.FileNames.sanitize(set.scoreName());
        Path target = folders.failed().resolve(scoreName + "-" + STAMP.format(Instant.now()));
        List<String> moved = new ArrayList<>();
        if (set.archiveOnClose()) {
            moveAll(set.allFiles(), target);
            set.allFiles().forEach(f -> moved.add(f.getFileName().toString()));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("score", set.scoreName());
        ScoreInputException input = failure instanceof ScoreInputException e ? e : null;
        report.put("reason", input != null ? input.reason() : String.valueOf(failure.getMessage()));
        report.put("file", input != null ? input.file() : null);
        report.put("line", input != null ? input.line() : null);
        report.put("column", input != null ? input.column() : null);
        report.put("error_type", failure.getClass().getSimpleName());
        report.put("files", moved);
        report.put("failed_at", Instant.now().toString());
        try {
            AtomicFiles.writeUnrecorded(target.resolve(scoreName + ".error.json"), mapper.writeValueAsBytes(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * Puts files a crashed run left in {@code work/} back into the inbox, so they are taken up again,
     * and deletes the temporary siblings that {@link AtomicFiles} writes leave in {@code output/} and
     * {@code failed/} when the process dies mid-write (the target file itself is whole: old or new).
     *
     * @return the number of files found in {@code work/incoming} (moved back or deleted)
     */
    public int recover() {
        int swept = sweepTemporaryFiles(folders.output()) + sweepTemporaryFiles(folders.failed());
        if (swept > 0) {
            LOG.info("Deleted {} temporary file(s) left by writes an earlier run did not finish", swept);
        }
        return recoverInputs();
    }

    /**
     * Puts the input files in {@code work/incoming} back into the inbox, and nothing else: what a
     * new leader does in distributed mode, while the other instances' writes are under way. Files
     * this process claimed itself belong to its scores in work and stay.
     *
     * @return the number of files found in {@code work/incoming} and not claimed here (moved back or deleted)
     */
    public int recoverInputs() {
        Path incoming = folders.incoming();
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        List<Path> leftovers;
        try (Stream<Path> files = Files.walk(incoming)) {
            leftovers = files.filter(Files::isRegularFile).filter(f -> !claimedHere.contains(key(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : leftovers) {
            try {
                if (file.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    Files.deleteIfExists(file);
                } else {
                    AtomicFiles.moveAtomically(file, folders.inbox().resolve(incoming.relativize(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not recover " + file + ": " + e.getMessage(), e);
            }
        }
        return leftovers.size();
    }

    /** Deletes AtomicFiles' temporary files ({@code .<name>.<random>.tmp}) anywhere under {@code folder}. */
    private static int sweepTemporaryFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> temporary;
        try (Stream<Path> files = Files.walk(folder)) {
            temporary = files.filter(f -> AtomicFiles.isTemporaryName(f.getFileName().toString()))
                    .filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not look for temporary files in " + folder + ": " + e.getMessage(), e);
        }
        for (Path file : temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + file + ": " + e.getMessage(), e);
            }
        }
        return temporary.size();
    }

    private void moveAll(List<Path> files, Path targetFolder) {
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            try {
                AtomicFiles.moveAtomically(file, targetFolder.resolve(file.getFileName().toString()));
                claimedHere.remove(key(file));
                deleteEmptyParents(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not move " + file + " to " + targetFolder + ": " + e.getMessage(), e);
            }
        }
    }

    /** One spelling per file, whichever way a caller built its path. */
    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static void deleteEmptyParents(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            if (children.findAny().isEmpty() && !folder.getFileName().toString().equals("incoming")) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException ignored) {
            // an empty folder left behind does no harm
        }
    }

    private static Path safeRelative(String relativeName) {
        Path relative = Path.of(relativeName).normalize();
        if (relative.isAbsolute() || relative.startsWith("..")) {
            throw new ScoreInputException("The file name points outside the inbox", relativeName);
        }
        return relative;
    }
}
