package io.sib2ae.orchestrator.rendering;

/**
 * Cuts a sample stream into analysis frames that coincide exactly with video frames: frame k
 * covers samples {@code [round(k*sr/fps), round((k+1)*sr/fps))}, so no drift accumulates at
 * non-integer rates such as 29.97 and every video frame gets exactly one value.
 *
 * @param sampleRate  samples per second of the audio
 * @param fps         video frames per second
 * @param sampleCount number of sample frames in the audio
 */
public record KeyframeFrameGrid(int sampleRate, double fps, long sampleCount) {

    /*
     * Products like 0.1 * 30 come out as 3.0000000000000004 in binary floating point; without
     * this tolerance an exact frame multiple would gain a spurious, empty extra frame.
     */
    private static final double CEIL_TOLERANCE = 1e-9;

    public KeyframeFrameGrid {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive, was " + sampleRate);
        }
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("fps must be a positive finite number, was " + fps);
        }
        if (sampleCount < 0) {
            throw new IllegalArgumentException("sampleCount must not be negative, was " + sampleCount);
        }
    }

    /** The audio duration in seconds. */
    public double durationSeconds() {
        return (double) sampleCount / sampleRate;
    }

    /** {@code ceil(durationSeconds * fps)}: the number of video frames the audio touches. */
    public int frameCount() {
        double frames = (double) sampleCount * fps / sampleRate;
        return (int) Math.ceil(frames - CEIL_TOLERANCE);
    }

    /** First sample of frame k (may equal {@link #sampleCount()} for a frame past the end). */
    public long startSample(int frame) {
        return Math.min(sampleCount, boundary(frame));
    }

    /** One past the last sample of frame k, clipped to the audio's end. */
    public long endSample(int frame) {
        return Math.min(sampleCount, boundary(frame + 1));
    }

    /** The longest frame the grid can produce, used to size the FFT once per note. */
    public int maxFrameLength() {
        return (int) Math.ceil(sampleRate / fps) + 1;
    }

    private long boundary(int frame) {
        return Math.round(frame * (double) sampleRate / fps);
    }
}
