package io.sib2ae.orchestrator;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.sib2ae.orchestrator.manifest.Sha256;
import io.sib2ae.orchestrator.rendering.AudioRenderer;
import io.sib2ae.orchestrator.rendering.KeyframeExtractor;
import io.sib2ae.orchestrator.rendering.NoteRehearsal;
import io.sib2ae.orchestrator.rendering.SynthesizerPool;
import java.lang.management.ManagementFactory;
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
 * JIT has compiled Gervill's inner loops, the keyframe analysis and the writers (C2's compilations:
 * under C1 alone there is no rehearsal, see {@link #rehearsedNotes}). It also loads
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
        int notes = rehearsedNotes(tieredStopAtLevel());
        try {
            new NoteRehearsal(renderer, new KeyframeExtractor(), fps).rehearse(notes);
        } catch (RuntimeException e) {
            // a broken SoundFont shows on the real notes, where the breaker sees it; so does a closed pool
        }
    }

    /**
     * How many made-up notes to rehearse under a JIT that stops at {@code tieredStopAtLevel}: none
     * when it stops before C2 (as {@code bin/sib2ae process} does). C1 compiles a method after a
     * few hundred calls in a fraction of a millisecond, so the first real notes compile the path as
     * soon as made-up ones would, and the rehearsal's renders were pure cost: without them a cold
     * one-shot of ActorPreludeSample took 0.94x the wall time and 0.93x the CPU (five alternating pairs).
     */
    static int rehearsedNotes(String tieredStopAtLevel) {
        try {
            return tieredStopAtLevel != null && Integer.parseInt(tieredStopAtLevel.trim()) < 4 ? 0 : REHEARSED_NOTES;
        } catch (NumberFormatException e) {
            return REHEARSED_NOTES;
        }
    }

    /** This JVM's -XX:TieredStopAtLevel, or null where the JVM has no such option. */
    private static String tieredStopAtLevel() {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("TieredStopAtLevel").getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
