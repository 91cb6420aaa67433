package io.sib2ae.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SynthesizerWarmUpTest {

    @Test
    void notesAreRehearsedOnlyForAJitWithC2() {
        // bin/sib2ae process runs with -XX:TieredStopAtLevel=1; a service with the JVM's default, 4
        assertThat(SynthesizerWarmUp.rehearsedNotes("1")).isZero();
        assertThat(SynthesizerWarmUp.rehearsedNotes("3")).isZero();
        assertThat(SynthesizerWarmUp.rehearsedNotes("4")).isPositive();
        // a JVM without the option (not HotSpot), or one that reports it oddly: rehearse, as before
        assertThat(SynthesizerWarmUp.rehearsedNotes(null)).isPositive();
        assertThat(SynthesizerWarmUp.rehearsedNotes("four")).isPositive();
    }
}
