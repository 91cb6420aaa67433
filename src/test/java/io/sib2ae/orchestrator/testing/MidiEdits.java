package io.sib2ae.orchestrator.testing;

import io.sib2ae.orchestrator.score.MidiNote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * A MIDI file being edited as a notation program would re-export it (with javax.sound.midi): a
 * note's key or velocity changed or the note dropped, the tempo changed, time inserted. Notes
 * are found by the {@link MidiNote}s the service's own MIDI reader gave for the original file.
 */
final class MidiEdits {

    private static final int SET_TEMPO = 0x51;

    private final Path original;
    private final Sequence sequence;

    private MidiEdits(Path original, Sequence sequence) {
        this.original = original;
        this.sequence = sequence;
    }

    /** A fresh copy of the file's sequence to edit. */
    static MidiEdits read(Path midi) {
        try {
            return new MidiEdits(midi, MidiSystem.getSequence(midi.toFile()));
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("cannot read " + midi, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int resolution() {
        return sequence.getResolution();
    }

    /** Writes the edited sequence as a file of the original's type. */
    void write(Path target) {
        try {
            MidiSystem.write(sequence, MidiSystem.getMidiFileFormat(original.toFile()).getType(), target.toFile());
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The note-on of a sounded note and the note-off that ends it. */
    Note note(MidiNote played) {
        Track track = sequence.getTracks()[played.track()];
        MidiEvent on = null;
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            if (!(event.getMessage() instanceof ShortMessage s) || s.getChannel() != played.channel() || s.getData1() != played.pitch()) {
                continue;
            }
            boolean isOn = s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0;
            if (on == null && isOn && event.getTick() == played.startTick()) {
                on = event;
            } else if (on != null && isNoteOff(event) && event.getTick() >= played.startTick()) {
                return new Note(track, on, event);
            }
        }
        throw new IllegalStateException("no MIDI note-on/off pair for key " + played.pitch() + " at tick " + played.startTick());
    }

    /** One note's events in the sequence. */
    record Note(Track track, MidiEvent on, MidiEvent off) {

        void transpose(int semitones) {
            set(on, ((ShortMessage) on.getMessage()).getData1() + semitones, ((ShortMessage) on.getMessage()).getData2());
            set(off, ((ShortMessage) off.getMessage()).getData1() + semitones, ((ShortMessage) off.getMessage()).getData2());
        }

        void strike(int velocity) {
            set(on, ((ShortMessage) on.getMessage()).getData1(), velocity);
        }

        void remove() {
            track.remove(on);
            track.remove(off);
        }

        private static void set(MidiEvent event, int key, int velocity) {
            ShortMessage message = (ShortMessage) event.getMessage();
            try {
                message.setMessage(message.getCommand(), message.getChannel(), key, velocity);
            } catch (InvalidMidiDataException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Every tempo event {@code factor} times faster.
     *
     * @return the first tempo before the change, in quarters per minute; 120 when the file sets none
     */
    double speedUp(double factor) {
        double first = 0;
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getMessage() instanceof MetaMessage meta && meta.getType() == SET_TEMPO) {
                    byte[] data = meta.getData();
                    int microsPerQuarter = ((data[0] & 0xff) << 16) | ((data[1] & 0xff) << 8) | (data[2] & 0xff);
                    first = first == 0 ? 60_000_000.0 / microsPerQuarter : first;
                    int faster = (int) Math.round(microsPerQuarter / factor);
                    byte[] tempo = {(byte) (faster >> 16), (byte) (faster >> 8), (byte) faster};
                    try {
                        meta.setMessage(SET_TEMPO, tempo, tempo.length);
                    } catch (InvalidMidiDataException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return first == 0 ? 120 : first;
    }

    /**
     * Time inserted before the music: every note, and every event after the start, moves on by
     * {@code ticks}; what is set before the music starts (tempo, programs, names) stays at zero.
     */
    void delayMusic(long ticks) {
        shift(ticks, event -> event.getMessage() instanceof ShortMessage s
                && (s.getCommand() == ShortMessage.NOTE_ON || s.getCommand() == ShortMessage.NOTE_OFF) || event.getTick() > 0);
    }

    /**
     * Time inserted at {@code from}: every event from there on moves by {@code ticks}, except the
     * note-offs at {@code from} itself, which end notes that started before.
     */
    void insertTime(long from, long ticks) {
        shift(ticks, event -> event.getTick() > from || event.getTick() == from && !isNoteOff(event));
    }

    private void shift(long ticks, Predicate<MidiEvent> moves) {
        for (Track track : sequence.getTracks()) {
            List<MidiEvent> moved = new ArrayList<>();
            for (int i = 0; i < track.size(); i++) {
                if (moves.test(track.get(i))) {
                    moved.add(track.get(i));
                }
            }
            for (MidiEvent event : moved) {
                // A track keeps its events sorted by tick: take each out and put it back later.
                track.remove(event);
                event.setTick(event.getTick() + ticks);
            }
            moved.forEach(track::add);
        }
    }

    private static boolean isNoteOff(MidiEvent event) {
        return event.getMessage() instanceof ShortMessage s
                && (s.getCommand() == ShortMessage.NOTE_OFF || s.getCommand() == ShortMessage.NOTE_ON && s.getData2() == 0);
    }
}
