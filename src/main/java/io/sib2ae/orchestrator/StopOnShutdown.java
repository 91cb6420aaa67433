package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.run.StopSignal;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * Raises the {@link StopSignal} as Camel begins to stop (SIGTERM, Ctrl-C, the end of a one-shot
 * run): before the graceful shutdown waits for the exchanges in flight, so that a score's
 * remaining notes are abandoned at once instead of being waited for.
 */
public final class StopOnShutdown extends SimpleEventNotifierSupport {

    private final StopSignal signal;

    public StopOnShutdown(StopSignal signal) {
        this.signal = signal;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        signal.request();
    }
}
