package io.sib2ae.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person reads when the real service starts and stops, in a child JVM with the logging
 * configuration the jar ships (nothing set on the command line): a short start-up, a time on every
 * line, the management server's true address, and a quick, quiet stop.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServiceLogTest {

    /** yyyy-MM-dd HH:mm:ss.SSS [thread] LEVEL logger - message */
    private static final String STAMPED = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\[[^\\]]+\\] (INFO|WARN|ERROR) \\S+ - .*";
    private static final String STARTED = ChildService.STARTED;

    @TempDir
    Path root;

    private ChildService child;

    @AfterEach
    void stop() throws InterruptedException {
        if (child != null && child.alive()) {
            child.kill();
        }
    }

    @Test
    void startUpIsAboutADozenStampedLinesWithTheTrueManagementAddressAndAStopIsQuickAndQuiet() throws Exception {
        int port = freePort();
        child = ChildService.start(root, 1, "512m", Map.of("camel.management.enabled", "true",
                "sib2ae.management.port", String.valueOf(port)));
        await("service started").atMost(Duration.ofSeconds(120)).failFast("service exited", () -> !child.alive())
                .until(() -> child.logged(STARTED));

        List<String> lines = lines(child.log());
        List<String> startUp = lines.subList(0, indexOf(lines, STARTED) + 1);
        assertThat(startUp).as("start-up at INFO").hasSizeLessThanOrEqualTo(15).allMatch(line -> line.matches(STAMPED));
        assertThat(startUp).anyMatch(line -> line.endsWith("Management server on http://127.0.0.1:" + port
                + "/observe/ (health, info, metrics, jolokia)"));
        assertThat(lines).noneMatch(line -> line.contains("0.0.0.0"));

        Duration stop = child.terminate(Duration.ofSeconds(30));
        assertThat(stop).as("an idle service stops on SIGTERM within 5 s").isNotNull()
                .isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(lines(child.log())).as("every line of the whole run stamped: no stack trace")
                .allMatch(line -> line.matches(STAMPED));
    }

    static List<String> lines(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
