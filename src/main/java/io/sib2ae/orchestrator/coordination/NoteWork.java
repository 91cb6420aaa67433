package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.manifest.NoteManifest;

/**
 * One note travelling through the per-note hops: its coordinated facts, its living manifest, and
 * what one hop hands the next in memory.
 *
 * <p>The hand-off exists for speed: the audio hop leaves the PCM it just wrote, so the keyframes
 * hop analyses it without reading the WAV back. It is never persisted and is cleared when the note
 * finishes, so a score's notes do not keep their audio alive.
 */
public final class NoteWork {

    private final ScoreRun run;
    private final CoordinatedNote note;
    private final NoteManifest manifest;
    private volatile Object handOff;

    public NoteWork(ScoreRun run, CoordinatedNote note, NoteManifest manifest) {
        this.run = run;
        this.note = note;
        this.manifest = manifest;
    }

    public ScoreRun run() {
        return run;
    }

    public CoordinatedNote note() {
        return note;
    }

    public NoteManifest manifest() {
        return manifest;
    }

    /** Leaves {@code value} for a later hop of this note (replacing anything left before). */
    public void handOff(Object value) {
        handOff = value;
    }

    /** Takes what an earlier hop left, if it is a {@code type}; null otherwise. Either way the slot is emptied. */
    public <T> T takeHandOff(Class<T> type) {
        Object value = handOff;
        handOff = null;
        return type.isInstance(value) ? type.cast(value) : null;
    }

    @Override
    public String toString() {
        return "NoteWork[" + manifest.universalId + "]";
    }
}
