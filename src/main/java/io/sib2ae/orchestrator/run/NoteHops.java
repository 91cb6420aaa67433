package io.sib2ae.orchestrator.run;

import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;

/**
 * The note-level bookkeeping around the hops: a note leaving the hop chain has its manifest written, and an unexpected error on one note is recorded on that note alone.
 */
public final class NoteHops {

    private final ManifestStore manifests;

    public NoteHops(ManifestStore manifests) {
        this.manifests = manifests;
    }

    /** Writes the manifest of a note that is through its hops (monitoring then counts it). */
    public NoteWork finish(NoteWork work) {
        manifests.writeNote(work.run().folder(), work.manifest());
        return work;
    }

    /**
     * True after the splitter when a stop abandoned notes: every note that is not abandoned
     * finishes, failed hops included.
     */
    public boolean leftNotesUndone(ScoreRun run) {
        return run.notesFinished() < run.notes().size();
    }

    /**
     * Records an error that escaped a hop on that hop's stage of the note, and counts it, so the
     * hop's progress still reaches every note.
     *
     * @param hop the stage of the hop that failed, as the hop's route declared it
     */
    public NoteWork recordHopFailure(NoteWork work, Exception failure, Stage hop) {
        if (hop == null || hop == Stage.COORDINATION) {
            return markRunningOrCoordination(work, failure);
        }
        hop.of(work.manifest()).mark(StageState.FAILED, reason(failure));
        // Every hop counts a note as its very last step, so a hop that threw has not counted it.
        work.run().tally(hop, StageState.FAILED);
        return work;
    }

    /** Records an error no hop handled on the stage that was running, and lets the score go on. */
    public NoteWork recordFailure(NoteWork work, Exception failure) {
        return finish(markRunningOrCoordination(work, failure));
    }

    private static NoteWork markRunningOrCoordination(NoteWork work, Exception failure) {
        NoteManifest manifest = work.manifest();
        String reason = reason(failure);
        boolean marked = false;
        for (Stage stage : Stage.values()) {
            if (stage.of(manifest).is(StageState.RUNNING)) {
                stage.of(manifest).mark(StageState.FAILED, reason);
                marked = true;
            }
        }
        if (!marked) {
            manifest.stages.coordination.mark(StageState.FAILED, reason);
        }
        return work;
    }

    private static String reason(Exception failure) {
        return failure == null ? "unknown error" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
