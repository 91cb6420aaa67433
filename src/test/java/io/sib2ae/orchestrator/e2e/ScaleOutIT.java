package io.sib2ae.orchestrator.e2e;

import static io.sib2ae.orchestrator.e2e.CrashState.brokenWavs;
import static io.sib2ae.orchestrator.e2e.CrashState.finishedNotes;
import static io.sib2ae.orchestrator.e2e.CrashState.indexStatus;
import static io.sib2ae.orchestrator.e2e.CrashState.invalidJson;
import static io.sib2ae.orchestrator.e2e.CrashState.noteManifests;
import static io.sib2ae.orchestrator.e2e.CrashState.verifiedWavs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.e2e.CrashState.VerifiedWav;
import io.sib2ae.orchestrator.manifest.FileRecords;
import io.sib2ae.orchestrator.score.MidiFileReader;
import io.sib2ae.orchestrator.score.MusicXmlReader;
import io.sib2ae.orchestrator.score.MxlArchive;
import io.sib2ae.orchestrator.score.ScoreInputReader;
import io.sib2ae.orchestrator.score.ScoreReader;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed mode for real: an Apache ActiveMQ Artemis broker embedded in the test's JVM, with a
 * persistent journal, and two instances of the service as child JVMs sharing one set of folders,
 * each with its own node name. Every wait polls a condition on the shared folder or the children's
 * logs; a takeover time of 5 s keeps the leader test short.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ScaleOutIT {

    private static final Duration TAKEOVER = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String LEADS = "This instance now leads intake";

    static {
        // The broker's audit log (a line per message sent and consumed) and its dumps of the queues
        // would bury the test's own output: its warnings are enough here.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq.audit", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq.artemis", "warn");
    }

    @TempDir
    Path root;

    private EmbeddedActiveMQ broker;
    private String brokerUrl;
    private final List<ChildService> children = new ArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        int port = freePort();
        Path journal = root.resolve("broker");
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJournalDirectory(journal.resolve("journal").toString());
        config.setBindingsDirectory(journal.resolve("bindings").toString());
        config.setPagingDirectory(journal.resolve("paging").toString());
        config.setLargeMessagesDirectory(journal.resolve("large-messages").toString());
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        // Artemis blocks every producer once the disk is 90% full by its measure (a shared CI disk
        // reached that once, and the notes.done address blocked mid-test); these tests are about
        // distributing notes, not about the broker's disk policy.
        config.setMaxDiskUsage(-1);
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        brokerUrl = "tcp://127.0.0.1:" + port;
    }

    @AfterEach
    void stopAll(org.junit.jupiter.api.TestInfo test) throws Exception {
        for (ChildService child : children) {
            if (child.alive()) {
                child.kill();
            }
        }
        broker.stop();
        // Keep the children's logs for a look after a failure (the temporary folder is deleted).
        Path kept = Files.createDirectories(Path.of("target", "scale-out-logs", test.getTestMethod().orElseThrow().getName()));
        for (Path log : CrashState.files(root.resolve("logs"))) {
            Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aScoreIsTakenInByOneInstanceAndItsNotesAreRenderedByAll() throws Exception {
        ChildService a = start("node-a", Map.of());
        ChildService b = start("node-b", Map.of());
        ChildService leader = await().atMost(Duration.ofMinutes(1)).pollInterval(POLL)
                .until(() -> a.logged(LEADS) ? a : b.logged(LEADS) ? b : null, c -> c != null);
        drop("scores/ActorPreludeSample.xml", "scores/ActorPreludeSample.mid");
        Path score = root.resolve("output/ActorPreludeSample");

        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(500)).until(() -> "completed".equals(indexStatus(score)));

        JsonNode index = CrashState.JSON.readTree(score.resolve("manifest.json").toFile());
        int notes = index.get("counts").get("notes").asInt();
        assertThat(notes).isGreaterThan(1500);
        // Taken in once, by the leader alone; rendered by both.
        assertThat(leader.logged("Claimed ActorPreludeSample.xml")).isTrue();
        assertThat((leader == a ? b : a).logged("Claimed ")).isFalse();
        assertThat(index.get("nodes").get("node-a").asInt()).isGreaterThanOrEqualTo(notes / 4);
        assertThat(index.get("nodes").get("node-b").asInt()).isGreaterThanOrEqualTo(notes / 4);
        assertThat(index.get("nodes").get("node-a").asInt() + index.get("nodes").get("node-b").asInt()).isEqualTo(notes);
        for (JsonNode note : noteManifests(score).values()) {
            assertThat(note.get("stages").get("midi").get("node").asText()).isIn("node-a", "node-b");
        }
        assertThat(brokenWavs(score)).isEmpty();

        // A score without a note sends nothing to the queue, and closes all the same.
        drop("musicxml-testsuite/02a-Rests-Durations.xml");
        await().atMost(Duration.ofMinutes(1)).pollInterval(POLL)
                .until(() -> "completed".equals(indexStatus(root.resolve("output/02a-Rests-Durations"))));
    }

    @Test
    void aKilledWorkersNotesAreDeliveredAgainAndNoVerifiedWavIsRenderedAgain() throws Exception {
        leaderStarted("node-a");
        ChildService b = workerStarted("node-b");
        Path score = dropDichterliebe();

        // Mid-score, once the worker has notes of its own done.
        await().atMost(Duration.ofMinutes(4)).pollInterval(POLL).until(() -> notesBy(score, "node-b") >= 20);
        Map<Path, VerifiedWav> before = verifiedWavs(score);
        b.kill();
        long doneAtKill = finishedNotes(score);

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> "completed".equals(indexStatus(score)));

        JsonNode index = assertEveryNoteWholeAndNoVerifiedWavRenderedAgain(score, before);
        assertThat(doneAtKill).isLessThan(index.get("counts").get("notes").asLong());
        assertThat(index.get("nodes").get("node-a").asInt()).isPositive();
    }

    @Test
    void aKilledLeaderIsReplacedWithinTheTakeoverTimeAndTheScoreCompletes() throws Exception {
        ChildService a = leaderStarted("node-a");
        ChildService b = workerStarted("node-b");
        Path score = dropDichterliebe();

        await().atMost(Duration.ofMinutes(4)).pollInterval(POLL).until(() -> finishedNotes(score) >= 40);
        Map<Path, VerifiedWav> before = verifiedWavs(score);
        a.kill();
        long killedAt = System.nanoTime();
        await().atMost(TAKEOVER.plusSeconds(5)).pollInterval(POLL).until(() -> b.logged(LEADS));
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf("Leader killed; node-b took intake over after %d ms%n", takeover.toMillis());
        assertThat(takeover).isLessThanOrEqualTo(TAKEOVER);

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> "completed".equals(indexStatus(score)));

        assertEveryNoteWholeAndNoVerifiedWavRenderedAgain(score, before);
        // Nothing lost: the inputs are archived once (the last step of a score), none left in the inbox or work/.
        await().atMost(Duration.ofSeconds(30)).pollInterval(POLL).untilAsserted(() -> assertThat(CrashState.files(root.resolve("archive")))
                .extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("Dichterliebe01.xml", "Dichterliebe01.mid"));
        assertThat(CrashState.files(root.resolve("inbox"))).isEmpty();
        assertThat(CrashState.files(root.resolve("work/incoming"))).isEmpty();
    }

    @Test
    void aNoteThatFailsOnEveryInstanceEndsInTheDeadLetterQueueAndTheScoreCompletesWithFailures() throws Exception {
        String faulty = new NoteCoordinator().coordinate(new ScoreReader(new ScoreInputReader(64 << 20, new MxlArchive(64 << 20, 100)),
                new MusicXmlReader(200_000), new MidiFileReader(1024, 36_000)).read(ScoreSet.of(TestData.file("sib2ae/SS 9.musicxml"),
                TestData.file("sib2ae/SS 9.mid"), List.of(TestData.file("sib2ae/SS 9.svg"))))).notes().stream()
                .filter(CoordinatedNote::primary).skip(2).findFirst().orElseThrow().universalId();
        Map<String, String> fault = Map.of(WovenNoteFault.PROPERTY, faulty,
                "camel.main.routes-builder-classes", WovenNoteFault.class.getName());
        int portA = freePort();
        int portB = freePort();
        ChildService a = start("node-a", withManagement(fault, portA));
        ChildService b = start("node-b", withManagement(fault, portB));
        await().atMost(Duration.ofMinutes(1)).pollInterval(POLL).until(() -> a.logged(LEADS) || b.logged(LEADS));
        await().atMost(Duration.ofMinutes(1)).pollInterval(POLL).until(() -> a.started() && b.started());
        // Each instance's readiness says the broker answers, and whether it is the leader.
        boolean aLeads = a.logged(LEADS);
        assertThat(health(portA)).contains("\"broker\"").contains("UP").containsPattern("\"leader\"\\s*:\\s*" + aLeads);
        assertThat(health(portB)).contains("\"broker\"").contains("UP").containsPattern("\"leader\"\\s*:\\s*" + !aLeads);
        drop("sib2ae/SS 9.musicxml", "sib2ae/SS 9.mid", "sib2ae/SS 9.svg");
        Path score = root.resolve("output/SS 9");

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                .until(() -> "completed_with_failures".equals(indexStatus(score)));

        JsonNode note = noteManifests(score).get(faulty);
        for (String hop : List.of("midi", "audio", "keyframes", "svg")) {
            assertThat(note.get("stages").get(hop).get("status").asText()).isEqualTo("failed");
            assertThat(note.get("stages").get(hop).get("error").asText())
                    .startsWith("dead-lettered after 4 deliveries: IllegalStateException: woven fault on note " + faulty);
        }
        JsonNode index = CrashState.JSON.readTree(score.resolve("manifest.json").toFile());
        assertThat(index.get("failures")).hasSize(4);
        Queue dead = broker.getActiveMQServer().locateQueue(SimpleString.of("sib2ae.notes.dead"));
        assertThat(dead.getMessageCount()).isEqualTo(1);
        // Every other note went through.
        assertThat(finishedNotes(score)).isEqualTo(index.get("counts").get("notes").asLong());
    }

    private ChildService leaderStarted(String node) {
        ChildService leader = start(node, Map.of());
        await().atMost(Duration.ofMinutes(1)).pollInterval(POLL).until(() -> leader.logged(LEADS));
        return leader;
    }

    private ChildService workerStarted(String node) {
        ChildService worker = start(node, Map.of());
        await().atMost(Duration.ofMinutes(1)).pollInterval(POLL).until(worker::started);
        return worker;
    }

    /** Dichterliebe01: 411 notes, a score short enough to kill an instance in the middle of. */
    private Path dropDichterliebe() throws IOException {
        drop("scores/Dichterliebe01.xml", "scores/Dichterliebe01.mid");
        return root.resolve("output/Dichterliebe01");
    }

    /** Every note through its hops, every WAV and manifest whole, and the WAVs verified before a kill untouched. */
    private static JsonNode assertEveryNoteWholeAndNoVerifiedWavRenderedAgain(Path score, Map<Path, VerifiedWav> before)
            throws IOException {
        JsonNode index = CrashState.JSON.readTree(score.resolve("manifest.json").toFile());
        assertThat(finishedNotes(score)).isEqualTo(index.get("counts").get("notes").asLong());
        assertThat(brokenWavs(score)).isEmpty();
        assertThat(invalidJson(score)).isEmpty();
        for (VerifiedWav wav : before.values()) {
            assertThat(Files.getLastModifiedTime(wav.file())).as("mtime of %s", wav.file()).isEqualTo(wav.modified());
            assertThat(FileRecords.sha256(wav.file())).isEqualTo(wav.sha256());
        }
        return index;
    }

    private ChildService start(String node, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(extra);
        properties.put("sib2ae.broker.url", brokerUrl);
        properties.put("sib2ae.node.name", node);
        properties.put("sib2ae.cluster.takeover", Long.toString(TAKEOVER.toSeconds()));
        properties.put("sib2ae.note-workers", "2");
        ChildService child = ChildService.start(root, children.size() + 1, "768m", properties);
        children.add(child);
        return child;
    }

    private static Map<String, String> withManagement(Map<String, String> properties, int port) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("camel.management.enabled", "true");
        all.put("sib2ae.management.port", Integer.toString(port));
        all.put("camel.health.exposure-level", "full");   // each check by name, its details with ?data=true
        return all;
    }

    private static String health(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health?data=true")).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Copies the files to a hidden name in the inbox and renames them, as a careful copy does. */
    private void drop(String... relative) throws IOException {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        for (String file : relative) {
            Path source = TestData.file(file);
            Path hidden = inbox.resolve("." + source.getFileName());
            Files.copy(source, hidden);
            Files.move(hidden, inbox.resolve(source.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Notes through their hops on one node, by what their manifests record. */
    private static long notesBy(Path score, String node) {
        try {
            return noteManifests(score).values().stream()
                    .filter(n -> node.equals(n.get("stages").get("midi").path("node").asText(null))).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
