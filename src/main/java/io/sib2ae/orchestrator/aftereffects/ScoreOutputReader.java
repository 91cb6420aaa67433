package io.sib2ae.orchestrator.aftereffects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.score.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a finished score's output folder: the final index, every rendered note's keyframes,
 * every notehead's outline and the pages' viewBoxes. It reads the files, not the pipeline's
 * objects, so the comp and the preview can be made again from any output folder.
 */
public final class ScoreOutputReader {

    /** The hops whose status every note records, in pipeline order. */
    public static final List<String> HOPS = List.of("coordination", "midi", "audio", "keyframes", "svg");

    private final ObjectMapper mapper = new ObjectMapper();

    /** Reads the score whose index is {@code folder/manifest.json}. */
    public ScoreOutput read(Path folder) {
        Path indexFile = folder.resolve("manifest.json");
        JsonNode index = json(indexFile);
        List<OutputNote> notes = new ArrayList<>();
        for (JsonNode n : index.path("notes")) {
            notes.add(note(folder, n));
        }
        List<String> partOrder = new ArrayList<>();
        for (JsonNode p : index.path("parts")) {
            partOrder.add(p.path("part_id").asText());
        }
        Map<String, NoteKeyframes> keyframes = new HashMap<>();
        Map<String, NoteheadOutline> outlines = new HashMap<>();
        for (OutputNote note : notes) {
            if (note.primary() && note.keyframesFile() != null) {
                keyframes.put(note.universalId(), keyframes(folder, note.keyframesFile()));
            }
            if (note.noteheadFile() != null) {
                outlines.put(note.universalId(), NoteheadOutlineReader.read(inside(folder, note.noteheadFile())));
            }
        }
        return new ScoreOutput(folder, index.path("score_name").asText(folder.getFileName().toString()), index, notes,
                pages(folder, index, notes), keyframes, outlines, partOrder);
    }

    private OutputNote note(Path folder, JsonNode n) {
        List<OutputNote.Performance> performances = new ArrayList<>();
        for (JsonNode p : n.path("performances")) {
            performances.add(new OutputNote.Performance(p.path("start_seconds").asDouble(), p.path("duration_seconds").asDouble()));
        }
        if (performances.isEmpty()) {
            performances.add(new OutputNote.Performance(n.path("calculated_start_time").asDouble(), n.path("duration_seconds").asDouble()));
        }
        Map<String, OutputNote.Stage> stages = new LinkedHashMap<>();
        for (String hop : HOPS) {
            JsonNode s = n.path("stages").path(hop);
            if (!s.isMissingNode() && !s.isNull()) {
                String why = text(s, "error") != null ? text(s, "error") : text(s, "reason");
                stages.put(hop, new OutputNote.Stage(s.path("status").asText("pending"), why,
                        s.path("breaker_open").asBoolean(false),
                        s.hasNonNull("duration_ms") ? s.path("duration_ms").asLong() : null, text(s, "timestamp")));
            }
        }
        JsonNode files = n.path("files");
        JsonNode svg = n.path("svg");
        JsonNode audio = n.path("audio");
        return new OutputNote(n.path("universal_id").asText(), n.path("instrument").asText(), n.path("part_id").asText(),
                n.path("pitch").asText(), n.path("midi_pitch").asInt(), n.path("measure").asText(), n.path("velocity").asInt(),
                n.path("calculated_start_time").asDouble(), n.path("duration_seconds").asDouble(), performances,
                n.path("is_primary").asBoolean(true), text(n, "primary_universal_id"), text(n, "tied_group_id"),
                n.path("position_in_group").asInt(0), text(n, "match_method"), n.path("timing_confidence").asDouble(),
                text(n, "timing_source"), stages,
                existing(folder, files.path("audio"), stages.get("audio")),
                existing(folder, files.path("keyframes"), stages.get("keyframes")),
                existing(folder, files.path("notehead_svg"), stages.get("svg")),
                svg.hasNonNull("page") ? svg.path("page").asInt() : null,
                audio.hasNonNull("length_seconds") ? audio.path("length_seconds").asDouble() : null,
                text(audio, "soundfont"));
    }

