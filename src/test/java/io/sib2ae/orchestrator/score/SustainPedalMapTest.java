package io.sib2ae.orchestrator.score;

import io.sib2ae.orchestrator.TestData;

import org.junit.jupiter.api.Test;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The test_pedals files are all ppq 480 at 120 BPM (500000 us per quarter), so 480 ticks = 0.5 s.
 * Their contents (read with javax.sound.midi) are restated in each test.
 */
class SustainPedalMapTest {

    private static final double EPS = 1e-9;

    private static Path testdata() {
        return TestData.root();
    }

    private static SustainPedalMap pedals(String name) throws Exception {
        return SustainPedalMap.from(MidiSystem.getSequence(
                testdata().resolve("sib2ae/test_pedals").resolve(name).toFile()));
    }

    @Test
    void pedalBeforeNoteHoldsTheNoteUntilRelease() throws Exception {
        // CC64 down 480 (0.5 s), C4 960-1440 (1.0-1.5 s), CC64 up 1920 (2.0 s)
        SustainPedalMap map = pedals("pedal_before_note.mid");
        assertThat(map.intervals(0)).containsExactly(new SustainPedalMap.Interval(0.5, 2.0));
        assertThat(map.soundingEndSeconds(0, 1.5)).isCloseTo(2.0, within(EPS));
    }

    @Test
    void pedalPressedDuringNoteHoldsItUntilRelease() throws Exception {
        // D4 480-1440 (0.5-1.5 s), CC64 down 720 (0.75 s), up 2400 (2.5 s)
        SustainPedalMap map = pedals("pedal_during_note.mid");
        assertThat(map.intervals(0)).containsExactly(new SustainPedalMap.Interval(0.75, 2.5));
        assertThat(map.soundingEndSeconds(0, 1.5)).isCloseTo(2.5, within(EPS));
    }

    @Test
    void pedalNeverReleasedHoldsToTheEndOfTheSequence() throws Exception {
        // CC64 down 240 (0.25 s), E4 480-960 (0.5-1.0 s), no pedal up, end of track 1440 (1.5 s)
        SustainPedalMap map = pedals("pedal_no_off.mid");
        assertThat(map.intervals(0)).containsExactly(new SustainPedalMap.Interval(0.25, 1.5));
        assertThat(map.soundingEndSeconds(0, 1.0)).isCloseTo(1.5, within(EPS));
    }

    @Test
    void pedalOnlyAffectsItsOwnChannel() throws Exception {
        // ch0 CC64 down 480 (0.5 s) up 1680 (1.75 s); C4 ch0 and G4 ch1 both 720-1200 (0.75-1.25 s)
        SustainPedalMap map = pedals("different_channels.mid");
        assertThat(map.soundingEndSeconds(0, 1.25)).isCloseTo(1.75, within(EPS));
        assertThat(map.soundingEndSeconds(1, 1.25)).isCloseTo(1.25, within(EPS));
        assertThat(map.intervals(1)).isEmpty();
        assertThat(map.isDown(1, 1.0)).isFalse();
        assertThat(map.isDown(0, 1.0)).isTrue();
    }

    @Test
    void onlyNotesEndingWhileThePedalIsDownAreExtended() throws Exception {
        // C4 480-960 (0.5-1.0 s) before the pedal; CC64 down 1200 (1.25 s);
        // D4 1440-1920 (1.5-2.0 s), E4 1920-2400 (2.0-2.5 s); CC64 up 2640 (2.75 s)
        SustainPedalMap map = pedals("multiple_notes_pedal.mid");
        assertThat(map.intervals(0)).containsExactly(new SustainPedalMap.Interval(1.25, 2.75));
        assertThat(map.soundingEndSeconds(0, 1.0)).isCloseTo(1.0, within(EPS));
        assertThat(map.soundingEndSeconds(0, 2.0)).isCloseTo(2.75, within(EPS));
        assertThat(map.soundingEndSeconds(0, 2.5)).isCloseTo(2.75, within(EPS));
        // At the release instant the damper is already back down.
        assertThat(map.soundingEndSeconds(0, 2.75)).isCloseTo(2.75, within(EPS));
    }

    @Test
    void sibeliusFileReadsTicksThroughTheTempoInTrackZero() throws Exception {
        // SS 9.mid: ppq 960, 600000 us per quarter (100 BPM) in track 0 only; the flute's A4 starts
        // at tick 14400 in track 1 and ends at 15840. Its pedal is set to 0 (up) at tick 0.
        Sequence sequence = MidiSystem.getSequence(testdata().resolve("sib2ae/SS 9.mid").toFile());
        TempoMap tempo = TempoMap.of(sequence);
        assertThat(tempo.seconds(14400)).isCloseTo(9.0, within(EPS));
        assertThat(tempo.seconds(15840)).isCloseTo(9.9, within(EPS));
        SustainPedalMap map = SustainPedalMap.from(sequence);
        assertThat(map.intervals(0)).isEmpty();
        assertThat(map.soundingEndSeconds(0, 9.9)).isCloseTo(9.9, within(EPS));
    }

    @Test
    void tempoChangeInTrackZeroAppliesToPedalEventsInOtherTracks() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track conductor = sequence.createTrack();
        conductor.add(new MidiEvent(tempo(500_000), 0));      // 120 BPM: 480 ticks = 0.5 s
        conductor.add(new MidiEvent(tempo(1_000_000), 960));  // 60 BPM from 1.0 s: 480 ticks = 1 s
        Track piano = sequence.createTrack();
        piano.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 3, 64, 100), 480));
        piano.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 3, 64, 10), 1440));
        piano.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 3, 64, 64), 1920));

        SustainPedalMap map = SustainPedalMap.from(sequence);

        // down 0.5 s, up at 1.0 + 1.0 = 2.0 s; the re-press at tick 1920 = 3.0 s is also the end of
        // the sequence, so it holds nothing.
        assertThat(map.intervals(3)).containsExactly(new SustainPedalMap.Interval(0.5, 2.0));
        assertThat(map.soundingEndSeconds(3, 1.2)).isCloseTo(2.0, within(EPS));
    }

    @Test
    void repressedPedalStartsANewInterval() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track track = sequence.createTrack();
        track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 64, 127), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 64, 127), 240)); // still down
        track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 64, 0), 480));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 64, 127), 960));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 80), 1920));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0), 2400));

        SustainPedalMap map = SustainPedalMap.from(sequence);

        assertThat(map.intervals(0)).containsExactly(
                new SustainPedalMap.Interval(0.0, 0.5), new SustainPedalMap.Interval(1.0, 2.5));
        assertThat(map.soundingEndSeconds(0, 0.4)).isCloseTo(0.5, within(EPS));
        assertThat(map.soundingEndSeconds(0, 0.7)).isCloseTo(0.7, within(EPS));
    }

    private static MetaMessage tempo(int micros) throws Exception {
        byte[] d = {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros};
        return new MetaMessage(0x51, d, 3);
    }
}
