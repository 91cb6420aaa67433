package io.sib2ae.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sib2ae.orchestrator.ShadedJar;
import io.sib2ae.orchestrator.TestData;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, {@code java -jar target/sib2ae-orchestrator.jar}, on the packaged jar:
 * in an empty working directory (so the built-in defaults and folders apply), with only the
 * management port moved to a free one. A score dropped into its inbox completes, health says UP,
 * and SIGTERM stops it.
 */
class ServiceJarIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path root;

    @Test
    void theJarAsTheReadmeRunsItProcessesADroppedScoreAndStopsOnSigterm() throws Exception {
        Path workingDirectory = Files.createDirectories(root.resolve("cwd"));
        Path logs = root.resolve("logs");
        int port = freePort();
        Process service = ShadedJar.start(workingDirectory, logs, List.of("-Dsib2ae.management.port=" + port));
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> health(port).contains("UP"));
            Path inbox = workingDirectory.resolve("inbox");
            assertThat(inbox).as("the service makes its inbox under the working directory").isDirectory();
            for (String file : List.of("SS 9.musicxml", "SS 9.mid", "SS 9.svg")) {
                Files.copy(TestData.file("sib2ae/" + file), inbox.resolve(file));
            }

            Path index = workingDirectory.resolve("output").resolve("SS 9").resolve("manifest.json");
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .until(() -> ServiceEndToEndTest.status(index).startsWith("completed"));
            assertThat(ServiceEndToEndTest.status(index)).as(ShadedJar.read(logs.resolve("stderr.txt"))).isEqualTo("completed");
            assertThat(health(port)).contains("UP");
        } finally {
            service.destroy(); // SIGTERM
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        // Camel's graceful shutdown ran: the JVM ended by the signal (128 + 15), not by a kill.
        assertThat(service.exitValue()).as(ShadedJar.read(logs.resolve("stderr.txt"))).isEqualTo(143);
        assertThat(ShadedJar.read(logs.resolve("stderr.txt"))).contains("shutdown");
    }

    private static String health(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return ""; // not listening yet
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
