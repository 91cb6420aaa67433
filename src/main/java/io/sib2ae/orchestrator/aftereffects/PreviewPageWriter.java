package io.sib2ae.orchestrator.aftereffects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.aftereffects.ShapeContour.Point;
import io.sib2ae.orchestrator.manifest.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code preview.html}: one self-contained page that plays the score, its noteheads lighting
 * up as their notes sound. The page is a fixed template; the score's data is inlined in it as
 * JSON, so it opens from the file system as well as over HTTP, and it links to the WAVs and page
 * images by relative paths only.
 */
public final class PreviewPageWriter {

    public static final String FILE = "preview.html";
    static final String TEMPLATE = "preview.html";
    private static final String DATA = "/*SIB2AE_PREVIEW_DATA*/";
    private static final String TITLE = "/*SIB2AE_TITLE*/";
    /* The preview's plot needs no more than a tenth of a percent. */
    private static final double AMPLITUDE_STEP = 10.0;

    private final ObjectMapper mapper = new ObjectMapper();
    private final int fps;

    public PreviewPageWriter(int fps) {
        if (fps <= 0) {
            throw new IllegalArgumentException("the preview's frame rate must be positive, found " + fps);
        }
        this.fps = fps;
    }

    /** Writes the page atomically into the score folder and returns its path. */
    public Path write(ScoreOutput score) {
        Path target = score.folder().resolve(FILE);
        AtomicFiles.writeUnrecorded(target, page(score).getBytes(StandardCharsets.UTF_8));
        return target;
    }

    /** The whole page for {@code score}. */
    public String page(ScoreOutput score) {
        String template = template();
        if (!template.contains(DATA) || !template.contains(TITLE)) {
            throw new IllegalStateException("the preview template has lost a placeholder");
        }
        return template.replace(TITLE, html(score.scoreName())).replace(DATA, json(data(score)));
    }

    private static String template() {
        return Templates.load(TEMPLATE, "preview template");
    }

