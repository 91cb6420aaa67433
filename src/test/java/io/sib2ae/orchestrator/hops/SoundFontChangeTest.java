package io.sib2ae.orchestrator.hops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sib2ae.orchestrator.e2e.RunningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A studio switches SoundFonts and runs the score again: new sounds, and keyframes that fit them. */
class SoundFontChangeTest {

    @TempDir
    Path root;

    @Test
    void reRunWithAnotherSoundFontReRendersEveryWavAndReAnalysesItsKeyframes() throws Exception {
        // scripts/install-soundfont.sh (run by the test command) installs both.
        Assumptions.assumeTrue(Files.isRegularFile(Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"))
                && Files.isRegularFile(Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2")), "needs TimGM6mb and FluidR3_GM");
        Path score;
        Map<String, Long> firstSizes = new HashMap<>();
        try (RunningService service = RunningService.start(root, Ss9ServiceHopsTest.SMALL_SOUNDFONT)) {
            score = service.output().resolve(Ss9Outputs.SCORE);
            Ss9ServiceHopsTest.dropSs9(service);
            await().atMost(Duration.ofSeconds(90)).until(() -> Ss9ServiceHopsTest.archived(service) == 3);
            assertThat(Ss9Outputs.status(score)).isEqualTo("completed");
            for (JsonNode note : Ss9Outputs.primaries(score)) {
                assertThat(note.get("audio").get("soundfont").asText()).isEqualTo("TimGM6mb.sf2");
                firstSizes.put(note.get("universal_id").asText(), note.get("files").get("audio").get("file_size").asLong());
            }
        }

        try (RunningService service = RunningService.start(root,
                Map.of("sib2ae.audio.soundfont", "/usr/share/sounds/sf2/FluidR3_GM.sf2"))) {
            Ss9ServiceHopsTest.dropSs9(service);
            await().atMost(Duration.ofSeconds(90)).until(() -> Ss9ServiceHopsTest.archived(service) == 6);
        }

        // Every primary rendered anew, with keyframes whose frame count fits the new WAV; MIDI and
        // noteheads do not depend on the SoundFont and are kept.
        Ss9Outputs.assertCompletelyRendered(score, Set.of("midi", "svg"));
        int resized = 0;
        for (JsonNode note : Ss9Outputs.primaries(score)) {
            assertThat(note.get("audio").get("soundfont").asText()).isEqualTo("FluidR3_GM.sf2");
            long size = note.get("files").get("audio").get("file_size").asLong();
            assertThat(Files.size(score.resolve(note.get("files").get("audio").get("path").asText()))).isEqualTo(size);
            resized += size == firstSizes.get(note.get("universal_id").asText()) ? 0 : 1;
        }
        assertThat(resized).as("WAVs whose length changed with the SoundFont").isPositive();
    }
}
