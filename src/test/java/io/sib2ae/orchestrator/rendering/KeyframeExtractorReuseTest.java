package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One extractor serves every note of a worker, reusing its buffers (KeyframeWorkspace) from note
 * to note. Notes of different lengths and spectra, taken in turn, must each give exactly what a
 * fresh extractor gives: a buffer left over from a longer note must never leak into a shorter one.
 * (Keyframe throughput is measured by scripts/bench.sh, never here.)
 */
class KeyframeExtractorReuseTest {

    private static final int SR = 44_100;

    @TempDir
    Path dir;

    @Test
    void aReusedExtractorGivesEachNoteExactlyWhatAFreshOneGives() throws IOException {
        List<Path> wavs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double seconds = 0.4 + 0.5 * ((i * 5) % 6); // lengths in mixed order: 0.4 s to 2.9 s
            double[] signal = KeyframeTestWavs.addNote(KeyframeTestWavs.silence(SR, seconds), SR, 0.01 * i,
                    110 * (i + 2), 0.7, 0.01, seconds * 0.6);
            KeyframeTestWavs.addNoise(signal, SR, 0, 0.05, 0.1, i);
            wavs.add(KeyframeTestWavs.write(dir.resolve("t" + i + ".wav"), signal, SR, 2));
        }
        KeyframeRequest request = KeyframeExtractorTest.request(30);
        KeyframeJsonWriter json = new KeyframeJsonWriter();
        List<String> fresh = new ArrayList<>();
        for (Path wav : wavs) {
            fresh.add(new String(json.toJson(new KeyframeExtractor().extract(wav, request))));
        }

        KeyframeExtractor reused = new KeyframeExtractor();
        for (int round = 0; round < 3; round++) {
            for (int i = wavs.size() - 1; i >= 0; i -= 2) { // odd ones longest-first, then the even ones
                assertThat(new String(json.toJson(reused.extract(wavs.get(i), request)))).as("note %d round %d", i, round)
                        .isEqualTo(fresh.get(i));
            }
            for (int i = 0; i < wavs.size(); i += 2) {
                assertThat(new String(json.toJson(reused.extract(wavs.get(i), request)))).as("note %d round %d", i, round)
                        .isEqualTo(fresh.get(i));
            }
        }
        assertThat(fresh).doesNotHaveDuplicates();
    }
}
