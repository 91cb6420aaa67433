package io.sib2ae.orchestrator.hops;

import org.jtransforms.fft.DoubleFFT_1D;

/** Finds the fundamental of a rendered note: the lowest strong spectral peak of its sounding part. */
final class Spectrum {

    /*
     * Bowed strings often sound their second harmonic louder than the fundamental (FluidR3's
     * violin A3: about ten times louder), so the fundamental is the lowest clear peak, not the
     * strongest one. The Hann window's side lobes stay below 3 % of their peak.
     */
    private static final double FUNDAMENTAL_SHARE = 0.05;

    private Spectrum() {
    }

    /** A peak that is the largest value within a semitone either side of it (not a side lobe or ripple). */
    private static boolean dominatesItsNeighbourhood(double[] magnitude, int k) {
        int reach = Math.max(1, (int) Math.round(k * 0.06));
        for (int j = Math.max(1, k - reach); j <= Math.min(magnitude.length - 1, k + reach); j++) {
            if (magnitude[j] > magnitude[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fundamental frequency in Hz of interleaved 16-bit little-endian PCM, analysed over
     * {@code [fromSeconds, toSeconds)} of the channel mix: the lowest local spectral maximum above
     * 40 Hz that reaches 5 % of the strongest one and is the highest within a semitone, refined between bins by a parabola.
     */
    static double fundamentalHz(byte[] pcm, int channels, int sampleRate, double fromSeconds, double toSeconds) {
        int frames = pcm.length / (2 * channels);
        int from = (int) (fromSeconds * sampleRate);
        int to = Math.min(frames, (int) (toSeconds * sampleRate));
        if (to - from < sampleRate / 20) {
            throw new IllegalArgumentException("less than 50 ms to analyse: " + from + ".." + to);
        }
        int n = Integer.highestOneBit(to - from) << 2; // zero padding: finer bins for the parabola
        double[] buffer = new double[n];
        int length = to - from;
        for (int i = 0; i < length; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = ((from + i) * channels + c) * 2;
                sum += (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8));
            }
            buffer[i] = sum / channels * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / length));
        }
        new DoubleFFT_1D(n).realForward(buffer);
        double[] magnitude = new double[n / 2];
        double strongest = 0;
        for (int k = 1; k < n / 2; k++) {
            magnitude[k] = Math.hypot(buffer[2 * k], buffer[2 * k + 1]);
            strongest = Math.max(strongest, magnitude[k]);
        }
        for (int k = Math.max(2, (int) (40.0 * n / sampleRate)); k < n / 2 - 1; k++) {
            if (magnitude[k] >= FUNDAMENTAL_SHARE * strongest && dominatesItsNeighbourhood(magnitude, k)) {
                double a = magnitude[k - 1];
                double b = magnitude[k];
                double c = magnitude[k + 1];
                return (k + 0.5 * (a - c) / (a - 2 * b + c)) * sampleRate / n;
            }
        }
        throw new AssertionError("no spectral peak: the note is silent");
    }

    /** Equal temperament, A4 = MIDI 69 = 440 Hz. */
    static double expectedHz(int midiPitch) {
        return 440.0 * Math.pow(2, (midiPitch - 69) / 12.0);
    }
}
