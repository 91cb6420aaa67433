package io.sib2ae.orchestrator.aftereffects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.type.TypeReference;
import io.sib2ae.orchestrator.manifest.AtomicFiles;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.run.ScoreVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The After Effects hop of a closed score: from the score's final index and files, writes the
 * comp builder ({@code ae/import_<score>.jsx}) and the preview page ({@code preview.html}), and
 * records on the score index how that went. The notes are finished by then; nothing here can
 * change their outcome or the score's status.
 */
public final class AfterEffectsExport {

    /** The field of the score index that holds this hop's outcome. */
    public static final String INDEX_FIELD = "after_effects";

    private static final Logger LOG = LoggerFactory.getLogger("sib2ae.aftereffects");

    private final ScoreOutputReader reader = new ScoreOutputReader();
    private final AfterEffectsScriptWriter scriptWriter;
    private final PreviewPageWriter previewWriter;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ManifestStore manifests = new ManifestStore();

    /** @param fps the comp's frame rate, {@code sib2ae.keyframes.fps} */
    public AfterEffectsExport(int fps) {
        this.scriptWriter = new AfterEffectsScriptWriter(fps);
        this.previewWriter = new PreviewPageWriter(fps);
    }

    /**
     * Writes both files for the score whose final index is {@code manifestPath}.
     *
     * @param manifestPath the score index; null for a score that was quarantined before it had one
     */
    public AfterEffectsOutcome write(String manifestPath) {
        return write(manifestPath, null);
    }

    /**
     * As {@link #write(String)}; when the run was the score's current version again, files already
     * written for that version are kept as they are.
     */
    public AfterEffectsOutcome write(String manifestPath, ScoreVersion version) {
        if (manifestPath == null) {
            return AfterEffectsOutcome.skipped("the score has no index: it was not processed");
        }
        Path folder = Path.of(manifestPath).getParent();
        AfterEffectsOutcome current = version != null && version.repeat() ? writtenForThisVersion(Path.of(manifestPath)) : null;
        if (current != null) {
            return current;
        }
        ScoreOutput score = reader.read(folder);
        Path script = scriptWriter.write(score);
        Path preview = previewWriter.write(score);
        return AfterEffectsOutcome.written(relative(folder, script), relative(folder, preview));
    }

    /** The outcome already on the index, when both files it names are there. */
    private AfterEffectsOutcome writtenForThisVersion(Path index) {
        try {
            JsonNode recorded = mapper.readTree(Files.readAllBytes(index)).get(INDEX_FIELD);
            if (recorded == null || !recorded.isObject()) {
                return null;
            }
            AfterEffectsOutcome outcome = mapper.treeToValue(recorded, AfterEffectsOutcome.class);
            Path folder = index.getParent();
            boolean present = outcome.status() == AfterEffectsOutcome.Status.WRITTEN && outcome.script() != null
                    && outcome.preview() != null && Files.isRegularFile(folder.resolve(outcome.script()))
                    && Files.isRegularFile(folder.resolve(outcome.preview()));
            return present ? outcome : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The outcome of a write that threw: the reason names what could not be read or written. */
    public AfterEffectsOutcome failed(Exception failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return AfterEffectsOutcome.failed(reason);
    }

    /**
     * Records the outcome on the score index ({@code after_effects}), keeping everything else in
     * it as the score's close wrote it. A score whose index cannot be rewritten keeps the old one,
     * and the outcome is logged instead: the hop never fails the score.
     *
     * <p>For the run whose close wrote that index, the outcome goes on the run's own index model,
     * which is written again as a whole: reading the index back into a tree to add one field took a
     * one-shot of ActorPreludeSample (an 8.5 MB index) 0.2 s of its close; writing the model, a third
     * of that. Without the run (an index met on its own), the file is read.
     *
     * @param run the run whose final index {@code manifestPath} is, or null
     */
    public AfterEffectsOutcome record(ScoreRun run, String manifestPath, AfterEffectsOutcome outcome) {
        if (manifestPath == null) {
            return outcome;
        }
        Path index = Path.of(manifestPath);
        try {
            if (run != null && index.equals(run.folder().resolve(ManifestStore.INDEX))) {
                run.index().afterEffects = manifests.mapper().convertValue(outcome, new TypeReference<Map<String, Object>>() { });
                manifests.writeIndex(run.folder(), run.index());
                return logged(index, outcome);
            }
            JsonNode tree = mapper.readTree(Files.readAllBytes(index));
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalStateException(index + " is not a JSON object");
            }
            object.set(INDEX_FIELD, mapper.valueToTree(outcome));
            AtomicFiles.writeUnrecorded(index, mapper.writeValueAsBytes(object));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not record the After Effects outcome ({}) on {}: {}", outcome.status().json(), index, e.toString());
        }
        return logged(index, outcome);
    }

    private static AfterEffectsOutcome logged(Path index, AfterEffectsOutcome outcome) {
        if (outcome.status() == AfterEffectsOutcome.Status.FAILED) {
            LOG.warn("After Effects comp and preview not written for {}: {}", index.getParent(), outcome.reason());
        }
        return outcome;
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /** For tests and tools: the outcome recorded on a score index, or null. */
    public static JsonNode recorded(Path manifestPath) {
        try {
            return new ObjectMapper().readTree(manifestPath.toFile()).get(INDEX_FIELD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
