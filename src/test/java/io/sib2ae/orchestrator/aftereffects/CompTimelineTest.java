package io.sib2ae.orchestrator.aftereffects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sib2ae.orchestrator.aftereffects.CompTimeline.KeySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a repeated or tied note's notehead is keyed, and how long the comp is. */
class CompTimelineTest {

    private static final int FPS = 30;

    @Test
    void aRepeatedNoteIsKeyedAtEachPerformanceEachRunEndingWhereTheNextBegins() {
        OutputNote repeated = note("p", true, null, 3.2, List.of(perf(1.0, 1.5), perf(3.0, 1.5)));
        ScoreOutput score = score(List.of(repeated), Map.of("p", keyframes(90)));

        assertThat(CompTimeline.keys(score, repeated)).containsExactly(
                new KeySegment(1.0, id("p"), 0, 60), new KeySegment(3.0, id("p"), 0, 90));
        assertThat(CompTimeline.audio(score)).extracting(CompTimeline.AudioPlacement::startSeconds).containsExactly(1.0, 3.0);
    }

    @Test
    void aTiedSecondaryIsKeyedFromThePrimarysFrameAtItsOwnStart() {
        OutputNote primary = note("p", true, null, 3.0, List.of(perf(2.0, 2.0)));
        OutputNote secondary = note("s", false, "p", null, List.of(perf(3.0, 1.0)));
        ScoreOutput score = score(List.of(primary, secondary), Map.of("p", keyframes(90)));

        assertThat(CompTimeline.keys(score, secondary)).containsExactly(new KeySegment(3.0, id("p"), 30, 60));
        assertThat(CompTimeline.audio(score)).hasSize(1);
    }

    @Test
    void theCompLastsUntilTheLongestReleaseTailEndsInWholeFrames() {
        OutputNote early = note("a", true, null, 4.01, List.of(perf(0.5, 2.0)));
        OutputNote late = note("b", true, null, 1.0, List.of(perf(3.0, 0.5)));
        ScoreOutput score = score(List.of(early, late), Map.of());

        assertThat(CompTimeline.duration(score, FPS)).isEqualTo(Math.ceil(4.51 * FPS) / FPS);
        assertThat(CompTimeline.size(score)).containsExactly(1920, 1080);
    }

    private static String id(String shortId) {
        return shortId + "0000000-0000-0000-0000-000000000000";
    }

    private static OutputNote.Performance perf(double start, double duration) {
        return new OutputNote.Performance(start, duration);
    }

    private static OutputNote note(String id, boolean primary, String primaryId, Double audioSeconds,
                                   List<OutputNote.Performance> performances) {
        return new OutputNote(id(id), "Flute", "P1", "A4", 69, "1", 80,
                performances.get(0).startSeconds(), performances.get(0).durationSeconds(), performances, primary,
                primaryId == null ? null : id(primaryId), primary ? null : "tie",
                primary ? 0 : 1, "part_onset_pitch", 1.0, "midi_exact", Map.of(),
                primary ? "audio/" + id + ".wav" : null, null, null, null, audioSeconds, null);
    }

    private static NoteKeyframes keyframes(int frames) {
        return new NoteKeyframes("k.json", FPS, frames, Map.of(NoteKeyframes.OPACITY, new double[frames]));
    }

    private static ScoreOutput score(List<OutputNote> notes, Map<String, NoteKeyframes> byShortId) {
        Map<String, NoteKeyframes> keyframes = new java.util.HashMap<>();
        byShortId.forEach((k, v) -> keyframes.put(id(k), v));
        return new ScoreOutput(Path.of("score"), "score", JsonNodeFactory.instance.objectNode(), notes, List.of(), keyframes,
                Map.of(), List.of("P1"));
    }
}
