package io.sib2ae.orchestrator.coordination;

/** One note as the alignment sees it, from either version. */
public record NoteFacts(String universalId, String partId, String partName, int partIndex,
                        int staff, String voice, int measureIndex, String measureNumber, double onsetInMeasure,
                        String pitch, int midiPitch, double durationQuarters, int chordIndex, boolean grace,
                        int velocity, int midiProgram, double startSeconds, double durationSeconds) {

    /** From the current coordination. */
    public static NoteFacts of(CoordinatedNote note) {
        var n = note.notated();
        int midiPitch = note.playing().drum() != null ? note.playing().drum().key() : n.soundingPitch();
        return new NoteFacts(note.universalId(), n.partId(), note.instrument(), n.partIndex(), n.staff(), n.voice(),
                n.measureIndex(), n.measureNumber(), n.onsetInMeasure(), n.pitchName(), midiPitch, n.durationQuarters(),
                n.chordIndex(), n.grace(), note.velocity(), note.midiProgram(), note.calculatedStartTime(),
                note.durationSeconds());
    }
}
