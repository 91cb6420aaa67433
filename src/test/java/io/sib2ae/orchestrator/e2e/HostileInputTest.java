package io.sib2ae.orchestrator.e2e;

import static io.sib2ae.orchestrator.e2e.ServiceEndToEndTest.filesUnder;
import static io.sib2ae.orchestrator.e2e.ServiceEndToEndTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.e2e.HostileCorpus.HostileCase;
import io.sib2ae.orchestrator.e2e.HostileCorpus.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the hostile corpus is dropped at once into one running service. Each ends in
 * {@code failed/} with a specific reason, or, where it is in fact valid, is processed; no URL
 * is ever fetched, nothing is written outside the service's folders, and the service then
 * still processes a good score.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("completed", "completed_with_failures", "failed");
    /** The example studio routes in routes/ deliver assets and a summary here, by configuration. */
    private static final List<String> STUDIO_SINKS = List.of("delivery", "summary");

    private Path base;
    private Path root;
    private Path staging;
    private String slipMarker;
    private FileTime tmpXBefore;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, String> requestedPaths = new ConcurrentHashMap<>();
    private RunningService service;
    private List<HostileCase> cases;
    private Duration hostileRun;

    @BeforeAll
    void dropTheWholeCorpusAndWaitForEveryOutcome(@TempDir Path tempDir) throws Exception {
        base = tempDir;
        root = base.resolve("service");
        staging = base.resolve("staging");
        slipMarker = "x-hostile-" + UUID.randomUUID();
        tmpXBefore = modified(Path.of("/tmp/x"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            requestedPaths.put(exchange.getRequestURI().toString(), "requested");
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        cases = new HostileCorpus(staging, server.getAddress().getPort(), slipMarker).build();

        long start = System.nanoTime();
        // The production quiet period: the inbox is busy with 70 files, some of them large.
        service = RunningService.start(root, Map.of("sib2ae.intake.quiet-period-ms", "3000"));
        dropAllAtOnce();
        // Settles in 20-50 s on two cores; the bound leaves room for a busy machine.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> cases.stream().allMatch(c -> outcome(c).isPresent()));
        hostileRun = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("Hostile corpus of " + cases.size() + " scores settled in " + hostileRun.toMillis() + " ms");
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    Stream<HostileCase> cases() {
        return cases.stream();
    }

    @Test
    @Order(1)
    void theCorpusHasAtLeast25CasesAndItsReadmeDescribesEachOne() throws IOException {
        String readme = Files.readString(HostileCorpus.RESOURCES.resolve("README.md"));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        assertThat(cases).extracting(HostileCase::name).doesNotHaveDuplicates();
        for (HostileCase hostile : cases) {
            assertThat(readme).as("README.md entry for " + hostile.name()).contains("`" + hostile.name() + "`");
        }
        try (Stream<Path> committed = Files.walk(HostileCorpus.RESOURCES)) {
            assertThat(committed.filter(Files::isRegularFile)).allSatisfy(
                    file -> assertThat(Files.size(file)).as(file.toString()).isLessThan(200_000));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(2)
    void eachHostileScoreFailsWithItsSpecificReasonOrIsProcessedWhereValid(HostileCase hostile) throws IOException {
        assertOutcome(hostile, hostile.outcome());
    }

    private void assertOutcome(HostileCase hostile, Outcome expected) throws IOException {
        Outcomes found = outcome(hostile).orElseThrow();
        switch (expected) {
            case FAILED -> {
                assertThat(found.error()).as("error report of " + hostile.name()).isNotNull();
                assertThat(found.error().get("reason").asText()).as("reason of " + hostile.name())
                        .containsIgnoringCase(hostile.keyword());
                assertThat(found.error().get("file").asText()).as("file named by the report")
                        .startsWith(hostile.name() + ".");
                assertThat(found.manifest()).as("no output for " + hostile.name()).isNull();
                // All its inputs were moved beside the report, none left behind.
                List<String> moved = new ArrayList<>();
                found.error().get("files").forEach(f -> moved.add(f.asText()));
                assertThat(moved).containsExactlyInAnyOrderElementsOf(
                        hostile.files().stream().map(f -> f.getFileName().toString()).toList());
                assertThat(filesUnder(found.errorFile().getParent())).extracting(p -> p.getFileName().toString())
                        .containsAll(moved);
            }
            case COMPLETED -> {
                assertThat(found.error()).as("error report of " + hostile.name()).isNull();
                assertThat(found.manifest().get("status").asText()).as(hostile.name()).isEqualTo("completed");
                assertThat(found.manifest().get("counts").get("notes").asInt()).isPositive();
                assertArchived(hostile);
            }
            case COMPLETED_WITH_FAILURES -> {
                assertThat(found.error()).as("error report of " + hostile.name()).isNull();
                assertThat(found.manifest().get("status").asText())
                        .isEqualTo("completed_with_failures");
                for (JsonNode note : found.manifest().get("notes")) {
                    JsonNode stages = note.get("stages");
                    assertThat(stages.get("svg").get("status").asText()).isEqualTo("failed");
                    assertThat(stages.get("svg").get("error").asText()).containsIgnoringCase(hostile.keyword());
                    for (String hop : new String[] {"coordination", "midi", "audio", "keyframes"}) {
                        assertThat(stages.get(hop).get("status").asText()).as(hop + " of " + note.get("universal_id"))
                                .isIn("completed", "skipped");
                    }
                }
                assertThat(found.manifest().get("counts").get("stages").get("audio").get("completed").asInt()).isPositive();
                assertArchived(hostile);
            }
            default -> throw new IllegalStateException("unknown outcome " + expected);
        }
    }

    @Test
    @Order(3)
    void noEntityOrDtdUrlIsEverFetched() {
        assertThat(requestedPaths).isEmpty();
        assertThat(requests).hasValue(0);
        // The DTD score is valid and was processed without its DTD.
        assertThat(status(service.output().resolve("dtd-fetch").resolve("manifest.json"))).isEqualTo("completed");
    }

    @Test
    @Order(4)
    void partNamesThatLookLikePathsKeepTheirTextButNeverShapeAPath() throws IOException {
        Map<String, String> expected = Map.of(
                "part-slash", "Flute/../../../tmp/x",
                "part-backslash", "Flute\\..\\..\\windows\\x",
                "part-dotdot", "..",
                "part-long", HostileCorpus.longPartName());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path folder = service.output().resolve(e.getKey());
            JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
            assertThat(manifest.get("parts").get(0).get("instrument").asText()).isEqualTo(e.getValue());
            List<Path> written = filesUnder(folder);
            assertThat(written).as("assets of " + e.getKey()).hasSizeGreaterThan(3);
            for (Path file : written) {
                String name = file.getFileName().toString();
                assertThat(file.normalize()).startsWith(folder);
                assertThat(name).doesNotContain("\\", "..", "\0");
                assertThat(name.getBytes(StandardCharsets.UTF_8).length).as(name).isLessThanOrEqualTo(255);
            }
        }
    }

    @Test
    @Order(5)
    void nothingIsWrittenOutsideTheOutputArchiveAndFailedFolders() throws IOException {
        // A completed score's inputs leave work/ last of all, just after its final manifest.
        await().atMost(Duration.ofSeconds(30)).until(() -> filesUnder(service.work()).isEmpty());
        assertThat(filesUnder(service.inbox())).isEmpty();
        List<Path> everything = filesUnder(base);
        for (Path file : everything) {
            boolean allowed = file.startsWith(service.output()) || file.startsWith(service.archive())
                    || file.startsWith(service.failed()) || file.startsWith(staging)
                    || STUDIO_SINKS.stream().anyMatch(sink -> file.startsWith(root.resolve(sink)));
            assertThat(allowed).as(file.toString()).isTrue();
        }
        // The studio sinks hold only the summary log and delivered WAVs and keyframes, one folder per score.
        for (Path file : everything) {
            if (file.startsWith(root.resolve("summary"))) {
                assertThat(file.getFileName().toString()).isEqualTo("completed-scores.log");
            } else if (file.startsWith(root.resolve("delivery"))) {
                assertThat(root.resolve("delivery").relativize(file).getNameCount()).isEqualTo(2);
                assertThat(file.getFileName().toString()).matches(".*\\.(wav|json|txt)");
            }
        }
        try (Stream<Path> top = Files.list(base)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("service", "staging");
        }
    }

    @Test
    @Order(6)
    void zipSlipEntriesLandNowhere() throws IOException {
        assertThat(filesUnder(base)).noneSatisfy(file -> assertThat(file.getFileName().toString()).isIn("x", slipMarker));
        assertThat(base.getParent().resolve("x")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(modified(p)).isEqualTo(tmpXBefore));
        assertThat(Path.of("/tmp").resolve(slipMarker)).doesNotExist();
        assertThat(modified(Path.of("/tmp/x"))).isEqualTo(tmpXBefore);
        assertThat(filesUnder(service.failed())).extracting(p -> p.getFileName().toString()).contains("zip-slip.mxl");
    }

    @Test
    @Order(7)
    void theServiceThenProcessesTheNextGoodScore() {
        service.drop(TestData.file(HostileCorpus.SS9 + ".musicxml"));
        service.drop(TestData.file(HostileCorpus.SS9 + ".mid"));
        service.drop(TestData.file(HostileCorpus.SS9 + ".svg"));
        service.awaitCompleted("SS 9");
        assertThat(requests).hasValue(0);
    }

    // ------------------------------------------------------------------ helpers

    private record Outcomes(Path errorFile, JsonNode error, JsonNode manifest) {
    }

    /** The score's error report or its final manifest, once either exists. */
    private Optional<Outcomes> outcome(HostileCase hostile) {
        try {
            Path report = null;
            if (Files.isDirectory(service.failed())) {
                try (Stream<Path> folders = Files.list(service.failed())) {
                    report = folders.filter(f -> f.getFileName().toString().startsWith(hostile.name() + "-"))
                            .map(f -> f.resolve(hostile.name() + ".error.json")).filter(Files::isRegularFile)
                            .findFirst().orElse(null);
                }
            }
            Path index = service.output().resolve(hostile.name()).resolve("manifest.json");
            JsonNode manifest = Files.isRegularFile(index) ? JSON.readTree(index.toFile()) : null;
            if (manifest != null && !FINAL.contains(manifest.get("status").asText())) {
                return Optional.empty();
            }
            if (report == null && manifest == null) {
                return Optional.empty();
            }
            return Optional.of(new Outcomes(report, report == null ? null : JSON.readTree(report.toFile()), manifest));
        } catch (IOException e) {
            return Optional.empty(); // a file caught mid-write: look again
        }
    }

    /**
     * Copies every case into the inbox under a hidden name (never taken), then renames them into
     * place score by score, so that one poll of the inbox finds all of a score's files together.
     */
    private void dropAllAtOnce() throws IOException {
        List<Path[]> renames = new ArrayList<>();
        for (HostileCase hostile : cases) {
            for (Path file : hostile.files()) {
                Path hidden = service.inbox().resolve("." + file.getFileName() + ".copying");
                Files.copy(file, hidden);
                renames.add(new Path[] {hidden, service.inbox().resolve(file.getFileName().toString())});
            }
        }
        for (Path[] rename : renames) {
            Files.move(rename[0], rename[1], StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void assertArchived(HostileCase hostile) throws IOException {
        Path archived = service.archive().resolve(hostile.name());
        assertThat(filesUnder(archived)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(hostile.files().stream().map(f -> f.getFileName().toString()).toList());
    }

    private static FileTime modified(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
