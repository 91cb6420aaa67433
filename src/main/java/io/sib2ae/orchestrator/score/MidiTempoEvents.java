package io.sib2ae.orchestrator.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

/**
 * The tempo points of a MIDI sequence, read once for everything that turns ticks into seconds:
 * note timing in coordination and the sustain pedal in rendering. Both read the same points, so
 * a tick falls on the same second in the manifest and in the audio.
 *
 * <p>Tempo meta events count wherever they are: Sibelius writes them in track 0 only, but a
 * type-1 file's tempo applies to every track. The MIDI default of 120 quarters per minute holds
 * until the first event; of several events at one tick the last in file order wins. An event
 * whose data is not three bytes, or whose tempo is zero, is not a tempo and is passed over.
 */
public final class MidiTempoEvents {

    public static final int TEMPO_META = 0x51;
    public static final long DEFAULT_MICROS_PER_QUARTER = 500_000;

    /** From {@code tick} on, a quarter note lasts {@code microsPerQuarter} microseconds. */
    public record Point(long tick, long microsPerQuarter) {
        public double quartersPerMinute() {
            return 60_000_000.0 / microsPerQuarter;
        }
    }

    private MidiTempoEvents() {
    }

    /** The tempo points in tick order, the first always at tick 0. */
    public static List<Point> of(Sequence sequence) {
        List<Point> events = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof MetaMessage meta && meta.getType() == TEMPO_META) {
                    long micros = microsPerQuarter(meta.getData());
                    if (micros > 0) {
                        events.add(new Point(event.getTick(), micros));
                    }
                }
            }
        }
        // Stable: events of one tick keep their file order, so the last one read is the one kept.
        events.sort(Comparator.comparingLong(Point::tick));
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, DEFAULT_MICROS_PER_QUARTER));
        for (Point event : events) {
            if (event.tick() == points.get(points.size() - 1).tick()) {
                points.set(points.size() - 1, event);
            } else {
                points.add(event);
            }
        }
        return List.copyOf(points);
    }

    private static long microsPerQuarter(byte[] data) {
        if (data.length != 3) {
            return 0;
        }
        return ((data[0] & 0xFFL) << 16) | ((data[1] & 0xFFL) << 8) | (data[2] & 0xFFL);
    }
}
