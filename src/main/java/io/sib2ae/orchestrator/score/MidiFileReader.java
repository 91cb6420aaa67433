package io.sib2ae.orchestrator.score;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Reads a Standard MIDI File with {@code javax.sound.midi}: the full tempo map from every
 * track, all tracks and channels, program changes, and note-on with velocity 0 as note-off.
 * The header is checked first so that a hostile file cannot make the JDK parser allocate
 * without bound.
 */
public final class MidiFileReader {

    private static final int TRACK_NAME_META = 0x03;

    private final int maxTracks;
    private final double maxSeconds;

    public MidiFileReader(int maxTracks, double maxSeconds) {
        this.maxTracks = maxTracks;
        this.maxSeconds = maxSeconds;
    }

    public MidiPerformance read(byte[] bytes, String fileName) {
        checkHeader(bytes, fileName);
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException | IOException e) {
            throw new ScoreInputException("Not a readable MIDI file (truncated or corrupt): " + e.getMessage(), fileName);
        } catch (RuntimeException e) {
            throw new ScoreInputException("Not a readable MIDI file: " + e, fileName);
        }
        if (sequence.getDivisionType() != Sequence.PPQ) {
            throw new ScoreInputException("SMPTE-timed MIDI files are not supported; export with PPQ timing", fileName);
        }
        int resolution = sequence.getResolution();
        TempoMap tempoMap = TempoMap.of(sequence);
        double lastSeconds = tempoMap.secondsAt(sequence.getTickLength() / (double) resolution);
        if (lastSeconds > maxSeconds) {
            throw new ScoreInputException(String.format("The MIDI file lasts %.0f s, over the limit of %.0f s "
                    + "(sib2ae.limits.max-midi-seconds)", lastSeconds, maxSeconds), fileName);
        }
        List<MidiNote> notes = new ArrayList<>();
        Map<Long, String> laneNames = new HashMap<>();
        Track[] tracks = sequence.getTracks();
        for (int t = 0; t < tracks.length; t++) {
            readTrack(t, tracks[t], resolution, tempoMap, notes, laneNames);
        }
        notes.sort(Comparator.comparingLong(MidiNote::startTick).thenComparingInt(MidiNote::track)
                .thenComparingInt(MidiNote::pitch));
        return new MidiPerformance(resolution, tempoMap, List.copyOf(notes), Map.copyOf(laneNames), sequence,
                SustainPedalMap.from(sequence));
    }

    private void checkHeader(byte[] bytes, String fileName) {
        if (bytes.length == 0) {
            throw new ScoreInputException("The MIDI file is empty (0 bytes)", fileName);
        }
        if (bytes.length < 14 || bytes[0] != 'M' || bytes[1] != 'T' || bytes[2] != 'h' || bytes[3] != 'd') {
            throw new ScoreInputException("Not a Standard MIDI File: it does not start with an MThd header", fileName);
        }
        int tracks = ((bytes[10] & 0xff) << 8) | (bytes[11] & 0xff);
        if (tracks > maxTracks) {
            throw new ScoreInputException("The MIDI header declares " + tracks + " tracks, over the limit of "
                    + maxTracks + " (sib2ae.limits.max-midi-tracks)", fileName);
        }
        checkChunks(bytes, tracks, fileName);
    }

    /**
     * The JDK's parser quietly accepts a file cut short, so the chunk structure is checked
     * first: every declared track must be present and whole.
     */
    private static void checkChunks(byte[] bytes, int declaredTracks, String fileName) {
        long offset = 8 + readLength(bytes, 4);
        int found = 0;
        while (offset + 8 <= bytes.length) {
            long length = readLength(bytes, (int) offset + 4);
            boolean track = bytes[(int) offset] == 'M' && bytes[(int) offset + 1] == 'T'
                    && bytes[(int) offset + 2] == 'r' && bytes[(int) offset + 3] == 'k';
            if (offset + 8 + length > bytes.length) {
                throw new ScoreInputException("The MIDI file is truncated: chunk " + (found + 1) + " declares " + length
                        + " bytes but only " + (bytes.length - offset - 8) + " remain", fileName);
            }
            found += track ? 1 : 0;
            offset += 8 + length;
        }
        if (found < declaredTracks) {
            throw new ScoreInputException("The MIDI file is truncated: the header declares " + declaredTracks
                    + " tracks but the file holds " + found, fileName);
        }
        if (found > declaredTracks) {
            // The header's count is 16 bits: 65,536 tracks wrap round to 0 and would pass every limit.
            throw new ScoreInputException("The MIDI header declares " + declaredTracks + " tracks but the file holds "
                    + found + " track chunks", fileName);
        }
    }

    private static long readLength(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }

    private static void readTrack(int trackIndex, Track track, int resolution, TempoMap tempoMap,
                                  List<MidiNote> notes, Map<Long, String> laneNames) {
        int[] program = new int[16];
        Map<Integer, Deque<long[]>> sounding = new HashMap<>();
        String trackName = null;
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            if (event.getMessage() instanceof MetaMessage meta && meta.getType() == TRACK_NAME_META && trackName == null) {
                // Sibelius writes track names in the system code page, not UTF-8.
                trackName = new String(meta.getData(), StandardCharsets.ISO_8859_1).trim();
            }
            if (!(event.getMessage() instanceof ShortMessage message)) {
                continue;
            }
            int channel = message.getChannel();
            int command = message.getCommand();
            long tick = event.getTick();
            if (command == ShortMessage.PROGRAM_CHANGE) {
                program[channel] = message.getData1();
            } else if (command == ShortMessage.NOTE_ON && message.getData2() > 0) {
                int key = channel << 7 | message.getData1();
                sounding.computeIfAbsent(key, k -> new ArrayDeque<>())
                        .addLast(new long[] {tick, message.getData2(), program[channel]});
            } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
                int key = channel << 7 | message.getData1();
                Deque<long[]> open = sounding.get(key);
                if (open != null && !open.isEmpty()) {
                    long[] on = open.pollFirst();
                    notes.add(note(trackIndex, channel, message.getData1(), on, tick, resolution, tempoMap));
                }
            }
        }
        // A note never released sounds to the end of its track.
        long end = track.ticks();
        sounding.forEach((key, open) -> open.forEach(on ->
                notes.add(note(trackIndex, key >> 7, key & 0x7f, on, Math.max(end, on[0] + 1), resolution, tempoMap))));
        if (trackName != null && !trackName.isEmpty()) {
            for (int channel = 0; channel < 16; channel++) {
                laneNames.put(((long) trackIndex << 4) | channel, trackName);
            }
        }
    }

    private static MidiNote note(int track, int channel, int pitch, long[] on, long offTick, int resolution, TempoMap tempoMap) {
        double startQuarter = on[0] / (double) resolution;
        double endQuarter = offTick / (double) resolution;
        return new MidiNote(track, channel, pitch, (int) on[1], (int) on[2], on[0], offTick, startQuarter, endQuarter,
                tempoMap.secondsAt(startQuarter), tempoMap.secondsAt(endQuarter));
    }
}
