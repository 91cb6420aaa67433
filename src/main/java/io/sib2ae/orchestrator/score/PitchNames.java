package io.sib2ae.orchestrator.score;

/** Spells pitches the way file names and manifests show them: {@code C#4}, {@code Bb3}. */
public final class PitchNames {

    private static final int[] STEP_SEMITONES = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G

    private PitchNames() {
    }

    public static String name(char step, int alter, int octave) {
        String accidental = alter > 0 ? "#".repeat(alter) : "b".repeat(-alter);
        return "" + step + accidental + octave;
    }

    /** MIDI note number of a written step, with C4 = 60. */
    public static int midiNumber(char step, int alter, int octave) {
        int index = step - 'A';
        if (index < 0 || index > 6) {
            throw new IllegalArgumentException("not a pitch step: " + step);
        }
        return (octave + 1) * 12 + STEP_SEMITONES[index] + alter;
    }

    /** Sharp-spelled name of a MIDI note number, for sounds that have no written spelling. */
    public static String nameOfMidi(int midi) {
        String[] names = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
        return names[Math.floorMod(midi, 12)] + (Math.floorDiv(midi, 12) - 1);
    }
}
