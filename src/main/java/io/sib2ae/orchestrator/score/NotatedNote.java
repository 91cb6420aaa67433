package io.sib2ae.orchestrator.score;

/**
 * One notehead as the MusicXML writes it: where it stands in the notation, what it sounds
 * like, and how it ties to its neighbours. Times are in quarter notes.
 *
 * @param documentIndex position of the note in document order across the whole score
 * @param measureIndex 0-based notated measure index (measure numbers can repeat or be text)
 * @param onsetInMeasure quarters from the start of the measure
 * @param notatedOnset quarters from the start of the score, repeats not expanded
 * @param durationQuarters notated duration; 0 for grace notes
 * @param chordIndex 0-based position inside its chord, 0 for a single note
 * @param writtenStep the written step letter, as drawn on the staff
 * @param alter the written alteration in semitones, rounded (microtones round to the nearest)
 * @param soundingPitch the sounding MIDI note number, transposition applied
 * @param defaultX the MusicXML default-x in tenths, or null
 * @param dynamicsVelocity the velocity the printed dynamics imply at this note
 * @param marks how the markup says the note is played (grace timing, arpeggio, tremolo, drum)
 */
public record NotatedNote(int documentIndex, String partId, int partIndex, int staff, String voice,
                          int measureIndex, String measureNumber, double onsetInMeasure, double notatedOnset,
                          double durationQuarters, int chordIndex, boolean grace, boolean unpitched,
                          char writtenStep, int alter, int writtenOctave, int soundingPitch,
                          boolean tieStart, boolean tieStop, Double defaultX, int dynamicsVelocity,
                          PlayingMarks marks) {

    /** Written pitch name such as {@code F#5} or {@code Bb4}. */
    public String pitchName() {
        return PitchNames.name(writtenStep, alter, writtenOctave);
    }

    public double notatedEnd() {
        return notatedOnset + durationQuarters;
    }
}
