package io.sib2ae.orchestrator.run;

import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.manifest.StageStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * The note-level bookkeeping around the hops: a note leaving the hop chain has its manifest written, and an unexpected error on one note is recorded on that note alone.
 */
public final class NoteHops {

    /** The hops a note goes through on a worker; coordination is the leader's. */
    private static final List<Stage> HOPS = List.of(Stage.MIDI, Stage.AUDIO, Stage.KEYFRAMES, Stage.SVG);

    private final ManifestStore manifests;
    private final String node;

    public NoteHops(ManifestStore manifests) {
        this(manifests, null);
    }

    /**
     * @param node the name of this instance, recorded on every hop a note went through here
     *             ({@code stages.<hop>.node}); null in the in-process mode, where there is one node
     *             and the manifests stay as they always were
     */
    public NoteHops(ManifestStore manifests, String node) {
        this.manifests = manifests;
        this.node = node;
    }

    /** Writes the manifest of a note that is through its hops (monitoring then counts it). */
    public NoteWork finish(NoteWork work) {
        if (node != null) {
            // The planner makes every stage afresh, so a hop stage that is not pending was decided here.
            for (Stage hop : HOPS) {
                StageStatus stage = hop.of(work.manifest());
                if (!stage.is(StageState.PENDING)) {
                    stage.node = node;
                }
            }
        }
        manifests.writeNote(work.run().folder(), work.manifest());
        return work;
    }

    /**
     * Records, on a note whose work failed on every delivery in distributed mode, every hop it had
     * not got through as failed with the reason, and writes its manifest.
     *
     * @return false when the note's manifest is missing or unreadable: nothing could be recorded
     */
    public boolean recordUndeliverable(Path scoreFolder, String universalId, String reason) {
        NoteManifest manifest = manifests.readNote(scoreFolder, universalId);
        if (manifest == null) {
            return false;
        }
        for (Stage hop : HOPS) {
            StageStatus stage = hop.of(manifest);
            if (stage.is(StageState.PENDING) || stage.is(StageState.RUNNING)) {
                stage.mark(StageState.FAILED, reason);
                stage.node = node;
            }
        }
        manifests.writeNote(scoreFolder, manifest);
        return true;
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
