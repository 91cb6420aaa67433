package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.DoubleStream;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sib2ae.orchestrator.manifest.AtomicFiles;

class KeyframeExtractorTest {

    private static final int SR = 44_100;

    @TempDir
    Path dir;

    private final KeyframeExtractor extractor = new KeyframeExtractor();

    static KeyframeRequest request(double fps) {
        return new KeyframeRequest(fps, "2584802d-6c3e-4a51-9d7b-0c1f2e3a4b5c", "A4", "Flûte", 76, 100,
                7.5, "note.wav");
    }

    private KeyframeNote analyse(String name, double[] signal, int sampleRate, int channels, double fps)
            throws IOException {
        Path wav = KeyframeTestWavs.write(dir.resolve(name), signal, sampleRate, channels);
        return extractor.extract(wav, request(fps));
    }

    /** A 440 Hz tone: 0.2 s silence, 10 ms attack, slow decay, 1.5 s in all. */
    private static double[] sine(double hz) {
        return KeyframeTestWavs.addNote(KeyframeTestWavs.silence(SR, 1.5), SR, 0.2, hz, 0.8, 0.01, 0.8);
    }

    private static int expectedFrames(long samples, int sampleRate, double fps) {
        return new BigDecimal(samples).multiply(BigDecimal.valueOf(fps))
                .divide(new BigDecimal(sampleRate), 0, RoundingMode.CEILING).intValueExact();
    }

