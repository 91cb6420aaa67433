package io.sib2ae.orchestrator.rendering;

import java.util.Objects;

/**
 * What the caller knows about one rendered note besides its WAV: the video frame rate the
 * keyframes are sampled at and the score metadata that is copied into the keyframe file.
 *
 * @param fps                 video frames per second, e.g. 23.976, 24, 25, 29.97, 30 or 60
 * @param universalId         the note's Sib2Ae universal id (a UUID string)
 * @param noteName            pitch name such as {@code A4}
 * @param instrument          instrument name as printed in the score
 * @param velocity            MIDI velocity 0..127
 * @param tempoBpm            tempo at the note, beats per minute
 * @param calculatedStartTime absolute composition time of the note's first frame, seconds
 * @param audioFileName       file name of the WAV as it should appear in {@code audio_file}
 */
public record KeyframeRequest(double fps, String universalId, String noteName, String instrument,
                              int velocity, double tempoBpm, double calculatedStartTime,
                              String audioFileName) {

    /** The original Sib2Ae mapped-channel format ran at 30 fps. */
    public static final double DEFAULT_FPS = 30.0;

    public KeyframeRequest {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("fps must be a positive finite number, was " + fps);
        }
        if (!Double.isFinite(tempoBpm) || !Double.isFinite(calculatedStartTime)) {
            throw new IllegalArgumentException("tempo and start time must be finite");
        }
        Objects.requireNonNull(universalId, "universalId");
        Objects.requireNonNull(audioFileName, "audioFileName");
        noteName = Objects.requireNonNullElse(noteName, "");
        instrument = Objects.requireNonNullElse(instrument, "");
    }

    /** A request at {@link #DEFAULT_FPS}. */
    public static KeyframeRequest atDefaultFps(String universalId, String noteName, String instrument,
                                               int velocity, double tempoBpm, double calculatedStartTime,
                                               String audioFileName) {
        return new KeyframeRequest(DEFAULT_FPS, universalId, noteName, instrument, velocity, tempoBpm,
                calculatedStartTime, audioFileName);
    }
}
