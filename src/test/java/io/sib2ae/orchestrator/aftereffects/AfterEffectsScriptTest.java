package io.sib2ae.orchestrator.aftereffects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comp builder for SS 9 as the one-shot run wrote it: parsed as ES3, and run under Node
 * against a recording fake of After Effects, everything it built checked against the score's
 * manifest and keyframes files.
 */
class AfterEffectsScriptTest {

    private static final double FPS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path score;
    private static Path script;
    private static JsonNode index;

    @TempDir
    Path temp;

    @BeforeAll
    static void processSs9() {
        NodeTools.assumeNodeWith("acorn");
        score = ProcessedScores.ss9();
        index = read(score.resolve("manifest.json"));
        script = score.resolve("ae").resolve("import_SS 9.jsx");
    }

    @Test
    void theScoreIndexRecordsBothFilesAsWritten() {
        assertThat(index.path("status").asText()).isEqualTo("completed");
        assertThat(index.path("after_effects").path("status").asText()).isEqualTo("written");
        assertThat(index.path("after_effects").path("script").asText()).isEqualTo("ae/import_SS 9.jsx");
        assertThat(index.path("after_effects").path("preview").asText()).isEqualTo("preview.html");
        assertThat(script).isRegularFile();
    }

    @Test
    void theScriptIsEcmaScript3() throws Exception {
        JsonNode verdict = NodeTools.run("es3-check.js", script.toString());

        assertThat(verdict.path("ok").asBoolean()).as(verdict.toString()).isTrue();
    }

    @Test
    void theCompHasThePageSizeTheFrameRateAndTheLengthOfThePerformanceWithItsLongestTail() throws Exception {
        JsonNode built = runInFakeAfterEffects(script);

        JsonNode comp = built.path("comps").get(0);
        int[] viewBox = viewBox(score.resolve("svg/score_without_noteheads.svg"));
        assertThat(comp.path("width").asInt()).isEqualTo(viewBox[0]);
        assertThat(comp.path("height").asInt()).isEqualTo(viewBox[1]);
        assertThat(comp.path("frameRate").asDouble()).isEqualTo(FPS);
        double end = 0;
        for (JsonNode note : index.path("notes")) {
            double tail = note.path("audio").path("length_seconds").asDouble(0);
            for (JsonNode p : note.path("performances")) {
                end = Math.max(end, p.path("start_seconds").asDouble() + Math.max(p.path("duration_seconds").asDouble(), tail));
            }
        }
        assertThat(comp.path("duration").asDouble()).isCloseTo(Math.ceil(end * FPS) / FPS, within(1e-5));
        assertThat(comp.path("name").asText()).isEqualTo("SS 9");
        assertThat(comp.path("parent").asText()).isEqualTo("SS 9");
        assertThat(built.path("folders").findValuesAsText("name")).contains("SS 9");
        assertThat(built.path("undo").path("begun").asInt()).isEqualTo(1);
        assertThat(built.path("undo").path("ended").asInt()).isEqualTo(1);
        assertThat(built.path("alerts")).isEmpty();
    }

