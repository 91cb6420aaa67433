package io.sib2ae.orchestrator.rendering;

/**
 * Everything the keyframe writers need about one analysed note: the request it answers, the
 * audio's shape, the frame grid, the raw features and the animation curves.
 *
 * @param request         the caller's request (fps and score metadata)
 * @param sampleRate      sample rate of the WAV
 * @param channels        channel count of the WAV (analysis uses the mono mix)
 * @param sampleCount     sample frames in the WAV
 * @param durationSeconds duration the frames cover; always the WAV's length, release tail included
 * @param durationFrames  {@code ceil(durationSeconds × fps)}, the length of every curve
 * @param durationSource  where the duration came from; {@value #DURATION_FROM_WAV}
 * @param fftSize         FFT length used (next power of two at or above the longest frame)
 * @param features        raw per-frame measurements
 * @param curves          normalised and mapped per-frame curves plus onsets
 */
public record KeyframeNote(KeyframeRequest request, int sampleRate, int channels, long sampleCount,
                           double durationSeconds, int durationFrames, String durationSource, int fftSize,
                           KeyframeFeatures features, KeyframeCurves curves) {

    /** The duration is the WAV's own length, so a release tail gets keyframes too. */
    public static final String DURATION_FROM_WAV = "wav_length";

    /** Absolute composition frame of the note's frame 0. */
    public long calculatedStartFrame() {
        return Math.round(request.calculatedStartTime() * request.fps());
    }
}
