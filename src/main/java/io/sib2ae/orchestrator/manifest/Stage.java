package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The stages a note goes through: coordination, then the four hops. Each names its entry in the
 * note's {@code stages} and its counts ({@code audio.completed}); a failure is recorded on the
 * stage of the hop it happened in, known from the hop itself.
 */
public enum Stage {
    COORDINATION, MIDI, AUDIO, KEYFRAMES, SVG;

    /** This stage's status in the note's manifest. */
    public StageStatus of(NoteManifest note) {
        return switch (this) {
            case COORDINATION -> note.stages.coordination;
            case MIDI -> note.stages.midi;
            case AUDIO -> note.stages.audio;
            case KEYFRAMES -> note.stages.keyframes;
            case SVG -> note.stages.svg;
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