    @Test
    void everyNoteheadIsAShapeLayerNamedAfterItsNoteWithItsUniversalIdInTheComment() throws Exception {
        JsonNode comp = runInFakeAfterEffects(script).path("comps").get(0);

        List<JsonNode> shapes = layers(comp, "shape");
        assertThat(shapes).hasSize(index.path("notes").size());
        Map<String, JsonNode> byComment = new HashMap<>();
        shapes.forEach(l -> byComment.put(l.path("comment").asText(), l));
        Map<String, String> colourOfPart = new HashMap<>();
        Set<String> colours = new HashSet<>();
        for (JsonNode note : index.path("notes")) {
            String uid = note.path("universal_id").asText();
            JsonNode layer = byComment.get(uid);
            assertThat(layer).as("shape layer for " + uid).isNotNull();
            assertThat(layer.path("name").asText()).isEqualTo(note.path("instrument").asText() + " " + note.path("pitch").asText()
                    + " M" + note.path("measure").asText() + " " + uid.substring(0, 8));
            assertThat(layer.path("paths")).isNotEmpty();
            assertThat(layer.path("paths").get(0).path("vertices").size()).isGreaterThanOrEqualTo(3);
            JsonNode position = layer.path("position");
            assertThat(position.get(0).asDouble()).isBetween(0.0, comp.path("width").asDouble());
            assertThat(position.get(1).asDouble()).isBetween(0.0, comp.path("height").asDouble());
            String colour = layer.path("fills").get(0).path("color").toString();
            String part = note.path("part_id").asText();
            assertThat(colourOfPart.computeIfAbsent(part, p -> colour)).as("one colour per instrument").isEqualTo(colour);
            colours.add(colour);
        }
        assertThat(colours).as("instruments told apart by colour").hasSize(index.path("parts").size());
        List<JsonNode> footage = layers(comp, "footage");
        assertThat(footage.get(footage.size() - 1).path("source").asText())
                .as("the page without noteheads is the bottom layer").isEqualTo("svg/score_without_noteheads.png");
    }

