package io.sib2ae.orchestrator.e2e;

import static io.sib2ae.orchestrator.e2e.CrashState.finishedNotes;
import static io.sib2ae.orchestrator.e2e.CrashState.hop;
import static io.sib2ae.orchestrator.e2e.CrashState.indexStatus;
import static io.sib2ae.orchestrator.e2e.CrashState.percent;
import static io.sib2ae.orchestrator.e2e.CrashState.progress;
import static io.sib2ae.orchestrator.e2e.CrashState.startedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.e2e.CrashState.VerifiedWav;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the real service, run as a child process on one set of folders and stopped at
 * every stage of one score (Dichterliebe01: 411 notes, 359 of them sounding):
 * <ol>
 *   <li>SIGKILL during coordination: the files are claimed into work/ and the per-note manifests are
 *       being written, manifest.json does not exist yet;</li>
 *   <li>SIGKILL mid-rendering: progress.json shows between 20% and 80% of the notes done;</li>
 *   <li>SIGTERM mid-rendering (the next run is rendering notes again): the process must end within
 *       5 s, abandoning the notes not rendered yet (they resume) and printing no stack trace;</li>
 *   <li>SIGKILL at the end: every note is through the hops (progress.json at 100%) and close() is
 *       writing the final manifest.json and archiving the inputs;</li>
 *   <li>a last start that must finish the score.</li>
 * </ol>
 * Each start is a restart of the one before, on the same folders, so the whole chain costs one
 * rendering of the score. After every stop the test checks what a crash may leave: manifests that
 * parse, WAVs whose RIFF sizes agree with their lengths, inputs neither lost nor duplicated. At the
 * end: the score completed, no temporary or partial file anywhere, and no WAV that was rendered and
 * verified before a kill was rendered again (same bytes, same mtime, audio "skipped").
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class CrashRecoveryTest {

    private static final String SCORE = "Dichterliebe01";
    /** A stop abandons the notes not begun and waits only for the hops running: the whole JVM ends within this. */
    private static final Duration STOP_WITHIN = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(10);

    @TempDir
    Path root;

    private final List<ChildService> started = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private final long createdAt = System.nanoTime();

    @AfterEach
    void stopChildren() throws InterruptedException, IOException {
        for (ChildService child : started) {
            if (child.alive()) {
                child.kill();
            }
        }
        report.forEach(line -> System.out.println("[crash-recovery] " + line));
        // Keep the children's logs for a look after a failure (the temporary folder is deleted).
        Path logs = root.resolve("logs");
        if (Files.isDirectory(logs)) {
            Path kept = Files.createDirectories(Path.of("target", "crash-recovery-logs"));
            for (Path log : CrashState.files(logs)) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void aServiceKilledAtAnyStageResumesTheScoreAndRendersNoNoteTwice() throws Exception {
        long testStarted = System.nanoTime();
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path work = root.resolve("work");
        Path incoming = work.resolve("incoming");
        Path output = root.resolve("output");
        Path score = output.resolve(SCORE);
        Path xml = TestData.file("scores/" + SCORE + ".xml");
        Path midi = TestData.file("scores/" + SCORE + ".mid");
        Map<Path, VerifiedWav> renderedBeforeAKill = new LinkedHashMap<>();

        // 1. SIGKILL during coordination.
        ChildService run1 = start(1);
        Files.copy(xml, inbox.resolve(xml.getFileName()));
        Files.copy(midi, inbox.resolve(midi.getFileName()));
        await("run 1 coordinating").atMost(Duration.ofSeconds(120)).pollInterval(POLL)
                .failFast("run 1 exited", () -> !run1.alive())
                .until(() -> CrashState.files(incoming).size() == 2
                        && (Files.isDirectory(score.resolve("manifests")) || Files.exists(score.resolve("manifest.json"))));
        run1.kill();
        JsonNode atKill1 = progress(score);
        report.add("kill 1 (coordination): manifest.json " + (Files.exists(score.resolve("manifest.json")) ? "written, status "
                + indexStatus(score) : "not written yet") + ", per-note manifests on disk: " + countNoteFiles(score)
                + ", notes done: " + (atKill1 == null ? 0 : atKill1.get("notes_done").asInt()));
        assertThat(atKill1 == null || atKill1.get("notes_done").asInt() < 42)
                .as("run 1 was killed while coordinating, before rendering got anywhere").isTrue();
        assertCrashLeftConsistentState("kill 1", score);

        // 2. SIGKILL mid-rendering.
        ChildService run2 = start(2);
        await("run 2 between 20% and 80%").atMost(Duration.ofSeconds(150)).pollInterval(POLL)
                .failFast("run 2 exited", () -> !run2.alive())
                .until(() -> percent(progress(score)) >= 20);
        run2.kill();
        // The snapshot of what the manifests recorded as rendered and verified is taken the moment
        // the process is dead: exactly the state the kill left (hashing first would delay the kill).
        Map<Path, VerifiedWav> beforeKill2 = CrashState.verifiedWavs(score);
        JsonNode atKill2 = progress(score);
        report.add("kill 2 (mid-rendering): " + percent(atKill2) + "% of notes done, " + beforeKill2.size()
                + " WAVs rendered and verified before the kill");
        assertThat(run2.logged("Resuming 2 input file(s)")).as("run 2 put the claimed inputs back").isTrue();
        assertThat(percent(atKill2)).isBetween(20.0, 80.0);
        assertThat(beforeKill2).isNotEmpty();
        renderedBeforeAKill.putAll(beforeKill2);
        assertCrashLeftConsistentState("kill 2", score);
        // A SIGKILL in the middle of AtomicFiles.write leaves its temporary sibling behind; whether
        // this kill hit one is luck, so leave two the way it would (a torn WAV and a torn manifest).
        String plantedWav = "." + beforeKill2.keySet().iterator().next().getFileName() + "." + UUID.randomUUID() + ".tmp";
        Files.write(score.resolve("audio").resolve(plantedWav), "RIFF\u00ff\u00ff\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1));
        String plantedJson = "." + beforeKill2.values().iterator().next().universalId() + ".json." + UUID.randomUUID() + ".tmp";
        Files.writeString(score.resolve("manifests").resolve(plantedJson), "{\n  \"universal_id\" : \"");

        // 3. SIGTERM while the next run renders again.
        ChildService run3 = start(3);
        String run2Start = startedAt(atKill2);
        await("run 3 rendering").atMost(Duration.ofSeconds(150)).pollInterval(POLL)
                .failFast("run 3 exited", () -> !run3.alive())
                .until(() -> {
                    JsonNode p = progress(score);
                    return p != null && !startedAt(p).equals(run2Start) && hop(p, "audio.completed") >= 2;
                });
        JsonNode atTerm = progress(score);
        Duration exit = run3.terminate(Duration.ofSeconds(60));
        Map<Path, VerifiedWav> beforeTerm = CrashState.verifiedWavs(score);
        report.add("SIGTERM (mid-rendering): run 3 at " + percent(atTerm) + "% (" + hop(atTerm, "audio.skipped")
                + " audio skipped, " + hop(atTerm, "audio.completed") + " rendered); process ended after "
                + (exit == null ? "MORE THAN 60 s (killed)" : exit.toMillis() + " ms") + ", then at " + percent(progress(score))
                + "%, manifest.json " + indexStatus(score));
        assertThat(exit).as("SIGTERM ends the service at all").isNotNull();
        assertThat(exit).as("SIGTERM ends the service within %s s", STOP_WITHIN.toSeconds()).isLessThanOrEqualTo(STOP_WITHIN);
        assertThat(run3.logged("notes abandoned, they resume on next start")).as("run 3 said what it left").isTrue();
        assertThat(progress(score).get("status").asText()).as("progress.json after the stop").isEqualTo("stopped");
        assertThat(CrashState.files(output.resolve("events"))).as("a stopped score is not announced as finished").isEmpty();
        assertThat(ServiceLogTest.lines(run3.log())).as("run 3's log: every line stamped, no stack trace")
                .allMatch(line -> line.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\[.*"));
        assertThat(hop(atTerm, "audio.skipped")).as("run 3 skipped the audio run 2 had verified").isGreaterThan(0);
        renderedBeforeAKill.putAll(beforeTerm);
        assertCrashLeftConsistentState("SIGTERM", score);
        boolean completedDuringGracefulStop = indexStatus(score).equals("completed");

        // 4. SIGKILL at the very end: all notes through, the final manifest being written.
        ChildService run4 = start(4);
        if (completedDuringGracefulStop) {
            // Graceful shutdown had time to finish the score: submit it again to get an end to kill.
            Files.copy(xml, inbox.resolve(xml.getFileName()));
            Files.copy(midi, inbox.resolve(midi.getFileName()));
        }
        String run3Start = startedAt(progress(score));
        await("run 4 started").atMost(Duration.ofSeconds(150)).pollInterval(POLL)
                .failFast("run 4 exited", () -> !run4.alive())
                .until(() -> !startedAt(progress(score)).equals(run3Start));
        int total = progress(score).get("notes_total").asInt();
        // progress.json is rewritten at every 10% and at 100%, the last time just before close()
        // writes the final manifest.json and archives the inputs (about 100 ms on this machine):
        // polling it every 5 ms (it is small) lands the kill in that window.
        await("run 4 at its end").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(5))
                .failFast("run 4 exited", () -> !run4.alive())
                .until(() -> {
                    JsonNode p = progress(score);
                    return p != null && p.get("notes_done").asInt() == total;
                });
        run4.kill();
        Map<Path, VerifiedWav> beforeKill3 = CrashState.verifiedWavs(score);
        report.add("kill 3 (end): progress.json " + progress(score).get("notes_done").asInt() + "/" + total + " "
                + progress(score).get("status").asText() + ", per-note manifests finished " + finishedNotes(score)
                + "/" + total
                + ", manifest.json " + indexStatus(score) + ", inputs still in work/: " + CrashState.files(incoming).size()
                + (completedDuringGracefulStop ? " (score had completed during the graceful stop and was submitted again)" : ""));
        renderedBeforeAKill.putAll(beforeKill3);
        assertCrashLeftConsistentState("kill 3", score);

        // 5. The last start finishes the score.
        ChildService run5 = start(5);
        await("run 5 completes the score").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(100))
                .failFast("run 5 exited", () -> !run5.alive())
                .until(() -> indexStatus(score).equals("completed") && CrashState.files(incoming).isEmpty()
                        && CrashState.files(inbox).isEmpty() && !CrashState.files(root.resolve("archive")).isEmpty());
        // Not asserted: progress.json saying "completed". A kill after close() archived the inputs but
        // before the progress reporter and the completion event ran leaves progress.json at "processing"
        // and the event unpublished for good; nothing is left to resume (see the report).
        Duration idleStop = run5.terminate(STOP_WITHIN);
        report.add("run 5: completed; idle SIGTERM took " + (idleStop == null ? "too long" : idleStop.toMillis() + " ms"));

        // The score is complete and whole.
        JsonNode index = CrashState.JSON.readTree(score.resolve("manifest.json").toFile());
        assertThat(index.get("status").asText()).isEqualTo("completed");
        assertThat(index.get("counts").get("notes").asInt()).isEqualTo(total);
        Map<String, JsonNode> notes = CrashState.noteManifests(score);
        assertThat(notes).hasSize(total);
        assertThat(notes.values()).allSatisfy(note -> assertThat(CrashState.finished(note)).as(note.get("universal_id").asText()).isTrue());
        assertThat(CrashState.invalidJson(score)).isEmpty();
        assertThat(CrashState.brokenWavs(output)).isEmpty();
        assertThat(CrashState.recordedWavs(score, false)).as("every sounding note has its WAV, recorded and verified")
                .hasSize(index.get("counts").get("primary_notes").asInt());
        assertThat(CrashState.partialFiles(output, work, inbox))
                .as("no temporary or partial file is left after recovery").isEmpty();
        assertThat(CrashState.files(root.resolve("failed"))).as("nothing was quarantined").isEmpty();
        assertThat(CrashState.files(root.resolve("archive"))).extracting(p -> p.getFileName().toString())
                .contains(SCORE + ".xml", SCORE + ".mid");

        // No note was rendered twice: a WAV verified before any kill kept its bytes and mtime, and
        // the final run's manifest of that note says the audio was skipped as already verified.
        assertThat(renderedBeforeAKill).isNotEmpty();
        for (VerifiedWav before : renderedBeforeAKill.values()) {
            assertThat(Files.size(before.file())).as(before.file().toString()).isEqualTo(before.size());
            assertThat(CrashState.mtime(before.file())).as(before.file().toString()).isEqualTo(before.modified());
            assertThat(io.sib2ae.orchestrator.manifest.FileRecords.sha256(before.file())).isEqualTo(before.sha256());
            JsonNode audio = notes.get(before.universalId()).get("stages").get("audio");
            assertThat(audio.get("status").asText()).as(before.universalId()).isEqualTo("skipped");
            assertThat(audio.get("reason").asText()).startsWith("already rendered").endsWith("and verified");
        }
        report.add("final: " + renderedBeforeAKill.size() + " WAVs verified before a kill kept bytes and mtime; "
                + "test took " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - testStarted) + " s");
    }

    private ChildService start(int run) {
        report.add(String.format("run %d starts at %.1f s", run, (System.nanoTime() - createdAt) / 1e9));
        ChildService child = ChildService.start(root, run);
        started.add(child);
        return child;
    }

    /** What any stop may leave: only whole manifests, only whole WAVs, every input in exactly one place. */
    private void assertCrashLeftConsistentState(String when, Path score) throws IOException {
        assertThat(CrashState.invalidJson(score)).as(when + ": manifests that do not parse").isEmpty();
        assertThat(CrashState.brokenWavs(root.resolve("output"))).as(when + ": truncated WAVs").isEmpty();
        List<String> live = new ArrayList<>();
        for (String folder : new String[] {"inbox", "work"}) {
            CrashState.files(root.resolve(folder)).forEach(p -> live.add(p.getFileName().toString()));
        }
        assertThat(CrashState.files(root.resolve("failed"))).as(when + ": nothing quarantined").isEmpty();
        if (live.isEmpty()) {
            assertThat(indexStatus(score)).as(when + ": inputs gone from inbox and work only once the score completed")
                    .isEqualTo("completed");
        } else {
            assertThat(live).as(when + ": every input in exactly one place").containsExactlyInAnyOrder(SCORE + ".xml", SCORE + ".mid");
        }
        List<Path> partial = CrashState.partialFiles(root.resolve("output"), root.resolve("work"), root.resolve("inbox"));
        if (!partial.isEmpty()) {
            report.add(when + ": the stop left " + partial.size() + " temporary file(s): " + partial.stream()
                    .map(p -> root.relativize(p).toString()).toList());
        }
    }

    private static long countNoteFiles(Path score) throws IOException {
        return CrashState.files(score.resolve("manifests")).size();
    }
}
