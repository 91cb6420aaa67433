package io.sib2ae.orchestrator.rendering;

/**
 * Everything needed to render one note on its own: what sounds, on which channel and instrument,
 * at which tempo, and for how long it is written and how long it actually sounds.
 *
 * @param midiPitch               sounding MIDI pitch (transposition already applied), 0-127
 * @param velocity                note-on velocity, 1-127 (0 would be a note-off)
 * @param channel                 MIDI channel, 0-15 (9 is GM percussion)
 * @param program                 GM program number, 0-127 (73 = flute, 40 = violin)
 * @param tempoBpm                quarter notes per minute in force where the note starts
 * @param durationSeconds         full written duration, ties merged
 * @param soundingDurationSeconds how long the note sounds: the written duration, or longer when
 *                                a sustain pedal holds it past its written end
 * @param strokes                 a tremolo's repeated strokes, each played as its own note; empty
 *                                for a note struck once
 */
public record NoteMidiSpec(
        int midiPitch,
        int velocity,
        int channel,
        int program,
        double tempoBpm,
        double durationSeconds,
        double soundingDurationSeconds,
        java.util.List<Stroke> strokes) {

    /** One stroke of a tremolo: when it starts after the note's start, how long it lasts, how loud. */
    public record Stroke(double offsetSeconds, double durationSeconds, int velocity) {
        public Stroke {
            if (!(offsetSeconds >= 0) || !(durationSeconds > 0) || Double.isInfinite(offsetSeconds + durationSeconds)) {
                throw new IllegalArgumentException("a stroke needs an offset >= 0 and a positive duration, was "
                        + offsetSeconds + " / " + durationSeconds);
            }
            requireRange("stroke velocity", velocity, 1, 127);
        }
    }

    public NoteMidiSpec {
        requireRange("midiPitch", midiPitch, 0, 127);
        requireRange("velocity", velocity, 1, 127);
        requireRange("channel", channel, 0, 15);
        requireRange("program", program, 0, 127);
        if (!(tempoBpm > 0) || Double.isInfinite(tempoBpm)) {
            throw new IllegalArgumentException("tempoBpm must be a positive number, was " + tempoBpm);
        }
        if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("durationSeconds must be a positive number, was " + durationSeconds);
        }
        if (Double.isNaN(soundingDurationSeconds) || Double.isInfinite(soundingDurationSeconds)
                || soundingDurationSeconds < durationSeconds) {
            throw new IllegalArgumentException("soundingDurationSeconds (" + soundingDurationSeconds
                    + ") must be at least durationSeconds (" + durationSeconds + ")");
        }
        strokes = strokes == null ? java.util.List.of() : java.util.List.copyOf(strokes);
    }

    /** A note that sounds exactly as long as it is written (no pedal). */
    public static NoteMidiSpec of(int midiPitch, int velocity, int channel, int program,
                                  double tempoBpm, double durationSeconds) {
        return new NoteMidiSpec(midiPitch, velocity, channel, program, tempoBpm, durationSeconds, durationSeconds, java.util.List.of());
    }

    /** The same note, sounding for {@code seconds} from its start (e.g. until a pedal release). */
    public NoteMidiSpec withSoundingDuration(double seconds) {
        return new NoteMidiSpec(midiPitch, velocity, channel, program, tempoBpm, durationSeconds, seconds, strokes);
    }

    /** The same note played as a tremolo: the given strokes instead of one stroke. */
    public NoteMidiSpec withStrokes(java.util.List<Stroke> tremolo) {
        return new NoteMidiSpec(midiPitch, velocity, channel, program, tempoBpm, durationSeconds, soundingDurationSeconds, tremolo);
    }

    /** True when a sustain pedal keeps the note sounding after its written end. */
    public boolean pedalExtended() {
        return soundingDurationSeconds > durationSeconds;
    }

    /**
     * What the note sounds as, for the fingerprint of a hop's inputs: everything but the tempo, with
     * times to the microsecond. The same note reached through other arithmetic must fingerprint the
     * same: a bar inserted before a note moves its start and end, and end minus start comes out a few
     * ulps apart; fingerprinted as raw doubles, that re-rendered 141 of ActorPreludeSample's 1,791
     * notes for a bar inserted at the start. A microsecond is below one sample (23 µs at 44.1 kHz).
     * The times themselves must not drift when a note moves: a roll's strokes are spans in ticks
     * (TempoMap.secondsBetween), not differences of absolute times.
     */
    public String soundFacts() {
        StringBuilder facts = new StringBuilder().append(midiPitch).append('/').append(velocity).append('/').append(channel)
                .append('/').append(program).append('/').append(micros(durationSeconds)).append('/')
                .append(micros(soundingDurationSeconds));
        for (Stroke stroke : strokes) {
            facts.append('|').append(micros(stroke.offsetSeconds())).append('/').append(micros(stroke.durationSeconds()))
                    .append('/').append(stroke.velocity());
        }
        return facts.toString();
    }

    /** {@link #soundFacts()} and the tempo, which the note's own MIDI file records. */
    public String midiFacts() {
        return soundFacts() + "@" + micros(tempoBpm);
    }

    private static long micros(double value) {
        return Math.round(value * 1e6);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", was " + value);
        }
    }
}
