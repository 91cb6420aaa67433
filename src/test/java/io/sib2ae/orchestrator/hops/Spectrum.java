package io.sib2ae.orchestrator.hops;

import org.jtransforms.fft.DoubleFFT_1D;

/** Finds the fundamental of a rendered note: the lowest strong spectral peak of its sounding part. */
final class Spectrum {

    private Spectrum() {
    }

    /**
     * The fundamental frequency in Hz of interleaved 16-bit little-endian PCM, analysed over
     * {@code [fromSeconds, toSeconds)} of the channel mix: the lowest local spectral maximum above
     * 40 Hz that reaches a quarter of the strongest one, refined between bins by a parabola.
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
            double a = magnitude[k - 1];
            double b = magnitude[k];
            double c = magnitude[k + 1];
            if (b >= a && b >= c && b >= 0.25 * strongest) {
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
