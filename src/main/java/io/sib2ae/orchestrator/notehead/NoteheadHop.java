package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.glyphs.DrawnGlyph;
import io.sib2ae.orchestrator.glyphs.PageRaster;
import io.sib2ae.orchestrator.manifest.AtomicFiles;
import io.sib2ae.orchestrator.manifest.FileNames;
import io.sib2ae.orchestrator.manifest.FileRecords;
import io.sib2ae.orchestrator.manifest.HopInputs;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.score.MusicXmlScore;
import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.score.ScoreLayout;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SVG hop. Once per score it finds every notehead on the Sibelius pages and assigns them
 * to the notes, writing the page-level layers; then, per note, it writes the note's own
 * notehead SVG. A broken SVG fails this hop for the score's notes and nothing else.
 */
public final class NoteheadHop {

    static final String FOLDER = "svg";

    private final NoteheadLocator locator = new NoteheadLocator();
    private final NoteheadAssigner assigner = new NoteheadAssigner();
    private final NoteheadSvgWriter writer = new NoteheadSvgWriter();
    private final PageRaster raster;

    public NoteheadHop() {
        this(new PageRaster());
    }

    public NoteheadHop(PageRaster raster) {
        this.raster = raster;
    }

    /** What the score-level pass found: the pages and, per universal ID, the notehead or why there is none. */
    public record PageAssignments(List<SvgPage> pages, Map<String, NoteheadAssignment> byNote, String failure) {
    }

    /**
     * Finds the score's noteheads on its SVG pages and writes the page layers.
     *
     * @return what was found, or why nothing could be; null when the score came without SVG
     */
    public PageAssignments locate(ScoreRun run) {
        if (run.scoreSet().svgPages().isEmpty()) {
            return null;
        }
        PageAssignments result;
        try {
            List<SvgPage> pages = locator.locate(run.scoreSet().svgPages());
            ScoreLayout layout = layout(run);
            List<NoteheadTarget> targets = run.notes().stream().map(w -> target(w.note().universalId(), w.note().notated())).toList();
            Map<String, NoteheadAssignment> byNote = new HashMap<>();
            for (NoteheadAssignment assignment : assigner.assign(layout, pages, targets)) {
                byNote.put(assignment.universalId(), assignment);
            }
            String inputs = pageInputs(run, layout, byNote);
            ScoreManifest.PageLayers kept = run.index().pageLayers;
            if (kept != null && kept.fingerprint().equals(inputs) && verified(run.folder(), kept.files())) {
                // The same pages, layout and notes as the layers on disk were drawn from: nothing to draw.
                run.index().unmappedMusicGlyphs = kept.unmappedMusicGlyphs();
            } else {
                writeLayers(run, pages, layout, byNote, inputs);
            }
            result = new PageAssignments(pages, byNote, null);
        } catch (RuntimeException e) {
            result = new PageAssignments(List.of(), Map.of(), e.getMessage());
        }
        return result;
    }

    /** Writes the page layers (noteheads_all, the page without noteheads as SVG and PNG, one file per instrument) and records them. */
    private void writeLayers(ScoreRun run, List<SvgPage> pages, ScoreLayout layout, Map<String, NoteheadAssignment> byNote,
                             String inputs) {
        Path svgFolder = run.folder().resolve(FOLDER);
        List<Path> written = new ArrayList<>();
        // Page, then "font code point", then how many times it was drawn as a placeholder.
        Map<Integer, Map<String, Integer>> unmapped = new TreeMap<>();
        for (SvgPage page : pages) {
            String suffix = page.index() == 0 ? "" : String.format("_p%d", page.index() + 1);
            Path all = svgFolder.resolve("noteheads_all" + suffix + ".svg");
            List<DrawnGlyph> placeholders = new ArrayList<>(writer.writeAllNoteheads(page, universalIdsByOrdinal(byNote, page.index()), all));
            Path withoutNoteheads = svgFolder.resolve("score_without_noteheads" + suffix + ".svg");
            placeholders.addAll(writer.writeWithoutNoteheads(page, withoutNoteheads));
            Path png = svgFolder.resolve("score_without_noteheads" + suffix + ".png");
            AtomicFiles.write(png, raster.png(withoutNoteheads, viewBox(page)));
            written.addAll(List.of(all, withoutNoteheads, png));
            for (var part : layout.parts()) {
                Path target = NoteheadSvgWriter.instrumentPath(svgFolder, FileNames.sanitize(part.name()) + suffix, part.id());
                writer.writeInstrument(page, layout, part.id(), target);
                written.add(target);
            }
            for (DrawnGlyph g : placeholders) {
                unmapped.computeIfAbsent(page.index(), k -> new TreeMap<>())
                        .merge(g.musicFont() + " " + g.codePointLabel(), 1, Integer::sum);
            }
        }
        run.index().unmappedMusicGlyphs = unmappedReport(unmapped);
        Map<String, String> files = new TreeMap<>();
        for (Path file : written) {
            AtomicFiles.Written w = AtomicFiles.takeWritten(file);
            files.put(run.folder().relativize(file).toString(), w != null ? w.sha256() : FileRecords.sha256(file));
        }
        run.index().pageLayers = new ScoreManifest.PageLayers(inputs, files, run.index().unmappedMusicGlyphs);
    }

