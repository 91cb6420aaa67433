package io.sib2ae.orchestrator.coordination;

import java.util.Arrays;

/**
 * Maps a position on the notation's performed timeline to the MIDI file's timeline, both in
 * quarter notes: a constant shift, or a piecewise one through aligned anchor points.
 */
public final class QuarterMapping {

    private final double[] notation;
    private final double[] midi;

    private QuarterMapping(double[] notation, double[] midi) {
        this.notation = notation;
        this.midi = midi;
    }

    public static QuarterMapping shift(double offset) {
        return new QuarterMapping(new double[] {0}, new double[] {offset});
    }

    /** Anchors must be sorted by notation position and never run backwards on the MIDI side. */
    public static QuarterMapping anchors(double[] notation, double[] midi) {
        if (notation.length == 0) {
            return shift(0);
        }
        return new QuarterMapping(notation.clone(), midi.clone());
    }

    public double toMidi(double quarter) {
        int i = Arrays.binarySearch(notation, quarter);
        if (i >= 0) {
            return midi[i];
        }
        int next = -i - 1;
        // Between anchors the MIDI runs at the notation's pace from the previous anchor.
        int anchor = next == 0 ? 0 : next - 1;
        return midi[anchor] + (quarter - notation[anchor]);
    }

    /** The shift at the start, reported in the manifest as the MIDI's offset. */
    public double initialOffset() {
        return midi[0] - notation[0];
    }
}
