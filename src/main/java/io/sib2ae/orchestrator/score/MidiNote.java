package io.sib2ae.orchestrator.score;

/**
 * One sounded note of a MIDI file: a note-on paired with its note-off (or a note-on with
 * velocity 0), with its position in ticks, quarter notes and seconds.
 */
public record MidiNote(int track, int channel, int pitch, int velocity, int program, long startTick, long endTick,
                       double startQuarter, double endQuarter, double startSeconds, double endSeconds) {

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    /** The lane a note travels in: Sibelius writes a track per staff, other tools a channel per part. */
    public long lane() {
        return ((long) track << 4) | channel;
    }
}
