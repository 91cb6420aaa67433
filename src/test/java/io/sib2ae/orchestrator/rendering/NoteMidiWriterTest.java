package io.sib2ae.orchestrator.rendering;

import io.sib2ae.orchestrator.score.SustainPedalMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NoteMidiWriterTest {

    private final NoteMidiWriter writer = new NoteMidiWriter();

    @Test
    void aTremoloIsWrittenAsItsStrokesOnOneNote() {
        // Four 32nds of 62.5 ms at 120 BPM, 120 ticks each at ppq 960, the last one softer.
        List<NoteMidiSpec.Stroke> strokes = List.of(new NoteMidiSpec.Stroke(0, 0.0625, 90), new NoteMidiSpec.Stroke(0.0625, 0.0625, 90),
                new NoteMidiSpec.Stroke(0.125, 0.0625, 90), new NoteMidiSpec.Stroke(0.1875, 0.0625, 60));
        Sequence sequence = writer.toSequence(NoteMidiSpec.of(72, 90, 0, 40, 120, 0.25).withStrokes(strokes));
        List<long[]> notes = new ArrayList<>();
        for (MidiEvent event : events(sequence.getTracks()[0])) {
            if (event.getMessage() instanceof ShortMessage sm && sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0) {
                notes.add(new long[] {event.getTick(), sm.getData1(), sm.getData2()});
            }
        }
        assertThat(notes).extracting(n -> n[0]).containsExactly(0L, 120L, 240L, 360L);
        assertThat(notes).extracting(n -> n[1]).containsOnly(72L);
        assertThat(notes).extracting(n -> n[2]).containsExactly(90L, 90L, 90L, 60L);
        assertThat(sequence.getTickLength()).isEqualTo(480);
    }

    @Test
    void writtenFileParsesBackWithTempoProgramChannelVelocityPitchAndDuration(@TempDir Path dir) throws Exception {
        // A4 on the flute, channel 2, at 100 BPM for 0.9 s: 0.9 x 100/60 x 960 = 1440 ticks.
        NoteMidiSpec spec = NoteMidiSpec.of(69, 76, 2, 73, 100, 0.9);
        Path file = writer.write(spec, dir.resolve("note.mid"));

        MidiFileFormat format = MidiSystem.getMidiFileFormat(file.toFile());
        assertThat(format.getType()).isZero();
        assertThat(format.getResolution()).isEqualTo(960);
        Sequence sequence = MidiSystem.getSequence(file.toFile());
        assertThat(sequence.getDivisionType()).isEqualTo(Sequence.PPQ);
        assertThat(sequence.getTracks()).hasSize(1);

        List<MidiEvent> events = events(sequence.getTracks()[0]);
        MetaMessage tempo = (MetaMessage) events.get(0).getMessage();
        assertThat(events.get(0).getTick()).isZero();
        assertThat(tempo.getType()).isEqualTo(0x51);
        assertThat(tempo.getData()).containsExactly(0x09, 0x27, 0xC0); // 600000 us per quarter

        ShortMessage program = (ShortMessage) events.get(1).getMessage();
        assertThat(program.getCommand()).isEqualTo(ShortMessage.PROGRAM_CHANGE);
        assertThat(program.getChannel()).isEqualTo(2);
        assertThat(program.getData1()).isEqualTo(73);

        ShortMessage on = (ShortMessage) events.get(2).getMessage();
        assertThat(events.get(2).getTick()).isZero();
        assertThat(on.getCommand()).isEqualTo(ShortMessage.NOTE_ON);
        assertThat(on.getChannel()).isEqualTo(2);
        assertThat(on.getData1()).isEqualTo(69);
        assertThat(on.getData2()).isEqualTo(76);

        ShortMessage off = (ShortMessage) events.get(3).getMessage();
        assertThat(events.get(3).getTick()).isEqualTo(1440);
        assertThat(off.getCommand()).isEqualTo(ShortMessage.NOTE_OFF);
        assertThat(off.getChannel()).isEqualTo(2);
        assertThat(off.getData1()).isEqualTo(69);

        assertThat(events).hasSize(5); // + end of track
        assertThat(sequence.getMicrosecondLength()).isEqualTo(900_000);
        assertThat(Files.readAllBytes(file)).isEqualTo(writer.toBytes(spec));
    }

    @Test
    void pedalExtendedNoteHoldsThePedalFromTheStartToTheRelease() throws Exception {
        // Written 0.5 s at 120 BPM (960 ticks), sounding 1.25 s (2400 ticks).
        NoteMidiSpec spec = NoteMidiSpec.of(60, 80, 0, 0, 120, 0.5).withSoundingDuration(1.25);
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(writer.toBytes(spec)));

        List<MidiEvent> events = events(sequence.getTracks()[0]);
        ShortMessage pedalDown = (ShortMessage) events.get(2).getMessage();
        assertThat(events.get(2).getTick()).isZero();
        assertThat(pedalDown.getCommand()).isEqualTo(ShortMessage.CONTROL_CHANGE);
        assertThat(pedalDown.getData1()).isEqualTo(64);
        assertThat(pedalDown.getData2()).isGreaterThanOrEqualTo(64);
        assertThat(((ShortMessage) events.get(3).getMessage()).getCommand()).isEqualTo(ShortMessage.NOTE_ON);
        assertThat(events.get(4).getTick()).isEqualTo(960);
        assertThat(((ShortMessage) events.get(4).getMessage()).getCommand()).isEqualTo(ShortMessage.NOTE_OFF);
        ShortMessage pedalUp = (ShortMessage) events.get(5).getMessage();
        assertThat(events.get(5).getTick()).isEqualTo(2400);
        assertThat(pedalUp.getData1()).isEqualTo(64);
        assertThat(pedalUp.getData2()).isLessThan(64);

        // The pedal map of the written file agrees with the spec.
        SustainPedalMap pedals = SustainPedalMap.from(sequence);
        assertThat(pedals.soundingEndSeconds(0, 0.5)).isCloseTo(1.25, within(1e-9));
    }

    @Test
    void ticksFollowSecondsTimesBeatsPerSecondTimesPpqRounded() {
        assertThat(NoteMidiWriter.ticks(0.6, 100)).isEqualTo(960);      // one quarter at 100 BPM
        assertThat(NoteMidiWriter.ticks(1.0, 90)).isEqualTo(1440);
        assertThat(NoteMidiWriter.ticks(0.1234, 133)).isEqualTo(Math.round(0.1234 * 133 / 60 * 960)); // 263
        assertThat(NoteMidiWriter.ticks(0.0001, 60)).isEqualTo(1);      // would round to 0: a real note keeps 1 tick
        assertThat(NoteMidiWriter.microsPerQuarter(100)).isEqualTo(600_000);
        assertThat(NoteMidiWriter.microsPerQuarter(72)).isEqualTo(833_333);
    }

    @Test
    void veryShortNoteStillHasItsNoteOffAfterItsNoteOn() throws Exception {
        Sequence sequence = writer.toSequence(NoteMidiSpec.of(72, 100, 0, 40, 60, 0.0002));
        List<MidiEvent> events = events(sequence.getTracks()[0]);
        assertThat(events.get(2).getTick()).isZero();
        assertThat(events.get(3).getTick()).isEqualTo(1);
    }

    @Test
    void specRejectsValuesMidiCannotCarry() {
        assertThatThrownBy(() -> NoteMidiSpec.of(128, 80, 0, 0, 120, 1)).hasMessageContaining("midiPitch");
        assertThatThrownBy(() -> NoteMidiSpec.of(60, 0, 0, 0, 120, 1)).hasMessageContaining("velocity");
        assertThatThrownBy(() -> NoteMidiSpec.of(60, 80, 16, 0, 120, 1)).hasMessageContaining("channel");
        assertThatThrownBy(() -> NoteMidiSpec.of(60, 80, 0, 0, 0, 1)).hasMessageContaining("tempoBpm");
        assertThatThrownBy(() -> NoteMidiSpec.of(60, 80, 0, 0, 120, 1).withSoundingDuration(0.5))
                .hasMessageContaining("soundingDurationSeconds");
    }

    private static List<MidiEvent> events(Track track) {
        List<MidiEvent> events = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            events.add(track.get(i));
        }
        return events;
    }
}
