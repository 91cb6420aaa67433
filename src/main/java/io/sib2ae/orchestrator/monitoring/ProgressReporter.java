package io.sib2ae.orchestrator.monitoring;

import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a person how a score is getting on: one log line when it starts, one per 10% of its
 * notes and one at the end, and {@code progress.json} in its output folder, rewritten atomically.
 */
public final class ProgressReporter {

    private static final Logger LOG = LoggerFactory.getLogger("sib2ae.progress");

    private final ManifestStore manifests;
    private final List<ScoreProgressListener> listeners = new CopyOnWriteArrayList<>();

    public ProgressReporter(ManifestStore manifests) {
        this.manifests = manifests;
    }

    public void addListener(ScoreProgressListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ScoreProgressListener listener) {
        listeners.remove(listener);
    }

    public void started(ScoreRun run) {
        listeners.forEach(l -> l.started(run));
        LOG.info("Score '{}' started: {} notes ({} primary), timing from {}", run.scoreName(), run.notes().size(),
                run.index().counts.primaryNotes, run.coordinated().timingSource());
        write(run, ScoreStatus.PROCESSING);
    }

    /** Counts a note out of the hops, and reports the score's progress. */
    public void noteFinished(ScoreRun run) {
        // Counted and reported in one call, so the reports of two notes finishing together stay in order.
        noteFinished(run, run.noteFinished());
    }

    public void noteFinished(ScoreRun run, int done) {
        listeners.forEach(l -> l.noteFinished(run, done));
        int total = run.notes().size();
        int step = Math.max(1, (int) Math.ceil(total / 10.0));
        if (done % step == 0 || done == total) {
            int percent = (int) Math.floor(done * 100.0 / total);
            LOG.info("Score '{}': {}% ({}/{} notes) after {} ms, {}", run.scoreName(), percent, done, total,
                    elapsed(run), run.countsSnapshot());
            write(run, ScoreStatus.PROCESSING);
        }
    }

    public void finished(ScoreRun run, ScoreStatus status) {
        listeners.forEach(l -> l.finished(run, status));
        LOG.info("Score '{}' {}: {} notes in {} ms, {}", run.scoreName(), status, run.notes().size(), elapsed(run),
                run.countsSnapshot());
        write(run, status);
    }

    private void write(ScoreRun run, ScoreStatus status) {
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("score_name", run.scoreName());
        progress.put("status", status.toString());
        progress.put("notes_total", run.notes().size());
        progress.put("notes_done", run.notesFinished());
        progress.put("percent", run.notes().isEmpty() ? 100 : Math.floor(run.notesFinished() * 1000.0 / run.notes().size()) / 10);
        progress.put("hops", run.countsSnapshot());
        progress.put("started_at", run.startedAt().toString());
        progress.put("elapsed_ms", elapsed(run));
        progress.put("updated_at", Instant.now().toString());
        manifests.write(run.folder().resolve("progress.json"), progress);
    }

    private static long elapsed(ScoreRun run) {
        return Duration.between(run.startedAt(), Instant.now()).toMillis();
    }
}
