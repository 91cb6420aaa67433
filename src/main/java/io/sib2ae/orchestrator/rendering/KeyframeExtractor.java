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
        return extract(KeyframeWavReader.read(wav, workspace), request, workspace);
    }

    /** True when {@link #extract(RenderedAudio, KeyframeRequest)} takes this audio (16-bit PCM, as WAVs are read). */
    public boolean canAnalyse(RenderedAudio audio) {
        return audio.format().getSampleSizeInBits() == 16;
    }

    /**
     * Analyses audio still in memory, exactly as {@link #extract(Path, KeyframeRequest)} would
     * analyse the WAV it was written to.
     */
    public KeyframeNote extract(RenderedAudio audio, KeyframeRequest request) {
        if (!canAnalyse(audio)) {
            throw new IllegalArgumentException("Keyframes need 16-bit PCM, not " + audio.format());
        }
        KeyframeWorkspace workspace = workspaces.get();
        return extract(KeyframeWavReader.fromPcm(audio.pcm(), (int) audio.format().getSampleRate(),
                audio.format().getChannels(), workspace), request, workspace);
    }

    private KeyframeNote extract(KeyframePcm pcm, KeyframeRequest request, KeyframeWorkspace workspace) {
        KeyframeFrameGrid grid = new KeyframeFrameGrid(pcm.sampleRate(), request.fps(), pcm.length());
        int fftSize = Math.max(MIN_FFT_SIZE, Integer.highestOneBit(grid.maxFrameLength() - 1) << 1);
        KeyframeFeatures features = analyse(pcm, grid, fftSize, workspace);
        KeyframeCurves curves = curves(features, request.fps());
        return new KeyframeNote(request, pcm.sampleRate(), pcm.channels(), pcm.length(), grid.durationSeconds(),
                grid.frameCount(), KeyframeNote.DURATION_FROM_WAV, fftSize, features, curves);
    }

    /*
     * The per-frame work lives in small methods: one large method with nested loops is what the
     * JIT compiles slowest and recompiles most, which on two cores costs the renderers their CPU.
     */
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
        Spectrum spectrum = new Spectrum(workspace, fftSize, pcm.sampleRate());
        FrameLevels levels = new FrameLevels();
        for (int k = 0; k < frames; k++) {
            int start = (int) grid.startSample(k);
            int end = (int) grid.endSample(k);
            int n = end - start;
            if (n == 0) {
                // a frame wholly past the WAV's end is silence; it also resets the flux reference
                dbfs[k] = KeyframeMapping.DBFS_FLOOR;
                spectrum.forgetPrevious();
                continue;
            }
            levels.measure(x, start, end);
            rms[k] = Math.sqrt(levels.sumSquares / n);
            dbfs[k] = KeyframeMapping.dbfs(rms[k]);
            peak[k] = levels.peak;
            sounding[k] = dbfs[k] >= KeyframeMapping.SILENCE_GATE_DBFS;

            if (levels.sumSquares == 0) {
                // digital silence (leading gaps, padded tails): nothing to transform
                spectrum.forgetPrevious();
                continue;
            }
            spectrum.analyse(x, start, n);
            if (sounding[k]) {
                centroid[k] = spectrum.centroidHz;
                zcr[k] = n > 1 ? (double) levels.crossings / (n - 1) : 0;
                flux[k] = spectrum.flux;
            }
        }
        return new KeyframeFeatures(rms, dbfs, peak, centroid, zcr, flux, sounding);
    }

    /** Time-domain measures of one frame. */
    private static final class FrameLevels {
        double sumSquares;
        float peak;
        int crossings;

        void measure(float[] x, int start, int end) {
            double squares = 0;
            float framePeak = 0;
            int count = 0;
            int previousSign = x[start] < 0 ? 1 : 0;
            for (int i = start; i < end; i++) {
                float s = x[i];
                squares += (double) s * s;
                // Not Math.max: C1 calls it (it must order NaN and -0), 1.8 times slower here
                float magnitude = Math.abs(s);
                if (magnitude > framePeak) {
                    framePeak = magnitude;
                }
                // branch-free: a sine's sign flips unpredictably for the branch predictor
                int sign = s < 0 ? 1 : 0;
                count += sign ^ previousSign;
                previousSign = sign;
            }
            sumSquares = squares;
            peak = framePeak;
            crossings = count;
        }
    }

    /** Windowed FFT of one frame at a time, with the spectral flux against the frame before. */
    private static final class Spectrum {
        private final KeyframeWorkspace workspace;
        private final DoubleFFT_1D fft;
        private final double[] buffer;
        private final double[] previous;
        private final int fftSize;
        private final int bins;
        private final double binHz;
        double centroidHz;
        double flux;

        Spectrum(KeyframeWorkspace workspace, int fftSize, int sampleRate) {
            this.workspace = workspace;
            this.fftSize = fftSize;
            this.fft = workspace.fft(fftSize);
            this.buffer = workspace.fftBuffer(fftSize);
            this.bins = fftSize / 2 + 1;
            this.previous = workspace.previousSpectrum(bins);
            this.binHz = (double) sampleRate / fftSize;
        }

        void forgetPrevious() {
            Arrays.fill(previous, 0, bins, 0.0);
        }

        void analyse(float[] x, int start, int n) {
            double[] window = workspace.hann(n);
            for (int i = 0; i < n; i++) {
                buffer[i] = x[start + i] * window[i];
            }
            Arrays.fill(buffer, n, fftSize, 0.0);
            fft.realForward(buffer);
            // realForward packs Re[0], Re[n/2], then (Re, Im) pairs for bins 1..n/2-1
            double first = Math.abs(buffer[0]);
            double last = Math.abs(buffer[1]);
            double weighted = (bins - 1) * last;
            double total = first + last;
            double rise = rise(0, first) + rise(bins - 1, last);
            for (int b = 1; b < bins - 1; b++) {
                double re = buffer[2 * b];
                double im = buffer[2 * b + 1];
                double magnitude = Math.sqrt(re * re + im * im);
                weighted += b * magnitude;
                total += magnitude;
                rise += rise(b, magnitude);
            }
            centroidHz = total > 0 ? binHz * weighted / total : 0;
            flux = rise;
        }

        /* Square-root compression lets quiet partials contribute without a log per bin. */
        private double rise(int bin, double magnitude) {
            double compressed = Math.sqrt(magnitude);
            double delta = compressed - previous[bin];
            previous[bin] = compressed;
            return delta > 0 ? delta : 0;
        }
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
