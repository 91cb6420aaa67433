package io.sib2ae.orchestrator;

import io.micrometer.core.instrument.MeterRegistry;
import io.sib2ae.orchestrator.chaining.AssetDelivery;
import io.sib2ae.orchestrator.chaining.CompletionEvents;
import io.sib2ae.orchestrator.coordination.MidiFileReader;
import io.sib2ae.orchestrator.coordination.MusicXmlReader;
import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.coordination.NoteHops;
import io.sib2ae.orchestrator.coordination.ScoreProcessor;
import io.sib2ae.orchestrator.intake.Folders;
import io.sib2ae.orchestrator.intake.MxlArchive;
import io.sib2ae.orchestrator.intake.ScoreInputReader;
import io.sib2ae.orchestrator.intake.ScoreSetAggregation;
import io.sib2ae.orchestrator.intake.Submissions;
import io.sib2ae.orchestrator.intake.WorkArea;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.monitoring.FoldersWritableCheck;
import io.sib2ae.orchestrator.monitoring.ProgressReporter;
import io.sib2ae.orchestrator.monitoring.RenderMetrics;
import io.sib2ae.orchestrator.monitoring.ScoreMBeans;
import io.sib2ae.orchestrator.notehead.NoteheadHop;
import io.sib2ae.orchestrator.rendering.AudioHop;
import io.sib2ae.orchestrator.rendering.AudioRenderer;
import io.sib2ae.orchestrator.rendering.KeyframeExtractor;
import io.sib2ae.orchestrator.rendering.KeyframesHop;
import io.sib2ae.orchestrator.rendering.MidiHop;
import io.sib2ae.orchestrator.rendering.NoteMidiSpec;
import io.sib2ae.orchestrator.rendering.SoundFontChoice;
import io.sib2ae.orchestrator.rendering.SoundFontLocator;
import io.sib2ae.orchestrator.rendering.SynthesizerPool;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import javax.sound.sampled.AudioFormat;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * Builds every bean of the orchestrator once, from {@code config/application.properties}.
 * Routes refer to these beans by name; none of them knows about Camel routes.
 */
@Configuration
public class OrchestratorConfiguration implements CamelConfiguration, CamelContextAware {

    @PropertyInject("sib2ae.inbox")
    private String inbox;
    @PropertyInject("sib2ae.output")
    private String output;
    @PropertyInject("sib2ae.archive")
    private String archive;
    @PropertyInject("sib2ae.failed")
    private String failed;
    @PropertyInject("sib2ae.work")
    private String work;
    @PropertyInject("sib2ae.limits.max-notes")
    private int maxNotes;
    @PropertyInject("sib2ae.limits.max-file-bytes")
    private long maxFileBytes;
    @PropertyInject("sib2ae.limits.max-uncompressed-bytes")
    private long maxUncompressedBytes;
    @PropertyInject("sib2ae.limits.max-compression-ratio")
    private int maxCompressionRatio;
    @PropertyInject("sib2ae.limits.max-midi-tracks")
    private int maxMidiTracks;
    @PropertyInject("sib2ae.limits.max-midi-seconds")
    private double maxMidiSeconds;
    @PropertyInject("sib2ae.workers")
    private int workers;
    @PropertyInject("sib2ae.audio.synthesizers")
    private int synthesizers;
    @PropertyInject("sib2ae.intake.quiet-period-ms")
    private long quietPeriodMs;
    @PropertyInject("sib2ae.intake.read-lock-min-age-ms")
    private long readLockMinAgeMs;
    @PropertyInject("sib2ae.intake.read-lock-check-interval-ms")
    private long readLockCheckIntervalMs;
    @PropertyInject("sib2ae.intake.poll-delay-ms")
    private long pollDelayMs;

    @PropertyInject(value = "sib2ae.audio.soundfont", defaultValue = "")
    private String soundFont;
    @PropertyInject("sib2ae.audio.max-tail-seconds")
    private double maxTailSeconds;
    @PropertyInject("sib2ae.audio.render-timeout-ms")
    private long renderTimeoutMs;
    @PropertyInject("sib2ae.audio.sample-rate")
    private float sampleRate;
    @PropertyInject("sib2ae.audio.channels")
    private int audioChannels;
    @PropertyInject("sib2ae.keyframes.fps")
    private double fps;

    private CamelContext camelContext;
    private Folders folders;
    private ManifestStore manifestStore;
    private WorkArea workArea;
    private ProgressReporter progressReporter;

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @BindToRegistry("folders")
    public Folders folders() {
        if (folders == null) {
            folders = Folders.of(inbox, output, archive, failed, work);
        }
        return folders;
    }

    @BindToRegistry("manifestStore")
    public ManifestStore manifestStore() {
        if (manifestStore == null) {
            manifestStore = new ManifestStore();
        }
        return manifestStore;
    }

    @BindToRegistry("workArea")
    public WorkArea workArea() {
        if (workArea == null) {
            workArea = new WorkArea(folders());
        }
        return workArea;
    }

    @BindToRegistry("progressReporter")
    public ProgressReporter progressReporter() {
        if (progressReporter == null) {
            progressReporter = new ProgressReporter(manifestStore());
            progressReporter.addListener(new ScoreMBeans(this::audioBreakerState));
        }
        return progressReporter;
    }

    @BindToRegistry("completionEvents")
    public CompletionEvents completionEvents() {
        return new CompletionEvents();
    }

    @BindToRegistry("assetDelivery")
    public AssetDelivery assetDelivery() {
        return new AssetDelivery();
    }

