package io.sib2ae.orchestrator.rendering;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavFileTest {

    private static final AudioFormat CD = new AudioFormat(44_100f, 16, 2, true, false);

    @Test
    void writtenFileValidatesAndReadsBackTheSamePcm(@TempDir Path dir) throws Exception {
        byte[] pcm = ramp(4410 * 4);
        Path wav = WavFile.write(dir.resolve("note.wav"), CD, pcm);

        WavFile.Header header = WavFile.validate(wav);
        assertThat(Files.size(wav)).isEqualTo(44 + pcm.length);
        assertThat(header.sampleRate()).isEqualTo(44_100);
        assertThat(header.channels()).isEqualTo(2);
        assertThat(header.bitsPerSample()).isEqualTo(16);
        assertThat(header.frames()).isEqualTo(4410);
        assertThat(header.durationSeconds()).isEqualTo(0.1);
        assertThat(WavFile.readPcm(wav)).isEqualTo(pcm);
        // Java Sound agrees it is a proper WAV file.
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            assertThat(in.getFormat().matches(CD)).isTrue();
            assertThat(in.getFrameLength()).isEqualTo(4410);
        }
        assertThat(dir.toFile().list()).containsExactly("note.wav"); // no temporary file left behind
    }

    @Test
    void oddSized24BitMonoDataIsPaddedAndStillValid(@TempDir Path dir) throws Exception {
        AudioFormat mono24 = new AudioFormat(48_000f, 24, 1, true, false);
        byte[] pcm = ramp(3 * 5); // 5 frames, 15 bytes: needs a pad byte
        Path wav = WavFile.write(dir.resolve("odd.wav"), mono24, pcm);

        WavFile.Header header = WavFile.validate(wav);
        assertThat(Files.size(wav)).isEqualTo(44 + 15 + 1);
        assertThat(header.frames()).isEqualTo(5);
        assertThat(header.sampleRate()).isEqualTo(48_000);
        assertThat(WavFile.readPcm(wav)).isEqualTo(pcm);
    }

    @Test
    void truncatedFileIsRejected(@TempDir Path dir) throws Exception {
        Path wav = WavFile.write(dir.resolve("cut.wav"), CD, ramp(4000));
        byte[] bytes = Files.readAllBytes(wav);
        Files.write(wav, Arrays.copyOf(bytes, bytes.length - 100));

        assertThatThrownBy(() -> WavFile.validate(wav))
                .isInstanceOf(WavFile.InvalidWavException.class)
                .hasMessageContaining("RIFF size");
        assertThat(WavFile.isValid(wav)).isFalse();
    }

    @Test
    void dataSizeDisagreeingWithTheFileIsRejected(@TempDir Path dir) throws Exception {
        Path wav = WavFile.write(dir.resolve("lie.wav"), CD, ramp(4000));
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 8000); // data claims more than is there
        Files.write(wav, bytes);

        assertThatThrownBy(() -> WavFile.validate(wav))
                .isInstanceOf(WavFile.InvalidWavException.class)
                .hasMessageContaining("runs past the end");
    }

    @Test
    void inconsistentFormatChunkIsRejected(@TempDir Path dir) throws Exception {
        Path wav = WavFile.write(dir.resolve("fmt.wav"), CD, ramp(400));
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(32, (short) 3); // block align 3 for 16-bit stereo
        Files.write(wav, bytes);

        assertThatThrownBy(() -> WavFile.validate(wav)).hasMessageContaining("block align");
    }

    @Test
    void nonWavFileIsRejected(@TempDir Path dir) throws IOException {
        Path notWav = dir.resolve("x.wav");
        Files.writeString(notWav, "this is not audio at all");

        assertThatThrownBy(() -> WavFile.validate(notWav)).hasMessageContaining("not a RIFF/WAVE");
        assertThatThrownBy(() -> WavFile.write(dir.resolve("y.wav"), CD, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }
}
