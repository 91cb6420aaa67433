package io.sib2ae.orchestrator.run;

import io.sib2ae.orchestrator.coordination.NoteFacts;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The previous version of a score as the re-export alignment sees it, from what that version left
 * on disk: its score index ({@code output/<score>/manifest.json}) or its note manifests. Nothing of
 * the previous MusicXML or MIDI is needed, so a re-export can align even when the old input is gone.
 */
public final class PreviousVersion {

    private PreviousVersion() {
    }

    /** Every note the index lists, in the order the notes were sequenced. */
    public static List<NoteFacts> notes(ScoreManifest index) {
        return notes(index.notes == null ? List.of() : index.notes, index.parts == null ? List.of() : index.parts);
    }

    /**
     * The facts of note manifests, in the order the notes were sequenced.
     *
     * @param parts the index's parts, in score order: a note manifest records its part's id, not
     *              its place among the parts; a part the list lacks goes after those it has
     */
    public static List<NoteFacts> notes(List<NoteManifest> manifests, List<ScoreManifest.Part> parts) {
        Map<String, Integer> partIndex = new HashMap<>();
        for (ScoreManifest.Part part : parts) {
            partIndex.putIfAbsent(part.partId(), partIndex.size());
        }
        return manifests.stream().sorted(Comparator.comparingInt(m -> m.sequence))
                .map(m -> facts(m, partIndex.computeIfAbsent(m.partId, id -> partIndex.size())))
                .toList();
    }

    /** One note manifest's facts; {@code partIndex} is its part's place in the score. */
    public static NoteFacts facts(NoteManifest m, int partIndex) {
        return new NoteFacts(m.universalId, m.partId, m.instrument, partIndex, m.staff, m.voice, m.measureIndex, m.measure,
                m.onsetInMeasureQuarters, m.pitch, m.midiPitch, m.durationQuarters, m.chordIndex, m.isGrace, m.velocity,
                m.midiProgram, m.calculatedStartTime, m.durationSeconds);
    }
}
