package io.sib2ae.orchestrator.rendering;

import io.sib2ae.orchestrator.score.SustainPedalMap;

import io.sib2ae.orchestrator.score.MidiTempoEvents;
import io.sib2ae.orchestrator.manifest.AtomicFiles;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Turns one {@link NoteMidiSpec} into a self-contained type-0 standard MIDI file (ppq 960) whose
 * note starts at tick 0, so each note can be rendered and inspected on its own.
 *
 * <p>A pedal-extended note is written as the performance was: sustain pedal (CC64) down at tick 0,
 * note-off at the written end, pedal up at the release. Synthesizers (Gervill, FluidSynth) then
 * sustain the note exactly as they would in the full score, including the natural decay of
 * instruments such as the piano, which simply lengthening the note-off would not give.
 */
public final class NoteMidiWriter {

    /** Ticks per quarter note of every file written here (the same as Sibelius exports). */
    public static final int PPQ = 960;


    /** Builds the in-memory sequence for one note. */
    public Sequence toSequence(NoteMidiSpec spec) {
        long noteOffTick = ticks(spec.durationSeconds(), spec.tempoBpm());
        long soundingTick = Math.max(noteOffTick, ticks(spec.soundingDurationSeconds(), spec.tempoBpm()));
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, PPQ);
            Track track = sequence.createTrack();
            int ch = spec.channel();
            // Track.add keeps insertion order among events of one tick: tempo, program, pedal, note.
            track.add(new MidiEvent(tempoMessage(spec.tempoBpm()), 0));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, ch, spec.program(), 0), 0));
            boolean pedal = soundingTick > noteOffTick;
            if (pedal) {
                track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, SustainPedalMap.SUSTAIN_PEDAL, 127), 0));
            }
            if (spec.strokes().isEmpty()) {
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, ch, spec.midiPitch(), spec.velocity()), 0));
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, ch, spec.midiPitch(), 0), noteOffTick));
            } else {
                // A tremolo: one notehead, its strokes as the notes it sounds, each ended before the next begins.
                for (NoteMidiSpec.Stroke stroke : spec.strokes()) {
                    long on = ticks(stroke.offsetSeconds(), spec.tempoBpm());
                    long off = Math.min(noteOffTick, Math.max(on + 1, on + ticks(stroke.durationSeconds(), spec.tempoBpm())));
                    if (on >= noteOffTick) {
                        break;
                    }
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, ch, spec.midiPitch(), stroke.velocity()), on));
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, ch, spec.midiPitch(), 0), off));
                }
            }
            if (pedal) {
                track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, SustainPedalMap.SUSTAIN_PEDAL, 0), soundingTick));
            }
            // The end-of-track event Track keeps follows the last event, so the sequence length is the sounding end.
            return sequence;
        } catch (InvalidMidiDataException e) {
            // Only reachable if NoteMidiSpec's range checks were bypassed.
            throw new IllegalArgumentException("Cannot express " + spec + " in MIDI: " + e.getMessage(), e);
        }
    }

    /** The standard MIDI file bytes (type 0) for one note. */
    public byte[] toBytes(NoteMidiSpec spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try {
            MidiSystem.write(toSequence(spec), 0, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the note's MIDI file atomically and returns the path. */
    public Path write(NoteMidiSpec spec, Path target) {
        AtomicFiles.write(target, toBytes(spec));
        return target;
    }

    /**
     * Ticks for a span of seconds at a tempo: seconds x (bpm / 60) x ppq, rounded to the nearest
     * tick, and never 0 for a real duration so a note-on is never cancelled by its own note-off.
     */
    public static long ticks(double seconds, double tempoBpm) {
        if (seconds <= 0) {
            return 0;
        }
        return Math.max(1, Math.round(seconds * (tempoBpm / 60.0) * PPQ));
    }

    /** Microseconds per quarter note as stored in a tempo meta event (24-bit, rounded). */
    public static int microsPerQuarter(double tempoBpm) {
        long micros = Math.round(60_000_000.0 / tempoBpm);
        if (micros < 1 || micros > 0xFFFFFF) {
            throw new IllegalArgumentException("Tempo " + tempoBpm + " BPM cannot be stored in a MIDI tempo event");
        }
        return (int) micros;
    }

    private static MidiMessage tempoMessage(double tempoBpm) throws InvalidMidiDataException {
        int micros = microsPerQuarter(tempoBpm);
        byte[] data = {(byte) (micros >>> 16), (byte) (micros >>> 8), (byte) micros};
        return new MetaMessage(MidiTempoEvents.TEMPO_META, data, data.length);
    }
}
