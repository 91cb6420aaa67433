package io.sib2ae.orchestrator.coordination;

/**
 * One note as the re-export alignment sees it, from either version of a score: where it stands
 * in the notation, what it sounds like and when. The current version's facts come from the
 * coordination ({@link #of}); the previous version's are read back from its manifests on disk.
 *
 * @param partName         the part's name as the score prints it (the manifest's instrument)
 * @param partIndex        0-based order of the part in the score
 * @param measureIndex     0-based notated measure index
 * @param onsetInMeasure   quarters from the start of the measure
 * @param pitch            written pitch name, such as {@code F#5}
 * @param midiPitch        the key it sounds: the sounding pitch, or for a drum its drum key
 * @param durationQuarters notated duration; 0 for a grace note
 * @param startSeconds     when it first sounds in the performance
 * @param durationSeconds  how long it sounds; for a tie primary the whole chain's
 */
public record NoteFacts(String universalId, String partId, String partName, int partIndex,
                        int staff, String voice, int measureIndex, String measureNumber, double onsetInMeasure,
                        String pitch, int midiPitch, double durationQuarters, int chordIndex, boolean grace,
                        int velocity, int midiProgram, double startSeconds, double durationSeconds) {

    /** The facts of a note of the current coordination, as its manifest will record them. */
    public static NoteFacts of(CoordinatedNote note) {
        var notated = note.notated();
        int key = note.playing().drum() != null ? note.playing().drum().key() : notated.soundingPitch();
        return new NoteFacts(note.universalId(), notated.partId(), note.instrument(), notated.partIndex(),
                notated.staff(), notated.voice(), notated.measureIndex(), notated.measureNumber(), notated.onsetInMeasure(),
                notated.pitchName(), key, notated.durationQuarters(), notated.chordIndex(), notated.grace(),
                note.velocity(), note.midiProgram(), note.calculatedStartTime(), note.durationSeconds());
    }
}
