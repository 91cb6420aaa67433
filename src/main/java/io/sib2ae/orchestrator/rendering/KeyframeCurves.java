package io.sib2ae.orchestrator.rendering;

/**
 * The animation-ready curves of one note, one value per video frame: features normalised to
 * 0–100 (see {@link KeyframeMapping}) and the four original Sib2Ae layer channels. Brightness
 * and roughness hold their last sounding value through silent frames so that a layer does not
 * snap to an extreme hue or position as the note fades out.
 *
 * @param amplitude   RMS 0–100 relative to the note's own loudest frame
 * @param amplitudeDb RMS dBFS mapped from -60..0 to 0–100
 * @param peak        sample peak 0–100 of full scale
 * @param brightness  spectral centroid 0–100 on a log scale (100 Hz..10 kHz)
 * @param roughness   zero-crossing rate 0–100 (square-root scale, white noise = 100)
 * @param scale       layer scale 50–150 from amplitude
 * @param opacity     layer opacity 20–100 from amplitude
 * @param hue         hue 0–360 from brightness
 * @param positionX   horizontal offset ±100 from roughness
 * @param onsetFrames frames (from the note's start) where an attack begins, ascending
 */
public record KeyframeCurves(double[] amplitude, double[] amplitudeDb, double[] peak, double[] brightness,
                             double[] roughness, double[] scale, double[] opacity, double[] hue,
                             double[] positionX, int[] onsetFrames) {
}
