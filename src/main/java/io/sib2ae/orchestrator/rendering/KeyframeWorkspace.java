package io.sib2ae.orchestrator.rendering;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Per-thread scratch memory of the keyframe extractor: file bytes, the mono mix, FFT plans and
 * buffers, and Hann windows, so that analysing thousands of short notes allocates almost nothing.
 * Not thread-safe; each thread owns one through a ThreadLocal.
 */
final class KeyframeWorkspace {

    /*
     * A ThreadLocal lives as long as its (pooled) thread, so buffers are only kept when they are
     * note-sized; a one-off long file gets throw-away buffers instead of pinning its memory.
     */
    static final int MAX_RETAINED_BYTES = 16 * 1024 * 1024;

    /* Frame lengths alternate between two values per rate; a few entries cover any note. */
    private static final int MAX_CACHED_WINDOWS = 8;

    /* Direct, so FileChannel reads land in it without the JDK's intermediate copy. */
    private ByteBuffer fileBytes = ByteBuffer.allocateDirect(0);
    private float[] mono = new float[0];
    private final Map<Integer, DoubleFFT_1D> ffts = new HashMap<>();
    private double[] fftBuffer = new double[0];
    private double[] previousSpectrum = new double[0];
    private final Map<Integer, double[]> windows = new HashMap<>();

    /** A cleared little-endian buffer with room for {@code size} bytes. */
    ByteBuffer fileBytes(int size) {
        if (size > MAX_RETAINED_BYTES) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (fileBytes.capacity() < size) {
            // grow with headroom so a slightly longer next note does not reallocate again
            fileBytes = ByteBuffer.allocateDirect(Math.min(MAX_RETAINED_BYTES, size + size / 4));
        }
        fileBytes.clear().limit(size);
        return fileBytes.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A mono sample buffer with at least {@code length} entries (contents are stale). */
    float[] mono(int length) {
        if ((long) length * Float.BYTES > MAX_RETAINED_BYTES) {
            return new float[length];
        }
        if (mono.length < length) {
            mono = new float[length];
        }
        return mono;
    }

    /** The FFT plan for {@code size}; JTransforms plans are costly to build but reusable. */
    DoubleFFT_1D fft(int size) {
        return ffts.computeIfAbsent(size, DoubleFFT_1D::new);
    }

    /** An FFT input/output buffer of at least {@code size} entries (contents are stale). */
    double[] fftBuffer(int size) {
        if (fftBuffer.length < size) {
            fftBuffer = new double[size];
        }
        return fftBuffer;
    }

    /** A zeroed spectrum buffer of at least {@code bins} entries for spectral flux. */
    double[] previousSpectrum(int bins) {
        if (previousSpectrum.length < bins) {
            previousSpectrum = new double[bins];
        } else {
            java.util.Arrays.fill(previousSpectrum, 0, bins, 0.0);
        }
        return previousSpectrum;
    }

    /**
     * A periodic Hann window of {@code length} samples. Computing the cosines per frame would
     * cost more than the FFT itself, hence the cache.
     */
    double[] hann(int length) {
        double[] window = windows.get(length);
        if (window == null) {
            if (windows.size() >= MAX_CACHED_WINDOWS) {
                windows.clear();
            }
            window = new double[length];
            for (int i = 0; i < length; i++) {
                window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
            }
            windows.put(length, window);
        }
        return window;
    }
}
