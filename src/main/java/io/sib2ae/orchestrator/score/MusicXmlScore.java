package io.sib2ae.orchestrator.score;

import java.util.List;

/** Everything the note coordinator takes from one MusicXML document. */
public record MusicXmlScore(String title, List<ScorePart> parts, List<MeasureSpan> measures,
                            List<NotatedNote> notes, List<TempoMark> tempoMarks) {

    public ScorePart part(String partId) {
        return parts.stream().filter(p -> p.partId().equals(partId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + partId));
    }
}
