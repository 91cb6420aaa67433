package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.score.PlayingMarks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls arpeggiated chords: their notes are struck one after another, bottom to top unless the
 * file writes {@code direction="down"}, about 30 ms apart at quarter = 120, closer at faster tempi
 * and wider at slower ones, so the spread grows with the chord's size. Every note of the chord ends
 * where it is written to end. Notes of one part whose arpeggios share a {@code number} roll as one
 * chord across staves (both hands of a piano); without a number, each staff and voice rolls its own.
 */
public final class ArpeggioRoll {

    static final double STEP_SECONDS_AT_120 = 0.030;
    static final double MIN_STEP_SECONDS = 0.015;
    static final double MAX_STEP_SECONDS = 0.060;
    /** A roll never takes more than this share of the chord's shortest note. */
    static final double MAX_SHARE_OF_CHORD = 0.5;

    /**
     * A note's place in its rolled chord.
     *
     * @param position 0 for the note struck first
     * @param size     notes in the roll
     */
    public record Place(int position, int size, boolean down, double shortestQuarters) {

        /** Seconds between two notes of the roll at this tempo (quarters per minute). */
        public double stepSeconds(double quartersPerMinute, double shortestSeconds) {
            double step = Math.max(MIN_STEP_SECONDS, Math.min(MAX_STEP_SECONDS, STEP_SECONDS_AT_120 * 120 / quartersPerMinute));
            double cap = size > 1 ? MAX_SHARE_OF_CHORD * shortestSeconds / (size - 1) : step;
            return Math.min(step, cap);
        }

        public String order() {
            return down ? "down" : "up";
        }
    }

    private ArpeggioRoll() {
    }

    /** The place of every note of an arpeggiated chord, by document index. */
    public static Map<Integer, Place> of(List<NotatedNote> notes) {
        Map<String, List<NotatedNote>> chords = new LinkedHashMap<>();
        for (NotatedNote note : notes) {
            PlayingMarks.Arpeggio mark = note.marks().arpeggio();
            if (mark == null || note.grace()) {
                continue;
            }
            String group = mark.number() != null ? "n" + mark.number() : note.staff() + "/" + note.voice();
            chords.computeIfAbsent(note.partIndex() + "|" + Math.round(note.notatedOnset() * 1e6) + "|" + group,
                    k -> new ArrayList<>()).add(note);
        }
        Map<Integer, Place> result = new HashMap<>();
        for (List<NotatedNote> chord : chords.values()) {
            boolean down = chord.stream().anyMatch(n -> n.marks().arpeggio().down());
            List<NotatedNote> order = new ArrayList<>(chord);
            Comparator<NotatedNote> byPitch = Comparator.comparingInt(NotatedNote::soundingPitch)
                    .thenComparingInt(NotatedNote::documentIndex);
            order.sort(down ? byPitch.reversed() : byPitch);
            double shortest = chord.stream().mapToDouble(NotatedNote::durationQuarters).min().orElse(0);
            for (int i = 0; i < order.size(); i++) {
                result.put(order.get(i).documentIndex(), new Place(i, order.size(), down, shortest));
            }
        }
        return result;
    }
}
