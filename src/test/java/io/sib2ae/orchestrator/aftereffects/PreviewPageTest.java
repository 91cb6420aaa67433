package io.sib2ae.orchestrator.aftereffects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The preview page of real one-shot runs, in headless Chromium: SS 9 served over HTTP and opened
 * from the file system, checked against its manifest; ActorPreludeSample (about 1,900 notes, no
 * SVG) for its load time and lazy audio.
 */
class PreviewPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the test leaves its screenshot; docs/img/preview-ss9.png is a copy of one. */
    static final Path SCREENSHOT = Path.of("target", "aftereffects-it", "preview-ss9.png").toAbsolutePath();

    private static Path ss9;
    private static JsonNode index;
    private static List<Double> times;
    private static JsonNode seen;

    @BeforeAll
    static void openSs9() throws Exception {
        NodeTools.assumeChromium();
        ss9 = ProcessedScores.ss9();
        index = JSON.readTree(ss9.resolve("manifest.json").toFile());
        times = fiveTimes(index);
        seen = NodeTools.run("preview-check.js", "--folder", ss9.toString(),
                "--times", times.stream().map(t -> String.format(Locale.ROOT, "%.3f", t)).collect(Collectors.joining(",")),
                "--hover", "--audio", "--file", "--screenshot", SCREENSHOT.toString());
    }

    @Test
    void everyNoteheadTheSvgHopFoundIsDrawnWithItsUniversalId() {
        List<String> found = new ArrayList<>();
        index.path("notes").forEach(n -> {
            if ("completed".equals(n.path("stages").path("svg").path("status").asText())) {
                found.add(n.path("universal_id").asText());
            }
        });

        assertThat(found).hasSize(9);
        assertThat(texts(seen.path("http").path("noteheads"))).containsExactlyInAnyOrderElementsOf(found);
        assertThat(texts(seen.path("file").path("noteheads"))).containsExactlyInAnyOrderElementsOf(found);
        assertThat(seen.path("http").path("pages").asInt()).isEqualTo(1);
    }

    @Test
    void hoveringANoteheadShowsItsUniversalIdAndEveryHop() {
        JsonNode hover = seen.path("http").path("hover");
        String uid = hover.path("uid").asText();

        assertThat(hover.path("text").asText()).contains(uid).contains("match ").contains("confidence")
                .contains("coordination: completed").contains("audio: ").contains("svg: completed");
        JsonNode note = noteById(uid);
        assertThat(hover.path("text").asText()).contains(note.path("instrument").asText() + " " + note.path("pitch").asText())
                .contains("measure " + note.path("measure").asText());
        // A click opens the note's WAV and its amplitude plot, one point per keyframe.
        JsonNode sounding = note.path("is_primary").asBoolean() ? note : noteById(note.path("primary_universal_id").asText());
        assertThat(texts(seen.path("http").path("detail").path("audio")))
                .containsExactly(sounding.path("files").path("audio").path("path").asText());
        assertThat(seen.path("http").path("detail").path("plotPoints").get(0).asInt()).isEqualTo(read(ss9.resolve(
                sounding.path("files").path("keyframes").path("path").asText())).path("keyframes").path("amplitude").size());
    }

    @Test
    void everyWavLoadsOverHttpAndFromTheFileSystem() {
        for (String mode : List.of("http", "file")) {
            JsonNode audio = seen.path(mode).path("audio");

            assertThat(audio.path("files").asInt()).as(mode).isEqualTo(6);
            assertThat(audio.path("loaded").asInt()).as(mode).isEqualTo(6);
            assertThat(audio.path("failed")).as(mode).isEmpty();
        }
    }

    @Test
    void seekingMarksExactlyTheNotesSoundingThenOverHttpAndFromTheFileSystem() {
        for (String mode : List.of("http", "file")) {
            JsonNode seeks = seen.path(mode).path("seeks");
            assertThat(seeks).hasSize(5);
            for (JsonNode seek : seeks) {
                double t = seek.path("t").asDouble();
                List<String> expected = soundingAt(t);
                assertThat(texts(seek.path("noteheads"))).as(mode + " noteheads sounding at " + t).isEqualTo(expected);
                assertThat(texts(seek.path("bars"))).as(mode + " timeline bars sounding at " + t).isEqualTo(expected);
                assertThat(texts(seek.path("sounding"))).as(mode + " seek's answer at " + t).isEqualTo(expected);
            }
        }
        assertThat(seen.path("http").path("seeks").findValues("noteheads").stream().mapToInt(JsonNode::size).max().orElse(0))
                .as("some moment has more than one note sounding").isGreaterThan(1);
    }

    @Test
    void theTimelineHasALanePerInstrumentABarPerNoteAndTheTiesJoined() {
        JsonNode page = seen.path("http");

        assertThat(texts(page.path("lanes"))).containsExactly("Flûte", "Violon");
        assertThat(page.path("bars").asInt()).isEqualTo(9);
        assertThat(page.path("ties").asInt()).as("one arc per tied secondary").isEqualTo(3);
        assertThat(page.path("summary").asText()).contains("audio").contains("Breaker events: 0")
                .contains("SoundFont: " + index.path("notes").get(0).path("audio").path("soundfont").asText())
                .contains("Unmatched notes (0)");
    }

    @Test
    void noConsoleErrorsAndNoFailedRequestsEitherWay() {
        for (String mode : List.of("http", "file")) {
            assertThat(seen.path(mode).path("consoleErrors")).as(mode + " console errors").isEmpty();
            assertThat(seen.path(mode).path("failedRequests")).as(mode + " failed requests").isEmpty();
        }
        assertThat(seen.path("http").path("mode").asText()).isEqualTo("web-audio");
        assertThat(seen.path("file").path("mode").asText()).isEqualTo("media-elements");
        assertThat(SCREENSHOT).isRegularFile();
    }

    @Test
    void anOrchestralScoreWithoutSvgOpensQuicklyAndDecodesOnlyAheadOfThePlayhead() throws Exception {
        Path actor = ProcessedScores.actorPrelude();
        JsonNode actorIndex = JSON.readTree(actor.resolve("manifest.json").toFile());
        int notes = actorIndex.path("notes").size();

        JsonNode page = NodeTools.run("preview-check.js", "--folder", actor.toString(), "--times", "30", "--play", "30,2")
                .path("http");

        System.out.printf(Locale.ROOT, "ActorPreludeSample preview (%d notes): ready %.0f ms after navigation, %d ms from goto to ready%n",
                notes, page.path("readyMillis").asDouble(), page.path("loadMillis").asLong());
        assertThat(notes).isGreaterThan(1_500);
        assertThat(page.path("pages").asInt()).as("no SVG, no page").isZero();
        assertThat(page.path("bars").asInt()).isEqualTo(notes);
        assertThat(page.path("consoleErrors")).isEmpty();
        JsonNode play = page.path("play");
        assertThat(play.path("position").asDouble()).as("the transport moved while playing").isGreaterThan(30.5);
        JsonNode stats = play.path("stats");
        assertThat(stats.path("failed").asInt()).isZero();
        assertThat(stats.path("scheduled").asInt()).as("notes handed to the mixer").isPositive();
        assertThat(stats.path("fetched").asInt()).as("WAVs fetched: a few seconds' worth, not all " + stats.path("performances"))
                .isLessThan(stats.path("performances").asInt() / 4);
    }

    /* Five moments: before anything sounds, at four onsets just after they begin, and the tie's overlap. */
    private static List<Double> fiveTimes(JsonNode index) {
        TreeSet<Double> starts = new TreeSet<>();
        index.path("notes").forEach(n -> n.path("performances").forEach(p -> starts.add(p.path("start_seconds").asDouble())));
        List<Double> result = new ArrayList<>();
        result.add(Math.max(0, starts.first() - 1));
        for (Double s : starts) {
            if (result.size() == 5) {
                break;
            }
            result.add(s + 0.05);
        }
        return result;
    }

    private static List<String> soundingAt(double t) {
        TreeSet<String> sounding = new TreeSet<>();
        index.path("notes").forEach(n -> n.path("performances").forEach(p -> {
            double start = p.path("start_seconds").asDouble();
            if (t >= start && t < start + p.path("duration_seconds").asDouble()) {
                sounding.add(n.path("universal_id").asText());
            }
        }));
        return new ArrayList<>(sounding);
    }

    private static JsonNode noteById(String uid) {
        for (JsonNode n : index.path("notes")) {
            if (n.path("universal_id").asText().equals(uid)) {
                return n;
            }
        }
        throw new AssertionError("no note " + uid + " in the manifest");
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(v -> result.add(v.asText()));
        return result;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
