package io.sib2ae.orchestrator.aftereffects;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.score.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
        // Thousands of small files, each parsed on its own: read on every core, as they are the
        // whole of a one-shot's last second, after the notes and before the process may exit.
        // A file that fails is reported here, on the caller's thread, and the first in score order
        // is the one reported, whichever core met it first.
        List<NoteFiles> read = notes.parallelStream().map(note -> noteFiles(folder, note)).toList();
        Map<String, NoteKeyframes> keyframes = new HashMap<>();
        Map<String, NoteheadOutline> outlines = new HashMap<>();
        for (NoteFiles files : read) {
            if (files.failure() != null) {
                throw files.failure();
            }
            if (files.keyframes() != null) {
                keyframes.put(files.universalId(), files.keyframes());
            }
            if (files.outline() != null) {
                outlines.put(files.universalId(), files.outline());
            }
        }
        return new ScoreOutput(folder, index.path("score_name").asText(folder.getFileName().toString()), index, notes,
                pages(folder, index, notes), keyframes, outlines, partOrder);
    }

    /** What one note's own files hold, or why they could not be read. */
    private record NoteFiles(String universalId, NoteKeyframes keyframes, NoteheadOutline outline,
                             RuntimeException failure) {
    }

    private NoteFiles noteFiles(Path folder, OutputNote note) {
        try {
            NoteKeyframes keyframes = note.primary() && note.keyframesFile() != null
                    ? keyframes(folder, note.keyframesFile()) : null;
            NoteheadOutline outline = note.noteheadFile() != null
                    ? NoteheadOutlineReader.read(inside(folder, note.noteheadFile())) : null;
            return new NoteFiles(note.universalId(), keyframes, outline, null);
        } catch (RuntimeException e) {
            return new NoteFiles(note.universalId(), null, null, e);
        }
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

    /*
     * Read as a stream of tokens rather than as a tree: a note's channels are hundreds of
     * [frame, value] pairs each, and a tree made an object of every number only to copy it into
     * an array. The checks are the tree reader's: a positive fps, every channel's frames counted
     * from 0 without a gap, and at least one channel (onset_markers, a list of frames, is none).
     */
    private NoteKeyframes keyframes(Path folder, String relative) {
        Path file = inside(folder, relative);
        int fps = 0;
        String fpsText = "nothing";
        Map<String, double[]> channels = new LinkedHashMap<>();
        String gap = null;
        try (JsonParser p = mapper.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(relative + " is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("fps")) {
                    fps = p.getValueAsInt(0);
                    fpsText = value.isScalarValue() ? p.getText() : value.asString();
                    p.skipChildren();
                } else if (field.equals("keyframes") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String channel = p.currentName();
                        p.nextToken();
                        Channel read = channel(p);
                        if (read.values() != null) {
                            channels.put(channel, read.values());
                            if (gap == null && read.gapAt() >= 0) {
                                gap = relative + ": channel " + channel + " skips frame " + read.gapAt();
                            }
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "the file ends before its object closes");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(relative + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        if (fps <= 0) {
            throw new IllegalArgumentException(relative + ": fps must be a positive number, found " + fpsText);
        }
        if (gap != null) {
            throw new IllegalArgumentException(gap);
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException(relative + " holds no keyframe channel");
        }
        int frames = channels.values().iterator().next().length;
        return new NoteKeyframes(relative, fps, frames, channels);
    }

    /**
     * One value of the keyframes object: a channel when it is an array of [frame, value] pairs.
     *
     * @param values the channel's values by frame; null when the value is no channel
     * @param gapAt  the first pair whose frame is not its index, or -1
     */
    private record Channel(double[] values, int gapAt) {
    }

    /** Reads the value the parser is at, to its end. */
    private static Channel channel(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return new Channel(null, -1);
        }
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_ARRAY) {
            // Empty, or a list of plain values (onset_markers): no channel.
            if (first != JsonToken.END_ARRAY) {
                p.skipChildren();
                skipToEndOfArray(p);
            }
            return new Channel(null, -1);
        }
        double[] values = new double[64];
        int count = 0;
        int gapAt = -1;
        for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new JsonParseException(p, "the file ends inside a channel");
            }
            int frame = -1;
            double value = 0;
            if (t == JsonToken.START_ARRAY) {
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    frame = p.getValueAsInt(-1);
                    p.skipChildren();
                    if (p.nextToken() != JsonToken.END_ARRAY) {
                        value = p.getValueAsDouble(0);
                        p.skipChildren();
                        skipToEndOfArray(p);
                    }
                }
            } else {
                p.skipChildren();
            }
            if (frame != count && gapAt < 0) {
                gapAt = count;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
        }
        return new Channel(Arrays.copyOf(values, count), gapAt);
    }

    /** Skips the rest of the array the parser is inside, its closing bracket included. */
    private static void skipToEndOfArray(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new JsonParseException(p, "the file ends inside an array");
            }
            p.skipChildren();
        }
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
