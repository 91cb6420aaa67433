package io.sib2ae.orchestrator.coordination;

import java.util.List;

/**
 * The result of note coordination for one score: every note with its universal ID and timing,
 * and the score-level facts the manifest index records.
 *
 * @param midi the parsed MIDI file, or null when the score came without one
 * @param tempoMap tempo over the performed timeline used for the notes' seconds
 */
public record CoordinatedScore(String contentHash, MusicXmlScore score, List<CoordinatedNote> notes,
                               TempoMap tempoMap, String timingSource, MidiPerformance midi,
                               MatchSummary matchSummary) {

    /** How well the MIDI agreed with the notation. */
    public record MatchSummary(int expectedSoundings, int matchedExactly, int matchedLoosely, int unmatched,
                               double quarterOffset, boolean repeatsExpanded) {

        public double exactRatio() {
            return expectedSoundings == 0 ? 1.0 : matchedExactly / (double) expectedSoundings;
        }
    }
}
