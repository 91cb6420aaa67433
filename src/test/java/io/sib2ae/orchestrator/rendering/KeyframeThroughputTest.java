package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures (and prints) how many 2-second 44.1 kHz stereo notes one thread turns into keyframes
 * per second. Timing is only reported, never asserted: shared CI cores make limits flaky.
 */
class KeyframeThroughputTest {

    private static final int SR = 44_100;
    private static final int DISTINCT_NOTES = 8;

    @TempDir
    Path dir;

    @Test
    void reportsSingleThreadNotesPerSecond() throws IOException {
        List<Path> wavs = new ArrayList<>();
        for (int i = 0; i < DISTINCT_NOTES; i++) {
            double[] signal = KeyframeTestWavs.addNote(KeyframeTestWavs.silence(SR, 2.0), SR, 0.01 * i,
                    110 * (i + 2), 0.7, 0.01, 0.6);
            KeyframeTestWavs.addNoise(signal, SR, 0, 0.05, 0.1, i);
            wavs.add(KeyframeTestWavs.write(dir.resolve("t" + i + ".wav"), signal, SR, 2));
        }
        KeyframeExtractor extractor = new KeyframeExtractor();
        KeyframeJsonWriter json = new KeyframeJsonWriter();
        KeyframeRequest request = KeyframeExtractorTest.request(30);

        int frames = 0;
        int bytes = 0;
        for (int i = 0; i < 400; i++) { // warm-up for the JIT, writers included
            KeyframeNote note = extractor.extract(wavs.get(i % DISTINCT_NOTES), request);
            frames += note.durationFrames();
            bytes += json.toJson(note).length + AfterEffectsKeyframeText.render(note).length();
        }
        int notes = 1_000;
        KeyframeNote last = null;
        long start = System.nanoTime();
        for (int i = 0; i < notes; i++) {
            last = extractor.extract(wavs.get(i % DISTINCT_NOTES), request);
            frames += last.durationFrames();
        }
        double analyseSeconds = (System.nanoTime() - start) / 1e9;

        long writeStart = System.nanoTime();
        for (int i = 0; i < notes; i++) {
            bytes += json.toJson(last).length + AfterEffectsKeyframeText.render(last).length();
        }
        double renderSeconds = (System.nanoTime() - writeStart) / 1e9;

        System.out.printf("Keyframe throughput (1 thread, 2 s 44.1 kHz stereo notes at 30 fps): "
                        + "%.0f notes/s analysis (%.2f ms/note); JSON + AE text rendering %.2f ms/note more%n",
                notes / analyseSeconds, 1000 * analyseSeconds / notes, 1000 * renderSeconds / notes);
        assertThat(frames).isEqualTo((400 + notes) * 60);
        assertThat(bytes).isPositive();
    }
}
