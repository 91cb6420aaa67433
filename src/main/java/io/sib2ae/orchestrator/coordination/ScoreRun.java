package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.intake.ScoreSet;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One score in work: its inputs, its coordinated notes, its manifests and live counts per hop.
 * Counts are updated by the note threads and read by monitoring, so they are atomic.
 */
public final class ScoreRun {

    private final ScoreSet scoreSet;
    private final Path folder;
    private final CoordinatedScore coordinated;
    private final ScoreManifest index;
    private final List<NoteWork> notes;
    private final Instant startedAt;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger notesFinished = new AtomicInteger();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

    public ScoreRun(ScoreSet scoreSet, Path folder, CoordinatedScore coordinated, ScoreManifest index,
                    List<NoteWork> notes, Instant startedAt) {
        this.scoreSet = scoreSet;
        this.folder = folder;
        this.coordinated = coordinated;
        this.index = index;
        this.notes = notes;
        this.startedAt = startedAt;
    }

    public ScoreSet scoreSet() {
        return scoreSet;
    }

    public String scoreName() {
        return index.scoreName;
    }

    public Path folder() {
        return folder;
    }

    public CoordinatedScore coordinated() {
        return coordinated;
    }

    public ScoreManifest index() {
        return index;
    }

    public List<NoteWork> notes() {
        return notes;
    }

    public Instant startedAt() {
        return startedAt;
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
        Map<String, Integer> snapshot = new java.util.TreeMap<>();
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

    /** Score-wide state a hop computes once for all notes, such as the sustain pedal map. */
    public <T> T shared(Class<T> type, java.util.function.Supplier<T> create) {
        return type.cast(shared.computeIfAbsent(type, k -> create.get()));
    }

    public <T> void share(Class<T> type, T value) {
        shared.put(type, value);
    }

    public <T> T sharedOrNull(Class<T> type) {
        return type.cast(shared.get(type));
    }

    public List<NoteManifest> manifests() {
        return notes.stream().map(NoteWork::manifest).toList();
    }
}
