package io.sib2ae.orchestrator.rendering;

import java.util.Arrays;

/**
 * Picks attack frames from a spectral-flux novelty curve: the first sounding frame always counts,
 * later ones must be a local maximum that clears an adaptive threshold (local median plus a share
 * of the note's strongest novelty) and keep a minimum distance from the previous onset.
 */
final class KeyframeOnsets {

    /* Share of the note's largest novelty a peak must exceed above the local median. */
    static final double DELTA = 0.2;

    /* Median window half-width; long enough to span a vibrato cycle. */
    static final double MEDIAN_HALF_WINDOW_SECONDS = 0.15;

    /*
     * One attack spreads its flux over two frames when it starts late in a frame; 100 ms keeps
     * that from reading as two notes while still allowing fast repeated notes.
     */
    static final double MIN_GAP_SECONDS = 0.1;

    private KeyframeOnsets() {
    }

    static int[] detect(double[] novelty, boolean[] sounding, double fps) {
        int frames = novelty.length;
        int halfWindow = Math.max(2, (int) Math.round(MEDIAN_HALF_WINDOW_SECONDS * fps));
        int minGap = Math.max(1, (int) Math.round(MIN_GAP_SECONDS * fps));
        double max = 0;
        for (double v : novelty) {
            max = Math.max(max, v);
        }
        int[] onsets = new int[frames];
        int count = 0;
        int last = Integer.MIN_VALUE / 2;
        boolean soundSeen = false;
        double[] scratch = new double[2 * halfWindow + 1];
        for (int k = 0; k < frames; k++) {
            if (!sounding[k]) {
                continue;
            }
            boolean onset;
            if (!soundSeen) {
                soundSeen = true;
                onset = true;
            } else {
                double v = novelty[k];
                boolean localMax = v >= novelty[k - 1] && (k + 1 >= frames || v > novelty[k + 1]);
                onset = localMax && k - last >= minGap && v > localMedian(novelty, k, halfWindow, scratch) + DELTA * max;
            }
            if (onset) {
                onsets[count++] = k;
                last = k;
            }
        }
        return Arrays.copyOf(onsets, count);
    }

    private static double localMedian(double[] values, int centre, int halfWindow, double[] scratch) {
        int from = Math.max(0, centre - halfWindow);
        int to = Math.min(values.length, centre + halfWindow + 1);
        int n = to - from;
        System.arraycopy(values, from, scratch, 0, n);
        Arrays.sort(scratch, 0, n);
        return (n & 1) == 1 ? scratch[n / 2] : 0.5 * (scratch[n / 2 - 1] + scratch[n / 2]);
    }
}
