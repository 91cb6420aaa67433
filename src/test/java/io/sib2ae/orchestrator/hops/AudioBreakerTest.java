package io.sib2ae.orchestrator.hops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.e2e.RunningService;
import io.sib2ae.orchestrator.rendering.WavFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code audio-breaker} around audio rendering, driven by a real failure: the configured
 * SoundFont is a file with a valid RIFF 'sfbk' header over garbage, which the synthesizer pool
 * retries (and fails) on every render, until the test repairs the file in place.
 *
 * <p>A gate woven in front of the breaker lets the test decide how many notes reach it and when,
 * so each phase (closed and failing, open, half-open, closed again) is seen for certain. The
 * thresholds are the shipped ones; only the wait in the open state is shortened.
 */
class AudioBreakerTest {

    private static final String MOZART = "Mozart_String_Quartet_in_G_K._387_1st_Mvmnt_excerpt";
    private static final Path GOOD_SOUNDFONT = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");
    private static final int FAILURES_TO_OPEN = 5;  // camel.resilience4j.minimum-number-of-calls, all failing
    private static final int SHORT_CIRCUITED = 3;

    @TempDir
    Path root;

    @Test
    void failingRendersOpenTheBreakerNotesFailFastAndARepairedSoundFontRecoversWithNothingLost() throws Exception {
        // The repair copies a real SoundFont in; scripts/install-soundfont.sh installs it.
        Assumptions.assumeTrue(Files.isRegularFile(GOOD_SOUNDFONT), "needs " + GOOD_SOUNDFONT);
        Path soundFont = root.resolve("soundfonts").resolve("studio.sf2");
        Files.createDirectories(soundFont.getParent());
        Files.write(soundFont, corruptSoundFont(64 * 1024));
        Map<String, String> overrides = new HashMap<>();
        overrides.put("sib2ae.audio.soundfont", soundFont.toString());
        overrides.put("sib2ae.workers", "1"); // one note at a time: the breaker sees the calls in gate order
        overrides.put("camel.resilience4j.wait-duration-in-open-state", "2");

        Semaphore gate = new Semaphore(0);
        AtomicInteger passed = new AtomicInteger();
        try (RunningService service = RunningService.start(root.resolve("service"), overrides)) {
            try {
                CamelContext context = service.context();
                AdviceWith.adviceWith(context, "hop-audio", route -> {
                    route.weaveById("audio-breaker").before().process(exchange -> gate.acquire());
                    route.weaveById("audio-breaker").after().process(exchange -> passed.incrementAndGet());
                });
                ResilienceProcessor breaker = context.getProcessor("audio-breaker", ResilienceProcessor.class);
                assertThat(breaker.getCircuitBreakerMinimumNumberOfCalls()).isEqualTo(FAILURES_TO_OPEN);
                assertThat(breaker.getCircuitBreakerFailureRateThreshold()).isEqualTo(50f);
                assertThat(breaker.getCircuitBreakerPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
                assertThat(breaker.getCircuitBreakerWaitDurationInOpenState()).isEqualTo(2);
                assertThat(breaker.getCircuitBreakerState()).isEqualTo("CLOSED");

                Path score = service.output().resolve(MOZART);
                service.drop(TestData.file("scores/" + MOZART + ".musicxml"));
                service.drop(TestData.file("scores/" + MOZART + ".mid"));

                // Closed: real renders fail on the corrupt SoundFont until the failure rate opens the breaker.
                gate.release(FAILURES_TO_OPEN);
                await().atMost(Duration.ofSeconds(60)).until(() -> passed.get() == FAILURES_TO_OPEN);
                assertThat(breaker.getNumberOfFailedCalls()).isEqualTo(FAILURES_TO_OPEN);
                assertThat(breaker.getCircuitBreakerState()).isEqualTo("OPEN");

                // Open: the next notes fail fast without a render attempt.
                gate.release(SHORT_CIRCUITED);
                await().atMost(Duration.ofSeconds(10)).until(() -> passed.get() == FAILURES_TO_OPEN + SHORT_CIRCUITED);
                assertThat(breaker.getNumberOfNotPermittedCalls()).isEqualTo(SHORT_CIRCUITED);
                assertThat(breaker.getCircuitBreakerState()).isEqualTo("OPEN");

                // The SoundFont is repaired in place; after the wait the breaker half-opens on its own.
                Path repaired = soundFont.resolveSibling("studio.sf2.new");
                Files.copy(GOOD_SOUNDFONT, repaired);
                Files.move(repaired, soundFont, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                await().atMost(Duration.ofSeconds(10)).until(() -> breaker.getCircuitBreakerState().equals("HALF_OPEN"));

                // Half-open: the trial renders succeed, the breaker closes, the rest of the score renders.
                gate.release(100_000);
                await().atMost(Duration.ofSeconds(120)).until(() -> SS9.archived(service) == 2);
                assertThat(breaker.getCircuitBreakerState()).isEqualTo("CLOSED");

                JsonNode index = Ss9Outputs.read(score.resolve("manifest.json"));
                int failed = FAILURES_TO_OPEN + SHORT_CIRCUITED;
                assertThat(index.get("status").asText()).isEqualTo("completed_with_failures");
                assertThat(index.get("counts").get("stages").get("audio").get("failed").asInt()).isEqualTo(failed);
                assertThat(index.get("failures")).hasSize(failed);

                List<JsonNode> primaries = Ss9Outputs.primaries(score);
                List<JsonNode> renderFailures = withAudio(primaries, "failed").stream()
                        .filter(n -> !n.get("stages").get("audio").has("breaker_open")).toList();
                List<JsonNode> failedFast = withAudio(primaries, "failed").stream()
                        .filter(n -> n.get("stages").get("audio").path("breaker_open").asBoolean()).toList();
                assertThat(renderFailures).hasSize(FAILURES_TO_OPEN).allSatisfy(n -> assertThat(
                        n.get("stages").get("audio").get("error").asText())
                        .startsWith("render failed: SoundFontException").contains(soundFont.toString()).contains("corrupt"));
                assertThat(failedFast).hasSize(SHORT_CIRCUITED).allSatisfy(n -> assertThat(
                        n.get("stages").get("audio").get("error").asText()).contains("circuit breaker OPEN").contains("not attempted"));
                for (JsonNode note : withAudio(primaries, "failed")) {
                    // Never passed off as rendered: no file record, no WAV, keyframes skipped with the reason.
                    assertThat(note.get("files").get("audio").get("file_exists").asBoolean()).isFalse();
                    assertThat(note.get("files").get("audio").get("sha256").isNull()).isTrue();
                    assertThat(score.resolve("audio").resolve(note.get("files").get("audio").get("predicted_filename").asText()))
                            .doesNotExist();
                    assertThat(note.get("stages").get("keyframes").get("status").asText()).isEqualTo("skipped");
                    assertThat(note.get("stages").get("keyframes").get("reason").asText())
                            .startsWith("no audio to analyse: audio failed");
                    assertThat(note.get("files").get("keyframes").get("file_exists").asBoolean()).isFalse();
                }
                List<JsonNode> rendered = withAudio(primaries, "completed");
                assertThat(rendered).hasSize(primaries.size() - failed);
                Map<Path, FileTime> renderedTimes = new HashMap<>();
                for (JsonNode note : rendered) {
                    Path wav = score.resolve(note.get("files").get("audio").get("path").asText());
                    assertThat(WavFile.validate(wav).durationSeconds()).isGreaterThanOrEqualTo(note.get("duration_seconds").asDouble());
                    assertThat(note.get("stages").get("keyframes").get("status").asText()).isEqualTo("completed");
                    renderedTimes.put(wav, Files.getLastModifiedTime(wav));
                }

                // Nothing lost: a re-run renders exactly the notes that failed, and only those.
                service.drop(TestData.file("scores/" + MOZART + ".musicxml"));
                service.drop(TestData.file("scores/" + MOZART + ".mid"));
                await().atMost(Duration.ofSeconds(120)).until(() -> SS9.archived(service) == 4);

                assertThat(Ss9Outputs.status(score)).isEqualTo("completed");
                List<JsonNode> again = Ss9Outputs.primaries(score);
                List<String> retried = withAudio(primaries, "failed").stream().map(n -> n.get("universal_id").asText()).toList();
                assertThat(withAudio(again, "completed")).extracting(n -> n.get("universal_id").asText())
                        .containsExactlyInAnyOrderElementsOf(retried);
                assertThat(withAudio(again, "skipped")).hasSize(primaries.size() - failed);
                for (JsonNode note : again) {
                    assertThat(note.get("stages").get("keyframes").get("status").asText())
                            .isEqualTo(retried.contains(note.get("universal_id").asText()) ? "completed" : "skipped");
                }
                for (Map.Entry<Path, FileTime> wav : renderedTimes.entrySet()) {
                    assertThat(Files.getLastModifiedTime(wav.getKey())).as(wav.getKey().toString()).isEqualTo(wav.getValue());
                }
            } finally {
                gate.release(100_000); // never leave a note worker waiting at the gate on shutdown
            }
        }
    }

    /**
     * The per-note timeout is the renderer's own, on the note worker's thread (the breaker's
     * timeout, which would run each render on a thread of its own, is off): a render past it fails
     * the note as timed out, and the breaker counts those failures until it opens.
     *
     * <p>The score is twelve whole notes at crotchet = 30, eight seconds each. The deadline is
     * looked at every fifth of a second of synthesis, so a render would have to make some 7.8 s
     * of audio within the millisecond (over 300 million frames a second) to escape it: no machine
     * does. A score of short notes does not make that certain: on a fast machine, three of the
     * first six Mozart notes once rendered within the millisecond, and the breaker opened later.
     */
    @Test
    void rendersPastTheTimeoutFailAsTimedOutAndOpenTheBreaker() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(GOOD_SOUNDFONT), "needs " + GOOD_SOUNDFONT);
        Map<String, String> overrides = new HashMap<>();
        overrides.put("sib2ae.audio.soundfont", GOOD_SOUNDFONT.toString());
        overrides.put("sib2ae.audio.render-timeout-ms", "1");
        overrides.put("sib2ae.workers", "1"); // one note at a time: the breaker sees the calls in order
        overrides.put("camel.resilience4j.wait-duration-in-open-state", "600"); // no half-open trial within the test
        Path musicXml = root.resolve(LONG_NOTES + ".musicxml");
        Files.writeString(musicXml, longNotes(LONG_NOTE_COUNT));
        try (RunningService service = RunningService.start(root.resolve("service"), overrides)) {
            ResilienceProcessor breaker = service.context().getProcessor("audio-breaker", ResilienceProcessor.class);
            assertThat(breaker.isTimeoutEnabled()).isFalse();
            Path score = service.output().resolve(LONG_NOTES);
            service.drop(musicXml);
            await().atMost(Duration.ofSeconds(120)).until(() -> SS9.archived(service) == 1);

            List<JsonNode> primaries = Ss9Outputs.primaries(score);
            assertThat(primaries).hasSize(LONG_NOTE_COUNT)
                    .allSatisfy(n -> assertThat(n.get("duration_seconds").asDouble()).isEqualTo(8.0));
            assertThat(withAudio(primaries, "failed")).hasSize(LONG_NOTE_COUNT);
            List<JsonNode> timedOut = primaries.stream()
                    .filter(n -> !n.get("stages").get("audio").has("breaker_open")).toList();
            List<JsonNode> failedFast = primaries.stream()
                    .filter(n -> n.get("stages").get("audio").path("breaker_open").asBoolean()).toList();
            // The breaker judges after its minimum number of calls, all failed: it opens on the fifth note.
            assertThat(timedOut).extracting(n -> n.get("sequence").asInt()).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
            assertThat(timedOut).allSatisfy(n -> assertThat(n.get("stages").get("audio").get("error").asText())
                    .matches("render timed out: still running after \\d+ ms \\(timeout 1 ms\\)"));
            assertThat(failedFast).hasSize(LONG_NOTE_COUNT - FAILURES_TO_OPEN).allSatisfy(n -> assertThat(
                    n.get("stages").get("audio").get("error").asText()).contains("circuit breaker OPEN").contains("not attempted"));
            assertThat(breaker.getNumberOfFailedCalls()).isEqualTo(FAILURES_TO_OPEN);
            assertThat(breaker.getNumberOfSuccessfulCalls()).isZero();
            assertThat(breaker.getNumberOfNotPermittedCalls()).isEqualTo(LONG_NOTE_COUNT - FAILURES_TO_OPEN);
            assertThat(breaker.getCircuitBreakerState()).isEqualTo("OPEN");
            assertThat(Ss9ServiceHopsTest.filesUnder(score.resolve("audio"))).as("no WAV of a timed-out render").isEmpty();
            assertThat(Ss9Outputs.status(score)).isEqualTo("completed_with_failures");
        }
    }

