package io.sib2ae.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sib2ae.orchestrator.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the real service writes for SS 9 (MIDI, WAV, keyframes, SVG layers and noteheads,
 * manifests) is byte for byte what the committed listing {@code golden/ss9.sha256} says: a change
 * meant to alter no behaviour is proven to alter no output. Manifests are compared without their
 * time stamps and measured durations, and the preview page without its measured hop times: the
 * only things two runs may disagree on.
 *
 * <p>After a change that is meant to alter the output, regenerate the listing with
 * {@code -Dgolden.update=true} and say why in the commit. {@code scripts/golden.sh} compares whole
 * output trees the same way, for the scores this test does not cover.
 */
class GoldenOutputTest {

    static final Path SMALL_SOUNDFONT = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");
    static final Path LISTING = Path.of("src/test/resources/golden/ss9.sha256");

    /** Clock readings and measured durations: left out of the manifests (as scripts/golden.sh does). */
    private static final Set<String> TIME_KEYS = Set.of("timestamp", "created_at", "completed_at", "started_at",
            "finished_at", "updated_at", "elapsed_ms", "duration_ms", "at");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void ss9OutputsAreByteForByteTheCommittedOnes() throws Exception {
        // The WAVs depend on the SoundFont: the listing was made with TimGM6mb, which
        // scripts/install-soundfont.sh (run by the test command) installs.
        Assumptions.assumeTrue(Files.isRegularFile(SMALL_SOUNDFONT), "needs " + SMALL_SOUNDFONT);
        String listing;
        try (RunningService service = RunningService.start(root, Map.of("sib2ae.audio.soundfont", SMALL_SOUNDFONT.toString()))) {
            service.drop(TestData.file("sib2ae/SS 9.musicxml"));
            service.drop(TestData.file("sib2ae/SS 9.mid"));
            service.drop(TestData.file("sib2ae/SS 9.svg"));
            service.awaitCompleted("SS 9");
            listing = listing(service.output().resolve("SS 9"));
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(LISTING, listing);
        }
        assertThat(listing).isEqualTo(Files.readString(LISTING));
    }

    /** One "sha256  path" line per file, in path order. */
    static String listing(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                lines.add(sha256(comparedBytes(file, relative, folder)) + "  " + relative);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static byte[] comparedBytes(Path file, String relative, Path folder) throws IOException {
        boolean manifest = relative.equals("manifest.json") || relative.equals("progress.json")
                || relative.startsWith("manifests/");
        if (relative.equals("preview.html")) {
            // The preview page shows how long each hop took, as measured.
            return Files.readString(file).replaceAll("\"time\":\"[0-9.]+ s (span|work)\"", "\"time\":\"\"")
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (!manifest) {
            return Files.readAllBytes(file);
        }
        JsonNode canonical = canonical(JSON.readTree(file.toFile()), folder.toString());
        return JSON.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
    }

    /** Keys sorted, time keys dropped, the output folder's own path written as {@code <out>}. */
    private static JsonNode canonical(JsonNode node, String folder) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> {
                if (!TIME_KEYS.contains(e.getKey())) {
                    sorted.put(e.getKey(), canonical(e.getValue(), folder));
                }
            });
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            sorted.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            var result = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> result.add(canonical(item, folder)));
            return result;
        }
        if (node.isTextual() && node.asText().contains(folder)) {
            return TextNode.valueOf(node.asText().replace(folder, "<out>"));
        }
        return node;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
