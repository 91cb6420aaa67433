package io.sib2ae.orchestrator.run;

import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.coordination.NoteAlignment;
import io.sib2ae.orchestrator.coordination.NoteChange;
import io.sib2ae.orchestrator.coordination.NoteFacts;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The new version's notes against the previous version's, as the planner needs it: for every
 * current note (by the ID the coordinator made) its previous manifest and what changed, and the
 * previous notes that have no partner any more.
 */
record VersionAlignment(Map<String, Partner> partners, List<NoteManifest> removed) {

    /** The previous version's record of a note, and what changed in it. */
    record Partner(NoteManifest previous, Set<NoteChange> changes, boolean soundChanged) {
    }

    /** The one place the alignment model is called. */
    static VersionAlignment of(ScoreManifest previousIndex, List<CoordinatedNote> current) {
        List<NoteManifest> previous = previousIndex.notes;
        Map<String, NoteManifest> byId = new HashMap<>();
        previous.forEach(m -> byId.put(m.universalId, m));
        Map<String, Integer> partIndex = new HashMap<>();
        List<ScoreManifest.Part> parts = previousIndex.parts == null ? List.of() : previousIndex.parts;
        for (int i = 0; i < parts.size(); i++) {
            partIndex.putIfAbsent(parts.get(i).partId(), i);
        }
        NoteAlignment alignment = NoteAlignment.align(
                previous.stream().map(m -> facts(m, partIndex.getOrDefault(m.partId, 0))).toList(),
                current.stream().map(NoteFacts::of).toList());
        Map<String, Partner> partners = new HashMap<>();
        for (NoteAlignment.Kept kept : alignment.kept()) {
            partners.put(kept.current().universalId(),
                    new Partner(byId.get(kept.previous().universalId()), kept.changes(), kept.soundChanged()));
        }
        List<NoteManifest> removed = alignment.removed().stream().map(f -> byId.get(f.universalId())).toList();
        return new VersionAlignment(partners, removed);
    }

    /** A previous note as the alignment sees it, from its manifest alone. */
    private static NoteFacts facts(NoteManifest m, int partIndex) {
        return new NoteFacts(m.universalId, m.partId, m.instrument, partIndex, m.staff, m.voice, m.measureIndex, m.measure,
                m.onsetInMeasureQuarters, m.pitch, m.midiPitch, m.durationQuarters, m.chordIndex, m.isGrace, m.velocity,
                m.midiProgram, m.calculatedStartTime, m.durationSeconds);
    }
}
