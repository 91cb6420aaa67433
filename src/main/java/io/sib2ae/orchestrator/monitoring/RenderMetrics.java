package io.sib2ae.orchestrator.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sib2ae.orchestrator.rendering.RenderObserver;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Publishes rendering to Micrometer, and so to Prometheus at {@code /observe/metrics}: a
 * counter of rendered notes (its rate is notes per second) and a render latency timer.
 */
public final class RenderMetrics implements RenderObserver {

    private final Supplier<MeterRegistry> registry;
    private volatile Counter rendered;
    private volatile Counter failed;
    private volatile Timer latency;

    public RenderMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void rendered(Duration took) {
        if (meters()) {
            rendered.increment();
            latency.record(took);
        }
    }

    @Override
    public void failed() {
        if (meters()) {
            failed.increment();
        }
    }

    /** The registry appears once Camel's metrics support has started; until then nothing is recorded. */
    private boolean meters() {
        if (latency != null) {
            return true;
        }
        MeterRegistry found = registry.get();
        if (found == null) {
            return false;
        }
        synchronized (this) {
            if (latency == null) {
                rendered = Counter.builder("sib2ae.notes.rendered").description("Notes rendered to audio").register(found);
                failed = Counter.builder("sib2ae.notes.render.failed").description("Notes whose audio failed").register(found);
                latency = Timer.builder("sib2ae.render.latency").description("Time to render one note's audio")
                        .publishPercentiles(0.5, 0.95, 0.99).register(found);
            }
        }
        return true;
    }
}
