package io.sib2ae.orchestrator.rendering;

import javax.sound.sampled.AudioFormat;

/**
 * One rendered note: interleaved signed little-endian PCM, its format and length, how loud it
 * peaks, and which sounds made it.
 *
 * @param pcm             interleaved PCM bytes, signed little-endian, {@code frames x frameSize} long
 * @param format          sample rate, bits (16 or 24) and channels of {@code pcm}
 * @param frames          number of sample frames
 * @param soundingSeconds how long the note itself sounds (written duration or pedal release)
 * @param peakDbfs        the loudest sample relative to full scale; negative infinity for silence
 * @param soundFont       the sound bank the synthesizer used
 */
public record RenderedAudio(
        byte[] pcm,
        AudioFormat format,
        long frames,
        double soundingSeconds,
        double peakDbfs,
        SoundFontChoice soundFont) {

    public RenderedAudio {
        if ((long) format.getFrameSize() * frames != pcm.length) {
            throw new IllegalArgumentException("pcm holds " + pcm.length + " bytes, not " + frames + " frames of "
                    + format.getFrameSize() + " bytes");
        }
    }

    public double durationSeconds() {
        return frames / (double) format.getSampleRate();
    }

    /** Seconds rendered after the sounding end (the release tail that was kept). */
    public double tailSeconds() {
        return Math.max(0, durationSeconds() - soundingSeconds);
    }

    /** The channels averaged into one signal in [-1, 1], e.g. for pitch or level analysis. */
    public double[] monoSamples() {
        int channels = format.getChannels();
        int bytes = format.getSampleSizeInBits() / 8;
        double[] mono = new double[(int) frames];
        for (int f = 0; f < mono.length; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(pcm, (f * channels + c) * bytes, bytes);
            }
            mono[f] = sum / channels / fullScale(bytes);
        }
        return mono;
    }

    /** The largest sample magnitude in {@code [from, to)}, in sample units. */
    static long peak(byte[] pcm, int from, int to, int bytesPerSample) {
        if (bytesPerSample == 2) {
            // Every note is scanned once, in a loop simple enough to run fast before the JIT's
            // second tier has compiled it.
            int peak = 0;
            for (int i = from; i + 2 <= to; i += 2) {
                int sample = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
                peak = Math.max(peak, Math.abs(sample));
            }
            return peak;
        }
        long peak = 0;
        for (int i = from; i + bytesPerSample <= to; i += bytesPerSample) {
            peak = Math.max(peak, Math.abs((long) sample(pcm, i, bytesPerSample)));
        }
        return peak;
    }

    /** A sample magnitude as dBFS; negative infinity for zero. */
    static double dbfs(long peak, int bytesPerSample) {
        return peak == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(peak / fullScale(bytesPerSample));
    }

    /** One signed little-endian sample of 2 or 3 bytes. */
    static int sample(byte[] pcm, int offset, int bytesPerSample) {
        if (bytesPerSample == 2) {
            return (short) ((pcm[offset] & 0xFF) | (pcm[offset + 1] << 8));
        }
        return (pcm[offset] & 0xFF) | (pcm[offset + 1] & 0xFF) << 8 | pcm[offset + 2] << 16;
    }

    static void putSample(byte[] pcm, int offset, int bytesPerSample, int value) {
        pcm[offset] = (byte) value;
        pcm[offset + 1] = (byte) (value >> 8);
        if (bytesPerSample == 3) {
            pcm[offset + 2] = (byte) (value >> 16);
        }
    }

    static double fullScale(int bytesPerSample) {
        return bytesPerSample == 2 ? 32768.0 : 8388608.0;
    }
}
