package io.sib2ae.orchestrator.monitoring;

import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** The JMX view of one score: notes done and failed per hop, breaker state and start time. */
public final class ScoreProgress implements ScoreProgressMBean {

    private final ScoreRun run;
    private final Supplier<String> breakerState;
    private volatile ScoreStatus status = ScoreStatus.PROCESSING;
    private volatile Instant finishedAt;

    ScoreProgress(ScoreRun run, Supplier<String> breakerState) {
        this.run = run;
        this.breakerState = breakerState;
    }

    void finish(ScoreStatus finalStatus) {
        status = finalStatus;
        finishedAt = Instant.now();
    }

    @Override
    public String getScoreName() {
        return run.scoreName();
    }

    @Override
    public String getStatus() {
        return status.toString();
    }

    @Override
    public String getStartedAt() {
        return run.startedAt().toString();
    }

    @Override
    public long getElapsedMillis() {
        return Duration.between(run.startedAt(), finishedAt == null ? Instant.now() : finishedAt).toMillis();
    }

    @Override
    public int getNotesTotal() {
        return run.notes().size();
    }

    @Override
    public int getNotesDone() {
        return run.notesFinished();
    }

    @Override
    public int getMidiDone() {
        return done(Stage.MIDI);
    }

    @Override
    public int getMidiFailed() {
        return run.count(Stage.MIDI, StageState.FAILED);
    }

    @Override
    public int getAudioDone() {
        return done(Stage.AUDIO);
    }

    @Override
    public int getAudioFailed() {
        return run.count(Stage.AUDIO, StageState.FAILED);
    }

    @Override
    public int getKeyframesDone() {
        return done(Stage.KEYFRAMES);
    }

    @Override
    public int getKeyframesFailed() {
        return run.count(Stage.KEYFRAMES, StageState.FAILED);
    }

    @Override
    public int getSvgDone() {
        return done(Stage.SVG);
    }

    @Override
    public int getSvgFailed() {
        return run.count(Stage.SVG, StageState.FAILED);
    }

    @Override
    public String getAudioBreakerState() {
        return breakerState.get();
    }

    private int done(Stage hop) {
        return run.count(hop, StageState.COMPLETED) + run.count(hop, StageState.SKIPPED);
    }
}
