package io.sib2ae.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.testing.ScoreEdits;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-exports in the one-shot mode: {@code process} into an output folder that already holds the
 * score makes its next version, as a drop into the service's inbox does (ReExportEndToEndTest has
 * the service's cases); the same files again make none.
 */
class OneShotReExportTest {

    private static final Path XML = TestData.file("sib2ae/SS 9.musicxml");
    private static final Path MIDI = TestData.file("sib2ae/SS 9.mid");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void processIntoAFolderHoldingTheScoreMakesItsNextVersion(@TempDir Path root) throws Exception {
        ScoreEdits edits = ScoreEdits.of(XML, MIDI);
        Path out = root.resolve("out");
        Path score = out.resolve("SS 9");
        assertThat(oneShot(XML, MIDI, out)).as("exit code").isEqualTo(OneShotCommand.EXIT_COMPLETED);
        Set<String> idsBefore = ids(index(score));
        ScoreEdits.Edited edit = edits.pitchChanged(Files.createDirectories(root.resolve("v2")));
        String changed = edits.original().byDocumentIndex(edit.touched().iterator().next()).universalId();

        assertThat(oneShot(edit.version().musicXml(), edit.version().midi(), out)).as("exit code").isEqualTo(OneShotCommand.EXIT_COMPLETED);

        JsonNode second = index(score);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("versions")).hasSize(2);
        assertThat(second.at("/versions/1/changed").asInt()).isEqualTo(1);
        assertThat(second.at("/counts/stages/audio/completed").asInt()).as("WAVs rendered for version 2").isEqualTo(1);
        assertThat(ids(second)).as("every note kept its universal ID").isEqualTo(idsBefore);
        for (JsonNode note : second.get("notes")) {
            assertThat(note.get("changed_in_version").asInt()).as(note.get("universal_id").asText())
                    .isEqualTo(note.get("universal_id").asText().equals(changed) ? 2 : 1);
        }

        assertThat(oneShot(edit.version().musicXml(), edit.version().midi(), out)).as("exit code").isEqualTo(OneShotCommand.EXIT_COMPLETED);
        JsonNode third = index(score);
        assertThat(third.get("version").asInt()).as("the same files again: no new version").isEqualTo(2);
        assertThat(third.at("/counts/stages/audio/completed").asInt()).as("WAVs rendered again").isZero();
    }

    private static int oneShot(Path musicXml, Path midi, Path out) {
        return new OneShotCommand(new PrintStream(OutputStream.nullOutputStream()), System.err).run(new String[] {"process",
                "--musicxml", musicXml.toString(), "--midi", midi.toString(), "--out", out.toString()});
    }

    private static JsonNode index(Path score) throws Exception {
        return JSON.readTree(score.resolve("manifest.json").toFile());
    }

    private static Set<String> ids(JsonNode index) {
        Set<String> ids = new TreeSet<>();
        index.get("notes").forEach(n -> ids.add(n.get("universal_id").asText()));
        return ids;
    }
}
