package io.sib2ae.orchestrator.score;

import io.sib2ae.orchestrator.coordination.TestMidi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sib2ae.orchestrator.TestData;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MidiFileReaderTest {

    private final MidiFileReader reader = new MidiFileReader(64, 3600);

    /**
     * ppq 480. Track 0: 120 qpm, then 60 qpm from quarter 2. Track 1 plays on two channels with
     * their own programs, one note released by a zero-velocity note-on; track 2 changes program
     * between two notes.
     */
    private static byte[] sample() {
        return new TestMidi(480)
                .tempo(0, 120).tempo(960, 60)
                .program(1, 0, 0, 40).program(1, 1, 0, 73)
                .noteReleasedByZeroVelocity(1, 0, 60, 100, 0, 480)
                .note(1, 1, 64, 70, 960, 1440)
                .program(2, 2, 0, 10)
                .note(2, 2, 67, 90, 1920, 2400)
                .program(2, 2, 2400, 20)
                .note(2, 2, 69, 91, 2400, 2880)
                .bytes();
    }

    @Test
    void readsTheWholeTempoMapFromTrackZero() {
        MidiPerformance midi = reader.read(sample(), "sample.mid");
        assertThat(midi.resolution()).isEqualTo(480);
        assertThat(midi.tempoMap().changes()).containsExactly(new TempoMap.Change(0, 120), new TempoMap.Change(2, 60));
    }

    @Test
    void beforeTheFirstTempoEventTheMidiDefaultOf120Applies() {
        byte[] lateTempo = new TestMidi(480).tempo(960, 60).note(1, 0, 60, 100, 480, 1440).bytes();
        MidiNote note = reader.read(lateTempo, "late-tempo.mid").notes().get(0);
        // Tick 480 is one quarter at 120 qpm; the second quarter starts the 60 qpm stretch.
        assertThat(note.startSeconds()).isCloseTo(0.5, within(1e-9));
        assertThat(note.endSeconds()).isCloseTo(2.0, within(1e-9));
        // The pedal map, which renders sustain, reads the same ticks as the same seconds.
        javax.sound.midi.Sequence sequence = reader.read(lateTempo, "late-tempo.mid").sequence();
        assertThat(TempoMap.of(sequence).seconds(480))
                .isCloseTo(note.startSeconds(), within(1e-9));
    }

    @Test
    void readsEveryTrackAndChannelWithItsProgramAndTimesThemThroughTheTempoMap() {
        List<MidiNote> notes = reader.read(sample(), "sample.mid").notes();
        assertThat(notes).extracting(MidiNote::pitch).containsExactly(60, 64, 67, 69);
        MidiNote c4 = notes.get(0);
        // Released by note-on velocity 0 at tick 480: half a second at 120 qpm.
        assertThat(c4.track()).isEqualTo(1);
        assertThat(c4.channel()).isZero();
        assertThat(c4.program()).isEqualTo(40);
        assertThat(c4.velocity()).isEqualTo(100);
        assertThat(c4.endTick()).isEqualTo(480);
        assertThat(c4.durationSeconds()).isCloseTo(0.5, within(1e-9));
        // Quarter 2 is at 1 s; from there a quarter lasts 1 s.
        MidiNote e4 = notes.get(1);
        assertThat(e4.channel()).isEqualTo(1);
        assertThat(e4.program()).isEqualTo(73);
        assertThat(e4.startSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(e4.endSeconds()).isCloseTo(2.0, within(1e-9));
        // A program change applies to the notes after it only.
        assertThat(notes.get(2)).satisfies(n -> {
            assertThat(n.track()).isEqualTo(2);
            assertThat(n.program()).isEqualTo(10);
            assertThat(n.startSeconds()).isCloseTo(3.0, within(1e-9));
        });
        assertThat(notes.get(3).program()).isEqualTo(20);
        assertThat(notes.get(3).startQuarter()).isEqualTo(5.0);
        // Lanes keep tracks and channels apart.
        assertThat(notes).extracting(MidiNote::lane).containsExactly(16L, 17L, 34L, 34L);
    }

    @Test
    void readsTheSibeliusExportWithItsNonUtf8TrackNames() {
        MidiPerformance midi = reader.read(TestData.bytes("sib2ae/SS 9.mid"), "SS 9.mid");
        assertThat(midi.resolution()).isEqualTo(960);
        assertThat(midi.tempoMap().changes()).singleElement().satisfies(c -> assertThat(c.quartersPerMinute()).isEqualTo(100.0));
        assertThat(midi.notes()).hasSize(6);
        // "Flûte" written in Latin-1.
        assertThat(midi.laneNames().get(16L)).isEqualTo("Flûte");
        assertThat(midi.laneNames().get(33L)).isEqualTo("Violon");
    }

    @Test
    void anEmptyOrForeignFileIsRejected() {
        assertThatThrownBy(() -> reader.read(new byte[0], "empty.mid")).isInstanceOf(ScoreInputException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.read("RIFF....WAVEfmt ".getBytes(), "x.mid")).isInstanceOf(ScoreInputException.class)
                .hasMessageContaining("MThd");
    }

    @Test
    void aTruncatedFileIsRejected() {
        byte[] whole = sample();
        for (int length : new int[] {14, 22, whole.length / 2, whole.length - 3}) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> reader.read(cut, "cut.mid")).as("cut at " + length)
                    .isInstanceOf(ScoreInputException.class).hasMessageContaining("truncated");
        }
    }

    @Test
    void aTruncatedSibeliusFileDoesNotSilentlyLoseItsLastTrack() {
        // The JDK parser returns the complete tracks of a cut file and drops the rest: SS 9 cut
        // one byte short would lose the whole violin part. It must be refused instead.
        byte[] ss9 = TestData.bytes("sib2ae/SS 9.mid");
        assertThat(reader.read(ss9, "SS 9.mid").notes()).hasSize(6);
        assertThatThrownBy(() -> reader.read(Arrays.copyOf(ss9, ss9.length - 1), "SS 9.mid"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("truncated");
    }

    @Test
    void aHeaderDeclaringTheMostTracksPossibleIsRejectedBeforeParsing() {
        // The track count is 16 bits: 0xFFFF = 65,535 is the largest a header can declare.
        // No track data follows, so only the header check can produce this message.
        byte[] header = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, (byte) 0xFF, (byte) 0xFF, 0x01, (byte) 0xE0};
        assertThatThrownBy(() -> reader.read(header, "tracks.mid")).isInstanceOf(ScoreInputException.class)
                .hasMessageContaining("65535 tracks").hasMessageContaining("max-midi-tracks");
    }

    @Test
    void aFileTwoToTheThirtyOneTicksLongIsRejectedByMaxSeconds() {
        // One track of empty text events, each 2^28 - 1 ticks apart (the largest delta a file can
        // hold), then the remainder: the end of track lands on tick 2^31. At 120 qpm and ppq 480
        // that is over 1.1 million seconds.
        ByteArrayOutputStream track = new ByteArrayOutputStream();
        long ticks = 0;
        for (int i = 0; i < 8; i++) {
            track.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, (byte) 0xFF, 0x01, 0x00});
            ticks += 0x0FFFFFFF;
        }
        long rest = (1L << 31) - ticks;
        track.writeBytes(new byte[] {(byte) rest, (byte) 0xFF, 0x2F, 0x00});
        byte[] body = track.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0x01, (byte) 0xE0, 'M', 'T', 'r', 'k',
                0, 0, (byte) (body.length >> 8), (byte) body.length});
        file.writeBytes(body);
        assertThat(rest).isEqualTo(8);
        assertThatThrownBy(() -> reader.read(file.toByteArray(), "long.mid")).isInstanceOf(ScoreInputException.class)
                .hasMessageContaining("over the limit of 3600 s");
    }
}
