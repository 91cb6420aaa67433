package io.sib2ae.orchestrator.rendering;

/**
 * The fixed rules that turn raw audio features into 0–100 curves and those into the original
 * Sib2Ae After Effects channels. Kept in one place so the JSON metadata, the tests and the
 * animation designers all read the same numbers.
 */
public final class KeyframeMapping {

    /** dBFS reported for digital silence; JSON has no -Infinity. */
    public static final double DBFS_FLOOR = -120.0;

    /**
     * Frames quieter than this (RMS, dBFS) count as silent: 16-bit quantisation noise sits near
     * -101 dBFS, and below -70 dBFS the centroid and zero-crossing rate describe noise, not the note.
     */
    public static final double SILENCE_GATE_DBFS = -70.0;

    /** Lower end of the dBFS scale that {@link #amplitudeDb(double)} maps to 0. */
    public static final double DB_RANGE_BOTTOM = -60.0;

    /** Centroid that maps to brightness 0; brightness rises by 50 per decade above it. */
    public static final double BRIGHTNESS_LOW_HZ = 100.0;

    /** Centroid that maps to brightness 100 (two decades above the low end). */
    public static final double BRIGHTNESS_HIGH_HZ = 10_000.0;

    /** Zero-crossing rate of white noise (crossings per sample pair), mapped to roughness 100. */
    public static final double ROUGHNESS_FULL_ZCR = 0.5;

    public static final double SCALE_MIN = 50;
    public static final double SCALE_MAX = 150;
    public static final double OPACITY_MIN = 20;
    public static final double OPACITY_MAX = 100;
    public static final double HUE_MAX = 360;
    public static final double POSITION_X_LIMIT = 100;

    private KeyframeMapping() {
    }

    /** 20·log10(rms), floored at {@link #DBFS_FLOOR} (1.0 = full-scale square wave = 0 dBFS). */
    public static double dbfs(double linear) {
        if (!(linear > 0)) {
            return DBFS_FLOOR;
        }
        return Math.max(DBFS_FLOOR, 20 * Math.log10(linear));
    }

    /**
     * Amplitude 0–100 relative to the note's own loudest frame, so every note animates through
     * its full range whatever its velocity; a note with no sounding frame stays at 0.
     */
    public static double amplitude(double rms, double noteMaxRms) {
        if (dbfs(noteMaxRms) < SILENCE_GATE_DBFS) {
            return 0;
        }
        return clamp(100 * rms / noteMaxRms, 0, 100);
    }

    /** Absolute loudness 0–100: dBFS mapped linearly from -60..0 (clamped). */
    public static double amplitudeDb(double dbfs) {
        return clamp((dbfs - DB_RANGE_BOTTOM) / -DB_RANGE_BOTTOM * 100, 0, 100);
    }

    /** Sample peak 0–100 of full scale (absolute, so clipping shows as 100). */
    public static double peak(double peak) {
        return clamp(100 * peak, 0, 100);
    }

    /**
     * Brightness 0–100 on a logarithmic frequency scale, because pitch and timbre are perceived
     * in ratios: 100 Hz → 0, 1 kHz → 50, 10 kHz → 100. Absolute (not per-note) so that hue
     * compares across notes and instruments.
     */
    public static double brightness(double centroidHz) {
        if (!(centroidHz > BRIGHTNESS_LOW_HZ)) {
            return 0;
        }
        double decades = Math.log10(centroidHz / BRIGHTNESS_LOW_HZ)
                / Math.log10(BRIGHTNESS_HIGH_HZ / BRIGHTNESS_LOW_HZ);
        return clamp(100 * decades, 0, 100);
    }

    /**
     * Roughness 0–100 from the zero-crossing rate: {@code 100·sqrt(zcr / 0.5)}. The square root
     * spreads out tonal sounds (a 440 Hz sine at 44.1 kHz has zcr 0.02 → 20) that a linear
     * scale would crush against 0, while white noise still reaches 100.
     */
    public static double roughness(double zeroCrossingRate) {
        if (!(zeroCrossingRate > 0)) {
            return 0;
        }
        return clamp(100 * Math.sqrt(zeroCrossingRate / ROUGHNESS_FULL_ZCR), 0, 100);
    }

    /** Layer scale 50–150 % from amplitude 0–100. */
    public static double scale(double amplitude) {
        return SCALE_MIN + (SCALE_MAX - SCALE_MIN) * clamp(amplitude, 0, 100) / 100;
    }

    /** Layer opacity 20–100 % from amplitude 0–100 (never fully invisible while the note lasts). */
    public static double opacity(double amplitude) {
        return OPACITY_MIN + (OPACITY_MAX - OPACITY_MIN) * clamp(amplitude, 0, 100) / 100;
    }

    /** Hue 0–360° from brightness 0–100: dull notes are red, bright ones go round to violet. */
    public static double hue(double brightness) {
        return HUE_MAX * clamp(brightness, 0, 100) / 100;
    }

    /** Horizontal offset ±100 from roughness 0–100: pure tones lean left, noisy sounds right. */
    public static double positionX(double roughness) {
        return POSITION_X_LIMIT * (2 * clamp(roughness, 0, 100) / 100 - 1);
    }

    static double clamp(double value, double min, double max) {
        return value < min ? min : Math.min(value, max);
    }
}
