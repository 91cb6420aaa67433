package io.sib2ae.orchestrator.e2e;

import static io.sib2ae.orchestrator.e2e.ServiceEndToEndTest.filesUnder;
import static io.sib2ae.orchestrator.e2e.ServiceEndToEndTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sib2ae.orchestrator.TestData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is moved aside with a specific error report, nothing is written outside the
 * service's folders, and the service goes on to process the next good score.
 */
class BadInputEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void eachBadScoreIsQuarantinedWithItsReasonAndTheNextGoodScoreCompletes() throws Exception {
        try (RunningService service = RunningService.start(root)) {
            service.drop(resource("malformed.musicxml"));
            service.drop(resource("empty.musicxml"));
            service.drop(resource("junk.musicxml"));
            service.drop(resource("xxe.musicxml"));
            service.drop(TestData.file("sib2ae/SS 9.musicxml"), "truncated.musicxml");
            service.drop(resource("truncated.mid"));

            JsonNode malformed = errorReport(service, "malformed");
            assertThat(malformed.get("reason").asText()).contains("Not well-formed MusicXML");
            assertThat(malformed.get("file").asText()).isEqualTo("malformed.musicxml");
            assertThat(malformed.get("line").asInt()).isEqualTo(9);
            assertThat(malformed.get("column").asInt()).isPositive();
            assertThat(errorReport(service, "empty").get("reason").asText()).contains("empty");
            assertThat(errorReport(service, "junk").get("reason").asText()).containsAnyOf("Not well-formed", "not MusicXML");
            assertThat(errorReport(service, "xxe").get("reason").asText()).contains("secret");
            JsonNode truncated = errorReport(service, "truncated");
            assertThat(truncated.get("file").asText()).isEqualTo("truncated.mid");
            assertThat(truncated.get("reason").asText()).contains("MIDI");
            assertThat(truncated.get("files")).hasSize(2);

            // The bad files are all in failed/, none in the inbox, work folder or archive.
            assertThat(filesUnder(service.failed())).extracting(p -> p.getFileName().toString())
                    .contains("malformed.musicxml", "empty.musicxml", "junk.musicxml", "xxe.musicxml", "truncated.mid");
            assertThat(filesUnder(service.inbox())).isEmpty();

            service.drop(TestData.file("sib2ae/SS 9.musicxml"));
            service.drop(TestData.file("sib2ae/SS 9.mid"));
            service.drop(TestData.file("sib2ae/SS 9.svg"));
            service.awaitCompleted("SS 9");
        }
    }

    @Test
    void aDoctypeThatPointsAtAUrlIsNeverFetchedAndTheScoreIsProcessed() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try (RunningService service = RunningService.start(root)) {
            String score = Files.readString(resource("remote-dtd.musicxml"))
                    .replace("http://127.0.0.1:9/", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
            Path source = root.resolve("remote-dtd.musicxml");
            Files.writeString(source, score);
            service.drop(source);
            service.awaitCompleted("remote-dtd");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPartNamedLikeAPathIsSanitisedAndWritesNothingOutsideTheOutputFolder() throws Exception {
        try (RunningService service = RunningService.start(root)) {
            service.drop(resource("evil-part-name.musicxml"));
            Path index = service.awaitCompleted("evil-part-name");
            JsonNode manifest = JSON.readTree(index.toFile());
            assertThat(manifest.get("parts").get(1).get("instrument").asText()).isEqualTo("../../etc");
            for (Path file : filesUnder(root)) {
                // The example studio routes deliver into their own configured folders.
                assertThat(file.startsWith(service.output()) || file.startsWith(service.archive())
                        || file.startsWith(root.resolve("delivery")) || file.startsWith(root.resolve("summary"))
                        || file.startsWith(root.resolve("evil-part-name.musicxml"))).as(file.toString()).isTrue();
                assertThat(file.getFileName().toString()).doesNotContain("..");
            }
            assertThat(filesUnder(service.output())).anySatisfy(
                    file -> assertThat(file.getFileName().toString()).startsWith("etc_"));
        }
    }

    private static Path resource(String name) {
        return Path.of("src/test/resources/bad").resolve(name).toAbsolutePath();
    }

    private static JsonNode errorReport(RunningService service, String scoreName) {
        Path[] found = new Path[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Optional<Path> report = filesUnder(service.failed()).stream()
                    .filter(p -> p.getFileName().toString().equals(scoreName + ".error.json")).findFirst();
            report.ifPresent(p -> found[0] = p);
            return report.isPresent();
        });
        try {
            return JSON.readTree(found[0].toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
