package io.sib2ae.orchestrator.e2e;

import static io.sib2ae.orchestrator.e2e.ServiceEndToEndTest.filesUnder;
import static io.sib2ae.orchestrator.e2e.ServiceEndToEndTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.run.ScoreResult;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.monitoring.ProgressReporter;
import io.sib2ae.orchestrator.monitoring.TerminalProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people watch (health, metrics, Jolokia/JMX) and what other studio routes chain onto. */
class MonitoringAndChainingEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    @Test
    void managementServerShowsHealthRenderMetricsAndTheScoreThroughJolokia() throws Exception {
        int port = freePort();
        try (RunningService service = RunningService.start(root, Map.of("camel.management.enabled", "true",
                "sib2ae.management.port", String.valueOf(port)))) {
            dropSs9(service);
            service.awaitCompleted("SS 9");

            HttpResponse<String> health = get(port, "/observe/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");

            String metrics = get(port, "/observe/metrics").body();
            assertThat(metrics).contains("sib2ae_notes_rendered_total 6.0").contains("sib2ae_render_latency_seconds_count 6");

            JsonNode score = jolokia(port, Map.of("type", "read", "mbean", "io.sib2ae:type=Scores,name=\"SS 9\"")).get("value");
            assertThat(score.get("Status").asText()).isEqualTo("completed");
            assertThat(score.get("NotesDone").asInt()).isEqualTo(9);
            assertThat(score.get("AudioDone").asInt()).isEqualTo(9);
            assertThat(score.get("AudioFailed").asInt()).isZero();
            assertThat(score.get("AudioBreakerState").asText()).isEqualTo("CLOSED");

            // Hawtio draws its route diagram from this dump, so the route dumper must be on the classpath.
            // The context is named in full, as Hawtio names it: the access policy (jolokia-access.xml)
            // allows an operation on an MBean, and a pattern such as context=* is no MBean.
            String dump = jolokia(port, Map.of("type", "exec", "mbean", "org.apache.camel:context=sib2ae-orchestrator,"
                    + "type=context,name=\"sib2ae-orchestrator\"", "operation", "dumpRoutesAsXml()", "arguments", List.of())).toString();
            assertThat(dump).contains("audio-breaker").contains("split-per-note").contains("assemble-score-set");
        }
    }

    @Test
    void readinessFailsWhenTheOutputFolderCannotBeWritten() throws Exception {
        int port = freePort();
        Path notAFolder = Files.writeString(root.resolve("output-is-a-file"), "x");
        try (RunningService service = RunningService.start(root, Map.of("camel.management.enabled", "true",
                "sib2ae.management.port", String.valueOf(port), "sib2ae.output", notAFolder.toString()))) {
            HttpResponse<String> health = get(port, "/observe/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
        }
    }

    @Test
    void withBasicAuthOnTheManagementServerAsksForTheConfiguredUser() throws Exception {
        int port = freePort();
        Path users = Files.writeString(root.resolve("users.properties"), "user.operator = s3cret,operator\nrole.operator = *\n");
        try (RunningService service = RunningService.start(root, Map.of("camel.management.enabled", "true",
                "sib2ae.management.port", String.valueOf(port), "camel.management.authentication-enabled", "true",
                "camel.management.basic-properties-file", users.toString()))) {
            assertThat(get(port, "/observe/health").statusCode()).isEqualTo(401);
            assertThat(get(port, "/observe/jolokia/version").statusCode()).isEqualTo(401);
            String credentials = java.util.Base64.getEncoder().encodeToString("operator:s3cret".getBytes());
            HttpRequest authorised = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                    .header("Authorization", "Basic " + credentials).GET().build();
            // Health checks start DOWN until their first run; the user is let in at once either way.
            assertThat(HTTP.send(authorised, HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(200, 503);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> HTTP.send(authorised, HttpResponse.BodyHandlers.ofString()).body().contains("UP"));
        }
    }

    @Test
    void aManagementServerOpenToTheNetworkIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> RunningService.start(root, Map.of("camel.management.enabled", "true",
                "camel.management.host", "0.0.0.0", "sib2ae.management.port", String.valueOf(freePort()))))
                .hasStackTraceContaining("sib2ae.management.allow-remote");
    }

    @Test
    void completionSendsAnEventAndTheExampleStudioRoutesDeliverAssetsAndLogASummary() throws Exception {
        try (RunningService service = RunningService.start(root)) {
            dropSs9(service);
            Path events = service.output().resolve("events");
            await().atMost(Duration.ofSeconds(60)).until(() -> !eventsIn(events).isEmpty());
            JsonNode event = JSON.readTree(eventsIn(events).get(0).toFile());
            assertThat(event.get("score_name").asText()).isEqualTo("SS 9");
            assertThat(event.get("status").asText()).isEqualTo("completed");
            assertThat(event.get("notes").asInt()).isEqualTo(9);
            assertThat(event.get("manifest_path").asText()).endsWith("manifest.json");
            assertThat(event.get("elapsed_ms").asLong()).isPositive();
            assertThat(event.get("hop_counts").get("audio.completed").asInt()).isEqualTo(6);

            Path delivered = root.resolve("delivery").resolve("SS 9");
            await().atMost(Duration.ofSeconds(30)).until(() -> filesUnder(delivered).size() == 18);
            assertThat(filesUnder(delivered)).filteredOn(p -> p.toString().endsWith(".wav")).hasSize(6);
            assertThat(filesUnder(delivered)).filteredOn(p -> p.toString().endsWith("_keyframes.json")).hasSize(6);

            Path summary = root.resolve("summary").resolve("completed-scores.log");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(summary) && Files.readString(summary).contains("SS 9"));
            // One whole line, ended, so the next score's summary starts a line of its own.
            assertThat(Files.readString(summary)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{4} SS 9 completed"
                    + " notes=9 failed=0 elapsed_ms=" + event.get("elapsed_ms").asLong()
                    + " manifest=" + java.util.regex.Pattern.quote(event.get("manifest_path").asText()) + "\n");
        }
    }

    @Test
    void theExampleDeliveryCopiesNothingUntilAStudioTurnsItOnWhileTheSummaryRouteStillRuns() throws Exception {
        try (RunningService service = RunningService.start(root, Map.of("studio.delivery.enabled", "false"))) {
            assertThat(service.context().getRoute("studio-copy-assets")).isNotNull();
            dropSs9(service);
            Path summary = root.resolve("summary").resolve("completed-scores.log");
            // The summary comes from the same completion event, and after it every listener has had it.
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(summary) && Files.readString(summary).contains("SS 9"));
            await().atMost(Duration.ofSeconds(10)).until(() -> service.context().getInflightRepository().size() == 0);
            assertThat(root.resolve("delivery")).doesNotExist();
        }
    }

    @Test
    void withoutStudioRoutesTheCompletionEventIsPublishedAndNothingWaitsForAListener() throws Exception {
        try (RunningService service = RunningService.start(root, Map.of("sib2ae.routes", root.resolve("no-routes").toString()))) {
            assertThat(service.context().getRoute("studio-copy-assets")).isNull();
            dropSs9(service);
            Path events = service.output().resolve("events");
            // The in-process notification must not wait for a reply nobody sends (that took 30 s once).
            await().atMost(Duration.ofSeconds(20)).until(() -> !eventsIn(events).isEmpty());
            assertThat(service.context().getRoute("score-completed")).isNotNull();
            assertThat(JSON.readTree(eventsIn(events).get(0).toFile()).get("status").asText()).isEqualTo("completed");
        }
    }

    @Test
    void anotherRouteCanHandInAScoreAsAFolderOrAsFileHeaders() throws Exception {
        Path folder = Files.createDirectories(root.resolve("handed-in"));
        for (String name : new String[] {"SS 9.musicxml", "SS 9.mid", "SS 9.svg"}) {
            Files.copy(TestData.file("sib2ae/" + name), folder.resolve(name));
        }
        try (RunningService service = RunningService.start(root)) {
            ScoreResult byFolder = service.context().createProducerTemplate()
                    .requestBody("direct:sib2ae-submit", folder.toString(), ScoreResult.class);
            assertThat(byFolder.status()).isEqualTo(ScoreStatus.COMPLETED);
            assertThat(byFolder.notes()).isEqualTo(9);

            ScoreResult byHeaders = service.context().createProducerTemplate().requestBodyAndHeaders("direct:sib2ae-submit", null,
                    Map.of("Sib2AeMusicXml", folder.resolve("SS 9.musicxml").toString(),
                            "Sib2AeMidi", folder.resolve("SS 9.mid").toString()), ScoreResult.class);
            assertThat(byHeaders.status()).isEqualTo(ScoreStatus.COMPLETED);
            // Handed-in files belong to the caller: they are read where they are and never moved.
            assertThat(filesUnder(folder)).hasSize(3);
            assertThat(filesUnder(service.archive())).isEmpty();
        }
    }

    /** The one-shot command's progress, piped to a file: a count line, then a line per tenth. */
    @Test
    void plainProgressPrintsTheNoteCountThenEachTenthWithEveryHop() throws Exception {
        String printed = progressOfSs9(false);
        List<String> lines = printed.lines().toList();
        assertThat(lines.get(0)).isEqualTo("SS 9: 9 notes");
        assertThat(lines).hasSizeBetween(2, 11);
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.matches(
                "SS 9: \\d/9 notes, midi \\d, audio \\d, keyframes \\d, svg \\d"));
        // Every hop counts the notes it handled, rendered or skipped (the 3 tied continuations).
        assertThat(lines.get(lines.size() - 1)).isEqualTo("SS 9: 9/9 notes, midi 9, audio 9, keyframes 9, svg 9");
    }

    /** On a terminal: one bar per hop, each drawn full when the score ends. */
    @Test
    void terminalProgressDrawsABarPerHopThatEndsFull() throws Exception {
        String printed = progressOfSs9(true);
        for (String hop : List.of("midi", "audio", "keyframes", "svg")) {
            assertThat(printed).as(hop).containsPattern(hop + " +100% \\[=+\\] 9/9");
        }
    }

    private String progressOfSs9(boolean terminal) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (RunningService service = RunningService.start(root);
             TerminalProgress progress = new TerminalProgress(terminal, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            service.context().getRegistry().lookupByNameAndType("progressReporter", ProgressReporter.class).addListener(progress);
            dropSs9(service);
            service.awaitCompleted("SS 9");
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** The published events: each is written under a hidden name first, then renamed into view. */
    private static List<Path> eventsIn(Path folder) throws IOException {
        return filesUnder(folder).stream().filter(file -> !file.getFileName().toString().startsWith(".")).toList();
    }

    private static void dropSs9(RunningService service) {
        service.drop(TestData.file("sib2ae/SS 9.musicxml"));
        service.drop(TestData.file("sib2ae/SS 9.mid"));
        service.drop(TestData.file("sib2ae/SS 9.svg"));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The policy (jolokia-access.xml) lets Jolokia answer POSTed requests only, as curl -d sends them. */
    private static JsonNode jolokia(int port, Map<String, Object> request) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/jolokia"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build();
        return JSON.readTree(HTTP.send(post, HttpResponse.BodyHandlers.ofString()).body());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
