package io.sib2ae.orchestrator.score;

import java.util.Locale;

/** What a dropped file is to a score, judged by its extension. */
public enum ScoreFileKind {
    MUSICXML, MIDI, SVG, UNSUPPORTED;

    public static ScoreFileKind of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".musicxml") || lower.endsWith(".xml") || lower.endsWith(".mxl")) {
            return MUSICXML;
        }
        if (lower.endsWith(".mid") || lower.endsWith(".midi")) {
            return MIDI;
        }
        if (lower.endsWith(".svg")) {
            return SVG;
        }
        return UNSUPPORTED;
    }
}
