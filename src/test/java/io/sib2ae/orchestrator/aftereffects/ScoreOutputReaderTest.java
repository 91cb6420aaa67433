package io.sib2ae.orchestrator.aftereffects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader the comp and the preview are made from, on SS 9's real output: every keyframe
 * channel as its file holds it, and a file that breaks the format named in a clear error.
 */
class ScoreOutputReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path processed;

    @TempDir
    Path temp;

    @BeforeAll
    static void processSs9() {
        processed = ProcessedScores.ss9();
    }

    @Test
    void everyPrimaryNotesChannelsAreTheFilesPairsValueByValue() throws IOException {
        ScoreOutput score = new ScoreOutputReader().read(processed);

        List<OutputNote> primaries = score.notes().stream().filter(OutputNote::primary).toList();
        assertThat(primaries).hasSize(6);
        assertThat(score.keyframes()).containsOnlyKeys(primaries.stream().map(OutputNote::universalId).toList());
        for (OutputNote note : primaries) {
            NoteKeyframes read = score.keyframes().get(note.universalId());
            // The reference: the file as a tree, channel by channel, the [frame, value] pairs in order.
            JsonNode file = JSON.readTree(processed.resolve(note.keyframesFile()).toFile());
            assertThat(read.fps()).isEqualTo(file.path("fps").asInt()).isEqualTo(30);
            List<String> channels = new java.util.ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = file.path("keyframes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> channel = it.next();
                if (!channel.getKey().equals("onset_markers")) {
                    channels.add(channel.getKey());
                    double[] expected = new double[channel.getValue().size()];
                    for (int k = 0; k < expected.length; k++) {
                        assertThat(channel.getValue().get(k).get(0).asInt()).isEqualTo(k);
                        expected[k] = channel.getValue().get(k).get(1).asDouble();
                    }
                    assertThat(read.channels().get(channel.getKey())).as(note.keyframesFile() + " " + channel.getKey())
                            .containsExactly(expected);
                }
            }
            assertThat(read.channels().keySet()).as("onset_markers is a list of frames, not a channel")
                    .containsExactlyInAnyOrderElementsOf(channels).doesNotContain("onset_markers");
            assertThat(read.frames()).isEqualTo(file.path("keyframes").path(channels.get(0)).size()).isPositive();
        }
    }

    @Test
    void aChannelThatSkipsAFrameIsRefusedNamingTheFileTheChannelAndTheFrame() throws IOException {
        assertFirstKeyframesFileRefused(json -> json.replaceFirst("\\[ 3, ", "[ 4, "), ": channel amplitude skips frame 3");
    }

    @Test
    void aFileWithoutAPositiveFrameRateIsRefused() throws IOException {
        assertFirstKeyframesFileRefused(json -> json.replace("\"fps\" : 30", "\"fps\" : 0"),
                ": fps must be a positive number, found 0");
    }

    @Test
    void aFileWithNoChannelIsRefused() throws IOException {
        // Only onset_markers left: a list of frames, no channel.
        assertFirstKeyframesFileRefused(json -> json.substring(0, json.indexOf("\"keyframes\""))
                + "\"keyframes\" : { \"onset_markers\" : [ 0 ] } }", " holds no keyframe channel");
    }

    /** The first primary note's keyframes file, edited, makes the read fail with the file's name and why. */
    private void assertFirstKeyframesFileRefused(java.util.function.UnaryOperator<String> change, String why)
            throws IOException {
        Path score = ProcessedScores.copy(processed, temp);
        String file = firstKeyframesFile(score);
        edit(score.resolve(file), change);

        assertThatThrownBy(() -> new ScoreOutputReader().read(score))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + why);
    }

    @Test
    void ofTwoBrokenFilesTheFirstInScoreOrderIsReportedWhicheverCoreReadItAndTruncatedJsonIsNamed() throws IOException {
        Path score = ProcessedScores.copy(processed, temp);
        List<String> files = keyframesFiles(score);
        String first = files.get(0);
        String last = files.get(files.size() - 1);
        edit(score.resolve(first), json -> json.substring(0, json.length() / 2));
        edit(score.resolve(last), json -> json.replace("\"fps\" : 30", "\"fps\" : -1"));

        for (int run = 0; run < 5; run++) {
            assertThatThrownBy(() -> new ScoreOutputReader().read(score))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(first + ": not valid JSON: ");
        }
    }

    /** The keyframes files of the primary notes, in the index's order. */
    private static List<String> keyframesFiles(Path score) throws IOException {
        List<String> files = new java.util.ArrayList<>();
        for (JsonNode note : JSON.readTree(score.resolve("manifest.json").toFile()).path("notes")) {
            if (note.path("is_primary").asBoolean() && note.path("files").path("keyframes").path("file_exists").asBoolean()) {
                files.add(note.path("files").path("keyframes").path("path").asText());
            }
        }
        return files;
    }

    private static String firstKeyframesFile(Path score) throws IOException {
        return keyframesFiles(score).get(0);
    }

    private static void edit(Path file, java.util.function.UnaryOperator<String> change) throws IOException {
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the edit changed " + file.getFileName()).isNotEqualTo(before);
        Files.writeString(file, after, StandardCharsets.UTF_8);
    }
}
