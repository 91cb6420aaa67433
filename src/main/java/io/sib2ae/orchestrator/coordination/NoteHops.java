package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.StageStatus;
import io.sib2ae.orchestrator.monitoring.ProgressReporter;

/**
 * The note-level bookkeeping around the hops: a note leaving the hop chain is counted and its
 * manifest written, and an unexpected error on one note is recorded on that note alone.
 */
public final class NoteHops {

    private final ManifestStore manifests;
    private final ProgressReporter progress;

    public NoteHops(ManifestStore manifests, ProgressReporter progress) {
        this.manifests = manifests;
        this.progress = progress;
    }

    public NoteWork finish(NoteWork work) {
        work.takeHandOff(Object.class); // whatever a hop left unused must not outlive the note
        manifests.writeNote(work.run().folder(), work.manifest());
        int done = work.run().noteFinished();
        progress.noteFinished(work, done);
        return work;
    }

    /**
     * Leaves a note undone because the service is stopping: its manifest on disk stays as
     * predicted (whatever a hop did in memory is not written), so the next start renders it.
     */
    public NoteWork abandon(NoteWork work) {
        work.takeHandOff(Object.class);
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
     * Records an error that escaped a hop route ({@code hop-midi}, {@code hop-audio} ...) on that
     * hop's stage of the note, and counts it, so the hop's progress still reaches every note.
     */
    public NoteWork recordHopFailure(NoteWork work, Exception failure, String hopRouteId) {
        String hop = hopRouteId != null && hopRouteId.startsWith("hop-") ? hopRouteId.substring("hop-".length()) : "";
        StageStatus stage = ScoreProcessor.stagesOf(work.manifest()).get(hop);
        if (stage == null || hop.equals("coordination")) {
            return markRunningOrCoordination(work, failure);
        }
        stage.mark(StageStatus.FAILED, reason(failure));
        // Every hop counts a note as its very last step, so a hop that threw has not counted it.
        work.run().count(hop, StageStatus.FAILED);
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
        for (StageStatus stage : ScoreProcessor.stagesOf(manifest).values()) {
            if (stage.is(StageStatus.RUNNING)) {
                stage.mark(StageStatus.FAILED, reason);
                marked = true;
            }
        }
        if (!marked) {
            manifest.stages.coordination.mark(StageStatus.FAILED, reason);
        }
        return work;
    }

    private static String reason(Exception failure) {
        return failure == null ? "unknown error" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
