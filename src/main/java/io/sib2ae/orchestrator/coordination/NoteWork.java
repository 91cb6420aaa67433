package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.manifest.NoteManifest;

/** One note travelling through the per-note hops: its coordinated facts and its living manifest. */
public record NoteWork(ScoreRun run, CoordinatedNote note, NoteManifest manifest) {
}