    @ParameterizedTest
    @ValueSource(doubles = {23.976, 24, 25, 29.97, 30, 60})
    void frameCountIsDurationTimesFpsRoundedUp(double fps) throws IOException {
        for (int sampleRate : new int[] {44_100, 48_000}) {
            double[] signal = KeyframeTestWavs.addNote(KeyframeTestWavs.silence(sampleRate, 1.2345), sampleRate,
                    0, 440, 0.5, 0.01, 0.5);
            KeyframeNote note = analyse("len" + sampleRate + ".wav", signal, sampleRate, 2, fps);

            int expected = expectedFrames(signal.length, sampleRate, fps);
            assertThat(note.durationFrames()).isEqualTo(expected);
            assertThat(note.durationSeconds()).isCloseTo((double) signal.length / sampleRate, within(1e-12));
            assertThat(note.durationSource()).isEqualTo("wav_length");
            assertThat(note.sampleCount()).isEqualTo(signal.length);
            assertThat(note.features().rmsLinear()).hasSize(expected);
            assertThat(note.curves().amplitude()).hasSize(expected);
            assertThat(note.curves().scale()).hasSize(expected);
            assertThat(note.curves().positionX()).hasSize(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {23.976, 24, 25, 29.97, 30, 60})
    void framesTileTheAudioWithoutGapsOrDrift(double fps) {
        long samples = 123_457;
        KeyframeFrameGrid grid = new KeyframeFrameGrid(SR, fps, samples);
        double nominal = SR / fps;
        long expectedStart = 0;
        for (int k = 0; k < grid.frameCount(); k++) {
            assertThat(grid.startSample(k)).isEqualTo(expectedStart);
            long length = grid.endSample(k) - grid.startSample(k);
            if (k < grid.frameCount() - 1) {
                assertThat((double) length).isBetween(Math.floor(nominal), Math.ceil(nominal));
            }
            // frame k starts at exactly round(k * sr / fps): no accumulated drift at 29.97 or 23.976
            assertThat(grid.startSample(k)).isEqualTo(Math.round(k * SR / fps));
            expectedStart = grid.endSample(k);
        }
        assertThat(expectedStart).isEqualTo(samples);
        assertThat(grid.frameCount()).isEqualTo(expectedFrames(samples, SR, fps));
    }

    @Test
    void audioInMemoryGivesTheSameKeyframesAsTheWavItWasWrittenTo() {
        double[] signal = KeyframeTestWavs.addNoise(sine(440), SR, 0.6, 0.9, 0.1, 7);
        AudioFormat format = new AudioFormat(SR, 16, 2, true, false);
        byte[] pcm = new byte[signal.length * 4];
        ByteBuffer out = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < signal.length; i++) {
            short left = (short) Math.round(signal[i] * 30_000);
            out.putShort(left).putShort((short) (left / 2)); // channels differ, so the mix matters
        }
        RenderedAudio audio = new RenderedAudio(pcm, format, signal.length, 1.0, -1.0, SoundFontChoice.builtInSounds());
        Path wav = WavFile.write(dir.resolve("memory.wav"), audio);

        KeyframeJsonWriter json = new KeyframeJsonWriter();
        assertThat(extractor.canAnalyse(audio)).isTrue();
        assertThat(json.toJson(extractor.extract(audio, request(30))))
                .isEqualTo(json.toJson(extractor.extract(wav, request(30))));
    }

    @Test
    void exactMultipleOfTheFrameDurationGetsNoExtraFrame() {
        // 0.1 s * 30 fps is 3.0000000000000004 in floating point
        assertThat(new KeyframeFrameGrid(SR, 30, 4_410).frameCount()).isEqualTo(3);
        assertThat(new KeyframeFrameGrid(48_000, 24, 96_000).frameCount()).isEqualTo(48);
        assertThat(new KeyframeFrameGrid(SR, 30, 4_411).frameCount()).isEqualTo(4);
    }

    @Test
    void centroidOfA440HzSineIsNear440AndA2kHzSineIsBrighter() throws IOException {
        KeyframeNote low = analyse("a440.wav", sine(440), SR, 1, 30);
        KeyframeNote high = analyse("b2000.wav", sine(2000), SR, 1, 30);

        // frames 10..30 lie in the sustained part, away from the attack at frame 6
        double lowCentroid = mean(low.features().spectralCentroidHz(), 10, 30);
        double highCentroid = mean(high.features().spectralCentroidHz(), 10, 30);
        assertThat(lowCentroid).isCloseTo(440, within(440 * 0.05));
        assertThat(highCentroid).isCloseTo(2000, within(2000 * 0.05));
        for (int k = 10; k < 30; k++) {
            assertThat(low.features().spectralCentroidHz()[k]).isCloseTo(440, within(440 * 0.05));
            assertThat(high.features().spectralCentroidHz()[k]).isGreaterThan(low.features().spectralCentroidHz()[k]);
            assertThat(high.curves().hue()[k]).isGreaterThan(low.curves().hue()[k]);
        }
    }

    @Test
    void noiseHasAHigherZeroCrossingRateThanASine() throws IOException {
        double[] noise = KeyframeTestWavs.addNoise(KeyframeTestWavs.silence(SR, 1.0), SR, 0.1, 0.9, 0.5, 42);
        KeyframeNote noisy = analyse("noise.wav", noise, SR, 2, 30);
        KeyframeNote tonal = analyse("sine.wav", sine(440), SR, 2, 30);

        double noiseZcr = mean(noisy.features().zeroCrossingRate(), 5, 25);
        double sineZcr = mean(tonal.features().zeroCrossingRate(), 10, 30);
        assertThat(sineZcr).isCloseTo(2 * 440.0 / SR, within(0.002));
        assertThat(noiseZcr).isGreaterThan(0.3).isGreaterThan(10 * sineZcr);
        assertThat(mean(noisy.curves().roughness(), 5, 25)).isGreaterThan(mean(tonal.curves().roughness(), 10, 30));
        assertThat(mean(noisy.curves().positionX(), 5, 25)).isGreaterThan(mean(tonal.curves().positionX(), 10, 30));
        // the noise burst starts at 0.1 s = frame 3, and its random flux must not read as new attacks
        assertThat(noisy.curves().onsetFrames()).containsExactly(3);
    }

    @Test
    void onsetsMarkTheFirstSoundingFrameAndTheSecondAttack() throws IOException {
        // first note at 0.2 s = frame 6 at 30 fps, second note (other pitch) at 1.0 s = frame 30
        double[] signal = KeyframeTestWavs.silence(SR, 2.0);
        KeyframeTestWavs.addNote(signal, SR, 0.2, 440, 0.6, 0.01, 0.25);
        KeyframeTestWavs.addNote(signal, SR, 1.0, 660, 0.6, 0.01, 0.25);
        KeyframeNote note = analyse("two.wav", signal, SR, 2, 30);

        assertThat(note.features().sounding()[5]).isFalse();
        assertThat(note.features().sounding()[6]).isTrue();
        assertThat(note.curves().onsetFrames()).containsExactly(6, 30);
    }

    @Test
    void onsetsFollowTheFrameRate() throws IOException {
        double[] signal = KeyframeTestWavs.silence(SR, 2.0);
        KeyframeTestWavs.addNote(signal, SR, 0.25, 440, 0.6, 0.005, 0.2);
        KeyframeTestWavs.addNote(signal, SR, 1.0, 440, 0.6, 0.005, 0.2);
        KeyframeNote note = analyse("two60.wav", signal, SR, 1, 60);

        // 0.25 s = frame 15 and 1.0 s = frame 60 at 60 fps; a re-attack of the same pitch counts too
        assertThat(note.curves().onsetFrames()).containsExactly(15, 60);
    }

    @Test
    void silenceGivesZeroAmplitudeFiniteDbfsAndRestingChannels() throws IOException {
        KeyframeNote note = analyse("silence.wav", KeyframeTestWavs.silence(SR, 1.0), SR, 2, 29.97);

        assertThat(note.durationFrames()).isEqualTo(30);
        assertThat(note.curves().amplitude()).containsOnly(0.0);
        assertThat(note.features().rmsLinear()).containsOnly(0.0);
        assertThat(note.features().rmsDbfs()).containsOnly(KeyframeMapping.DBFS_FLOOR);
        assertThat(note.features().spectralCentroidHz()).containsOnly(0.0);
        assertThat(note.curves().scale()).containsOnly(50.0);
        assertThat(note.curves().opacity()).containsOnly(20.0);
        assertThat(note.curves().positionX()).containsOnly(0.0);
        assertThat(note.curves().onsetFrames()).isEmpty();
    }

    @Test
    void amplitudeFollowsTheEnvelopeRelativeToTheNotesOwnMaximum() throws IOException {
        KeyframeNote note = analyse("env.wav", sine(440), SR, 1, 30);
        double[] amplitude = note.curves().amplitude();

        assertThat(Arrays.stream(amplitude).max().orElseThrow()).isEqualTo(100.0);
        assertThat(amplitude[5]).isZero();
        // the decay (time constant 0.8 s) lowers the RMS by exp(-1) between frames 8 and 32
        assertThat(amplitude[32] / amplitude[8]).isCloseTo(Math.exp(-0.8 / 0.8), within(0.03));
        // full-scale-ish sine: 0.8 peak -> RMS 0.566 -> about -5 dBFS in the loudest frame
        double loudest = Arrays.stream(note.features().rmsDbfs()).max().orElseThrow();
        assertThat(loudest).isCloseTo(20 * Math.log10(0.8 / Math.sqrt(2)), within(0.5));
        assertThat(Arrays.stream(note.features().peak()).max().orElseThrow()).isCloseTo(0.8, within(0.01));
    }

    @Test
    void mappedChannelsStayInTheirRangesForEverySignal() throws IOException {
        List<double[]> signals = List.of(
                sine(440), sine(2000), KeyframeTestWavs.silence(SR, 0.5),
                KeyframeTestWavs.addNoise(KeyframeTestWavs.silence(SR, 1.0), SR, 0.0, 1.0, 1.0, 7),
                // clipped square-ish tone at full scale
                KeyframeTestWavs.addNote(KeyframeTestWavs.silence(SR, 0.7), SR, 0, 100, 3.0, 0.001, 10));
        for (int i = 0; i < signals.size(); i++) {
            for (double fps : new double[] {23.976, 60}) {
                KeyframeNote note = analyse("range" + i + ".wav", signals.get(i), SR, 2, fps);
                KeyframeCurves c = note.curves();
                assertWithin(c.scale(), 50.0, 150.0);
                assertWithin(c.opacity(), 20.0, 100.0);
                assertWithin(c.hue(), 0.0, 360.0);
                assertWithin(c.positionX(), -100.0, 100.0);
                for (double[] curve : List.of(c.amplitude(), c.amplitudeDb(), c.peak(), c.brightness(), c.roughness())) {
                    assertWithin(curve, 0.0, 100.0);
                }
                assertWithin(note.features().rmsDbfs(), -120.0, 0.0);
            }
        }
    }

    @Test
    void brightnessHoldsItsLastSoundingValueThroughTheTail() throws IOException {
        // a tone that stops dead at 0.5 s followed by 0.5 s of silence
        double[] signal = KeyframeTestWavs.silence(SR, 1.0);
        double[] tone = KeyframeTestWavs.addNote(KeyframeTestWavs.silence(SR, 0.5), SR, 0, 1000, 0.5, 0.01, 100);
        System.arraycopy(tone, 0, signal, 0, tone.length);
        KeyframeNote note = analyse("stop.wav", signal, SR, 1, 30);

        // 0.5 s is exactly the end of frame 14 at 30 fps
        assertThat(note.features().sounding()[14]).isTrue();
        assertThat(note.features().sounding()[15]).isFalse();
        assertThat(note.features().spectralCentroidHz()[25]).isZero();
        assertThat(note.curves().brightness()[25]).isEqualTo(note.curves().brightness()[14]);
        assertThat(note.curves().brightness()[14]).isCloseTo(50, within(3.0)); // 1 kHz = 50
        assertThat(note.curves().amplitude()[25]).isZero();
    }

    @Test
    void stereoIsMixedToMonoAndExtraChunksAreSkipped() throws IOException {
        // hand-built: stereo with a sine on the left only, an odd-sized LIST chunk, and a streaming
        // writer's 0xFFFFFFFF data size
        int frames = SR / 2;
        ByteBuffer data = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            data.putShort((short) Math.round(16384 * Math.sin(2 * Math.PI * 440 * i / SR)));
            data.putShort((short) 0);
        }
        ByteBuffer wav = ByteBuffer.allocate(12 + 24 + 8 + 5 + 1 + 8 + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(wav.capacity() - 8).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(SR)
                .putInt(SR * 4).putShort((short) 4).putShort((short) 16);
        wav.put("LIST".getBytes()).putInt(5).put("INFOx".getBytes()).put((byte) 0);
        wav.put("data".getBytes()).putInt(-1).put(data.array());
        Path path = dir.resolve("hand.wav");
        AtomicFiles.write(path, wav.array());

        KeyframeNote note = extractor.extract(path, request(30));

        assertThat(note.channels()).isEqualTo(2);
        assertThat(note.sampleCount()).isEqualTo(frames);
        assertThat(note.durationFrames()).isEqualTo(15);
        // left at 0.5 of full scale, right silent: the mono mix peaks at 0.25
        assertThat(note.features().peak()[5]).isCloseTo(0.25, within(0.002));
        assertThat(note.features().spectralCentroidHz()[5]).isCloseTo(440, within(22.0));
    }

    @Test
    void rejectsAudioThatIsNot16BitPcm() throws IOException {
        byte[] pcm = new byte[SR];
        AudioFormat eightBit = new AudioFormat(SR, 8, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), eightBit, pcm.length),
                AudioFileFormat.Type.WAVE, out);
        Path path = dir.resolve("eight.wav");
        AtomicFiles.write(path, out.toByteArray());
        Path text = dir.resolve("text.wav");
        AtomicFiles.write(text, "not a wav at all".getBytes());

