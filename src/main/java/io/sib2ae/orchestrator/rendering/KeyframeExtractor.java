package io.sib2ae.orchestrator.rendering;

import java.nio.file.Path;
import java.util.Arrays;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Turns one rendered note's WAV into one set of audio features and After Effects animation
 * curves per video frame. Thread-safe: all scratch memory (FFT plans, buffers, windows) is
 * per thread, so one instance can serve a whole thread pool.
 */
public final class KeyframeExtractor {

    /* Very short frames (high fps, low sample rate) still get a usable frequency resolution. */
    private static final int MIN_FFT_SIZE = 256;

    private final ThreadLocal<KeyframeWorkspace> workspaces = ThreadLocal.withInitial(KeyframeWorkspace::new);

    /**
     * Analyses {@code wav} on the frame grid of {@code request.fps()}. The keyframes cover the
     * whole WAV (release tail included): {@code durationFrames = ceil(wavSeconds × fps)}.
     *
     * @throws IllegalArgumentException if the file is not a 16-bit PCM WAV
     * @throws java.io.UncheckedIOException if it cannot be read
     */
    public KeyframeNote extract(Path wav, KeyframeRequest request) {
        KeyframeWorkspace workspace = workspaces.get();
        KeyframePcm pcm = KeyframeWavReader.read(wav, workspace);
        KeyframeFrameGrid grid = new KeyframeFrameGrid(pcm.sampleRate(), request.fps(), pcm.length());
        int fftSize = Math.max(MIN_FFT_SIZE, Integer.highestOneBit(grid.maxFrameLength() - 1) << 1);
        KeyframeFeatures features = analyse(pcm, grid, fftSize, workspace);
        KeyframeCurves curves = curves(features, request.fps());
        return new KeyframeNote(request, pcm.sampleRate(), pcm.channels(), pcm.length(), grid.durationSeconds(),
                grid.frameCount(), KeyframeNote.DURATION_FROM_WAV, fftSize, features, curves);
    }

    private static KeyframeFeatures analyse(KeyframePcm pcm, KeyframeFrameGrid grid, int fftSize,
                                            KeyframeWorkspace workspace) {
        int frames = grid.frameCount();
        double[] rms = new double[frames];
        double[] dbfs = new double[frames];
        double[] peak = new double[frames];
        double[] centroid = new double[frames];
        double[] zcr = new double[frames];
        double[] flux = new double[frames];
        boolean[] sounding = new boolean[frames];

        float[] x = pcm.samples();
        DoubleFFT_1D fft = workspace.fft(fftSize);
        double[] buffer = workspace.fftBuffer(fftSize);
        int bins = fftSize / 2 + 1;
        double[] previous = workspace.previousSpectrum(bins);
        double binHz = (double) pcm.sampleRate() / fftSize;

        for (int k = 0; k < frames; k++) {
            int start = (int) grid.startSample(k);
            int end = (int) grid.endSample(k);
            int n = end - start;
            if (n == 0) {
                // a frame wholly past the WAV's end is silence; it also resets the flux reference
                dbfs[k] = KeyframeMapping.DBFS_FLOOR;
                Arrays.fill(previous, 0, bins, 0.0);
                continue;
            }
            double sumSquares = 0;
            float framePeak = 0;
            int crossings = 0;
            int previousSign = x[start] < 0 ? 1 : 0;
            for (int i = start; i < end; i++) {
                float s = x[i];
                sumSquares += (double) s * s;
                framePeak = Math.max(framePeak, Math.abs(s));
                // branch-free: a sine's sign flips unpredictably for the branch predictor
                int sign = s < 0 ? 1 : 0;
                crossings += sign ^ previousSign;
                previousSign = sign;
            }
            rms[k] = Math.sqrt(sumSquares / n);
            dbfs[k] = KeyframeMapping.dbfs(rms[k]);
            peak[k] = framePeak;
            sounding[k] = dbfs[k] >= KeyframeMapping.SILENCE_GATE_DBFS;

            if (sumSquares == 0) {
                // digital silence (leading gaps, padded tails): nothing to transform
                Arrays.fill(previous, 0, bins, 0.0);
                continue;
            }

            double[] window = workspace.hann(n);
            for (int i = 0; i < n; i++) {
                buffer[i] = x[start + i] * window[i];
            }
            Arrays.fill(buffer, n, fftSize, 0.0);
            fft.realForward(buffer);

            // realForward packs Re[0], Re[n/2], then (Re, Im) pairs for bins 1..n/2-1
            double weighted = 0;
            double total = 0;
            double rise = 0;
            for (int b = 0; b < bins; b++) {
                double magnitude;
                if (b == 0) {
                    magnitude = Math.abs(buffer[0]);
                } else if (b == bins - 1) {
                    magnitude = Math.abs(buffer[1]);
                } else {
                    double re = buffer[2 * b];
                    double im = buffer[2 * b + 1];
                    magnitude = Math.sqrt(re * re + im * im);
                }
                weighted += b * magnitude;
                total += magnitude;
                // square-root compression lets quiet partials contribute without a log per bin
                double compressed = Math.sqrt(magnitude);
                double delta = compressed - previous[b];
                if (delta > 0) {
                    rise += delta;
                }
                previous[b] = compressed;
            }
            if (sounding[k]) {
                centroid[k] = total > 0 ? binHz * weighted / total : 0;
                zcr[k] = n > 1 ? (double) crossings / (n - 1) : 0;
                flux[k] = rise;
            }
        }
        return new KeyframeFeatures(rms, dbfs, peak, centroid, zcr, flux, sounding);
    }

