package io.sib2ae.orchestrator.hops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.e2e.RunningService;
import io.sib2ae.orchestrator.rendering.KeyframesHop;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A defect inside one hop, on one note: the failure is recorded on that hop of that note, the
 * note still goes through its later hops, and the rest of the score is untouched. No input
 * makes a hop throw unexpectedly, so the defect is woven into the real route.
 */
class HopFailureTest {

    @TempDir
    Path root;

    @Test
    void aDefectInTheKeyframesHopFailsThatHopOnThatNoteAndTheNoteStillGetsItsNotehead() throws Exception {
        AtomicBoolean thrown = new AtomicBoolean();
        try (RunningService service = RunningService.start(root, Ss9ServiceHopsTest.SMALL_SOUNDFONT)) {
            // The real hop runs for every note but the first primary one, where the defect strikes.
            KeyframesHop keyframes = service.context().getRegistry().lookupByNameAndType("keyframesHop", KeyframesHop.class);
            AdviceWith.adviceWith(service.context(), "hop-keyframes", route -> route.weaveById("extract-keyframes")
                    .replace().process(exchange -> {
                        NoteWork work = exchange.getMessage().getBody(NoteWork.class);
                        if (work.manifest().isPrimary && thrown.compareAndSet(false, true)) {
                            throw new IllegalStateException("simulated defect");
                        }
                        exchange.getMessage().setBody(keyframes.extract(work, null));
                    }));
            service.drop(TestData.file("sib2ae/SS 9.musicxml"));
            service.drop(TestData.file("sib2ae/SS 9.mid"));
            service.drop(TestData.file("sib2ae/SS 9.svg"));
            Path index = service.awaitClosed("SS 9");

            JsonNode score = Ss9Outputs.read(index);
            assertThat(score.get("status").asText()).isEqualTo("completed_with_failures");
            JsonNode stages = score.get("counts").get("stages");
            assertThat(stages.get("keyframes").get("failed").asInt()).isEqualTo(1);
            assertThat(stages.get("keyframes").get("completed").asInt()).isEqualTo(Ss9Outputs.PRIMARIES - 1);
            assertThat(stages.get("svg").get("completed").asInt()).isEqualTo(Ss9Outputs.NOTES);
            assertThat(stages.get("coordination").get("completed").asInt()).isEqualTo(Ss9Outputs.NOTES);
            assertThat(score.get("failures")).hasSize(1);
            assertThat(score.get("failures").get(0).asText()).contains("keyframes: IllegalStateException: simulated defect");

            List<JsonNode> failed = Ss9Outputs.noteManifests(index.getParent()).stream()
                    .filter(note -> note.get("stages").get("keyframes").get("status").asText().equals("failed")).toList();
            assertThat(failed).hasSize(1);
            JsonNode note = failed.get(0).get("stages");
            assertThat(note.get("keyframes").get("error").asText()).isEqualTo("IllegalStateException: simulated defect");
            // The hops before it did their work, and the one after it still ran.
            assertThat(note.get("midi").get("status").asText()).isEqualTo("completed");
            assertThat(note.get("audio").get("status").asText()).isEqualTo("completed");
            assertThat(note.get("svg").get("status").asText()).isEqualTo("completed");
        }
    }
}
