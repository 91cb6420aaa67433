package io.sib2ae.orchestrator.run;

import io.sib2ae.orchestrator.coordination.CoordinatedScore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One score in work: its coordinated notes, its output folder, its manifests and live counts per
 * hop. Counts are updated by the note threads and read by monitoring, so they are atomic.
 */
public final class ScoreRun {

    private final Path folder;
    private final Path liveFolder;
    private final ScoreVersion version;
    private final CoordinatedScore coordinated;
    private final ScoreManifest index;
    private final List<NoteWork> notes;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger notesFinished = new AtomicInteger();
    private final boolean workerCopy;

    /** @param notes filled once, by the planner, before the run is shared with the note threads */
    ScoreRun(Path folder, Path liveFolder, ScoreVersion version, CoordinatedScore coordinated, ScoreManifest index,
             List<NoteWork> notes) {
        this(folder, liveFolder, version, coordinated, index, notes, false);
    }

    private ScoreRun(Path folder, Path liveFolder, ScoreVersion version, CoordinatedScore coordinated, ScoreManifest index,
                     List<NoteWork> notes, boolean workerCopy) {
        this.folder = folder;
        this.liveFolder = liveFolder;
        this.version = version;
        this.coordinated = coordinated;
        this.index = index;
        this.notes = notes;
        this.workerCopy = workerCopy;
    }

    /**
     * A worker's copy of a score another instance (the leader) planned, in distributed mode: the
     * same coordinated score, read again from the shared inputs, for the hops of the notes this
     * worker takes from the queue. It holds no notes of its own; the leader's run counts and closes.
     */
    public static ScoreRun workerCopy(Path folder, CoordinatedScore coordinated, ScoreManifest index) {
        // The folder the leader's run writes (a new version's staging folder included); the version and
        // the live folder are the leader's to commit, never a worker's.
        return new ScoreRun(folder, folder, null, coordinated, index, List.of(), true);
    }

    /** True for a worker's copy: its notes are reported to the leader, not here. */
    public boolean isWorkerCopy() {
        return workerCopy;
    }

    public ScoreSet scoreSet() {
        return coordinated.source().files();
    }

    public String scoreName() {
        return index.scoreName;
    }

    /**
     * Where this run writes: the score's folder, or for a new version of a score the staging folder
     * that becomes the score's folder when the version is committed.
     */
    public Path folder() {
        return folder;
    }

    /** The score's folder, {@code output/<score>/}, which holds its current version. */
    public Path liveFolder() {
        return liveFolder;
    }

    public ScoreVersion version() {
        return version;
    }

    public CoordinatedScore coordinated() {
        return coordinated;
    }

    public ScoreManifest index() {
        return index;
    }

    /** The notes the splitter sends, one exchange each, through the per-note hops. */
    public List<NoteWork> notes() {
        return notes;
    }

    public Instant startedAt() {
        return coordinated.source().readAt();
    }

    /** Counts one hop outcome, e.g. {@code (AUDIO, COMPLETED)}, shown as {@code audio.completed}. */
    public void tally(Stage hop, StageState outcome) {
        counts.computeIfAbsent(hop + "." + outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    public int count(Stage hop, StageState outcome) {
        AtomicInteger value = counts.get(hop + "." + outcome);
        return value == null ? 0 : value.get();
    }

    public Map<String, Integer> countsSnapshot() {
        Map<String, Integer> snapshot = new TreeMap<>();
        counts.forEach((k, v) -> snapshot.put(k, v.get()));
        return snapshot;
    }

    /** Marks a note as through all hops; returns how many are. */
    public int noteFinished() {
        return notesFinished.incrementAndGet();
    }

    public int notesFinished() {
        return notesFinished.get();
    }

    public List<NoteManifest> manifests() {
        return notes.stream().map(NoteWork::manifest).toList();
    }
}
