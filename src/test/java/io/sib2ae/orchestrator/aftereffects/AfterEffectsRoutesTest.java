package io.sib2ae.orchestrator.aftereffects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.routes.AfterEffectsRoutes;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.run.ScoreResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code score-after-effects} route on copies of a real SS 9 output folder: it writes both
 * files and records them on the score index, and a folder it cannot read is recorded as a failed
 * outcome with the reason, the index otherwise untouched and no exception reaching the caller.
 */
class AfterEffectsRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private CamelContext context;

    @BeforeEach
    void startRoute() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("afterEffectsExport", new AfterEffectsExport(30));
        context.addRoutes(new AfterEffectsRoutes());
        context.start();
    }

    @AfterEach
    void stopRoute() {
        context.stop();
    }

    @Test
    void writesTheScriptAndThePreviewAndRecordsThemOnTheScoreIndex() throws Exception {
        Path score = ProcessedScores.copy(ProcessedScores.ss9(), temp);
        Files.delete(score.resolve("preview.html"));
        Files.delete(score.resolve("ae").resolve("import_SS 9.jsx"));

        Exchange done = send(score);

        assertThat(done.getException()).isNull();
        assertThat(score.resolve("preview.html")).isRegularFile();
        assertThat(score.resolve("ae").resolve("import_SS 9.jsx")).isRegularFile();
        JsonNode recorded = AfterEffectsExport.recorded(score.resolve("manifest.json"));
        assertThat(recorded.path("status").asText()).isEqualTo("written");
        assertThat(recorded.path("script").asText()).isEqualTo("ae/import_SS 9.jsx");
    }

    @Test
    void anUnreadableKeyframesFileIsRecordedAsTheReasonAndNeverFailsTheScore() throws Exception {
        Path score = ProcessedScores.copy(ProcessedScores.ss9(), temp);
        JsonNode before = JSON.readTree(score.resolve("manifest.json").toFile());
        String keyframes = before.path("notes").get(0).path("files").path("keyframes").path("path").asText();
        Files.writeString(score.resolve(keyframes), "{\"fps\": 30, \"keyframes\": {\"amplitude\": [[0, 1.0], [1, ");

        Exchange done = send(score);

        assertThat(done.getException()).as("the failure stays in the hop").isNull();
        assertThat(done.getMessage().getBody(AfterEffectsOutcome.class).status()).isEqualTo(AfterEffectsOutcome.Status.FAILED);
        JsonNode after = JSON.readTree(score.resolve("manifest.json").toFile());
        assertThat(after.path("after_effects").path("status").asText()).isEqualTo("failed");
        assertThat(after.path("after_effects").path("reason").asText()).contains(Path.of(keyframes).getFileName().toString());
        assertThat(after.path("status").asText()).isEqualTo(before.path("status").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) after).remove("after_effects");
        ((com.fasterxml.jackson.databind.node.ObjectNode) before).remove("after_effects");
        assertThat(after).as("the rest of the index as the score's close wrote it").isEqualTo(before);
    }

    private Exchange send(Path score) {
        ScoreResult result = new ScoreResult("SS 9", ScoreStatus.COMPLETED, score.resolve("manifest.json").toString(), 9, 0, null, 1,
                Map.of(), "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", null);
        return context.createProducerTemplate().request("direct:score-after-effects", e -> e.getMessage().setBody(result));
    }
}