    /* JSON inside a script element: a "<" could close it early, and is the same string as \u003c. */
    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the preview's data: " + e.getMessage(), e);
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    Map<String, Object> data(ScoreOutput score) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("score", score.scoreName());
        data.put("status", score.index().path("status").asText());
        data.put("fps", fps);
        data.put("duration", CompTimeline.duration(score, fps));
        List<Map<String, Object>> pages = new ArrayList<>();
        for (ScorePage page : score.pages()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("index", page.index());
            p.put("image", page.png() != null ? page.png() : page.svg());
            p.put("minX", page.minX());
            p.put("minY", page.minY());
            p.put("width", page.width());
            p.put("height", page.height());
            pages.add(p);
        }
        data.put("pages", pages);
        List<Map<String, Object>> parts = new ArrayList<>();
        for (JsonNode part : score.index().path("parts")) {
            Map<String, Object> p = new LinkedHashMap<>();
            String id = part.path("part_id").asText();
            p.put("id", id);
            p.put("instrument", part.path("instrument").asText());
            p.put("colour", InstrumentColours.hex(score.partOrder().indexOf(id)));
            parts.add(p);
        }
        data.put("parts", parts);
        List<Map<String, Object>> notes = new ArrayList<>();
        for (OutputNote note : score.notes()) {
            notes.add(note(score, note));
        }
        data.put("notes", notes);
        data.put("summary", summary(score));
        return data;
    }

    private static Map<String, Object> note(ScoreOutput score, OutputNote note) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("uid", note.universalId());
        n.put("instrument", note.instrument());
        n.put("part", note.partId());
        n.put("pitch", note.pitch());
        n.put("midi", note.midiPitch());
        n.put("measure", note.measure());
        n.put("start", note.startSeconds());
        n.put("dur", note.durationSeconds());
        n.put("perfs", note.performances().stream().map(p -> List.of(p.startSeconds(), p.durationSeconds())).toList());
        n.put("primary", note.primary());
        n.put("primaryUid", note.primaryUniversalId());
        n.put("tie", note.tiedGroupId());
        n.put("posInTie", note.positionInGroup());
        n.put("match", note.matchMethod());
        n.put("confidence", note.timingConfidence());
        Map<String, Object> stages = new LinkedHashMap<>();
        note.stages().entrySet().stream()
                .sorted((a, b) -> ScoreOutputReader.HOPS.indexOf(a.getKey()) - ScoreOutputReader.HOPS.indexOf(b.getKey()))
                .forEach(e -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("status", e.getValue().status());
                    s.put("why", e.getValue().why());
                    stages.put(e.getKey(), s);
                });
        n.put("stages", stages);
        n.put("audio", note.primary() ? note.audioFile() : null);
        n.put("audioSeconds", note.audioSeconds());
        NoteheadOutline outline = score.outlines().get(note.universalId());
        n.put("page", note.page());
        n.put("d", outline == null ? null : pathData(outline));
        NoteKeyframes keyframes = score.keyframes().get(note.universalId());
        double[] amplitude = keyframes == null ? null : keyframes.channel(NoteKeyframes.AMPLITUDE);
        if (amplitude != null) {
            List<Double> rounded = new ArrayList<>(amplitude.length);
            for (double v : amplitude) {
                rounded.add(Math.round(v * AMPLITUDE_STEP) / AMPLITUDE_STEP);
            }
            n.put("amp", rounded);
        }
        return n;
    }

    /** The outline as SVG path data, absolute M, C and Z only. */
    static String pathData(NoteheadOutline outline) {
        StringBuilder d = new StringBuilder();
        for (ShapeContour c : outline.contours()) {
            int n = c.vertices().size();
            Point first = c.vertices().get(0);
            d.append('M').append(num(first.x())).append(' ').append(num(first.y()));
            int segments = c.closed() ? n : n - 1;
            for (int i = 0; i < segments; i++) {
                Point from = c.vertices().get(i);
                int j = (i + 1) % n;
                Point to = c.vertices().get(j);
                Point out = c.outTangents().get(i);
                Point in = c.inTangents().get(j);
                d.append('C').append(num(from.x() + out.x())).append(' ').append(num(from.y() + out.y()))
                        .append(' ').append(num(to.x() + in.x())).append(' ').append(num(to.y() + in.y()))
                        .append(' ').append(num(to.x())).append(' ').append(num(to.y()));
            }
            if (c.closed()) {
                d.append('Z');
            }
        }
        return d.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    private Map<String, Object> summary(ScoreOutput score) {
        Map<String, Object> summary = new LinkedHashMap<>();
        List<Map<String, Object>> hops = new ArrayList<>();
        int breakerEvents = 0;
        for (String hop : ScoreOutputReader.HOPS) {
            int completed = 0;
            int skipped = 0;
            int failed = 0;
            int breaker = 0;
            long millis = 0;
            boolean timed = false;
            Instant first = null;
            Instant last = null;
            for (OutputNote note : score.notes()) {
                OutputNote.Stage s = note.stages().get(hop);
                if (s == null) {
                    continue;
                }
                switch (s.status()) {
                    case "completed" -> completed++;
                    case "skipped" -> skipped++;
                    case "failed" -> failed++;
                    default -> { }
                }
                breaker += s.breakerOpen() ? 1 : 0;
                if (s.durationMillis() != null) {
                    millis += s.durationMillis();
                    timed = true;
                }
                if ("completed".equals(s.status()) && s.timestamp() != null) {
                    Instant at = Instant.parse(s.timestamp());
                    first = first == null || at.isBefore(first) ? at : first;
                    last = last == null || at.isAfter(last) ? at : last;
                }
            }
            breakerEvents += breaker;
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("hop", hop);
            h.put("completed", completed);
            h.put("skipped", skipped);
            h.put("failed", failed);
            h.put("breakerOpen", breaker);
            // Hops that time each note say how long their work took; for the others, how long
            // their completions were spread over, which includes waiting for the other hops.
            h.put("time", timed ? seconds(millis) + " work"
                    : first == null ? "" : seconds(Duration.between(first, last).toMillis()) + " span");
            hops.add(h);
        }
        summary.put("hops", hops);
        summary.put("breakerEvents", breakerEvents);
        Set<String> soundfonts = new LinkedHashSet<>();
        score.notes().forEach(n -> {
            if (n.soundfont() != null) {
                soundfonts.add(n.soundfont());
            }
        });
        summary.put("soundfonts", List.copyOf(soundfonts));
        List<String> unmatched = new ArrayList<>();
        for (OutputNote note : score.notes()) {
            String label = note.universalId().substring(0, 8) + " " + note.instrument() + " " + note.pitch() + " M" + note.measure();
            if ("unmatched".equals(note.matchMethod())) {
                unmatched.add(label + ": no MIDI note at its onset and pitch; timed from " + note.timingSource());
            }
            OutputNote.Stage svg = note.stages().get("svg");
            if (!score.pages().isEmpty() && svg != null && !"completed".equals(svg.status())) {
                unmatched.add(label + ": no notehead on the page (" + svg.status() + (svg.why() == null ? "" : ": " + svg.why()) + ")");
            }
        }
        summary.put("unmatched", unmatched);
        List<String> failures = new ArrayList<>();
        score.index().path("failures").forEach(f -> failures.add(f.asText()));
        summary.put("failures", failures);
        summary.put("pageNote", score.pages().isEmpty() ? "This score came without an SVG export: timeline and audio only." : null);
        return summary;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