    /**
     * What the page layers are made from: the pages, the layout read from the MusicXML (parts and
     * their names, bars, clefs, octave lines; not the rest of the MusicXML, so a dynamic changed
     * draws nothing again), the notes on them and the PNG's width.
     */
    private String pageInputs(ScoreRun run, ScoreLayout layout, Map<String, NoteheadAssignment> byNote) {
        List<Object> parts = new ArrayList<>();
        parts.add("page layers");
        parts.add(layout);
        parts.add(raster.width());
        for (Path page : run.scoreSet().svgPages()) {
            parts.add(FileRecords.sha256(page));
        }
        new TreeMap<>(byNote).forEach((id, a) -> {
            if (a instanceof NoteheadPlacement p) {
                parts.add(id + "@" + p.page() + ":" + p.glyphOrdinal());
            }
        });
        return HopInputs.fingerprint(parts.toArray());
    }

    /** True when every file is in the folder with the recorded checksum. */
    private static boolean verified(Path folder, Map<String, String> files) {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey()).normalize();
            if (!path.startsWith(folder) || !java.nio.file.Files.isRegularFile(path)
                    || !file.getValue().equals(FileRecords.sha256(path))) {
                return false;
            }
        }
        return true;
    }

    /** @param pages what {@link #locate} found for the note's score */
    public NoteWork write(NoteWork work, PageAssignments pages) {
        NoteManifest m = work.manifest();
        ScoreRun run = work.run();
        if (pages == null) {
            run.tally(Stage.SVG, StageState.SKIPPED);
            return work;
        }
        if (pages.failure() != null) {
            m.stages.svg.mark(StageState.FAILED, "SVG unusable: " + pages.failure());
            run.tally(Stage.SVG, StageState.FAILED);
            return work;
        }
        NoteheadAssignment assignment = pages.byNote().get(m.universalId);
        if (assignment instanceof NoteheadPlacement placement) {
            m.svg = placementFacts(placement);
            SvgPage page = pages.pages().get(placement.page());
            // The file is the page's notehead there, drawn in the page's frame and tagged with the ID.
            String inputs = HopInputs.fingerprint(Stage.SVG, m.universalId, viewBox(page), placement.x(), placement.y(),
                    placement.glyph(), placement.font(), placement.fontSize());
            if (HopInputs.unchanged(m, Stage.SVG, inputs) && FileRecords.verified(m.files.noteheadSvg, run.folder())) {
                m.stages.svg.markKept("already written and verified");
                run.tally(Stage.SVG, StageState.SKIPPED);
                return work;
            }
            Path target = run.folder().resolve(FOLDER).resolve("noteheads").resolve(m.files.noteheadSvg.predictedFilename);
            writer.writeNote(page, placement, target);
            FileRecords.record(m.files.noteheadSvg, run.folder(), target);
            HopInputs.record(m, Stage.SVG, inputs);
            m.stages.svg.mark(StageState.COMPLETED, null);
            run.tally(Stage.SVG, StageState.COMPLETED);
        } else {
            String reason = assignment instanceof NoteheadFailure failure ? failure.reason() : "no notehead assigned";
            m.stages.svg.mark(StageState.FAILED, reason);
            run.tally(Stage.SVG, StageState.FAILED);
        }
        return work;
    }

    /** The page's viewBox, or its width and height from the origin when it has none. */
    static Rectangle2D viewBox(SvgPage page) {
        double[] box = NoteheadLocator.numbers(page.root().attribute("viewBox").orElse(""));
        if (box.length == 4) {
            return new Rectangle2D.Double(box[0], box[1], box[2], box[3]);
        }
        return new Rectangle2D.Double(0, 0, NoteheadLocator.firstNumber(page.root().attribute("width").orElse("")),
                NoteheadLocator.firstNumber(page.root().attribute("height").orElse("")));
    }

    /** The note assigned to each notehead of one page, by the notehead's element ordinal. */
    private static Map<Integer, String> universalIdsByOrdinal(Map<String, NoteheadAssignment> byNote, int page) {
        Map<Integer, String> ids = new HashMap<>();
        for (NoteheadAssignment a : byNote.values()) {
            if (a instanceof NoteheadPlacement p && p.page() == page) {
                ids.put(p.glyphOrdinal(), p.universalId());
            }
        }
        return ids;
    }

    /**
     * noteheads_all and score_without_noteheads together draw each symbol of a page once (the
     * instrument files draw them again), so the placeholders of those two are what is counted.
     */
    private static List<String> unmappedReport(Map<Integer, Map<String, Integer>> unmapped) {
        List<String> report = new ArrayList<>();
        unmapped.forEach((page, glyphs) -> glyphs.forEach((glyph, count) ->
                report.add("page " + (page + 1) + ": " + glyph + " (" + count + "x)")));
        return List.copyOf(report);
    }

    private static NoteManifest.SvgPlacement placementFacts(NoteheadPlacement p) {
        NoteManifest.SvgPlacement svg = new NoteManifest.SvgPlacement();
        svg.x = p.x();
        svg.y = p.y();
        svg.page = p.page();
        svg.system = p.system();
        svg.staff = p.staff();
        svg.glyph = p.glyph();
        svg.font = p.font();
        svg.fontSize = p.fontSize();
        svg.predictedX = p.predictedX();
        svg.predictedY = p.predictedY();
        svg.predictionDistance = p.distance();
        return svg;
    }

    public static NoteheadTarget target(String universalId, NotatedNote n) {
        return new NoteheadTarget(universalId, n.partId(), n.partIndex(), n.staff(), n.measureIndex(), n.measureNumber(),
                n.onsetInMeasure(), n.chordIndex(), n.writtenStep(), n.writtenOctave(), n.alter(), n.grace(), n.pitchName(),
                n.defaultX());
    }

    /** The layout the score's read step collected while it read the notes: the MusicXML is parsed once. */
    private static ScoreLayout layout(ScoreRun run) {
        MusicXmlScore notation = run.coordinated().source().notation();
        if (notation.layoutProblem() != null) {
            throw new SvgInputException(notation.layoutProblem());
        }
        return notation.layout();
    }
}