        assertThatThrownBy(() -> extractor.extract(path, request(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16-bit");
        assertThatThrownBy(() -> extractor.extract(text, request(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RIFF");
    }

    @Test
    void oneExtractorGivesIdenticalResultsFromSeveralThreads() throws Exception {
        List<Path> wavs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double[] signal = KeyframeTestWavs.addNote(KeyframeTestWavs.silence(i % 2 == 0 ? SR : 48_000, 1 + i * 0.1),
                    i % 2 == 0 ? SR : 48_000, 0.05 * i, 220 * (i + 1), 0.7, 0.01, 0.4);
            wavs.add(KeyframeTestWavs.write(dir.resolve("mt" + i + ".wav"), signal, i % 2 == 0 ? SR : 48_000, 2));
        }
        double[] rates = {23.976, 24, 25, 29.97, 30, 60};
        List<KeyframeNote> sequential = new ArrayList<>();
        for (int i = 0; i < wavs.size(); i++) {
            sequential.add(extractor.extract(wavs.get(i), request(rates[i])));
        }

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<KeyframeNote>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < wavs.size(); i++) {
                    int index = i;
                    futures.add(pool.submit(() -> extractor.extract(wavs.get(index), request(rates[index]))));
                }
            }
            for (int f = 0; f < futures.size(); f++) {
                KeyframeNote parallel = futures.get(f).get();
                KeyframeNote expected = sequential.get(f % wavs.size());
                assertThat(parallel.features().spectralCentroidHz()).containsExactly(expected.features().spectralCentroidHz());
                assertThat(parallel.features().spectralFlux()).containsExactly(expected.features().spectralFlux());
                assertThat(parallel.curves().amplitude()).containsExactly(expected.curves().amplitude());
                assertThat(parallel.curves().onsetFrames()).containsExactly(expected.curves().onsetFrames());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every value is finite and inside [min, max]. */
    private static void assertWithin(double[] values, double min, double max) {
        assertThat(DoubleStream.of(values).allMatch(Double::isFinite)).as("all finite").isTrue();
        if (values.length > 0) {
            assertThat(DoubleStream.of(values).min().orElseThrow()).isGreaterThanOrEqualTo(min);
            assertThat(DoubleStream.of(values).max().orElseThrow()).isLessThanOrEqualTo(max);
        }
    }

    private static double mean(double[] values, int from, int to) {
        return DoubleStream.of(Arrays.copyOfRange(values, from, to)).average().orElseThrow();
    }
}
