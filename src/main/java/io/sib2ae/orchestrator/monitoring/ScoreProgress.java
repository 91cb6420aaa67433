package io.sib2ae.orchestrator.monitoring;

import io.sib2ae.orchestrator.coordination.ScoreRun;
import io.sib2ae.orchestrator.manifest.StageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** The JMX view of one score: notes done and failed per hop, breaker state and start time. */
public final class ScoreProgress implements ScoreProgressMBean {

    private final ScoreRun run;
    private final Supplier<String> breakerState;
    private volatile String status = "processing";
    private volatile Instant finishedAt;

    ScoreProgress(ScoreRun run, Supplier<String> breakerState) {
        this.run = run;
        this.breakerState = breakerState;
    }

    void finish(String finalStatus) {
        status = finalStatus;
        finishedAt = Instant.now();
    }

    @Override
    public String getScoreName() {
        return run.scoreName();
    }

    @Override
    public String getStatus() {
        return status;
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
        return done("midi");
    }

    @Override
    public int getMidiFailed() {
        return run.count("midi." + StageStatus.FAILED);
    }

    @Override
    public int getAudioDone() {
        return done("audio");
    }

    @Override
    public int getAudioFailed() {
        return run.count("audio." + StageStatus.FAILED);
    }

    @Override
    public int getKeyframesDone() {
        return done("keyframes");
    }

    @Override
    public int getKeyframesFailed() {
        return run.count("keyframes." + StageStatus.FAILED);
    }

    @Override
    public int getSvgDone() {
        return done("svg");
    }

    @Override
    public int getSvgFailed() {
        return run.count("svg." + StageStatus.FAILED);
    }

    @Override
    public String getAudioBreakerState() {
        return breakerState.get();
    }

    private int done(String hop) {
        return run.count(hop + "." + StageStatus.COMPLETED) + run.count(hop + "." + StageStatus.SKIPPED);
    }
}
