package io.sib2ae.orchestrator.chaining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example studio route's delivery: what an earlier delivery already copied is not copied again. */
class AssetDeliveryTest {

    @TempDir
    Path dir;

    private final AssetDelivery delivery = new AssetDelivery();

    @Test
    void aScoreDeliveredAgainUnchangedCopiesNothingAndLeavesTheCopiesUntouched() throws Exception {
        Path manifest = score("A4 take one");
        Path share = dir.resolve("share");

        assertThat(delivery.copyAudioAndKeyframes(manifest.toString(), share.toString())).isEqualTo(3);
        Path wav = share.resolve("Score").resolve("Flute_A4_vel80_abcd.wav");
        FileTime firstCopy = Files.getLastModifiedTime(wav);
        assertThat(firstCopy.toMillis())
                .isEqualTo(Files.getLastModifiedTime(manifest.resolveSibling("audio/Flute_A4_vel80_abcd.wav")).toMillis());

        assertThat(delivery.copyAudioAndKeyframes(manifest.toString(), share.toString())).isZero();
        assertThat(Files.getLastModifiedTime(wav)).isEqualTo(firstCopy);
        assertThat(Files.readString(wav)).isEqualTo("A4 take one");
    }

    @Test
    void aReRenderedFileIsDeliveredAgain() throws Exception {
        Path manifest = score("A4 take one");
        Path share = dir.resolve("share");
        delivery.copyAudioAndKeyframes(manifest.toString(), share.toString());

        Path source = manifest.resolveSibling("audio/Flute_A4_vel80_abcd.wav");
        Files.writeString(source, "A4 take two");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(delivery.copyAudioAndKeyframes(manifest.toString(), share.toString())).isEqualTo(1);
        assertThat(Files.readString(share.resolve("Score").resolve("Flute_A4_vel80_abcd.wav"))).isEqualTo("A4 take two");
    }

    private Path score(String wavText) throws Exception {
        Path folder = dir.resolve("output").resolve("Score");
        Files.createDirectories(folder.resolve("audio"));
        Files.createDirectories(folder.resolve("keyframes"));
        Files.writeString(folder.resolve("audio/Flute_A4_vel80_abcd.wav"), wavText);
        Files.writeString(folder.resolve("keyframes/Flute_A4_vel80_abcd_keyframes.json"), "{}");
        Files.writeString(folder.resolve("keyframes/Flute_A4_vel80_abcd_keyframes_ae.txt"), "Adobe After Effects 8.0 Keyframe Data");
        String index = """
                {"score_name": "Score", "notes": [{"is_primary": true, "files": {
                  "audio": {"path": "audio/Flute_A4_vel80_abcd.wav", "file_exists": true},
                  "keyframes": {"path": "keyframes/Flute_A4_vel80_abcd_keyframes.json", "file_exists": true},
                  "keyframes_ae": {"path": "keyframes/Flute_A4_vel80_abcd_keyframes_ae.txt", "file_exists": true}}},
                  {"is_primary": false, "files": {"audio": {"path": "audio/Flute_A4_vel80_abcd.wav", "file_exists": true}}}]}
                """;
        return Files.writeString(folder.resolve("manifest.json"), index, StandardCharsets.UTF_8);
    }
}
