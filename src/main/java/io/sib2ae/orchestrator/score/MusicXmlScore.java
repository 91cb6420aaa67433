package io.sib2ae.orchestrator.score;

import java.util.List;

/**
 * Everything the note coordinator takes from one MusicXML document.
 *
 * @param warnings what the score says irregularly but was still read and played, in reading order
 * @param jumpsFromWords the jumps performed because words asked for them, with no {@code <sound>} that plays them
 */
public record MusicXmlScore(String title, List<ScorePart> parts, List<MeasureSpan> measures,
                            List<NotatedNote> notes, List<TempoMark> tempoMarks, List<ScoreWarning> warnings,
                            List<JumpFromWords> jumpsFromWords) {

    public ScorePart part(String partId) {
        return parts.stream().filter(p -> p.partId().equals(partId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + partId));
    }
}
