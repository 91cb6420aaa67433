package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RenderedAudioTest {

    /** The plain definition: each little-endian sample's magnitude, the largest of them. */
    private static long reference(byte[] pcm, int from, int to, int bytesPerSample) {
        long peak = 0;
        for (int i = from; i + bytesPerSample <= to; i += bytesPerSample) {
            peak = Math.max(peak, Math.abs((long) RenderedAudio.sample(pcm, i, bytesPerSample)));
        }
        return peak;
    }

    @Test
    void thePeakOf16BitPcmIsTheLargestMagnitudeOverAnyRangeAcrossChunks() {
        Random random = new Random(11);
        byte[] pcm = new byte[2 * 30_000];
        for (int i = 0; i < pcm.length; i += 2) {
            RenderedAudio.putSample(pcm, i, 2, (int) Math.round(random.nextGaussian() * 2_000));
        }
        int[][] ranges = {{0, pcm.length}, {0, 0}, {0, 2}, {2, 16_386}, {16_384, 16_390}, {40, pcm.length - 40}, {6, 7}};
        for (int[] range : ranges) {
            assertThat(RenderedAudio.peak(pcm, range[0], range[1], 2)).as("[%d, %d)", range[0], range[1])
                    .isEqualTo(reference(pcm, range[0], range[1], 2));
        }
        // the extremes, on either side of a chunk boundary (8,192 samples), negative full scale included
        RenderedAudio.putSample(pcm, 2 * 8_191, 2, 32_767);
        assertThat(RenderedAudio.peak(pcm, 0, pcm.length, 2)).isEqualTo(32_767);
        RenderedAudio.putSample(pcm, 2 * 8_192, 2, -32_768);
        assertThat(RenderedAudio.peak(pcm, 0, pcm.length, 2)).isEqualTo(32_768);
        assertThat(RenderedAudio.peak(pcm, 0, 2 * 8_192, 2)).isEqualTo(32_767);
        assertThat(RenderedAudio.peak(new byte[4_000], 0, 4_000, 2)).isZero();
    }

    @Test
    void thePeakOf24BitPcmIsTheLargestMagnitude() {
        byte[] pcm = new byte[3 * 5];
        int[] samples = {12, -8_388_608, 400_000, -3, 8_388_607};
        for (int i = 0; i < samples.length; i++) {
            RenderedAudio.putSample(pcm, 3 * i, 3, samples[i]);
        }
        assertThat(RenderedAudio.peak(pcm, 0, pcm.length, 3)).isEqualTo(8_388_608);
        assertThat(RenderedAudio.peak(pcm, 6, pcm.length, 3)).isEqualTo(8_388_607);
    }
}
