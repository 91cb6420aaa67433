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

    /**
     * The previous version's record of a note, and what changed in it.
     *
     * @param soundChanged what it plays changed: pitch, velocity, program, notated duration, or how
     *                     long it sounds in seconds; a note that only moved in time sounds the same
     */
    record Partner(NoteManifest previous, Set<NoteChange> changes, boolean soundChanged) {
    }

    /** The one place the alignment model is called. */
    static VersionAlignment of(ScoreManifest previousIndex, List<CoordinatedNote> current) {
        List<NoteManifest> previous = previousIndex.notes;
        Map<String, NoteManifest> byId = new HashMap<>();
        previous.forEach(m -> byId.put(m.universalId, m));
        NoteAlignment alignment = NoteAlignment.align(PreviousVersion.notes(previousIndex),
                current.stream().map(NoteFacts::of).toList());
        Map<String, Partner> partners = new HashMap<>();
        for (NoteAlignment.Kept kept : alignment.kept()) {
            // Played for a different length (a tempo change) sounds different too: its audio is made again.
            boolean lengthChanged = Math.abs(kept.previous().durationSeconds() - kept.current().durationSeconds()) > 1e-6;
            partners.put(kept.current().universalId(), new Partner(byId.get(kept.previous().universalId()), kept.changes(),
                    kept.soundChanged() || lengthChanged));
        }
        List<NoteManifest> removed = alignment.removed().stream().map(f -> byId.get(f.universalId())).toList();
        return new VersionAlignment(partners, removed);
    }
}
