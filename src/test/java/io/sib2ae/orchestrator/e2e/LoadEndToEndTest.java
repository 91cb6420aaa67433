package io.sib2ae.orchestrator.e2e;

import static io.sib2ae.orchestrator.e2e.ServiceEndToEndTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sib2ae.orchestrator.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty scores dropped at once all complete in a service whose heap is capped, with no more
 * scores in work at one time than configured. The service runs in a child JVM of its own, so
 * the heap bound is the service's and not the test suite's. Figures are printed for the
 * closing note; the assertions are about behaviour, not speed.
 */
class LoadEndToEndTest {

    private static final int SCORES = 20;
    private static final int IN_FLIGHT = 2;
    private static final String HEAP = "384m";

    @TempDir
    Path root;

    @Test
    void twentyScoresDroppedAtOnceAllCompleteInABoundedHeapWithBoundedScoresInFlight() throws Exception {
        // Small real scores keep the suite quick; the large ones are the benchmark's business.
        String[][] sources = {
            {"sib2ae/SS 9.musicxml", "sib2ae/SS 9.mid", "sib2ae/SS 9.svg"},
            {"sib2ae/SS 9.musicxml", "sib2ae/SS 9.mid", null},
            {"sib2ae/SS 9.musicxml", null, null},
            {"scores/Saltarello.mxl", "scores/Saltarello.mid", null},
        };
        Files.createDirectories(root.resolve("inbox"));
        ChildService service = ChildService.start(root, 1, HEAP, Map.of("sib2ae.scores.in-flight", String.valueOf(IN_FLIGHT)));
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> service.started());
            Path staging = Files.createDirectories(root.resolve("staging"));
            List<Path> staged = new ArrayList<>();
            List<Path> indexes = new ArrayList<>();
            for (int i = 0; i < SCORES; i++) {
                String name = String.format("load-%02d", i);
                for (String file : sources[i % sources.length]) {
                    if (file != null) {
                        staged.add(Files.copy(TestData.file(file), staging.resolve(name + file.substring(file.lastIndexOf('.')))));
                    }
                }
                indexes.add(root.resolve("output").resolve(name).resolve("manifest.json"));
            }
            long started = System.nanoTime();
            for (Path file : staged) {
                Files.move(file, root.resolve("inbox").resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(
                    () -> indexes.stream().allMatch(index -> status(index).equals("completed")) || !service.alive());
            double seconds = (System.nanoTime() - started) / 1e9;
            String log = Files.readString(service.log(), StandardCharsets.ISO_8859_1);
            assertThat(service.alive()).as("the service survived the load").isTrue();
            assertThat(log).doesNotContain("OutOfMemoryError");
            assertThat(indexes).allSatisfy(index -> assertThat(status(index)).isEqualTo("completed"));
            int notes = 0;
            Matcher total = Pattern.compile("Score 'load-\\d+' completed: (\\d+) notes").matcher(log);
            while (total.find()) {
                notes += Integer.parseInt(total.group(1));
            }
            int mostInFlight = mostScoresInWorkAtOnce(log);
            System.out.printf("LOAD: %d scores, %d notes in %.1f s = %.0f notes/s, at most %d scores in flight, heap capped at %s%n",
                    SCORES, notes, seconds, notes / seconds, mostInFlight, HEAP);
            assertThat(mostInFlight).isBetween(1, IN_FLIGHT);
        } finally {
            service.kill();
        }
    }

    /** Replays the service's start and end lines to find the most scores that were in work together. */
    private static int mostScoresInWorkAtOnce(String log) throws IOException {
        Matcher line = Pattern.compile("Score 'load-\\d+' (started|completed|completed_with_failures|failed)").matcher(log);
        int current = 0;
        int most = 0;
        while (line.find()) {
            current += line.group(1).equals("started") ? 1 : -1;
            most = Math.max(most, current);
        }
        return most;
    }
}
