package io.sib2ae.orchestrator.e2e;

import static io.sib2ae.orchestrator.e2e.ServiceEndToEndTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sib2ae.orchestrator.TestData;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty scores dropped at once all complete, with no more scores in work at one time than
 * configured and the heap bounded. The figures are printed for the closing note; the
 * assertions are about behaviour, not speed.
 */
class LoadEndToEndTest {

    private static final int SCORES = 20;
    private static final int IN_FLIGHT = 2;

    @TempDir
    Path root;

    @Test
    void twentyScoresDroppedAtOnceAllCompleteWithBoundedScoresInFlight() throws Exception {
        // Small real scores keep the suite quick; the larger ones are the benchmark's business.
        String[][] sources = {
            {"sib2ae/SS 9.musicxml", "sib2ae/SS 9.mid", "sib2ae/SS 9.svg"},
            {"sib2ae/SS 9.musicxml", "sib2ae/SS 9.mid", null},
            {"sib2ae/SS 9.musicxml", null, null},
            {"scores/Saltarello.mxl", "scores/Saltarello.mid", null},
        };
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicLong peakHeap = new AtomicLong();
        try (RunningService service = RunningService.start(root, Map.of("sib2ae.scores.in-flight", String.valueOf(IN_FLIGHT),
                "sib2ae.audio.soundfont", soundFontForSpeed()))) {
            long started = System.nanoTime();
            List<Path> indexes = new ArrayList<>();
            for (int i = 0; i < SCORES; i++) {
                String[] source = sources[i % sources.length];
                String name = String.format("load-%02d", i);
                for (String file : source) {
                    if (file != null) {
                        String extension = file.substring(file.lastIndexOf('.'));
                        service.drop(TestData.file(file), name + extension);
                    }
                }
                indexes.add(service.output().resolve(name).resolve("manifest.json"));
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                int processing = 0;
                for (ObjectName score : jmx.queryNames(new ObjectName("io.sib2ae:type=Scores,name=\"load-*\""), null)) {
                    processing += "processing".equals(jmx.getAttribute(score, "Status")) ? 1 : 0;
                }
                mostInFlight.accumulateAndGet(processing, Math::max);
                peakHeap.accumulateAndGet(liveHeapAfterGc(), Math::max);
                return indexes.stream().allMatch(index -> status(index).equals("completed"));
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            int notes = 0;
            for (ObjectName score : jmx.queryNames(new ObjectName("io.sib2ae:type=Scores,name=\"load-*\""), null)) {
                notes += (Integer) jmx.getAttribute(score, "NotesTotal");
            }
            System.out.printf("LOAD: %d scores, %d notes in %.1f s = %.0f notes/s, at most %d in flight, peak live heap after GC %d MiB%n",
                    SCORES, notes, seconds, notes / seconds, mostInFlight.get(), peakHeap.get() >> 20);
            assertThat(mostInFlight.get()).isBetween(1, IN_FLIGHT);
            assertThat(peakHeap.get()).isLessThan(512L << 20);
        }
    }

    /**
     * Heap still in use after the last collection of each pool: the live set. Plain "used" heap
     * includes garbage not yet collected, which says how lazy the collector is, not how big the
     * service grows.
     */
    private static long liveHeapAfterGc() {
        long live = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

    private static String soundFontForSpeed() {
        Path small = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");
        return java.nio.file.Files.isRegularFile(small) ? small.toString() : "";
    }
}
