package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.manifest.Sha256;
import io.sib2ae.orchestrator.rendering.AudioRenderer;
import io.sib2ae.orchestrator.rendering.KeyframeExtractor;
import io.sib2ae.orchestrator.rendering.NoteRehearsal;
import io.sib2ae.orchestrator.rendering.SynthesizerPool;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the synthesizers and reads the SoundFont in the background while Camel starts and the
 * first score is read, then rehearses the per-note work on made-up notes nobody keeps
 * ({@link NoteRehearsal}): cold, the first notes of a score render several times slower, until the
 * JIT has compiled Gervill's inner loops, the keyframe analysis and the writers. It also loads
 * the native SHA-256 the files' checksums come from ({@link Sha256}).
 */
@Configuration
public class SynthesizerWarmUp implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SynthesizerWarmUp.class);

    /**
     * Enough notes for the JIT's optimising compiler to take the synthesis and analysis loops (a
     * note of the rehearsal runs some thousands of their iterations); the rehearsal stops earlier
     * once the first real note waits for a synthesizer.
     */
    private static final int REHEARSED_NOTES = 60;

    @BeanInject("synthesizerPool")
    private SynthesizerPool pool;
    @BeanInject("audioRenderer")
    private AudioRenderer renderer;
    @PropertyInject("sib2ae.keyframes.fps")
    private double fps;

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
        // Configuring NSS for the files' checksums takes some 70 ms: here, not before a note's first WAV.
        LOG.info("SHA-256 of written files from {}", Sha256.source());
        try {
            new NoteRehearsal(renderer, new KeyframeExtractor(), fps).rehearse(REHEARSED_NOTES);
        } catch (RuntimeException e) {
            // a broken SoundFont shows on the real notes, where the breaker sees it; so does a closed pool
        }
    }
}
