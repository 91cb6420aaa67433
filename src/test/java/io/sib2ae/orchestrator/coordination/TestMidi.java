package io.sib2ae.orchestrator.coordination;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** Builds small type-1 Standard MIDI Files in memory, with the tempo map in track 0 as Sibelius writes it. */
public final class TestMidi {

    private final Sequence sequence;

    public TestMidi(int ppq) {
        try {
            sequence = new Sequence(Sequence.PPQ, ppq);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
        sequence.createTrack();
    }

    private Track track(int index) {
        while (sequence.getTracks().length <= index) {
            sequence.createTrack();
        }
        return sequence.getTracks()[index];
    }

    public TestMidi tempo(long tick, double quartersPerMinute) {
        return tempo(0, tick, quartersPerMinute);
    }

    public TestMidi tempo(int track, long tick, double quartersPerMinute) {
        int micros = (int) Math.round(60_000_000 / quartersPerMinute);
        return tempoBytes(track, tick, new byte[] {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros});
    }

    /** A tempo meta event with whatever data it is given, well-formed or not. */
    public TestMidi tempoBytes(int track, long tick, byte[] data) {
        try {
            track(track).add(new MidiEvent(new MetaMessage(0x51, data, data.length), tick));
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public TestMidi program(int track, int channel, long tick, int program) {
        return add(track, tick, ShortMessage.PROGRAM_CHANGE, channel, program, 0);
    }

    /** A note with a NOTE_OFF release. */
    public TestMidi note(int track, int channel, int pitch, int velocity, long startTick, long endTick) {
        add(track, startTick, ShortMessage.NOTE_ON, channel, pitch, velocity);
        return add(track, endTick, ShortMessage.NOTE_OFF, channel, pitch, 0);
    }

    /** A note released by a NOTE_ON with velocity 0, as many sequencers write it. */
    public TestMidi noteReleasedByZeroVelocity(int track, int channel, int pitch, int velocity, long startTick, long endTick) {
        add(track, startTick, ShortMessage.NOTE_ON, channel, pitch, velocity);
        return add(track, endTick, ShortMessage.NOTE_ON, channel, pitch, 0);
    }

    private TestMidi add(int track, long tick, int command, int channel, int data1, int data2) {
        try {
            track(track).add(new MidiEvent(new ShortMessage(command, channel, data1, data2), tick));
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MidiSystem.write(sequence, 1, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
