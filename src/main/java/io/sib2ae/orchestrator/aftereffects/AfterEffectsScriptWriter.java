package io.sib2ae.orchestrator.aftereffects;

import io.sib2ae.orchestrator.aftereffects.ShapeContour.Point;
import io.sib2ae.orchestrator.manifest.AtomicFiles;
import io.sib2ae.orchestrator.manifest.FileNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code ae/import_<score>.jsx}: the ExtendScript that builds the score's comp in After
 * Effects. The script is a fixed template (ES3, for After Effects' engine) with the score's data
 * inlined as a literal, since older engines have no JSON reader.
 *
 * <p>Page units map to comp pixels one to one: a point {@code (x, y)} of the page's viewBox is at
 * comp pixel {@code (x - minX, y - minY)}, and the comp is the viewBox's size.
 */
public final class AfterEffectsScriptWriter {

    static final String TEMPLATE = "import.jsx";
    private static final String PLACEHOLDER = "/*SIB2AE_DATA*/null";
    /* Hundredths of a page unit place a notehead well below a pixel; values keep the JSON's thousandths. */
    private static final int COORDINATE_DECIMALS = 2;
    private static final int VALUE_DECIMALS = 3;
    private static final int TIME_DECIMALS = 6;

    private final int fps;

    /** @param fps the comp's frame rate, {@code sib2ae.keyframes.fps} */
    public AfterEffectsScriptWriter(int fps) {
        if (fps <= 0) {
            throw new IllegalArgumentException("the comp's frame rate must be positive, found " + fps);
        }
        this.fps = fps;
    }

    /** Where the script of a score goes: {@code ae/import_<score>.jsx} in its folder. */
    public static Path scriptPath(ScoreOutput score) {
        return score.folder().resolve("ae").resolve("import_" + FileNames.sanitize(score.scoreName()) + ".jsx");
    }

    /** Writes the script atomically and returns its path. */
    public Path write(ScoreOutput score) {
        Path target = scriptPath(score);
        AtomicFiles.writeUnrecorded(target, script(score).getBytes(StandardCharsets.UTF_8));
        return target;
    }

    /** The whole script for {@code score}. */
    public String script(ScoreOutput score) {
        String template = template();
        int at = template.indexOf(PLACEHOLDER);
        if (at < 0) {
            throw new IllegalStateException("the script template has lost its data placeholder");
        }
        return template.substring(0, at) + data(score) + template.substring(at + PLACEHOLDER.length());
    }

    static String template() {
        return Templates.load(TEMPLATE, "After Effects script template");
    }

    String data(ScoreOutput score) {
        int[] size = CompTimeline.size(score);
        double duration = CompTimeline.duration(score, fps);
        ScriptLiteral js = new ScriptLiteral(64 * 1024 + score.notes().size() * 2048);
        js.raw("{").key("score").string(score.scoreName())
                .raw(",").key("width").raw(Integer.toString(size[0]))
                .raw(",").key("height").raw(Integer.toString(size[1]))
                .raw(",").key("fps").raw(Integer.toString(fps))
                .raw(",").key("duration").number(duration, TIME_DECIMALS);

        List<double[]> spans = CompTimeline.pageSpans(score, duration);
        Map<Integer, Integer> pagePosition = new HashMap<>();
        js.raw(",\n").key("pages").raw("[");
        for (int i = 0; i < score.pages().size(); i++) {
            ScorePage page = score.pages().get(i);
            pagePosition.put(page.index(), i);
            js.raw(i > 0 ? ",\n" : "\n").raw("{").key("index").raw(Integer.toString(page.index()))
                    .raw(",").key("png").string("svg/score_without_noteheads" + ScorePage.suffix(page.index()) + ".png")
                    .raw(",").key("width").number(page.width(), COORDINATE_DECIMALS)
                    .raw(",").key("height").number(page.height(), COORDINATE_DECIMALS)
                    .raw(",").key("from").number(spans.get(i)[0], TIME_DECIMALS)
                    .raw(",").key("to").number(spans.get(i)[1], TIME_DECIMALS).raw("}");
        }
        js.raw("]");

        // Only the keyframes some notehead is keyed from: a score without a page has none to key.
        java.util.Set<String> keyed = new java.util.HashSet<>();
        for (OutputNote note : score.notes()) {
            if (score.outlines().containsKey(note.universalId())) {
                CompTimeline.keys(score, note).forEach(segment -> keyed.add(segment.keyframesOf()));
            }
        }
        Map<String, Integer> keyIndex = new HashMap<>();
        js.raw(",\n").key("keys").raw("[");
        for (OutputNote note : score.notes()) {
            NoteKeyframes k = score.keyframes().get(note.universalId());
            if (k == null || !keyed.contains(note.universalId())) {
                continue;
            }
            js.raw(keyIndex.isEmpty() ? "\n" : ",\n");
            keyIndex.put(note.universalId(), keyIndex.size());
            js.raw("{").key("file").string(k.file()).raw(",").key("fps").raw(Integer.toString(k.fps()))
                    .raw(",").key("amplitude").numbers(channel(k, NoteKeyframes.AMPLITUDE), VALUE_DECIMALS)
                    .raw(",").key("scale").numbers(channel(k, NoteKeyframes.SCALE), VALUE_DECIMALS)
                    .raw(",").key("opacity").numbers(channel(k, NoteKeyframes.OPACITY), VALUE_DECIMALS)
                    .raw(",").key("hue").numbers(channel(k, NoteKeyframes.HUE), VALUE_DECIMALS)
                    .raw(",").key("px").numbers(channel(k, NoteKeyframes.POSITION_X), VALUE_DECIMALS).raw("}");
        }
        js.raw("]");

        js.raw(",\n").key("heads").raw("[");
        boolean first = true;
        for (OutputNote note : score.notes()) {
            NoteheadOutline outline = score.outlines().get(note.universalId());
            if (outline == null) {
                continue;
            }
            ScorePage page = pageOf(score, note);
            double minX = page == null ? 0 : page.minX();
            double minY = page == null ? 0 : page.minY();
            Point centre = outline.centre();
            js.raw(first ? "\n" : ",\n").raw("{").key("name").string(note.layerName())
                    .raw(",").key("uid").string(note.universalId())
                    .raw(",").key("page").raw(Integer.toString(page == null ? 0 : pagePosition.get(page.index())))
                    .raw(",").key("colour").numbers(InstrumentColours.rgb(score.partOrder().indexOf(note.partId())), 4)
                    .raw(",").key("x").number(centre.x() - minX, COORDINATE_DECIMALS)
                    .raw(",").key("y").number(centre.y() - minY, COORDINATE_DECIMALS)
                    .raw(",").key("paths").raw("[");
            first = false;
            for (int c = 0; c < outline.contours().size(); c++) {
                ShapeContour contour = outline.contours().get(c);
                js.raw(c > 0 ? "," : "").raw("{").key("v").numbers(flat(contour.vertices(), centre), COORDINATE_DECIMALS)
                        .raw(",").key("i").numbers(flat(contour.inTangents(), null), COORDINATE_DECIMALS)
                        .raw(",").key("o").numbers(flat(contour.outTangents(), null), COORDINATE_DECIMALS)
                        .raw(",").key("closed").raw(Boolean.toString(contour.closed())).raw("}");
            }
            js.raw("],").key("keys").raw("[");
            List<CompTimeline.KeySegment> segments = CompTimeline.keys(score, note);
            for (int s = 0; s < segments.size(); s++) {
                CompTimeline.KeySegment segment = segments.get(s);
                js.raw(s > 0 ? "," : "").raw("[").number(segment.startSeconds(), TIME_DECIMALS)
                        .raw(",").raw(Integer.toString(keyIndex.get(segment.keyframesOf())))
                        .raw(",").raw(Integer.toString(segment.fromFrame()))
                        .raw(",").raw(Integer.toString(segment.count())).raw("]");
            }
            js.raw("]}");
        }
        js.raw("]");

        js.raw(",\n").key("audio").raw("[");
        List<CompTimeline.AudioPlacement> audio = CompTimeline.audio(score);
        for (int a = 0; a < audio.size(); a++) {
            CompTimeline.AudioPlacement placement = audio.get(a);
            String name = placement.note().layerName() + " audio"
                    + (placement.note().performances().size() > 1 ? " " + (placement.performance() + 1) : "");
            js.raw(a > 0 ? ",\n" : "\n").raw("{").key("name").string(name)
                    .raw(",").key("uid").string(placement.note().universalId())
                    .raw(",").key("file").string(placement.file())
                    .raw(",").key("start").number(placement.startSeconds(), TIME_DECIMALS).raw("}");
        }
        js.raw("]}");
        return js.toString();
    }

    private static ScorePage pageOf(ScoreOutput score, OutputNote note) {
        for (ScorePage p : score.pages()) {
            if (note.page() != null && p.index() == note.page()) {
                return p;
            }
        }
        return score.pages().isEmpty() ? null : score.pages().get(0);
    }

    /* Missing channels key as zeros rather than breaking the script's arrays. */
    private static double[] channel(NoteKeyframes k, String name) {
        double[] values = k.channel(name);
        return values == null ? new double[k.frames()] : values;
    }

    /* x0, y0, x1, y1 …, relative to {@code origin} when given (vertices), as they are (handles). */
    private static double[] flat(List<Point> points, Point origin) {
        double[] flat = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            flat[2 * i] = points.get(i).x() - (origin == null ? 0 : origin.x());
            flat[2 * i + 1] = points.get(i).y() - (origin == null ? 0 : origin.y());
        }
        return flat;
    }
}
