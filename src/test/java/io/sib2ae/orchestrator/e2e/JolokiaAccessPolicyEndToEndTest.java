package io.sib2ae.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management server's Jolokia under the access policy shipped in the jar
 * ({@code jolokia-access.xml}): asked over HTTP, as Hawtio and curl ask it, of the real service in
 * a child JVM that has processed a score, so that its start-up output can be read as well.
 *
 * <p>Jolokia answers a refused request with HTTP 200 and {@code "status":403} in the JSON body, so
 * the tests read that status, not the HTTP one. A request from a refused origin (a web page of
 * another site) is the exception: it is turned away before it is read, with HTTP 500.
 */
class JolokiaAccessPolicyEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CONTEXT = "org.apache.camel:context=sib2ae-orchestrator,type=context,name=\"sib2ae-orchestrator\"";
    private static final String SCORE = "io.sib2ae:type=Scores,name=\"SS 9\"";
    /** Where scripts/hawtio.sh serves Hawtio: the Origin its pages, and so its proxy, send. */
    private static final String HAWTIO = "http://127.0.0.1:8090";
    private static final String EVIL = "http://evil.example";

    @TempDir
    static Path root;

    private static ChildService service;
    private static int port;

    @BeforeAll
    static void startTheServiceAndProcessAScore() throws Exception {
        port = MonitoringAndChainingEndToEndTest.freePort();
        Files.createDirectories(root.resolve("inbox"));
        service = ChildService.start(root, 1, "768m", Map.of("camel.management.enabled", "true",
                "sib2ae.management.port", String.valueOf(port)));
        await().atMost(Duration.ofSeconds(90)).until(() -> service.started() || !service.alive());
        assertThat(service.alive()).as("the service started").isTrue();

        // Staged beside the inbox and moved in whole, so that the three files are one score set.
        Path staging = Files.createDirectories(root.resolve("staging"));
        for (String name : List.of("SS 9.musicxml", "SS 9.mid", "SS 9.svg")) {
            Path staged = Files.copy(TestData.file("sib2ae/" + name), staging.resolve(name));
            Files.move(staged, root.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> "completed".equals(
                jolokia(Map.of("type", "read", "mbean", SCORE, "attribute", "Status")).path("value").asText()));
    }

    @AfterAll
    static void stopTheService() throws InterruptedException {
        if (service != null) {
            service.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void startsWithThePolicyFromTheJarAndWithoutJolokiasAllowAllWarning() throws IOException {
        String log = Files.readString(service.log(), StandardCharsets.ISO_8859_1);
        assertThat(log).contains("Using access restrictor: classpath:/jolokia-access.xml")
                .contains("with Restrictor: org.jolokia.server.core.restrictor.policy.PolicyRestrictor")
                .doesNotContain("No access restrictor found")
                .doesNotContain("access to all MBeans is allowed")
                .doesNotContain("Denying all access to MBeans");
    }

    @Test
    void jvmDiagnosticCommandsAreRefused() throws Exception {
        JsonNode properties = curl(Map.of("type", "exec", "mbean", "com.sun.management:type=DiagnosticCommand",
                "operation", "vmSystemProperties", "arguments", List.of()));
        assertRefused(properties, "vmSystemProperties");
        assertThat(properties.has("value")).isFalse();

        assertRefused(jolokia(Map.of("type", "exec", "mbean", "com.sun.management:type=DiagnosticCommand",
                "operation", "gcRun", "arguments", List.of())), "gcRun");
        // Reading every attribute at once leaves out those the policy refuses: here, all of them.
        JsonNode everyAttribute = jolokia(Map.of("type", "read", "mbean", "com.sun.management:type=DiagnosticCommand"));
        assertThat(everyAttribute.path("status").asInt()).isEqualTo(200);
        assertThat(everyAttribute.path("value").isObject()).isTrue();
        assertThat(everyAttribute.path("value").size()).isZero();
    }

    @Test
    void aHeapDumpIsRefusedAndNoFileIsWritten() throws Exception {
        Path dump = root.resolve("heap.hprof");
        assertRefused(jolokia(Map.of("type", "exec", "mbean", "com.sun.management:type=HotSpotDiagnostic",
                "operation", "dumpHeap", "arguments", List.of(dump.toString(), true))), "dumpHeap");
        assertRefused(jolokia(Map.of("type", "exec", "mbean", "com.sun.management:type=HotSpotDiagnostic",
                "operation", "setVMOption", "arguments", List.of("HeapDumpOnOutOfMemoryError", "true"))), "setVMOption");
        assertThat(dump).doesNotExist();
    }

    @Test
    void flightRecordingsAndLoggingConfigurationAreRefused() throws Exception {
        assertRefused(jolokia(Map.of("type", "exec", "mbean", "jdk.management.jfr:type=FlightRecorder",
                "operation", "newRecording", "arguments", List.of())), "newRecording");
        assertRefused(jolokia(Map.of("type", "exec", "mbean", "java.util.logging:type=Logging",
                "operation", "setLoggerLevel", "arguments", List.of("", "FINEST"))), "setLoggerLevel");
        assertRefused(jolokia(Map.of("type", "read", "mbean", "java.util.logging:type=Logging", "attribute", "LoggerNames")),
                "LoggerNames");
    }

    @Test
    void everythingTheAllowListDoesNotNameIsRefused() throws Exception {
        // java.lang is read only: no writes, no operations.
        assertRefused(jolokia(Map.of("type", "write", "mbean", "java.lang:type=Memory", "attribute", "Verbose", "value", true)),
                "Verbose");
        assertRefused(jolokia(Map.of("type", "exec", "mbean", "java.lang:type=Memory", "operation", "gc", "arguments", List.of())),
                "gc");
        // Other domains are not readable at all.
        assertRefused(jolokia(Map.of("type", "read", "mbean", "java.nio:type=BufferPool,name=direct", "attribute", "Count")),
                "Count");
        // Camel attributes are read only, and only the listed Camel operations run.
        assertRefused(jolokia(Map.of("type", "write", "mbean", CONTEXT, "attribute", "Tracing", "value", true)), "Tracing");
        assertRefused(jolokia(Map.of("type", "exec", "mbean", CONTEXT, "operation", "sendBody",
                "arguments", List.of("direct:sib2ae-submit", "x"))), "sendBody");
        assertRefused(jolokia(Map.of("type", "exec", "mbean", route("submit"), "operation", "remove()", "arguments", List.of())),
                "remove");
        assertThat(read(route("submit"), "State")).isEqualTo("Started");
    }

    @Test
    void theRouteListAndTheScoresMBeanAnswer() throws Exception {
        JsonNode routes = jolokia(Map.of("type", "search", "mbean", "org.apache.camel:type=routes,*"));
        assertThat(routes.path("status").asInt()).isEqualTo(200);
        assertThat(routes.path("value").toString()).contains("hop-audio").contains("note-hops").contains("intake-inbox");

        JsonNode states = jolokia(Map.of("type", "read", "mbean", "org.apache.camel:context=sib2ae-orchestrator,type=routes,*",
                "attribute", List.of("State", "ExchangesCompleted")));
        assertThat(states.path("status").asInt()).isEqualTo(200);
        assertThat(states.path("value").size()).isGreaterThanOrEqualTo(10);
        assertThat(states.path("value").path(route("hop-audio")).path("ExchangesCompleted").asInt()).isEqualTo(9);

        JsonNode score = curl(Map.of("type", "read", "mbean", SCORE)).path("value");
        assertThat(score.path("Status").asText()).isEqualTo("completed");
        assertThat(score.path("NotesDone").asInt()).isEqualTo(9);
        assertThat(score.path("AudioBreakerState").asText()).isEqualTo("CLOSED");

        assertThat(jolokia(Map.of("type", "read", "mbean", "java.lang:type=Memory", "attribute", "HeapMemoryUsage"))
                .path("value").path("used").asLong()).isPositive();
    }

    /** Hawtio's Route Diagram: the routes as XML from the context, the counters per node from the route or context. */
    @Test
    void theOperationsOfHawtiosRouteDiagramAnswer() throws Exception {
        String routesXml = exec(CONTEXT, "dumpRoutesAsXml()");
        assertThat(routesXml).contains("id=\"hop-audio\"").contains("audio-breaker").contains("split-per-note");

        assertThat(exec(route("hop-audio"), "dumpRouteStatsAsXml", true, true))
                .contains("<routeStat id=\"hop-audio\"").contains("exchangesCompleted=\"9\"").contains("processorStat");
        assertThat(exec(CONTEXT, "dumpRoutesStatsAsXml", true, true)).contains("<routeStat id=\"note-hops\"");
        assertThat(exec(route("hop-audio"), "dumpStepStatsAsXml(boolean)", true)).contains("hop-audio");
        assertThat(exec(route("hop-audio"), "dumpRouteAsXml()")).contains("audio-breaker");
    }

    @Test
    void jolokiasListSearchAndVersionAnswer() throws Exception {
        assertThat(jolokia(Map.of("type", "version")).path("value").path("agent").asText()).isNotEmpty();
        JsonNode domains = jolokia(Map.of("type", "list", "config", Map.of("maxDepth", 1))).path("value");
        assertThat(domains.has("org.apache.camel")).isTrue();
        assertThat(domains.has("io.sib2ae")).isTrue();
        assertThat(jolokia(Map.of("type", "search", "mbean", "io.sib2ae:*")).path("value").toString()).contains("SS 9");
    }

    @Test
    void anOperatorCanStopAndStartARoute() throws Exception {
        String submit = route("submit");
        exec(submit, "stop()");
        assertThat(read(submit, "State")).isEqualTo("Stopped");
        exec(submit, "start()");
        assertThat(read(submit, "State")).isEqualTo("Started");
    }

    /**
     * A page of a foreign site open in the studio's browser posts a "simple" request (text/plain,
     * no preflight) to the loopback management server. The browser adds its Origin; Jolokia must
     * refuse to run or read anything for it, and must not let the page read the answer.
     */
    @Test
    void aForeignSitesPageCanNeitherStopARouteNorReadAnAttribute() throws Exception {
        String submit = route("submit");
        HttpResponse<String> stop = crossSite(Map.of("type", "exec", "mbean", submit, "operation", "stop()",
                "arguments", List.of()), "Origin", EVIL);
        assertForeignOriginRefused(stop);

        HttpResponse<String> readState = crossSite(Map.of("type", "read", "mbean", SCORE, "attribute", "Status"), "Origin", EVIL);
        assertForeignOriginRefused(readState);

        // Without an Origin the agent falls back on the Referer, which a page sends on its own.
        HttpResponse<String> byReferer = crossSite(Map.of("type", "exec", "mbean", submit, "operation", "stop()",
                "arguments", List.of()), "Referer", EVIL + "/page.html");
        assertForeignOriginRefused(byReferer);

        // Sandboxed frames and file:// pages send the origin "null".
        assertForeignOriginRefused(crossSite(Map.of("type", "exec", "mbean", submit, "operation", "stop()",
                "arguments", List.of()), "Origin", "null"));

        assertThat(read(submit, "State")).isEqualTo("Started");

        // The same request from a page on this machine's loopback (Hawtio, on its default port or
        // another HAWTIO_PORT) answers: only the origin decides.
        for (String origin : List.of(HAWTIO, "http://localhost:8091")) {
            HttpResponse<String> allowed = crossSite(Map.of("type", "read", "mbean", SCORE, "attribute", "Status"), "Origin", origin);
            assertThat(JSON.readTree(allowed.body()).path("value").asText()).as(allowed.body()).isEqualTo("completed");
        }
    }

    /**
     * An {@code <img src=".../exec/...">} with {@code referrerpolicy="no-referrer"} sends a GET
     * with neither Origin nor Referer, which looks like curl. Only POST is allowed, so it runs nothing.
     */
    @Test
    void aGetWithoutOriginOrRefererRunsNoOperation() throws Exception {
        String submit = route("submit");
        HttpResponse<String> stop = HTTP.send(HttpRequest.newBuilder(URI.create(jolokiaUrl()
                + "/exec/org.apache.camel:context=sib2ae-orchestrator,type=routes,name=%22submit%22/stop()")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(stop.body());
        assertThat(answer.path("status").asInt()).as(stop.body()).isEqualTo(403);
        assertThat(answer.path("error").asText()).contains("HTTP method get is not allowed");
        assertThat(read(submit, "State")).isEqualTo("Started");
    }

    /** What curl, scripts and monitoring tools send: neither Origin nor Referer. */
    @Test
    void aRequestWithoutOriginStillAnswers() throws Exception {
        JsonNode version = curl(Map.of("type", "version"));
        assertThat(version.path("status").asInt()).as(version.toString()).isEqualTo(200);
        assertThat(version.path("value").path("agent").asText()).isNotEmpty();
        assertThat(curl(Map.of("type", "read", "mbean", SCORE, "attribute", "Status")).path("value").asText())
                .isEqualTo("completed");
    }

    private static String route(String id) {
        return "org.apache.camel:context=sib2ae-orchestrator,type=routes,name=\"" + id + "\"";
    }

    private static void assertRefused(JsonNode response, String what) {
        assertThat(response.path("status").asInt()).as(response.toString()).isEqualTo(403);
        assertThat(response.path("error").asText()).contains(what).contains("forbidden");
    }

    /** Runs an operation that must be allowed, and returns its result as text. */
    private static String exec(String mbean, String operation, Object... arguments) throws Exception {
        JsonNode response = jolokia(Map.of("type", "exec", "mbean", mbean, "operation", operation, "arguments", List.of(arguments)));
        assertThat(response.path("status").asInt()).as(response.toString()).isEqualTo(200);
        return response.path("value").asText();
    }

    private static String read(String mbean, String attribute) throws Exception {
        JsonNode response = jolokia(Map.of("type", "read", "mbean", mbean, "attribute", attribute));
        assertThat(response.path("status").asInt()).as(response.toString()).isEqualTo(200);
        return response.path("value").asText();
    }

    /**
     * A Jolokia request as Hawtio sends it: a JSON body, POSTed by the browser to Hawtio's proxy,
     * which passes the browser's headers on, Hawtio's own Origin among them.
     */
    private static JsonNode jolokia(Map<String, Object> request) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(URI.create(jolokiaUrl())).header("Origin", HAWTIO)
                .header("Referer", HAWTIO + "/hawtio/camel/routes")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build();
        return answer(post);
    }

    /** A Jolokia request as curl sends it ({@code curl -d '{...}'}): POSTed, with no Origin and no Referer. */
    private static JsonNode curl(Map<String, Object> request) throws IOException, InterruptedException {
        return answer(HttpRequest.newBuilder(URI.create(jolokiaUrl()))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build());
    }

    /** The request a foreign page's form or fetch(..., {mode: "no-cors"}) sends: text/plain, with the given header. */
    private static HttpResponse<String> crossSite(Map<String, Object> request, String header, String value)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(jolokiaUrl())).header("Content-Type", "text/plain")
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Jolokia refuses the origin with a SecurityException before it reads the request; Camel's
     * plugin calls it by reflection and answers HTTP 500 naming only the reflective wrapper, so
     * the origin itself is not in the answer. The callers show that the same request from an
     * allowed origin runs.
     */
    private static void assertForeignOriginRefused(HttpResponse<String> response) throws IOException {
        String seen = response.statusCode() + " " + response.headers().map() + " " + response.body();
        assertThat(response.statusCode()).as(seen).isEqualTo(500);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("status").asInt()).as(seen).isEqualTo(500);
        assertThat(answer.path("error_type").asText()).as(seen).isEqualTo("java.lang.reflect.InvocationTargetException");
        assertThat(answer.has("value")).as(seen).isFalse();
        assertThat(answer.has("request")).as("the request was not even read: " + seen).isFalse();
        // Nothing would let the browser hand the answer to the page.
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(seen).isEmpty();
    }

    private static String jolokiaUrl() {
        return "http://127.0.0.1:" + port + "/observe/jolokia";
    }

    private static JsonNode answer(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
