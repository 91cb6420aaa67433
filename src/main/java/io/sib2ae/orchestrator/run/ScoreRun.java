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

    /** @param notes filled once, by the planner, before the run is shared with the note threads */
    ScoreRun(Path folder, Path liveFolder, ScoreVersion version, CoordinatedScore coordinated, ScoreManifest index,
             List<NoteWork> notes) {
        this.folder = folder;
        this.liveFolder = liveFolder;
        this.version = version;
        this.coordinated = coordinated;
        this.index = index;
        this.notes = notes;
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
