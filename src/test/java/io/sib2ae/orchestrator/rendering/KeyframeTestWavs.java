package io.sib2ae.orchestrator.rendering;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import io.sib2ae.orchestrator.manifest.AtomicFiles;

/** Builds test signals and writes them as 16-bit PCM WAVs through javax.sound.sampled. */
final class KeyframeTestWavs {

    private KeyframeTestWavs() {
    }

    /** A mono signal of {@code seconds} at {@code sampleRate}, all zero. */
    static double[] silence(int sampleRate, double seconds) {
        return new double[(int) Math.round(sampleRate * seconds)];
    }

    /**
     * Adds a sine note starting at {@code startSeconds}: a linear attack of {@code attackSeconds}
     * to {@code level}, then an exponential decay with time constant {@code decaySeconds}
     * (infinite for a steady tone).
     */
    static double[] addNote(double[] signal, int sampleRate, double startSeconds, double hz, double level,
                            double attackSeconds, double decaySeconds) {
        int start = (int) Math.round(startSeconds * sampleRate);
        for (int i = start; i < signal.length; i++) {
            double t = (double) (i - start) / sampleRate;
            double envelope = t < attackSeconds ? t / attackSeconds : Math.exp(-(t - attackSeconds) / decaySeconds);
            signal[i] += level * envelope * Math.sin(2 * Math.PI * hz * t);
        }
        return signal;
    }

    /** Adds seeded white noise between two times with short linear fades. */
    static double[] addNoise(double[] signal, int sampleRate, double fromSeconds, double toSeconds, double level,
                             long seed) {
        Random random = new Random(seed);
        int from = (int) Math.round(fromSeconds * sampleRate);
        int to = Math.min(signal.length, (int) Math.round(toSeconds * sampleRate));
        int fade = sampleRate / 200;
        for (int i = from; i < to; i++) {
            double envelope = Math.min(1, Math.min(i - from, to - 1 - i) / (double) fade);
            signal[i] += level * envelope * (2 * random.nextDouble() - 1);
        }
        return signal;
    }

    /** Writes {@code signal} (copied into every channel) as a 16-bit PCM WAV and returns the path. */
    static Path write(Path target, double[] signal, int sampleRate, int channels) throws IOException {
        byte[] pcm = new byte[signal.length * channels * 2];
        ByteBuffer buffer = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        for (double s : signal) {
            short value = (short) Math.max(-32768, Math.min(32767, Math.round(s * 32767)));
            for (int c = 0; c < channels; c++) {
                buffer.putShort(value);
            }
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
        ByteArrayOutputStream wav = new ByteArrayOutputStream(pcm.length + 64);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, signal.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav);
        }
        AtomicFiles.write(target, wav.toByteArray());
        return target;
    }
}
