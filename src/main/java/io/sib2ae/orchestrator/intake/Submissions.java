package io.sib2ae.orchestrator.intake;

import io.sib2ae.orchestrator.score.ScoreFileKind;
import io.sib2ae.orchestrator.score.ScoreSet;
import io.sib2ae.orchestrator.score.ScoreInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a score handed in by another route or the one-shot command into a {@link ScoreSet}:
 * a ready set, explicit files, or a folder holding one score's files. Handed-in files stay
 * where they are; only inbox files are moved to the archive.
 */
public final class Submissions {

    public ScoreSet toScoreSet(Object body, String musicXml, String midi, String svg) {
        if (body instanceof ScoreSet set) {
            return set;
        }
        if (musicXml != null) {
            List<Path> pages = new ArrayList<>();
            if (svg != null && !svg.isBlank()) {
                for (String page : svg.split(java.io.File.pathSeparator)) {
                    pages.add(existing(page));
                }
            }
            return ScoreSet.of(existing(musicXml), midi == null || midi.isBlank() ? null : existing(midi), pages);
        }
        if (body != null) {
            Path folder = Path.of(body.toString());
            if (Files.isDirectory(folder)) {
                return fromFolder(folder);
            }
        }
        throw new ScoreInputException("A submission needs a ScoreSet body, a Sib2AeMusicXml header or a folder path as body",
                String.valueOf(body));
    }

    private static ScoreSet fromFolder(Path folder) {
        ScoreSet set = ScoreSet.empty("folder:" + folder.getFileName(), false);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                ScoreFileKind kind = ScoreFileKind.of(file.getFileName().toString());
                if (kind != ScoreFileKind.UNSUPPORTED) {
                    set = set.with(kind, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }

    private static Path existing(String file) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new ScoreInputException("No such file", file);
        }
        return path;
    }
}
