package io.sib2ae.orchestrator.coordination;

import java.util.List;

/**
 * How the performer played a note beyond its plain onset and length, as the manifest records it.
 *
 * @param graceTiming the grace-note rule that timed it ({@link GraceTiming.Rule#label()}), "midi" when
 *                    the MIDI's time stood, or null for a note no grace note touches
 * @param arpeggio    its place in a rolled chord, or null
 * @param drum        the drum it plays, for a note of a percussion part, or null
 * @param strokes     the repeated strokes a tremolo plays, first at 0; empty for a note struck once
 */
public record PlayingFacts(String graceTiming, Arpeggio arpeggio, Drum drum, List<Stroke> strokes) {

    public static final PlayingFacts PLAIN = new PlayingFacts(null, null, null, List.of());

    /**
     * @param delaySeconds  how much later than the chord's onset this note is struck
     * @param spreadSeconds from the first note struck to the last
     * @param order         "up" (bottom to top) or "down"
     */
    public record Arpeggio(double delaySeconds, double spreadSeconds, String order) {
    }

    /**
     * @param key    the General MIDI drum key the note plays
     * @param name   the drum's name, used in the note's file names
     * @param source where the key came from: "midi_unpitched" (the part's own), "gm_drum_map"
     */
    public record Drum(int key, String name, String source) {
    }

    /** One stroke of a tremolo, relative to the note's start. */
    public record Stroke(double offsetSeconds, double durationSeconds, int velocity) {
    }

    public PlayingFacts withGraceTiming(String rule) {
        return new PlayingFacts(rule, arpeggio, drum, strokes);
    }

    public PlayingFacts withArpeggio(Arpeggio roll) {
        return new PlayingFacts(graceTiming, roll, drum, strokes);
    }

    public PlayingFacts withDrum(Drum played) {
        return new PlayingFacts(graceTiming, arpeggio, played, strokes);
    }

    public PlayingFacts withStrokes(List<Stroke> played) {
        return new PlayingFacts(graceTiming, arpeggio, drum, List.copyOf(played));
    }
}
