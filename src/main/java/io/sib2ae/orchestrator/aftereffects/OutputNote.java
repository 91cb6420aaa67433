package io.sib2ae.orchestrator.aftereffects;

import java.util.List;
import java.util.Map;

/**
 * One note as the score's final index records it, with what the comp and the preview need:
 * where it sounds, which files it has, and how every hop went.
 *
 * @param audioFile     path of its WAV relative to the score folder, null when it has none of its own
 * @param keyframesFile path of its keyframes JSON relative to the score folder, or null
 * @param noteheadFile  path of its notehead SVG relative to the score folder, or null
 * @param page          index of the SVG page its notehead is on, or null
 * @param audioSeconds  length of its WAV including the release tail, or null
 */
public record OutputNote(String universalId, String instrument, String partId, String pitch, int midiPitch,
                         String measure, int velocity, double startSeconds, double durationSeconds,
                         List<Performance> performances, boolean primary, String primaryUniversalId,
                         String tiedGroupId, int positionInGroup, String matchMethod, double timingConfidence,
                         String timingSource, Map<String, Stage> stages, String audioFile, String keyframesFile,
                         String noteheadFile, Integer page, Double audioSeconds, String soundfont) {

    /** One time the note sounds (a repeat plays it again). */
    public record Performance(double startSeconds, double durationSeconds) {
    }

    /**
     * How one hop went for the note.
     *
     * @param why the reason it was skipped or the error it failed with, or null
     */
    public record Stage(String status, String why, boolean breakerOpen, Long durationMillis, String timestamp) {
    }

    public OutputNote {
        performances = List.copyOf(performances);
        stages = Map.copyOf(stages);
    }

    /** The universal ID of the note whose WAV and keyframes this note sounds in: itself, or its tie's primary. */
    public String soundingId() {
        return primary || primaryUniversalId == null ? universalId : primaryUniversalId;
    }

    /** Instrument, pitch, measure and the first 8 characters of the universal ID: a layer's name. */
    public String layerName() {
        return instrument + " " + pitch + " M" + measure + " " + universalId.substring(0, Math.min(8, universalId.length()));
    }
}
