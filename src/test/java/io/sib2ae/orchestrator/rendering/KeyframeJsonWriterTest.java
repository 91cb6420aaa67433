package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class KeyframeJsonWriterTest {

    private static final int SR = 44_100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private KeyframeNote note(double fps, double[] signal) throws IOException {
        Path wav = KeyframeTestWavs.write(dir.resolve("note.wav"), signal, SR, 2);
        return new KeyframeExtractor().extract(wav, KeyframeExtractorTest.request(fps));
    }

    private static double[] twoNotes() {
        double[] signal = KeyframeTestWavs.silence(SR, 1.5);
        KeyframeTestWavs.addNote(signal, SR, 0.1, 440, 0.6, 0.01, 0.2);
        return KeyframeTestWavs.addNote(signal, SR, 0.8, 880, 0.6, 0.01, 0.2);
    }

    @Test
    void writesEveryKeyOfTheOriginalSib2AeShape() throws IOException {
        KeyframeNote note = note(30, twoNotes());
        Path target = dir.resolve("out/2584_A4_keyframes.json");
        new KeyframeJsonWriter().write(note, target);

        JsonNode root = JSON.readTree(target.toFile());
        assertThat(fieldNames(root)).containsExactly("audio_file", "duration_seconds", "duration_frames", "fps",
                "tempo", "calculated_start_time", "calculated_start_frame", "keyframes", "features", "metadata",
                "universal_id", "universal_id_short");
        assertThat(root.get("audio_file").asText()).isEqualTo("note.wav");
        assertThat(root.get("duration_seconds").asDouble()).isEqualTo(1.5);
        assertThat(root.get("duration_frames").asInt()).isEqualTo(45);
        assertThat(root.get("fps").isIntegralNumber()).isTrue();
        assertThat(root.get("fps").asInt()).isEqualTo(30);
        assertThat(root.get("tempo").asInt()).isEqualTo(100);
        assertThat(root.get("calculated_start_time").asDouble()).isEqualTo(7.5);
        assertThat(root.get("calculated_start_frame").asInt()).isEqualTo(225);
        assertThat(root.get("universal_id").asText()).isEqualTo("2584802d-6c3e-4a51-9d7b-0c1f2e3a4b5c");
        assertThat(root.get("universal_id_short").asText()).isEqualTo("2584");

        JsonNode keyframes = root.get("keyframes");
        assertThat(fieldNames(keyframes)).containsExactly("amplitude", "scale", "opacity", "hue", "position_x",
                "onset_markers");
        for (String channel : List.of("amplitude", "scale", "opacity", "hue", "position_x")) {
            JsonNode pairs = keyframes.get(channel);
            assertThat(pairs.size()).as(channel).isEqualTo(45);
            for (int k = 0; k < pairs.size(); k++) {
                assertThat(pairs.get(k).size()).isEqualTo(2);
                assertThat(pairs.get(k).get(0).asInt()).isEqualTo(k);
                assertThat(pairs.get(k).get(1).isNumber()).isTrue();
            }
        }
        assertThat(keyframes.get("amplitude").get(20).get(1).asDouble())
                .isCloseTo(note.curves().amplitude()[20], org.assertj.core.api.Assertions.within(0.001));
        assertThat(JSON.convertValue(keyframes.get("onset_markers"), int[].class)).containsExactly(3, 24);

        JsonNode features = root.get("features");
        assertThat(fieldNames(features)).contains("rms_linear", "rms_dbfs", "peak", "spectral_centroid_hz",
                "zero_crossing_rate", "spectral_flux", "onset", "amplitude_normalized", "amplitude_db_normalized",
                "peak_normalized", "brightness_normalized", "roughness_normalized");
        features.fields().forEachRemaining(e -> assertThat(e.getValue().size()).as(e.getKey()).isEqualTo(45));
        // the leading silence (frames 0-2) must be a finite floor, which a JSON parser can read back
        assertThat(features.get("rms_dbfs").get(0).isNumber()).isTrue();
        assertThat(features.get("rms_dbfs").get(0).asDouble()).isEqualTo(-120.0);
        assertThat(features.get("onset").get(3).asBoolean()).isTrue();
        assertThat(features.get("onset").get(4).asBoolean()).isFalse();

        JsonNode metadata = root.get("metadata");
        assertThat(metadata.get("universal_id").asText()).startsWith("2584802d");
        assertThat(metadata.get("note_name").asText()).isEqualTo("A4");
        assertThat(metadata.get("instrument").asText()).isEqualTo("Flûte");
        assertThat(metadata.get("velocity").asInt()).isEqualTo(76);
        assertThat(metadata.get("sample_rate").asInt()).isEqualTo(SR);
        assertThat(metadata.get("channels").asInt()).isEqualTo(2);
        assertThat(metadata.get("duration_source").asText()).isEqualTo("wav_length");
        assertThat(metadata.get("fft_size").asInt()).isEqualTo(2048);
        assertThat(fieldNames(metadata.get("normalization"))).contains("amplitude", "brightness", "roughness",
                "scale", "opacity", "hue", "position_x", "onsets");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).as("no temp files left").hasSize(1);
        }
    }

    @Test
    void fractionalRatesStayFractionalAndSilenceStaysParseable() throws IOException {
        KeyframeNote note = note(29.97, KeyframeTestWavs.silence(SR, 0.5));
        JsonNode root = JSON.readTree(new KeyframeJsonWriter().toJson(note));

        assertThat(root.get("fps").isIntegralNumber()).isFalse();
        assertThat(root.get("fps").asDouble()).isEqualTo(29.97);
        assertThat(root.get("duration_frames").asInt()).isEqualTo(15);
        assertThat(root.get("keyframes").get("onset_markers").size()).isZero();
        root.get("features").get("rms_dbfs").forEach(v -> assertThat(v.asDouble()).isEqualTo(-120.0));
        root.get("keyframes").get("amplitude").forEach(pair -> assertThat(pair.get(1).asDouble()).isZero());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
