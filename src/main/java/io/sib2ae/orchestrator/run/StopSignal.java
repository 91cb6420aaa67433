package io.sib2ae.orchestrator.run;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Says that the service is stopping, so that the notes of a score in work are abandoned rather
 * than rendered: a stop then takes as long as the hops already running, not the rest of the
 * score. An abandoned note keeps its manifest as predicted (nothing recorded as done), and the
 * score's inputs stay in the work folder, so the next start resumes exactly the notes not done.
 */
public final class StopSignal {

    private final AtomicBoolean requested = new AtomicBoolean();

    /** Asks every score in work to stop taking notes; true the first time only. */
    public boolean request() {
        return requested.compareAndSet(false, true);
    }

    public boolean requested() {
        return requested.get();
    }
}
