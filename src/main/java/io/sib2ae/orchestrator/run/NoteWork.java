package io.sib2ae.orchestrator.run;

import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.manifest.NoteManifest;

/**
 * One note travelling through the per-note hops, the body of its exchange: its score, its
 * coordinated facts and its living manifest, which every hop enriches.
 */
public record NoteWork(ScoreRun run, CoordinatedNote note, NoteManifest manifest) {

    @Override
    public String toString() {
        return "NoteWork[" + manifest.universalId + "]";
    }
}
