package io.sib2ae.orchestrator.score;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files of one score as they arrive: a MusicXML, optionally a MIDI and one or more SVG
 * pages. It is complete when all three kinds are present.
 *
 * @param archiveOnClose true when the files were claimed from the inbox and belong to the
 *                       service; false for files handed in by the one-shot command or another route
 */
public record ScoreSet(String groupKey, Path musicXml, Path midi, List<Path> svgPages, List<Path> unsupported,
                       boolean archiveOnClose) {

    public static ScoreSet empty(String groupKey, boolean archiveOnClose) {
        return new ScoreSet(groupKey, null, null, List.of(), List.of(), archiveOnClose);
    }

    public static ScoreSet of(Path musicXml, Path midi, List<Path> svgPages) {
        return new ScoreSet(ScoreNames.baseName(musicXml.getFileName().toString()), musicXml, midi,
                svgPages == null ? List.of() : List.copyOf(svgPages), List.of(), false);
    }

    /** The set with one more file; a second MusicXML or MIDI for the same score is kept aside as a conflict. */
    public ScoreSet with(ScoreFileKind kind, Path file) {
        List<Path> extra = new ArrayList<>(unsupported);
        switch (kind) {
            case MUSICXML -> {
                if (musicXml == null) {
                    return new ScoreSet(groupKey, file, midi, svgPages, unsupported, archiveOnClose);
                }
                extra.add(file);
            }
            case MIDI -> {
                if (midi == null) {
                    return new ScoreSet(groupKey, musicXml, file, svgPages, unsupported, archiveOnClose);
                }
                extra.add(file);
            }
            case SVG -> {
                List<Path> pages = new ArrayList<>(svgPages);
                pages.add(file);
                // Sibelius numbers pages name_0001.svg, name_0002.svg: name order is page order.
                pages.sort(Comparator.comparing(p -> p.getFileName().toString()));
                return new ScoreSet(groupKey, musicXml, midi, List.copyOf(pages), unsupported, archiveOnClose);
            }
            default -> extra.add(file);
        }
        return new ScoreSet(groupKey, musicXml, midi, svgPages, List.copyOf(extra), archiveOnClose);
    }

    public boolean isComplete() {
        return musicXml != null && midi != null && !svgPages.isEmpty();
    }

    /** The score's name: the MusicXML's base name, else the group's. */
    public String scoreName() {
        return musicXml != null ? ScoreNames.baseName(musicXml.getFileName().toString()) : ScoreNames.fromGroupKey(groupKey);
    }

    public List<Path> allFiles() {
        List<Path> files = new ArrayList<>();
        if (musicXml != null) {
            files.add(musicXml);
        }
        if (midi != null) {
            files.add(midi);
        }
        files.addAll(svgPages);
        files.addAll(unsupported);
        return files;
    }
}
