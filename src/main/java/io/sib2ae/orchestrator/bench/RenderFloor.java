package io.sib2ae.orchestrator.bench;

import io.sib2ae.orchestrator.rendering.AudioRenderer;
import io.sib2ae.orchestrator.rendering.KeyframeExtractor;
import io.sib2ae.orchestrator.rendering.KeyframeRequest;
import io.sib2ae.orchestrator.rendering.RenderedAudio;
import io.sib2ae.orchestrator.rendering.SoundFontChoice;
import io.sib2ae.orchestrator.rendering.SoundFontLocator;
import io.sib2ae.orchestrator.rendering.SynthesizerPool;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The physical floor of audio rendering: the per-note MIDI files an application run wrote, rendered
 * by the application's own {@link AudioRenderer} on one pooled synthesizer per thread in a tight
 * loop, with no Camel, no manifests, no keyframes, and the audio thrown away.
 *
 * <p>{@code RenderFloor --midi-dir DIR [--soundfont SF2] [--threads N] [--passes P] [--with-keyframes true]}.
 * With keyframes, each note's audio is also analysed (in memory, nothing written), for a floor of
 * "audio and keyframes" rather than audio alone. The first pass
 * is cold (it pays for loading every program's samples into each synthesizer, as the application
 * does); later passes are warm and show the cost of synthesis alone. Results are printed as
 * {@code floor.key=value} lines for scripts.
 */
public final class RenderFloor {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RenderFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path midiDir = null;
        Path soundFont = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int passes = 2;
        boolean withKeyframes = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--midi-dir" -> midiDir = Path.of(args[i + 1]);
                case "--soundfont" -> soundFont = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--passes" -> passes = Integer.parseInt(args[i + 1]);
                case "--with-keyframes" -> withKeyframes = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (midiDir == null) {
            System.err.println("usage: RenderFloor --midi-dir DIR [--soundfont SF2] [--threads N] [--passes P]"
                    + " [--with-keyframes true]");
            System.exit(2);
        }
        if (soundFont == null && !System.getProperty("sib2ae.audio.soundfont", "").isBlank()) {
            soundFont = Path.of(System.getProperty("sib2ae.audio.soundfont"));
        }

        // Parsing the MIDI files is input preparation, not rendering: done before the clock starts.
        List<Sequence> notes = new ArrayList<>();
        try (Stream<Path> files = Files.list(midiDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".mid")).sorted().toList()) {
                notes.add(MidiSystem.getSequence(file.toFile()));
            }
        }
        print("notes", notes.size());
        print("with_keyframes", withKeyframes);
        print("threads", threads);
        print("jvm_start_to_main_ms", ManagementFactory.getRuntimeMXBean().getUptime());

        long t0 = System.nanoTime();
        SoundFontChoice choice = new SoundFontLocator().locate(soundFont);
        SynthesizerPool pool = new SynthesizerPool(choice, SynthesizerPool.Settings.defaults().withSize(threads));
        SoundFontLocator.SoundFontException unreadable = pool.loadNow();
        if (unreadable != null) {
            throw unreadable;
        }
        AudioRenderer renderer = new AudioRenderer(pool);
        KeyframeExtractor keyframes = withKeyframes ? new KeyframeExtractor() : null;
        KeyframeRequest request = new KeyframeRequest(KeyframeRequest.DEFAULT_FPS, "00000000-0000-5000-8000-000000000000",
                "C4", "floor", 80, 120, 0, "floor.wav");
        long loaded = System.nanoTime();
        print("soundfont", choice.description());
        print("soundfont_load_ms", ms(loaded - t0));

        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            for (int pass = 1; pass <= passes; pass++) {
                AtomicInteger next = new AtomicInteger();
                AtomicLong frames = new AtomicLong();
                AtomicLong cpuNanos = new AtomicLong();
                long start = System.nanoTime();
                long processCpuStart = processCpuMillis();
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(executor.submit(() -> {
                        long cpuStart = THREADS.getCurrentThreadCpuTime();
                        for (int i = next.getAndIncrement(); i < notes.size(); i = next.getAndIncrement()) {
                            RenderedAudio audio = renderer.render(notes.get(i));
                            frames.addAndGet(audio.frames());
                            if (keyframes != null) {
                                keyframes.extract(audio, request); // analysed in memory, written nowhere
                            }
                        }
                        cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
                long took = System.nanoTime() - start;
                String label = pass == 1 ? "cold" : "warm" + (pass - 1);
                print("pass_" + label + "_ms", ms(took));
                print("pass_" + label + "_cpu_ms", ms(cpuNanos.get()));
                // The whole JVM's CPU over the pass (JIT and GC included), as a service's would be counted.
                print("pass_" + label + "_process_cpu_ms", processCpuMillis() - processCpuStart);
                print("pass_" + label + "_notes_per_s", String.format(Locale.ROOT, "%.1f", notes.size() / (took / 1e9)));
                print("pass_" + label + "_audio_seconds", String.format(Locale.ROOT, "%.1f",
                        frames.get() / (double) pool.format().getSampleRate()));
                if (pass == 1) {
                    // Whole-process figures at the end of the cold pass, comparable to one application run.
                    print("load_plus_cold_ms", ms(System.nanoTime() - t0));
                    print("cold_end_uptime_ms", ManagementFactory.getRuntimeMXBean().getUptime());
                    print("cold_end_process_cpu_ms", processCpuMillis());
                }
            }
        } finally {
            executor.shutdown();
            pool.close();
        }
        Runtime rt = Runtime.getRuntime();
        print("heap_used_mb_at_end", (rt.totalMemory() - rt.freeMemory()) >> 20);
        print("jvm_uptime_ms", ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** CPU time of the whole JVM (all threads, JIT and GC included), or -1 where the JDK cannot tell. */
    static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static void print(String key, Object value) {
        System.out.println("floor." + key + "=" + value);
    }
}