    private static final String LONG_NOTES = "whole_notes_at_crotchet_30";
    private static final int LONG_NOTE_COUNT = 12;

    /** One part of {@code count} whole notes, each a step higher, at crotchet = 30: eight seconds a note. */
    private static String longNotes(int count) {
        String[] steps = {"C", "D", "E", "F", "G", "A", "B"};
        StringBuilder measures = new StringBuilder();
        for (int i = 0; i < count; i++) {
            measures.append("<measure number=\"").append(i + 1).append("\">");
            if (i == 0) {
                measures.append("<attributes><divisions>1</divisions><time><beats>4</beats><beat-type>4</beat-type></time>"
                        + "<clef><sign>G</sign><line>2</line></clef></attributes>"
                        + "<direction placement=\"above\"><direction-type><metronome><beat-unit>quarter</beat-unit>"
                        + "<per-minute>30</per-minute></metronome></direction-type><sound tempo=\"30\"/></direction>");
            }
            measures.append("<note><pitch><step>").append(steps[i % 7]).append("</step><octave>").append(4 + i / 7)
                    .append("</octave></pitch><duration>4</duration><voice>1</voice><type>whole</type></note></measure>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><score-partwise version=\"4.0\">"
                + "<part-list><score-part id=\"P1\"><part-name>Flute</part-name></score-part></part-list>"
                + "<part id=\"P1\">" + measures + "</part></score-partwise>";
    }

    private static List<JsonNode> withAudio(List<JsonNode> notes, String status) {
        return notes.stream().filter(n -> n.get("stages").get("audio").get("status").asText().equals(status)).toList();
    }

    /** A RIFF 'sfbk' file of consistent size whose chunks are garbage: passes the header check, fails to load. */
    static byte[] corruptSoundFont(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(size - 8).put(new byte[] {'s', 'f', 'b', 'k'});
        return bytes;
    }

    /** Shared folder helpers of the service tests. */
    private static final class SS9 {
        static int archived(RunningService service) throws java.io.IOException {
            return Ss9ServiceHopsTest.archived(service);
        }
    }
}
