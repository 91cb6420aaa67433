package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.score.ScoreSource;
import io.sib2ae.orchestrator.manifest.FileNames;
import io.sib2ae.orchestrator.manifest.FileRecords;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
            ScoreLayout layout = readLayout(run);
            List<NoteheadTarget> targets = run.notes().stream().map(w -> target(w.note().universalId(), w.note().notated())).toList();
            Map<String, NoteheadAssignment> byNote = new HashMap<>();
            for (NoteheadAssignment assignment : assigner.assign(layout, pages, targets)) {
                byNote.put(assignment.universalId(), assignment);
            }
            Path svgFolder = run.folder().resolve(FOLDER);
            for (SvgPage page : pages) {
                String suffix = page.index() == 0 ? "" : String.format("_p%d", page.index() + 1);
                writer.writeAllNoteheads(page, svgFolder.resolve("noteheads_all" + suffix + ".svg"));
                writer.writeWithoutNoteheads(page, svgFolder.resolve("score_without_noteheads" + suffix + ".svg"));
                for (var part : layout.parts()) {
                    Path target = NoteheadSvgWriter.instrumentPath(svgFolder, FileNames.sanitize(part.name()) + suffix, part.id());
                    writer.writeInstrument(page, layout, part.id(), target);
                }
            }
            result = new PageAssignments(pages, byNote, null);
        } catch (RuntimeException e) {
            result = new PageAssignments(List.of(), Map.of(), e.getMessage());
        }
        return result;
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
            if (FileRecords.verified(m.files.noteheadSvg, run.folder())) {
                m.stages.svg.markKept("already written and verified");
                run.tally(Stage.SVG, StageState.SKIPPED);
                return work;
            }
            Path target = run.folder().resolve(FOLDER).resolve("noteheads").resolve(m.files.noteheadSvg.predictedFilename);
            writer.writeNote(pages.pages().get(placement.page()), placement, target);
            FileRecords.record(m.files.noteheadSvg, run.folder(), target);
            m.stages.svg.mark(StageState.COMPLETED, null);
            run.tally(Stage.SVG, StageState.COMPLETED);
        } else {
            String reason = assignment instanceof NoteheadFailure failure ? failure.reason() : "no notehead assigned";
            m.stages.svg.mark(StageState.FAILED, reason);
            run.tally(Stage.SVG, StageState.FAILED);
        }
        return work;
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

    private static ScoreLayout readLayout(ScoreRun run) {
        ScoreSource source = run.coordinated().source();
        return new ScoreLayoutReader().read(source.musicXml(), source.files().musicXml().getFileName().toString());
    }
}