    private static KeyframeCurves curves(KeyframeFeatures f, double fps) {
        int frames = f.frameCount();
        double maxRms = 0;
        int firstSounding = -1;
        for (int k = 0; k < frames; k++) {
            maxRms = Math.max(maxRms, f.rmsLinear()[k]);
            if (firstSounding < 0 && f.sounding()[k]) {
                firstSounding = k;
            }
        }
        double[] amplitude = new double[frames];
        double[] amplitudeDb = new double[frames];
        double[] peak = new double[frames];
        double[] brightness = new double[frames];
        double[] roughness = new double[frames];
        double[] scale = new double[frames];
        double[] opacity = new double[frames];
        double[] hue = new double[frames];
        double[] positionX = new double[frames];

        // leading silence borrows the first sounding frame's colour and position (see KeyframeCurves)
        double heldBrightness = firstSounding < 0 ? 0 : KeyframeMapping.brightness(f.spectralCentroidHz()[firstSounding]);
        double heldRoughness = firstSounding < 0 ? 0 : KeyframeMapping.roughness(f.zeroCrossingRate()[firstSounding]);
        for (int k = 0; k < frames; k++) {
            amplitude[k] = KeyframeMapping.amplitude(f.rmsLinear()[k], maxRms);
            amplitudeDb[k] = KeyframeMapping.amplitudeDb(f.rmsDbfs()[k]);
            peak[k] = KeyframeMapping.peak(f.peak()[k]);
            if (f.sounding()[k]) {
                heldBrightness = KeyframeMapping.brightness(f.spectralCentroidHz()[k]);
                heldRoughness = KeyframeMapping.roughness(f.zeroCrossingRate()[k]);
            }
            brightness[k] = heldBrightness;
            roughness[k] = heldRoughness;
            scale[k] = KeyframeMapping.scale(amplitude[k]);
            opacity[k] = KeyframeMapping.opacity(amplitude[k]);
            hue[k] = KeyframeMapping.hue(brightness[k]);
            // a note that never sounds keeps the layer centred rather than pushed to the left edge
            positionX[k] = firstSounding < 0 ? 0 : KeyframeMapping.positionX(roughness[k]);
        }
        int[] onsets = KeyframeOnsets.detect(f.spectralFlux(), f.sounding(), fps);
        return new KeyframeCurves(amplitude, amplitudeDb, peak, brightness, roughness, scale, opacity, hue,
                positionX, onsets);
    }
}