    @Test
    void everyPerformanceOfEveryPrimaryNoteHasItsWavAtItsStartTime() throws Exception {
        JsonNode comp = runInFakeAfterEffects(script).path("comps").get(0);

        List<String> expected = new ArrayList<>();
        for (JsonNode note : index.path("notes")) {
            if (note.path("is_primary").asBoolean()) {
                for (JsonNode p : note.path("performances")) {
                    expected.add(note.path("universal_id").asText() + " " + note.path("files").path("audio").path("path").asText()
                            + " @" + Math.round(p.path("start_seconds").asDouble() * 1e6));
                }
            }
        }
        List<String> audio = new ArrayList<>();
        for (JsonNode layer : layers(comp, "footage")) {
            if (layer.path("source").asText().startsWith("audio/")) {
                audio.add(layer.path("comment").asText() + " " + layer.path("source").asText()
                        + " @" + Math.round(layer.path("startTime").asDouble() * 1e6));
            }
        }
        assertThat(audio).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).hasSize(6);
    }

    @Test
    void everyNoteheadIsKeyedOncePerFrameFromItsOwnStartATiedSecondaryFromThePrimarysCurve() throws Exception {
        JsonNode built = runInFakeAfterEffects(script);
        JsonNode comp = built.path("comps").get(0);

        Map<String, JsonNode> notes = new HashMap<>();
        index.path("notes").forEach(n -> notes.put(n.path("universal_id").asText(), n));
        int keyed = 0;
        int secondaries = 0;
        for (JsonNode layer : layers(comp, "shape")) {
            JsonNode note = notes.get(layer.path("comment").asText());
            JsonNode primary = note.path("is_primary").asBoolean() ? note : notes.get(note.path("primary_universal_id").asText());
            JsonNode keyframes = read(score.resolve(primary.path("files").path("keyframes").path("path").asText()));
            JsonNode opacity = keyframes.path("keyframes").path("opacity");
            JsonNode scale = keyframes.path("keyframes").path("scale");
            double start = note.path("calculated_start_time").asDouble();
            int offset = (int) Math.round((start - primary.path("calculated_start_time").asDouble()) * FPS);
            int count = opacity.size() - offset;

            for (String property : List.of("ADBE Scale", "ADBE Opacity", "Sib2Ae Amplitude", "Sib2Ae Hue", "Sib2Ae Position X")) {
                JsonNode keys = layer.path("keys").path(property);
                assertThat(keys.path("times").size()).as(property + " keys of " + layer.path("name").asText()).isEqualTo(count);
                assertThat(keys.path("times").get(0).asDouble()).as("first key at the note's own start").isCloseTo(start, within(1e-6));
                for (int k = 0; k < count; k++) {
                    assertThat(keys.path("times").get(k).asDouble()).isCloseTo(start + k / FPS, within(1e-6));
                }
            }
            JsonNode opacityKeys = layer.path("keys").path("ADBE Opacity").path("values");
            JsonNode scaleKeys = layer.path("keys").path("ADBE Scale").path("values");
            for (int k = 0; k < count; k++) {
                assertThat(opacityKeys.get(k).asDouble()).isEqualTo(opacity.get(offset + k).get(1).asDouble());
                assertThat(scaleKeys.get(k).get(0).asDouble()).isEqualTo(scale.get(offset + k).get(1).asDouble());
                assertThat(scaleKeys.get(k).get(1).asDouble()).isEqualTo(scale.get(offset + k).get(1).asDouble());
            }
            keyed++;
            secondaries += note.path("is_primary").asBoolean() ? 0 : 1;
        }
        assertThat(keyed).isEqualTo(9);
        assertThat(secondaries).as("SS 9's tied secondaries").isEqualTo(3);
        assertThat(built.path("setValuesAtTimesCalls").asInt()).as("one call per keyed property").isEqualTo(9 * 5);
    }

    @Test
    void aMissingWavStopsTheScriptBeforeItBuildsAnythingWithOneAlertNamingTheFile() throws Exception {
        Path copy = ProcessedScores.copy(score, temp);
        String wav = index.path("notes").get(0).path("files").path("audio").path("path").asText();
        Files.delete(copy.resolve(wav));

        JsonNode built = runInFakeAfterEffects(copy.resolve("ae").resolve("import_SS 9.jsx"));

        assertThat(built.path("alerts")).hasSize(1);
        assertThat(built.path("alerts").get(0).asText()).contains(wav).contains("not built");
        assertThat(built.path("folders")).isEmpty();
        assertThat(built.path("comps")).isEmpty();
        assertThat(built.path("imports")).isEmpty();
        assertThat(built.path("undo").path("begun").asInt()).isZero();
    }

    @Test
    void theScoreFolderCanMoveTheScriptFindsItsAssetsBesideItself() throws Exception {
        Path moved = ProcessedScores.copy(score, temp.resolve("another machine"));

        JsonNode built = runInFakeAfterEffects(moved.resolve("ae").resolve("import_SS 9.jsx"));

        assertThat(built.path("alerts")).isEmpty();
        assertThat(built.path("imports").findValuesAsText("file")).hasSize(7).contains("svg/score_without_noteheads.png");
    }

    @Test
    void aScoreWithoutSvgGetsAFullHdCompWithEveryWavAndNoPage() throws Exception {
        Path actor = ProcessedScores.actorPrelude();
        JsonNode actorIndex = read(actor.resolve("manifest.json"));
        Path jsx = actor.resolve("ae").resolve("import_ActorPreludeSample.jsx");

        assertThat(NodeTools.run("es3-check.js", jsx.toString()).path("ok").asBoolean()).isTrue();
        JsonNode comp = runInFakeAfterEffects(jsx).path("comps").get(0);

        assertThat(comp.path("width").asInt()).isEqualTo(1920);
        assertThat(comp.path("height").asInt()).isEqualTo(1080);
        assertThat(layers(comp, "shape")).isEmpty();
        int performances = 0;
        for (JsonNode note : actorIndex.path("notes")) {
            if (note.path("is_primary").asBoolean() && note.path("files").path("audio").path("file_exists").asBoolean()) {
                performances += note.path("performances").size();
            }
        }
        assertThat(layers(comp, "footage")).hasSize(performances);
        assertThat(performances).isGreaterThan(1_500);
    }

    private static JsonNode runInFakeAfterEffects(Path jsx) throws Exception {
        JsonNode built = NodeTools.run("ae-fake.js", jsx.toString());
        assertThat(built.path("error").isNull()).as("script ran without error: " + built.path("error").asText()).isTrue();
        return built;
    }

    private static List<JsonNode> layers(JsonNode comp, String kind) {
        List<JsonNode> result = new ArrayList<>();
        comp.path("layers").forEach(l -> {
            if (l.path("kind").asText().equals(kind)) {
                result.add(l);
            }
        });
        return result;
    }

    private static int[] viewBox(Path svg) throws Exception {
        Matcher m = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(Files.readString(svg));
        assertThat(m.find()).as("viewBox of " + svg).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
