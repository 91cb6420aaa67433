package io.sib2ae.orchestrator.intake;

import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.coordination.CoordinatedScore;
import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.notehead.NoteheadHop;
import io.sib2ae.orchestrator.run.NoteHops;
import io.sib2ae.orchestrator.run.NoteReport;
import io.sib2ae.orchestrator.run.NoteTask;
import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.run.ScoresInFlight;
import io.sib2ae.orchestrator.run.SharedRun;
import io.sib2ae.orchestrator.score.ScoreReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A worker's intake in distributed mode: turns a note's task from the queue back into the
 * {@link NoteWork} the hops take, from the shared folder. The score is read and coordinated again
 * from the inputs the run's {@link SharedRun} file names, by the same reader and coordinator the
 * leader used, once per run on this instance; the note's manifest is read as the leader planned it.
 */
public final class SharedScores {

    private final ScoresInFlight runs;
    private final ScoreReader reader;
    private final NoteCoordinator coordinator;
    private final NoteheadHop noteheads;
    private final ManifestStore manifests;
    private final NoteHops noteHops;
    private final String node;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();

    public SharedScores(ScoresInFlight runs, ScoreReader reader, NoteCoordinator coordinator, NoteheadHop noteheads,
                        ManifestStore manifests, NoteHops noteHops, String node) {
        this.runs = runs;
        this.reader = reader;
        this.coordinator = coordinator;
        this.noteheads = noteheads;
        this.manifests = manifests;
        this.noteHops = noteHops;
        this.node = node;
    }

    /** This instance's copy of one run: the score, its notes by universal ID and its noteheads. */
    private record Copy(ScoreRun run, Map<String, CoordinatedNote> notes, NoteheadHop.PageAssignments noteheads) {
    }

    /**
     * True for a task whose run is closed or was forgotten by a new leader (which plans the score
     * again): it is dropped. Copies of runs that are gone are let go here too.
     */
    public boolean stale(NoteTask task) {
        copies.keySet().removeIf(runId -> !runs.holds(runId));
        return !runs.holds(task.runId());
    }

    /** The note's work: this instance's copy of its score, and its manifest as it stands on the shared folder. */
    public NoteWork noteWork(NoteTask task) {
        Copy copy = copyOf(task);
        CoordinatedNote note = copy.notes().get(task.universalId());
        NoteManifest manifest = manifests.readNote(copy.run().folder(), task.universalId());
        if (note == null || manifest == null) {
            throw new IllegalStateException("Note " + task.universalId() + " of run " + task.runId()
                    + (note == null ? " is not in the score read from the shared folder" : " has no manifest on the shared folder"));
        }
        return new NoteWork(copy.run(), note, manifest);
    }

    /** The noteheads found on the score's pages, for the note's SVG hop. */
    public NoteheadHop.PageAssignments noteheads(NoteTask task) {
        return copyOf(task).noteheads();
    }

    /** The leader's word that the note is through its hops here. */
    public NoteReport throughHops(NoteTask task) {
        return new NoteReport(task.runId(), task.universalId(), node, NoteReport.Outcome.THROUGH_HOPS);
    }

    /**
     * A note whose work failed on every delivery: recorded failed, with the reason, on every hop it
     * had not got through, and reported so that its score can close.
     *
     * @return the report, or null when the task names no run that is still held (nothing to close)
     */
    public NoteReport deadLettered(NoteTask task, Exception failure, int deliveries) {
        SharedRun run = task == null ? null : runs.sharedRun(task.runId());
        if (run == null) {
            return null;
        }
        String reason = "dead-lettered after " + deliveries + " deliveries: "
                + (failure == null ? "unknown error" : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        noteHops.recordUndeliverable(run.folder(), task.universalId(), reason);
        return new NoteReport(task.runId(), task.universalId(), node, NoteReport.Outcome.DEAD_LETTERED);
    }

    private Copy copyOf(NoteTask task) {
        // Concurrent workers on the same score wait for one reading of it.
        return copies.computeIfAbsent(task.runId(), runId -> {
            SharedRun shared = runs.sharedRun(runId);
            if (shared == null) {
                throw new IllegalStateException("Run " + runId + " is no longer in flight");
            }
            CoordinatedScore coordinated = coordinator.coordinate(reader.read(shared.scoreSet()));
            List<CoordinatedNote> planned = shared.asPlanned(coordinated.notes());
            ScoreRun run = ScoreRun.workerCopy(shared.folder(), coordinated, manifests.readIndex(shared.folder()));
            return new Copy(run, planned.stream().collect(Collectors.toMap(CoordinatedNote::universalId, Function.identity())),
                    noteheads.assign(run, planned));
        });
    }
}
