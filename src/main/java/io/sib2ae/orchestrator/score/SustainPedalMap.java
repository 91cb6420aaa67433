package io.sib2ae.orchestrator.score;

import io.sib2ae.orchestrator.score.MidiTempoEvents;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where the sustain pedal (CC64) is down, per MIDI channel, in seconds of the whole file, so a
 * note's sounding end can be extended to the pedal release.
 *
 * <p>CC64 at 64 or more is down, below 64 is up (the GM convention). Ticks are read through the
 * file's full {@link TempoMap}, whichever track holds it (Sibelius puts it in track 0 only). A pedal never
 * released holds until the end of the sequence.
 */
public final class SustainPedalMap {

    /** The sustain pedal's controller number (CC64). */
    public static final int SUSTAIN_PEDAL = 64;

    /** One stretch of held pedal: down at {@code downSeconds} (inclusive), up at {@code upSeconds}. */
    public record Interval(double downSeconds, double upSeconds) {
        public boolean contains(double seconds) {
            return seconds >= downSeconds && seconds < upSeconds;
        }
    }

    private final List<List<Interval>> byChannel;

    private SustainPedalMap(List<List<Interval>> byChannel) {
        this.byChannel = byChannel;
    }

    /** Reads every track's CC64 events; the tempo map is taken from all tracks together. */
    public static SustainPedalMap from(Sequence sequence) {
        TempoMap tempo = TempoMap.of(sequence);
        List<MidiEvent> pedalEvents = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof ShortMessage sm
                        && sm.getCommand() == ShortMessage.CONTROL_CHANGE
                        && sm.getData1() == SUSTAIN_PEDAL) {
                    pedalEvents.add(event);
                }
            }
        }
        // Stable sort: events of one tick keep their file order, so "up then down" stays a re-press.
        pedalEvents.sort(Comparator.comparingLong(MidiEvent::getTick));

        double endSeconds = tempo.seconds(sequence.getTickLength());
        List<List<Interval>> byChannel = new ArrayList<>();
        double[] downSince = new double[16];
        Arrays.fill(downSince, Double.NaN);
        for (int ch = 0; ch < 16; ch++) {
            byChannel.add(new ArrayList<>());
        }
        for (MidiEvent event : pedalEvents) {
            ShortMessage sm = (ShortMessage) event.getMessage();
            int ch = sm.getChannel();
            double at = tempo.seconds(event.getTick());
            boolean down = sm.getData2() >= 64;
            if (down && Double.isNaN(downSince[ch])) {
                downSince[ch] = at;
            } else if (!down && !Double.isNaN(downSince[ch])) {
                addInterval(byChannel.get(ch), downSince[ch], at);
                downSince[ch] = Double.NaN;
            }
            // A second "down" while held, or an "up" while already up, changes nothing.
        }
        for (int ch = 0; ch < 16; ch++) {
            if (!Double.isNaN(downSince[ch])) {
                addInterval(byChannel.get(ch), downSince[ch], Math.max(endSeconds, downSince[ch]));
            }
        }
        List<List<Interval>> frozen = new ArrayList<>();
        byChannel.forEach(list -> frozen.add(List.copyOf(list)));
        return new SustainPedalMap(List.copyOf(frozen));
    }

    private static void addInterval(List<Interval> list, double down, double up) {
        // A press and release in the same instant holds nothing.
        if (up > down) {
            list.add(new Interval(down, up));
        }
    }

    /** The pedal intervals of one channel, in time order. */
    public List<Interval> intervals(int channel) {
        return byChannel.get(checkChannel(channel));
    }

    /** True when the pedal of {@code channel} is down at {@code seconds}. */
    public boolean isDown(int channel, double seconds) {
        return find(channel, seconds) != null;
    }

    /**
     * When a note ending (written end, note-off) at {@code noteEndSeconds} stops sounding: the
     * pedal release if the channel's pedal is down at that instant, otherwise the note end itself.
     */
    public double soundingEndSeconds(int channel, double noteEndSeconds) {
        Interval held = find(channel, noteEndSeconds);
        return held == null ? noteEndSeconds : held.upSeconds();
    }

    private Interval find(int channel, double seconds) {
        for (Interval interval : intervals(channel)) {
            if (interval.contains(seconds)) {
                return interval;
            }
        }
        return null;
    }

    private static int checkChannel(int channel) {
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("channel must be in 0..15, was " + channel);
        }
        return channel;
    }
}
