package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.rendering.AudioRenderer;
import io.sib2ae.orchestrator.rendering.NoteMidiSpec;
import io.sib2ae.orchestrator.rendering.SynthesizerPool;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;

/**
 * Opens the synthesizers and reads the SoundFont's samples in the background while Camel starts
 * and the first score is read, and renders a few notes nobody keeps: cold, the first notes of a
 * score render four times slower, until the JIT has compiled Gervill's inner loops.
 */
@Configuration
public class SynthesizerWarmUp implements CamelConfiguration {

    private static final int WARM_UP_NOTES = 60;

    @BeanInject("synthesizerPool")
    private SynthesizerPool pool;
    @BeanInject("audioRenderer")
    private AudioRenderer renderer;

    @Override
    public void configure(CamelContext context) {
        // Gervill touches java.util.prefs on first open, which registers a shutdown hook; doing
        // that now, not during a SIGTERM, keeps a stop from failing the first renders.
        java.util.prefs.Preferences.userRoot();
        Thread warmUp = new Thread(this::warmUp, "synthesizer-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private void warmUp() {
        pool.warmUp();
        for (int i = 0; i < WARM_UP_NOTES; i++) {
            try {
                renderer.render(NoteMidiSpec.of(48 + i % 36, 80, 0, 0, 120, 0.2));
            } catch (RuntimeException e) {
                return; // a broken SoundFont shows on the real notes, where the breaker sees it; so does a closed pool
            }
        }
    }
}
