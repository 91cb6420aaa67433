package io.sib2ae.orchestrator.monitoring;

import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.run.ScoreRun;

/** Something that follows scores as they progress: the log, JMX, a terminal progress bar. */
public interface ScoreProgressListener {

    default void started(ScoreRun run) {
    }

    default void noteFinished(ScoreRun run, int done) {
    }

    default void finished(ScoreRun run, ScoreStatus status) {
    }
}
