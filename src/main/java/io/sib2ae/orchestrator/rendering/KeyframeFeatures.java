package io.sib2ae.orchestrator.rendering;

/**
 * Raw per-video-frame audio measurements of one note, index = frame from the note's start.
 * Arrays are owned by the record and must be treated as read-only (they are not copied, to keep
 * thousands of notes cheap).
 *
 * @param rmsLinear          RMS of the mono mix, 0..1 of full scale
 * @param rmsDbfs            the same in dBFS, floored at {@link KeyframeMapping#DBFS_FLOOR}
 * @param peak               largest absolute sample of the mono mix, 0..1
 * @param spectralCentroidHz magnitude-weighted mean frequency of the Hann-windowed frame; 0 when silent
 * @param zeroCrossingRate   sign changes per adjacent sample pair, 0..1; 0 when silent
 * @param spectralFlux       onset novelty: half-wave-rectified rise of the square-root-compressed
 *                           magnitude spectrum versus the previous frame; 0 when silent
 * @param sounding           whether the frame's RMS reaches {@link KeyframeMapping#SILENCE_GATE_DBFS}
 */
public record KeyframeFeatures(double[] rmsLinear, double[] rmsDbfs, double[] peak,
                               double[] spectralCentroidHz, double[] zeroCrossingRate,
                               double[] spectralFlux, boolean[] sounding) {

    /** Number of frames. */
    public int frameCount() {
        return rmsLinear.length;
    }
}
