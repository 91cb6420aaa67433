package io.sib2ae.orchestrator.aftereffects;

import java.util.ArrayList;
import java.util.List;

/**
 * When things happen in the comp: how long it is, when each WAV starts and which frames of which
 * note's keyframes animate each notehead from when. The comp builder and the preview page both
 * take their times from here.
 */
public final class CompTimeline {

    /** Comp size when the score came without an SVG page. */
    public static final int DEFAULT_WIDTH = 1920;
    public static final int DEFAULT_HEIGHT = 1080;

    /**
     * A run of keyframes on one notehead: from {@code startSeconds}, the values of
     * {@code keyframesOf}'s frames {@code fromFrame} to {@code fromFrame + count - 1}, one per frame.
     */
    public record KeySegment(double startSeconds, String keyframesOf, int fromFrame, int count) {
    }

    /** One WAV placed at one performance's start. */
    public record AudioPlacement(OutputNote note, String file, double startSeconds, int performance) {
    }

    private CompTimeline() {
    }

    /** The whole performance plus the longest release tail, in seconds (at least one frame). */
    public static double duration(ScoreOutput score, int fps) {
        double end = 1.0 / fps;
        for (OutputNote note : score.notes()) {
            for (OutputNote.Performance p : note.performances()) {
                double sounding = p.durationSeconds();
                if (note.primary() && note.audioSeconds() != null) {
                    sounding = Math.max(sounding, note.audioSeconds());
                }
                end = Math.max(end, p.startSeconds() + sounding);
            }
        }
        // Whole frames, so the last frame of the longest tail is inside the comp.
        return Math.ceil(end * fps - 1e-9) / fps;
    }

    /** Comp width and height in pixels: the largest page's viewBox, one page unit to a pixel. */
    public static int[] size(ScoreOutput score) {
        if (score.pages().isEmpty()) {
            return new int[] {DEFAULT_WIDTH, DEFAULT_HEIGHT};
        }
        double w = 0;
        double h = 0;
        for (ScorePage p : score.pages()) {
            w = Math.max(w, p.width());
            h = Math.max(h, p.height());
        }
        // After Effects takes whole pixels from 4 to 30,000.
        return new int[] {clampSize(w), clampSize(h)};
    }

    private static int clampSize(double units) {
        return (int) Math.max(4, Math.min(30_000, Math.ceil(units - 1e-9)));
    }

    /** Every WAV placement: one per performance of each primary note that has its own WAV. */
    public static List<AudioPlacement> audio(ScoreOutput score) {
        List<AudioPlacement> placements = new ArrayList<>();
        for (OutputNote note : score.notes()) {
            if (!note.primary() || note.audioFile() == null) {
                continue;
            }
            for (int i = 0; i < note.performances().size(); i++) {
                placements.add(new AudioPlacement(note, note.audioFile(), note.performances().get(i).startSeconds(), i));
            }
        }
        return placements;
    }

    /**
     * The keyframe runs of one notehead. A primary is keyed from its own keyframes at each of its
     * performances; a tied secondary from its primary's, from the secondary's own start on, at the
     * frame the primary has reached by then. A run ends where the next performance begins.
     */
    public static List<KeySegment> keys(ScoreOutput score, OutputNote note) {
        OutputNote sounding = note.primary() ? note : score.note(note.soundingId());
        if (sounding == null) {
            return List.of();
        }
        NoteKeyframes keyframes = score.keyframes().get(sounding.universalId());
        if (keyframes == null) {
            return List.of();
        }
        List<KeySegment> segments = new ArrayList<>();
        List<OutputNote.Performance> own = note.performances();
        for (int i = 0; i < own.size(); i++) {
            double start = own.get(i).startSeconds();
            OutputNote.Performance of = sounding.performances().get(Math.min(i, sounding.performances().size() - 1));
            int from = note == sounding ? 0 : (int) Math.round((start - of.startSeconds()) * keyframes.fps());
            from = Math.max(0, from);
            int count = keyframes.frames() - from;
            if (i + 1 < own.size()) {
                int untilNext = (int) Math.floor((own.get(i + 1).startSeconds() - start) * keyframes.fps() + 1e-9);
                count = Math.min(count, untilNext);
            }
            if (count > 0) {
                segments.add(new KeySegment(start, sounding.universalId(), from, count));
            }
        }
        return segments;
    }

    /**
     * When each page is on screen: from its first note (the first page from 0) until the next
     * page's first note, the last page until the end. {@code [from, to]} per page, in page order.
     */
    public static List<double[]> pageSpans(ScoreOutput score, double duration) {
        List<double[]> spans = new ArrayList<>();
        List<ScorePage> pages = score.pages();
        double[] firsts = new double[pages.size()];
        for (int i = 0; i < pages.size(); i++) {
            double first = Double.MAX_VALUE;
            for (OutputNote n : score.notes()) {
                if (n.page() != null && n.page() == pages.get(i).index()) {
                    first = Math.min(first, n.startSeconds());
                }
            }
            firsts[i] = i == 0 ? 0 : first == Double.MAX_VALUE ? duration : first;
        }
        for (int i = 0; i < pages.size(); i++) {
            double to = i + 1 < pages.size() ? Math.max(firsts[i], firsts[i + 1]) : duration;
            spans.add(new double[] {firsts[i], to});
        }
        return spans;
    }
}
