package io.sib2ae.orchestrator.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sib2ae.orchestrator.coordination.TestMidi;
import java.util.List;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Test;

/** The one tempo map: quarters and ticks of a MIDI file fall on the same seconds; SMPTE ticks are fixed. */
class TempoMapTest {

    @Test
    void aMidiFilesQuartersAndTicksFallOnTheSameSeconds() throws Exception {
        byte[] file = new TestMidi(480).tempo(0, 120).tempo(960, 60).note(1, 0, 60, 90, 0, 480).bytes();
        Sequence sequence = javax.sound.midi.MidiSystem.getSequence(new java.io.ByteArrayInputStream(file));

        TempoMap map = TempoMap.of(sequence);

        assertThat(map.changes()).containsExactly(new TempoMap.Change(0, 120), new TempoMap.Change(2, 60));
        for (long tick : new long[] {0, 480, 960, 1200, 4800}) {
            assertThat(map.seconds(tick)).as("tick " + tick).isCloseTo(map.secondsAt(tick / 480.0), within(1e-12));
        }
        assertThat(map.seconds(1440)).isEqualTo(2.0);
    }

    /**
     * A span in ticks (a roll's stroke after its first) moved a bar later, as a re-export with a bar
     * inserted moves it, comes out the same to the last bit: at 85 bpm (705,882 µs a quarter) a
     * sixteenth is exactly 176,470.5 µs, where a difference of absolute times rounded to the
     * microsecond went either way.
     */
    @Test
    void aSpanOfTicksMovedElsewhereTakesTheSameSecondsToTheLastBit() throws Exception {
        int bar = 4 * 480;
        TempoMap original = TempoMap.of(javax.sound.midi.MidiSystem.getSequence(new java.io.ByteArrayInputStream(
                new TestMidi(480).tempo(0, 85).tempo(30 * bar, 100).note(1, 0, 60, 90, 0, 480).bytes())));
        TempoMap barInserted = TempoMap.of(javax.sound.midi.MidiSystem.getSequence(new java.io.ByteArrayInputStream(
                new TestMidi(480).tempo(0, 85).tempo(31 * bar, 100).note(1, 0, 60, 90, 0, 480).bytes())));

        for (long from : new long[] {0, 7 * bar + 120, 29 * bar + 3 * 480, 40 * bar + 240}) {
            for (long length : new long[] {120, 240, 480 + 120, 3 * bar}) {
                double span = original.secondsBetween(from, from + length);
                assertThat(barInserted.secondsBetween(from + bar, from + bar + length)).as(from + " + " + length).isEqualTo(span);
                assertThat(span).isCloseTo(original.seconds(from + length) - original.seconds(from), within(1e-9));
            }
        }
        assertThat(original.secondsBetween(0, 120)).isEqualTo(0.1764705);
    }

    @Test
    void smpteTicksAreAFixedFractionOfASecond() throws Exception {
        Sequence smpte = new Sequence(Sequence.SMPTE_25, 40);

        assertThat(TempoMap.of(smpte).seconds(1000)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aMapReadFromTheNotationHasNoTicks() {
        TempoMap notation = TempoMap.of(List.of(new TempoMap.Change(0, 90)));

        assertThat(notation.secondsAt(3)).isEqualTo(2.0);
        assertThatThrownBy(() -> notation.seconds(480)).isInstanceOf(IllegalStateException.class);
    }
}
