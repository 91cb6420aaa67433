package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.MidiPerformance;
import io.sib2ae.orchestrator.score.MusicXmlScore;
import io.sib2ae.orchestrator.score.ScoreSource;
import io.sib2ae.orchestrator.score.TempoMap;
import java.util.List;

/**
 * The result of note coordination for one score: every note with its universal ID and timing,
 * and the score-level facts the manifest index records.
 *
 * @param source   the score as read, with its files, notation and MIDI
 * @param tempoMap tempo over the performed timeline used for the notes' seconds
 */
public record CoordinatedScore(ScoreSource source, String contentHash, List<CoordinatedNote> notes, TempoMap tempoMap,
                               String timingSource, MatchSummary matchSummary) {

    /** The notation, as read from the MusicXML. */
    public MusicXmlScore score() {
        return source.notation();
    }

    /** The parsed MIDI file, or null when the score came without one. */
    public MidiPerformance midi() {
        return source.midi();
    }

    /** How well the MIDI agreed with the notation. */
    public record MatchSummary(int expectedSoundings, int matchedExactly, int matchedLoosely, int unmatched,
                               double quarterOffset, boolean repeatsExpanded) {

        public double exactRatio() {
            return expectedSoundings == 0 ? 1.0 : matchedExactly / (double) expectedSoundings;
        }
    }
}
