package io.sib2ae.orchestrator.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the tempo marks of a score as they are read. Editors often write a tempo word with its
 * own playback tempo and, at the same position, a metronome mark with another ("Tempo di Marcia"
 * at 120, then ♩ = 100): the player follows the later one, so within a part a later mark at the
 * same position replaces the earlier. Every part repeats the marks of the score, so a mark another
 * part already gave at that position counts once, and the part that gave it first keeps it.
 */
final class TempoMarks {

    private record Position(int measureIndex, long offsetNanos) {
    }

    private record Given(String partId, TempoMark mark) {
    }

    private final Map<Position, Given> marks = new LinkedHashMap<>();

    /** A mark read in {@code partId}; a later one from the same part at the same position replaces it. */
    void add(String partId, int measureIndex, double offsetInMeasure, double quartersPerMinute) {
        Position at = new Position(measureIndex, Math.round(offsetInMeasure * 1e9));
        Given earlier = marks.get(at);
        if (earlier == null || earlier.partId().equals(partId)) {
            marks.put(at, new Given(partId, new TempoMark(measureIndex, offsetInMeasure, quartersPerMinute)));
        }
    }

    /** The marks in score order. */
    List<TempoMark> inScoreOrder() {
        List<TempoMark> result = new ArrayList<>(marks.size());
        marks.values().forEach(g -> result.add(g.mark()));
        result.sort((a, b) -> a.measureIndex() != b.measureIndex()
                ? Integer.compare(a.measureIndex(), b.measureIndex())
                : Double.compare(a.offsetInMeasure(), b.offsetInMeasure()));
        return result;
    }
}
