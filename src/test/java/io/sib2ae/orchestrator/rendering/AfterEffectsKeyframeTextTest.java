package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AfterEffectsKeyframeTextTest {

    private static final int SR = 48_000;
    private static final Pattern DATA_LINE = Pattern.compile("\t(\\d+)\t(-?\\d+(\\.\\d+)?)\t");

    @TempDir
    Path dir;

    private KeyframeNote note(double fps) throws IOException {
        double[] signal = KeyframeTestWavs.addNote(KeyframeTestWavs.silence(SR, 1.1), SR, 0.1, 440, 0.5, 0.01, 0.3);
        Path wav = KeyframeTestWavs.write(dir.resolve("n.wav"), signal, SR, 1);
        return new KeyframeExtractor().extract(wav, KeyframeExtractorTest.request(fps));
    }

    @ParameterizedTest
    @CsvSource({"23.976, 23.976", "24, 24", "25, 25", "29.97, 29.97", "30, 30", "60, 60"})
    void hasTheClipboardLayoutWithOneDataLinePerFrame(double fps, String unitsPerSecond) throws IOException {
        KeyframeNote note = note(fps);
        Path json = dir.resolve("2584_A4_keyframes.json");
        Path target = AfterEffectsKeyframeText.pathBeside(json);
        AfterEffectsKeyframeText.write(note, target);

        String text = Files.readString(target, StandardCharsets.UTF_8);
        assertThat(target.getFileName().toString()).isEqualTo("2584_A4_keyframes_ae.txt");
        assertThat(text.replace("\r\n", "")).as("CRLF only, no bare LF or CR").doesNotContain("\n", "\r");
        List<String> lines = List.of(text.split("\r\n", -1));

        assertThat(lines.subList(0, 10)).containsExactly(
                "Adobe After Effects 8.0 Keyframe Data",
                "",
                "\tUnits Per Second\t" + unitsPerSecond,
                "\tSource Width\t100",
                "\tSource Height\t100",
                "\tSource Pixel Aspect Ratio\t1",
                "\tComp Pixel Aspect Ratio\t1",
                "",
                "Effects\tSlider Control #1\tSlider #2",
                "\tFrame\t");
        int frames = note.durationFrames();
        List<String> data = lines.subList(10, 10 + frames);
        for (int k = 0; k < frames; k++) {
            var m = DATA_LINE.matcher(data.get(k));
            assertThat(m.matches()).as("line %d: %s", k, data.get(k)).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(k);
            assertThat(Double.parseDouble(m.group(2))).isCloseTo(note.curves().amplitude()[k],
                    org.assertj.core.api.Assertions.within(0.0005));
        }
        assertThat(lines.subList(10 + frames, lines.size())).containsExactly("", "", "End of Keyframe Data", "");
        assertThat(lines.stream().filter(l -> DATA_LINE.matcher(l).matches())).hasSize(frames);
    }

    @Test
    void numbersArePlainDecimalsWithoutExponentOrTrailingZeros() {
        assertThat(AfterEffectsKeyframeText.number(100.0)).isEqualTo("100");
        assertThat(AfterEffectsKeyframeText.number(0.0000001)).isEqualTo("0");
        assertThat(AfterEffectsKeyframeText.number(-0.0)).isEqualTo("0");
        assertThat(AfterEffectsKeyframeText.number(12.34567)).isEqualTo("12.346");
        assertThat(AfterEffectsKeyframeText.number(29.97)).isEqualTo("29.97");
        assertThat(AfterEffectsKeyframeText.number(1e7)).isEqualTo("10000000");
    }
}
