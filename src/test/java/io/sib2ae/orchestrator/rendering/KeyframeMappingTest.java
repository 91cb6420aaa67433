package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KeyframeMappingTest {

    @Test
    void dbfsOfSilenceIsTheFiniteFloor() {
        assertThat(KeyframeMapping.dbfs(0)).isEqualTo(-120.0);
        assertThat(KeyframeMapping.dbfs(1e-9)).isEqualTo(-120.0);
        assertThat(KeyframeMapping.dbfs(1)).isEqualTo(0.0);
        assertThat(KeyframeMapping.dbfs(0.5)).isCloseTo(-6.02, within(0.01));
    }

    @Test
    void amplitudeIsRelativeToTheNotesOwnMaximumAndZeroForASilentNote() {
        assertThat(KeyframeMapping.amplitude(0.05, 0.1)).isEqualTo(50.0);
        assertThat(KeyframeMapping.amplitude(0.1, 0.1)).isEqualTo(100.0);
        assertThat(KeyframeMapping.amplitude(1e-5, 1e-5)).as("max below the -70 dBFS gate").isZero();
    }

    @Test
    void absoluteScalesHaveTheDocumentedAnchors() {
        assertThat(KeyframeMapping.amplitudeDb(-60)).isZero();
        assertThat(KeyframeMapping.amplitudeDb(-30)).isEqualTo(50.0);
        assertThat(KeyframeMapping.amplitudeDb(-120)).isZero();
        assertThat(KeyframeMapping.amplitudeDb(0)).isEqualTo(100.0);
        assertThat(KeyframeMapping.brightness(100)).isZero();
        assertThat(KeyframeMapping.brightness(1_000)).isCloseTo(50, within(1e-9));
        assertThat(KeyframeMapping.brightness(10_000)).isCloseTo(100, within(1e-9));
        assertThat(KeyframeMapping.brightness(20_000)).isEqualTo(100.0);
        assertThat(KeyframeMapping.roughness(0.5)).isEqualTo(100.0);
        assertThat(KeyframeMapping.roughness(0.02)).isCloseTo(20, within(1e-9));
        assertThat(KeyframeMapping.peak(1.2)).isEqualTo(100.0);
    }

    @Test
    void channelsSpanTheOriginalSib2AeRanges() {
        assertThat(KeyframeMapping.scale(0)).isEqualTo(50.0);
        assertThat(KeyframeMapping.scale(100)).isEqualTo(150.0);
        assertThat(KeyframeMapping.opacity(0)).isEqualTo(20.0);
        assertThat(KeyframeMapping.opacity(100)).isEqualTo(100.0);
        assertThat(KeyframeMapping.hue(0)).isZero();
        assertThat(KeyframeMapping.hue(100)).isEqualTo(360.0);
        assertThat(KeyframeMapping.positionX(0)).isEqualTo(-100.0);
        assertThat(KeyframeMapping.positionX(50)).isZero();
        assertThat(KeyframeMapping.positionX(100)).isEqualTo(100.0);
        assertThat(KeyframeMapping.scale(250)).as("clamped").isEqualTo(150.0);
    }
}
