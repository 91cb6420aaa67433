package io.sib2ae.orchestrator.rendering;

import java.time.Duration;

/** Told about every audio render, so that monitoring can count and time them. */
public interface RenderObserver {

    RenderObserver NONE = new RenderObserver() {
        @Override
        public void rendered(Duration took) {
        }

        @Override
        public void failed() {
        }
    };

    void rendered(Duration took);

    void failed();
}
