package io.sib2ae.orchestrator.e2e;

import static io.sib2ae.orchestrator.e2e.ScoreVersions.count;
import static io.sib2ae.orchestrator.e2e.ScoreVersions.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.run.ScoreResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-exports through the real application: a score handed in again under its name is its next
 * version (or, the same files again, no new version at all), and the score folder always holds
 * one whole version.
 */
class ReExportEndToEndTest {

    static final Map<String, String> SMALL_SOUNDFONT = Files.isRegularFile(Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"))
            ? Map.of("sib2ae.audio.soundfont", "/usr/share/sounds/sf2/TimGM6mb.sf2") : Map.of();

    static final Path SS9_XML = TestData.file("sib2ae/SS 9.musicxml");
    static final Path SS9_MIDI = TestData.file("sib2ae/SS 9.mid");
    static final Path SS9_SVG = TestData.file("sib2ae/SS 9.svg");

    @TempDir
    Path root;

    @Test
    void theSameFilesAgainAreNoNewVersionAndRenderAndRewriteNothing() throws Exception {
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve("SS 9");
            ScoreResult first = submit(service, SS9_XML, SS9_MIDI, List.of(SS9_SVG));
            assertThat(first.status()).isEqualTo(ScoreStatus.COMPLETED);
            assertThat(first.version().number()).isEqualTo(1);
            assertThat(first.version().added()).isEqualTo(9);
            ScoreVersions.Snapshot before = ScoreVersions.snapshot(score);
            Map<String, JsonNode> notesBefore = ScoreVersions.notes(score);

            ScoreResult again = submit(service, SS9_XML, SS9_MIDI, List.of(SS9_SVG));

            assertThat(again.status()).isEqualTo(ScoreStatus.COMPLETED);
            assertThat(again.version().number()).as("no new version").isEqualTo(1);
            assertThat(again.version().kept()).isEqualTo(9);
            assertThat(again.version().changed() + again.version().added() + again.version().removed()).isZero();
            for (String hop : List.of("midi", "audio", "keyframes", "svg")) {
                assertThat(count(again, hop + ".completed")).as(hop + " done again").isZero();
            }
            assertThat(ScoreVersions.notes(score).keySet()).isEqualTo(notesBefore.keySet());
            assertThat(ScoreVersions.index(score).get("versions")).hasSize(1);
            ScoreVersions.Snapshot after = ScoreVersions.snapshot(score);
            for (Map.Entry<String, java.nio.file.attribute.FileTime> file : before.times().entrySet()) {
                if (isRecord(file.getKey())) {
                    continue;
                }
                assertThat(after.times().get(file.getKey())).as(file.getKey() + " modified").isEqualTo(file.getValue());
                assertThat(after.hashes().get(file.getKey())).as(file.getKey() + " content").isEqualTo(before.hashes().get(file.getKey()));
            }
            assertThat(after.times().keySet()).isEqualTo(before.times().keySet());
            ScoreVersions.assertNoStrayFile(score);
        }
    }

    @Test
    void aReExportThatFailsLeavesThePreviousVersionWhole() throws Exception {
        try (RunningService service = RunningService.start(root, SMALL_SOUNDFONT)) {
            Path score = service.output().resolve("SS 9");
            submit(service, SS9_XML, SS9_MIDI, List.of(SS9_SVG));
            ScoreVersions.Snapshot before = ScoreVersions.snapshot(score);
            Path corrupt = Files.createDirectories(root.resolve("v2")).resolve("SS 9.mid");
            Files.write(corrupt, "MThd but not a MIDI file at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            ScoreResult failed = submit(service, SS9_XML, corrupt, List.of(SS9_SVG));

            assertThat(failed.status()).isEqualTo(ScoreStatus.FAILED);
            ScoreVersions.Snapshot after = ScoreVersions.snapshot(score);
            assertThat(after).as("every file of version 1, untouched").isEqualTo(before);
            assertThat(ScoreVersions.index(score).get("version").asInt()).isEqualTo(1);
            assertThat(ScoreVersions.files(service.work().resolve("versions"))).as("nothing staged left").isEmpty();
        }
    }

    /** The score's records: rewritten by every run, as they record it, unlike its assets. */
    private static boolean isRecord(String file) {
        return file.equals("manifest.json") || file.equals("progress.json") || file.startsWith("manifests/");
    }
}
