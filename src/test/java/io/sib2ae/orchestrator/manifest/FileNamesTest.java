package io.sib2ae.orchestrator.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void unicodeInstrumentNamesAreKeptAsTheyAre() {
        assertThat(FileNames.audioStem("Flûte", "A4", 76, "2584")).isEqualTo("Flûte_A4_vel76_2584");
        assertThat(FileNames.midi(0, "Flûte", "A4", 76)).isEqualTo("note_000_Flûte_A4_vel76.mid");
        assertThat(FileNames.notehead("2584802d", "P1", "F#5", "12")).isEqualTo("notehead_2584802d_P1_F#5_M12.svg");
        assertThat(FileNames.instrumentLayer("Violon", "P2")).isEqualTo("Violon_P2.svg");
    }

    @Test
    void pathSeparatorsDotDotAndControlCharactersNeverReachAFileName() {
        assertThat(FileNames.sanitize("../../etc")).isEqualTo("etc");
        assertThat(FileNames.sanitize("a/b\\c")).isEqualTo("abc");
        assertThat(FileNames.sanitize("bad\u0000name\u0007")).isEqualTo("badname");
        assertThat(FileNames.sanitize("..")).isEqualTo("unnamed");
        assertThat(FileNames.sanitize("   ")).isEqualTo("unnamed");
        assertThat(FileNames.sanitize(null)).isEqualTo("unnamed");
        assertThat(FileNames.sanitize("x".repeat(10_000))).hasSize(FileNames.MAX_COMPONENT_CHARS);
        assertThat(FileNames.sanitize("Violin I/II")).isEqualTo("Violin III");
    }
}
