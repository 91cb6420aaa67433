package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.NotatedNote;
import java.util.List;

/**
 * A notated note joined to its sound: its universal ID, its performed timing, and its place
 * in a tie chain. This is what the per-note manifest starts from.
 *
 * @param sequence 0-based order of the note in the score by start time, then part
 * @param durationSeconds the full sounding duration; for a tie primary the whole chain's
 * @param primaryUniversalId for a tied secondary, the primary that sounds for it; else null
 * @param midiChannel channel 0-15 the part plays on
 * @param midiProgram General MIDI program 0-127
 * @param tempoAtOnset quarter notes per minute where the note starts
 * @param playing how the note was played beyond its onset and length (grace rule, roll, drum, tremolo)
 */
public record CoordinatedNote(NotatedNote notated, String universalId, int sequence, String instrument,
                              int velocity, double calculatedStartTime, double durationSeconds,
                              List<Performance> performances, String timingSource, double timingConfidence,
                              String matchMethod, boolean primary, String tiedGroupId, int positionInGroup,
                              String primaryUniversalId, int midiChannel, int midiProgram, double tempoAtOnset,
                              PlayingFacts playing) {

    /** The same note under the identity a run gave it (a new version keeps the previous version's IDs). */
    public CoordinatedNote withIds(String id, String primaryId, String tiedGroup) {
        return new CoordinatedNote(notated, id, sequence, instrument, velocity, calculatedStartTime, durationSeconds, performances,
                timingSource, timingConfidence, matchMethod, primary, tiedGroup, positionInGroup, primaryId, midiChannel, midiProgram,
                tempoAtOnset, playing);
    }
}
