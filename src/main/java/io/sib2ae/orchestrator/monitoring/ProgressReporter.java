package io.sib2ae.orchestrator.monitoring;

import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreResult;
import io.sib2ae.orchestrator.run.ScoreRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a person how a score is getting on: one log line when it starts, one each time another
 * tenth of its notes is through the hops, and one at the end; and {@code progress.json} in its
 * output folder, rewritten atomically at the same moments.
 */
public final class ProgressReporter {

    private static final Logger LOG = LoggerFactory.getLogger("sib2ae.progress");

    private final ManifestStore manifests;
    private final Consumer<String> log;
    private final List<ScoreProgressListener> listeners = new CopyOnWriteArrayList<>();
    /** The notes through the hops per score, counted here so that a line's figures agree with each other. */
    private final Map<ScoreRun, Tally> tallies = new ConcurrentHashMap<>();

    public ProgressReporter(ManifestStore manifests) {
        this(manifests, LOG::info);
    }

    /** @param log where the lines go: the {@code sib2ae.progress} logger, or a test's list */
    public ProgressReporter(ManifestStore manifests, Consumer<String> log) {
        this.manifests = manifests;
        this.log = log;
    }

    public void addListener(ScoreProgressListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ScoreProgressListener listener) {
        listeners.remove(listener);
    }

    public void started(ScoreRun run) {
        tallies.put(run, new Tally());
        listeners.forEach(l -> l.started(run));
        log.accept(String.format("Score '%s' started: %d notes (%d primary), timing from %s", run.scoreName(),
                run.notes().size(), run.index().counts.primaryNotes, run.coordinated().timingSource()));
        write(run, ScoreStatus.PROCESSING, elapsed(run));
    }

    /** Counts a note out of the hops, and reports the score's progress. */
    public void noteFinished(NoteWork note) {
        noteFinished(note, note.run().noteFinished());
    }

    /**
     * A note is through the hops ({@code done} is the score's count including it). Logs when the
     * notes through reach another tenth of the score: the count, the failures among those notes and
     * the time in one line, taken together, so a line never shows a later note than its count.
     */
    public void noteFinished(NoteWork note, int done) {
        ScoreRun run = note.run();
        listeners.forEach(l -> l.noteFinished(run, done));
        boolean failed = Arrays.stream(Stage.values()).anyMatch(s -> s.of(note.manifest()).is(StageState.FAILED));
        Tally tally = tallies.computeIfAbsent(run, r -> new Tally());
        int total = run.notes().size();
        synchronized (tally) {
            tally.done++;
            tally.failed += failed ? 1 : 0;
            if (tenths(tally.done, total) > tenths(tally.done - 1, total)) {
                long elapsed = elapsed(run);
                log.accept(String.format("Score '%s': %d%% (%d/%d notes, %d failed) after %d ms", run.scoreName(),
                        tally.done * 100 / total, tally.done, total, tally.failed, elapsed));
                write(run, ScoreStatus.PROCESSING, elapsed);
            }
        }
    }

    /** The score is closed: logs its result, with the elapsed time measured once, at the close. */
    public void finished(ScoreRun run, ScoreResult result) {
        tallies.remove(run);
        listeners.forEach(l -> l.finished(run, result.status()));
        log.accept(String.format("Score '%s' %s: %d notes, %d failed, in %d ms, %s", run.scoreName(), result.status(),
                result.notes(), result.failedNotes(), result.elapsedMillis(), result.hopCounts()));
        write(run, result.status(), result.elapsedMillis());
    }

    /** The service stopped in the middle of the score: what was left is said once, plainly. */
    public void stopped(ScoreRun run) {
        tallies.remove(run);
        int total = run.notes().size();
        int done = run.notesFinished();
        log.accept(String.format("Stopping: score '%s' has %d of %d notes done, %d notes abandoned, they resume on next start",
                run.scoreName(), done, total, total - done));
        write(run, ScoreStatus.STOPPED, elapsed(run));
    }

    /** Whole tenths of the score that {@code done} notes make (0 to 10). */
    static int tenths(int done, int total) {
        return total == 0 ? 10 : done * 10 / total;
    }

    private void write(ScoreRun run, ScoreStatus status, long elapsedMillis) {
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("score_name", run.scoreName());
        progress.put("status", status.toString());
        progress.put("notes_total", run.notes().size());
        progress.put("notes_done", run.notesFinished());
        progress.put("percent", run.notes().isEmpty() ? 100 : Math.floor(run.notesFinished() * 1000.0 / run.notes().size()) / 10);
        progress.put("hops", run.countsSnapshot());
        progress.put("started_at", run.startedAt().toString());
        progress.put("elapsed_ms", elapsedMillis);
        progress.put("updated_at", Instant.now().toString());
        // In the score's folder even while a new version is built apart: that is where a studio watches.
        manifests.write(run.liveFolder().resolve("progress.json"), progress);
    }

    private static long elapsed(ScoreRun run) {
        return Duration.between(run.startedAt(), Instant.now()).toMillis();
    }

    private static final class Tally {
        int done;
        int failed;
    }
}
