package io.sib2ae.orchestrator.score;

import io.sib2ae.orchestrator.coordination.TestMidi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.score.MidiTempoEvents.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MidiTempoEventsTest {

    private final MidiFileReader reader = new MidiFileReader(64, 3600);

    @Test
    void tempoInAnyTrackCountsAndTheMidiDefaultHoldsUntilTheFirstEvent() {
        byte[] file = new TestMidi(480).tempo(2, 960, 60).note(1, 0, 60, 100, 0, 480).bytes();
        List<Point> points = MidiTempoEvents.of(reader.read(file, "t.mid").sequence());
        assertThat(points).containsExactly(new Point(0, 500_000), new Point(960, 1_000_000));
    }

    @Test
    void ofSeveralEventsAtOneTickTheLastInFileOrderWins() {
        byte[] file = new TestMidi(480).tempo(0, 0, 100).tempo(0, 0, 80).tempo(0, 480, 60).tempo(0, 480, 30)
                .note(1, 0, 60, 100, 0, 480).bytes();
        List<Point> points = MidiTempoEvents.of(reader.read(file, "t.mid").sequence());
        assertThat(points).extracting(Point::quartersPerMinute).containsExactly(80.0, 30.0);
    }

    @Test
    void anEventThatIsNotThreeBytesOrIsZeroIsNoTempoForEitherClock() {
        byte[] file = new TestMidi(480).tempo(0, 0, 60)
                .tempoBytes(0, 480, new byte[] {0x07, (byte) 0xA1})
                .tempoBytes(0, 480, new byte[] {0, 0, 0})
                .tempoBytes(0, 480, new byte[] {0x07, (byte) 0xA1, 0x20, 0x00})
                .note(1, 0, 60, 100, 960, 1440).bytes();
        MidiPerformance midi = reader.read(file, "t.mid");
        assertThat(MidiTempoEvents.of(midi.sequence())).containsExactly(new Point(0, 1_000_000));
        // Both clocks run at 60 qpm throughout: quarter 2 is two seconds in.
        assertThat(midi.notes().get(0).startSeconds()).isCloseTo(2.0, within(1e-12));
        assertThat(TempoMap.of(midi.sequence()).seconds(960)).isCloseTo(2.0, within(1e-12));
    }

    static Stream<Path> realMidiFiles() throws IOException {
        try (Stream<Path> files = Files.walk(TestData.root())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mid")).sorted().toList().stream();
        }
    }

    /** The manifest's note times and the audio's pedal times come from one reading of the tempo. */
    @ParameterizedTest
    @MethodSource("realMidiFiles")
    void coordinationAndRenderingPutEveryNoteOfARealScoreOnTheSameSecond(Path file) throws IOException {
        MidiPerformance midi = reader.read(Files.readAllBytes(file), file.getFileName().toString());
        TempoMap exact = TempoMap.of(midi.sequence());
        assertThat(midi.notes()).isNotEmpty().allSatisfy(note -> {
            assertThat(exact.seconds(note.startTick())).isCloseTo(note.startSeconds(), within(1e-9));
            assertThat(exact.seconds(note.endTick())).isCloseTo(note.endSeconds(), within(1e-9));
        });
    }
}