    /**
     * Start-up: refuse a management server open to the network unless asked for, register the
     * readiness check, and put back into the inbox whatever a crash left in the work folder.
     */
    @Override
    public void configure(CamelContext context) throws Exception {
        String host = context.getPropertiesComponent().resolveProperty("camel.management.host").orElse("127.0.0.1");
        boolean allowRemote = context.getPropertiesComponent().resolveProperty("sib2ae.management.allow-remote")
                .map(Boolean::parseBoolean).orElse(false);
        if (!isLoopback(host) && !allowRemote) {
            throw new IllegalStateException("The management server would listen on " + host
                    + ", which is not a loopback address; set sib2ae.management.allow-remote=true to allow it");
        }
        // A quiet period shorter than it takes the read lock to release the next file of the
        // same score would close the score without it.
        long settle = readLockMinAgeMs + 2 * readLockCheckIntervalMs + pollDelayMs;
        if (quietPeriodMs < settle) {
            throw new IllegalStateException("sib2ae.intake.quiet-period-ms (" + quietPeriodMs + ") must be at least "
                    + settle + " ms: read-lock-min-age + 2 x read-lock-check-interval + poll-delay");
        }
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(new FoldersWritableCheck(folders()));
        }
        context.addStartupListener((started, alreadyStarted) -> {
            int recovered = workArea().recover();
            if (recovered > 0) {
                org.slf4j.LoggerFactory.getLogger("sib2ae.recovery")
                        .info("Resuming {} input file(s) left in {} by an earlier run", recovered, folders().work());
            }
        });
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /** The audio breaker's state for JMX, looked up by its route id. */
    private String audioBreakerState() {
        ResilienceProcessor breaker = camelContext.getProcessor("audio-breaker", ResilienceProcessor.class);
        return breaker == null ? "UNKNOWN" : breaker.getCircuitBreakerState();
    }

    @BindToRegistry("scoreProcessor")
    public ScoreProcessor scoreProcessor() {
        ScoreInputReader inputs = new ScoreInputReader(maxFileBytes, new MxlArchive(maxUncompressedBytes, maxCompressionRatio));
        NoteCoordinator coordinator = new NoteCoordinator(new MusicXmlReader(maxNotes), new MidiFileReader(maxMidiTracks, maxMidiSeconds));
        return new ScoreProcessor(inputs, coordinator, manifestStore(), workArea(), folders().output());
    }

    @BindToRegistry("noteHops")
    public NoteHops noteHops() {
        return new NoteHops(manifestStore(), progressReporter());
    }

    @BindToRegistry("midiHop")
    public MidiHop midiHop() {
        return new MidiHop();
    }

    /** One synthesizer per note worker: Gervill is expensive to open and is reused note after note. */
    @BindToRegistry("audioHop")
    public AudioHop audioHop() {
        SoundFontChoice choice = new SoundFontLocator().locate(soundFont == null || soundFont.isBlank() ? null : Path.of(soundFont));
        int size = synthesizers > 0 ? synthesizers : Runtime.getRuntime().availableProcessors();
        SynthesizerPool.Settings settings = SynthesizerPool.Settings.defaults().withSize(size)
                .withFormat(new AudioFormat(sampleRate, 16, audioChannels, true, false));
        SynthesizerPool pool = new SynthesizerPool(choice, settings);
        AudioRenderer renderer = new AudioRenderer(pool, AudioRenderer.Settings.defaults().withMaxTailSeconds(maxTailSeconds)
                .withTimeoutSeconds(renderTimeoutMs / 1000.0));
        // Gervill touches java.util.prefs on first open, which registers a shutdown hook; doing
        // that now, not during a SIGTERM, keeps a stop from failing the first renders.
        java.util.prefs.Preferences.userRoot();
        // Opening the synthesizers and reading the SoundFont's samples takes seconds; do it in the
        // background while Camel starts and the first score is read, not on the first notes.
        Thread warmUp = new Thread(() -> {
            pool.warmUp();
            warmUpRendering(renderer);
        }, "synthesizer-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
        RenderMetrics metrics = new RenderMetrics(() -> camelContext.getRegistry().findSingleByType(MeterRegistry.class));
        return new AudioHop(renderer, choice.description(), metrics);
    }

    /**
     * Renders a few short notes nobody keeps, so that the JIT has compiled Gervill's inner loops
     * before the first score arrives: cold, the first notes render four times slower.
     */
    private static void warmUpRendering(AudioRenderer renderer) {
        for (int i = 0; i < WARM_UP_NOTES; i++) {
            try {
                renderer.render(NoteMidiSpec.of(48 + i % 36, 80, 0, 0, 120, 0.2));
            } catch (RuntimeException e) {
                return; // a broken SoundFont shows on the real notes, where the breaker sees it
            }
        }
    }

    private static final int WARM_UP_NOTES = 60;

    @BindToRegistry("keyframesHop")
    public KeyframesHop keyframesHop() {
        return new KeyframesHop(new KeyframeExtractor(), fps);
    }

    @BindToRegistry("noteheadHop")
    public NoteheadHop noteheadHop() {
        return new NoteheadHop();
    }

    @BindToRegistry("scoreSetAggregation")
    public ScoreSetAggregation scoreSetAggregation() {
        return new ScoreSetAggregation();
    }

    @BindToRegistry("submissions")
    public Submissions submissions() {
        return new Submissions();
    }

    /** The bounded pool the per-note splitter runs on: one worker per core unless configured. */
    @BindToRegistry("noteWorkers")
    public ExecutorService noteWorkers() {
        // Twice the cores: while one worker's note waits for a synthesizer, another analyses keyframes.
        int size = workers > 0 ? workers : 2 * Runtime.getRuntime().availableProcessors();
        return camelContext.getExecutorServiceManager().newFixedThreadPool(this, "note-worker", size);
    }
}
