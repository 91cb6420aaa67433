package io.sib2ae.orchestrator;

import io.micrometer.core.instrument.MeterRegistry;
import io.sib2ae.orchestrator.glyphs.PageRaster;
import io.sib2ae.orchestrator.monitoring.RenderMetrics;
import io.sib2ae.orchestrator.notehead.NoteheadHop;
import io.sib2ae.orchestrator.rendering.AudioHop;
import io.sib2ae.orchestrator.rendering.AudioRenderer;
import io.sib2ae.orchestrator.rendering.KeyframeExtractor;
import io.sib2ae.orchestrator.rendering.KeyframesHop;
import io.sib2ae.orchestrator.rendering.MidiHop;
import io.sib2ae.orchestrator.rendering.SoundFontChoice;
import io.sib2ae.orchestrator.rendering.SoundFontLocator;
import io.sib2ae.orchestrator.rendering.SynthesizerPool;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/**
 * The beans of the per-note hops: the SoundFont, the pool of synthesizers (closed when Camel
 * stops), the renderer, and the MIDI, audio, keyframes and notehead hops.
 */
@Configuration
public class HopConfiguration implements CamelConfiguration {

    /** {@code sib2ae.audio.soundfont} when set, else the first General MIDI SoundFont found, else Gervill's own. */
    @BindToRegistry("soundFontChoice")
    public SoundFontChoice soundFontChoice(@PropertyInject(value = "sib2ae.audio.soundfont", defaultValue = "") String soundFont) {
        return new SoundFontLocator().locate(soundFont == null || soundFont.isBlank() ? null : Path.of(soundFont));
    }

    /** One synthesizer per core unless configured: Gervill is expensive to open and is reused note after note. */
    @BindToRegistry(value = "synthesizerPool", lazy = true, destroyMethod = "close")
    public SynthesizerPool synthesizerPool(SoundFontChoice soundFont,
                                           @PropertyInject("sib2ae.audio.synthesizers") int synthesizers,
                                           @PropertyInject("sib2ae.audio.sample-rate") float sampleRate,
                                           @PropertyInject("sib2ae.audio.channels") int channels) {
        int size = synthesizers > 0 ? synthesizers : Runtime.getRuntime().availableProcessors();
        return new SynthesizerPool(soundFont, SynthesizerPool.Settings.defaults().withSize(size)
                .withFormat(new AudioFormat(sampleRate, 16, channels, true, false)));
    }

    @BindToRegistry(value = "audioRenderer", lazy = true)
    public AudioRenderer audioRenderer(SynthesizerPool pool, @PropertyInject("sib2ae.audio.max-tail-seconds") double maxTailSeconds,
                                       @PropertyInject("sib2ae.audio.render-timeout-ms") long renderTimeoutMs) {
        return new AudioRenderer(pool, AudioRenderer.Settings.defaults().withMaxTailSeconds(maxTailSeconds)
                .withTimeoutSeconds(renderTimeoutMs / 1000.0));
    }

    @BindToRegistry("midiHop")
    public MidiHop midiHop() {
        return new MidiHop();
    }

    @BindToRegistry(value = "audioHop", lazy = true)
    public AudioHop audioHop(AudioRenderer renderer, SoundFontChoice soundFont, CamelContext context) {
        // Micrometer's registry is made by Camel's metrics support after the beans: looked up when first used.
        RenderMetrics metrics = new RenderMetrics(() -> context.getRegistry().findSingleByType(MeterRegistry.class));
        return new AudioHop(renderer, soundFont.description(), metrics);
    }

    @BindToRegistry("keyframesHop")
    public KeyframesHop keyframesHop(@PropertyInject("sib2ae.keyframes.fps") double fps) {
        return new KeyframesHop(new KeyframeExtractor(), fps);
    }

    @BindToRegistry("noteheadHop")
    public NoteheadHop noteheadHop(@PropertyInject(value = "sib2ae.svg.page-png-width", defaultValue = "3840") int pagePngWidth) {
        return new NoteheadHop(new PageRaster(pagePngWidth));
    }
}
