package io.sib2ae.orchestrator.notehead;

/**
 * One notated note the coordinator wants a notehead for.
 *
 * @param universalId   the note's id across the pipeline
 * @param partId        MusicXML part id
 * @param partIndex     0-based position of the part in the part-list
 * @param staffNumber   1-based staff within the part
 * @param measureIndex  0-based notated measure order
 * @param measureNumber the measure's {@code number} attribute
 * @param onsetQuarters onset from the measure start, in quarter notes
 * @param chordIndex    0-based position within its chord, in document order
 * @param writtenStep   C D E F G A B
 * @param writtenOctave scientific octave (C4 = middle C)
 * @param alter         chromatic alteration (does not move the notehead)
 * @param grace         true for grace notes
 * @param pitchName     display name such as "F#4"
 * @param defaultX      MusicXML {@code default-x} in tenths, or null
 */
public record NoteheadTarget(
        String universalId,
        String partId,
        int partIndex,
        int staffNumber,
        int measureIndex,
        String measureNumber,
        double onsetQuarters,
        int chordIndex,
        char writtenStep,
        int writtenOctave,
        int alter,
        boolean grace,
        String pitchName,
        Double defaultX) {

    /** Diatonic step number: octave × 7 + step, with C = 0. */
    public int diatonicStep() {
        int step = "CDEFGAB".indexOf(Character.toUpperCase(writtenStep));
        if (step < 0) {
            throw new IllegalArgumentException("note " + universalId + " has no step letter: " + writtenStep);
        }
        return writtenOctave * 7 + step;
    }
}