    /*
     * A file counts when the manifest says it exists and its hop completed; a tied secondary's
     * entries name the primary's files but record none of their own.
     */
    private static String existing(Path folder, JsonNode entry, OutputNote.Stage stage) {
        if (!entry.path("file_exists").asBoolean(false) || !entry.hasNonNull("path")) {
            return null;
        }
        if (stage != null && !"completed".equals(stage.status()) && !"skipped".equals(stage.status())) {
            return null;
        }
        String path = entry.path("path").asText();
        inside(folder, path);
        return path;
    }

    /** Resolves a path the manifest gives, refusing one that would leave the score folder. */
    static Path inside(Path folder, String relative) {
        Path base = folder.toAbsolutePath().normalize();
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base) || Path.of(relative).isAbsolute()) {
            throw new IllegalArgumentException("the manifest names a file outside the score folder: " + relative);
        }
        return resolved;
    }

    private NoteKeyframes keyframes(Path folder, String relative) {
        JsonNode json = json(inside(folder, relative));
        int fps = json.path("fps").asInt();
        if (fps <= 0) {
            throw new IllegalArgumentException(relative + ": fps must be a positive number, found " + json.path("fps"));
        }
        Map<String, double[]> channels = new LinkedHashMap<>();
        int frames = -1;
        Iterator<Map.Entry<String, JsonNode>> fields = json.path("keyframes").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode pairs = field.getValue();
            // Channels are [frame, value] pairs; onset_markers is a list of frames, not a channel.
            if (!pairs.isArray() || pairs.size() == 0 || !pairs.get(0).isArray()) {
                continue;
            }
            double[] values = new double[pairs.size()];
            for (int k = 0; k < pairs.size(); k++) {
                if (pairs.get(k).path(0).asInt(-1) != k) {
                    throw new IllegalArgumentException(relative + ": channel " + field.getKey() + " skips frame " + k);
                }
                values[k] = pairs.get(k).path(1).asDouble();
            }
            frames = frames < 0 ? values.length : frames;
            channels.put(field.getKey(), values);
        }
        if (frames < 0) {
            throw new IllegalArgumentException(relative + " holds no keyframe channel");
        }
        return new NoteKeyframes(relative, fps, frames, channels);
    }

    private static List<ScorePage> pages(Path folder, JsonNode index, List<OutputNote> notes) {
        TreeSet<Integer> used = new TreeSet<>();
        notes.forEach(n -> {
            if (n.page() != null) {
                used.add(n.page());
            }
        });
        int count = Math.max(index.path("inputs").path("svg").size(), used.isEmpty() ? 0 : used.last() + 1);
        List<ScorePage> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String stem = "svg/score_without_noteheads" + ScorePage.suffix(i);
            Path svg = folder.resolve(stem + ".svg");
            if (!Files.isRegularFile(svg)) {
                continue;
            }
            double[] box = viewBox(svg);
            String png = Files.isRegularFile(folder.resolve(stem + ".png")) ? stem + ".png" : null;
            pages.add(new ScorePage(i, box[0], box[1], box[2], box[3], png, stem + ".svg"));
        }
        return pages;
    }

    /* The root element's viewBox; its width and height when it has none. */
    private static double[] viewBox(Path svg) {
        try (InputStream in = Files.newInputStream(svg)) {
            XMLStreamReader r = SecureXml.forSvg().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        String box = r.getAttributeValue(null, "viewBox");
                        if (box != null) {
                            String[] v = box.trim().split("[\\s,]+");
                            if (v.length == 4) {
                                return new double[] {Double.parseDouble(v[0]), Double.parseDouble(v[1]),
                                        Double.parseDouble(v[2]), Double.parseDouble(v[3])};
                            }
                        }
                        return new double[] {0, 0, length(r.getAttributeValue(null, "width")),
                                length(r.getAttributeValue(null, "height"))};
                    }
                }
                throw new IllegalArgumentException(svg.getFileName() + " has no root element");
            } finally {
                r.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + svg + ": " + e.getMessage(), e);
        } catch (XMLStreamException | NumberFormatException e) {
            throw new IllegalArgumentException(svg.getFileName() + ": unreadable page size: " + e.getMessage(), e);
        }
    }

    private static double length(String value) {
        if (value == null) {
            throw new IllegalArgumentException("the page has neither a viewBox nor a width and height");
        }
        return Double.parseDouble(value.trim().replaceAll("[a-z%]+$", ""));
    }

    private JsonNode json(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
