package io.sib2ae.orchestrator.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.Sequence;

/**
 * The one tempo map of a score: piecewise-constant tempo that turns positions into seconds, for
 * the notes, the sustain pedal and the renderer alike. Built from the MusicXML's tempo marks it
 * knows quarters; built from a MIDI sequence it knows ticks too, and converts them exactly, in
 * whole ticks (SMPTE-timed sequences included, where a tick is a fixed fraction of a second).
 *
 * <p>Quarters and ticks are each converted along their own line of arithmetic, as each reading
 * was made: the two agree on every tick to well below a sample.
 */
public final class TempoMap {

    /** From {@code quarter} on, the tempo is {@code quartersPerMinute}. */
    public record Change(double quarter, double quartersPerMinute) {
    }

    private final double[] quarters;
    private final double[] bpm;
    private final double[] seconds;
    /** The sequence's tempo points in ticks, or null for a map built from quarters alone. */
    private final Ticks ticks;

    private record Ticks(long[] at, double[] secondsAt, long[] microsPerQuarter, double resolution,
                         double smpteSecondsPerTick) {
    }

    private TempoMap(List<Change> sorted, Ticks ticks) {
        int n = sorted.size();
        quarters = new double[n];
        bpm = new double[n];
        seconds = new double[n];
        for (int i = 0; i < n; i++) {
            quarters[i] = sorted.get(i).quarter();
            bpm[i] = sorted.get(i).quartersPerMinute();
            if (i > 0) {
                seconds[i] = seconds[i - 1] + (quarters[i] - quarters[i - 1]) * 60.0 / bpm[i - 1];
            }
        }
        this.ticks = ticks;
    }

    /** Builds a map over quarters; the latest change at one position wins, and 120 applies before the first. */
    public static TempoMap of(List<Change> changes) {
        return new TempoMap(merged(changes), null);
    }

    /** The map of a MIDI sequence, from its tempo events wherever they are ({@link MidiTempoEvents}). */
    public static TempoMap of(Sequence sequence) {
        int resolution = sequence.getResolution();
        if (sequence.getDivisionType() != Sequence.PPQ) {
            // SMPTE time: ticks are a fixed fraction of a second, tempo events do not apply.
            return new TempoMap(merged(List.of()), new Ticks(new long[0], new double[0], new long[0], resolution,
                    1.0 / (sequence.getDivisionType() * resolution)));
        }
        List<MidiTempoEvents.Point> points = MidiTempoEvents.of(sequence);
        int n = points.size();
        long[] at = new long[n];
        double[] secondsAt = new double[n];
        long[] micros = new long[n];
        List<Change> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            at[i] = points.get(i).tick();
            micros[i] = points.get(i).microsPerQuarter();
            secondsAt[i] = i == 0 ? 0 : secondsAt[i - 1] + span(at[i] - at[i - 1], micros[i - 1], resolution);
            changes.add(new Change(points.get(i).tick() / (double) resolution, points.get(i).quartersPerMinute()));
        }
        return new TempoMap(merged(changes), new Ticks(at, secondsAt, micros, resolution, Double.NaN));
    }

    private static List<Change> merged(List<Change> changes) {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingDouble(Change::quarter));
        List<Change> merged = new ArrayList<>();
        for (Change change : sorted) {
            if (!merged.isEmpty() && Math.abs(merged.get(merged.size() - 1).quarter() - change.quarter()) < 1e-9) {
                merged.set(merged.size() - 1, change);
            } else {
                merged.add(change);
            }
        }
        if (merged.isEmpty() || merged.get(0).quarter() > 0) {
            merged.add(0, new Change(0, merged.isEmpty() ? 120 : merged.get(0).quartersPerMinute()));
        }
        return merged;
    }

    /** Seconds from the start to the position {@code quarter}. */
    public double secondsAt(double quarter) {
        int i = indexAt(quarter);
        return seconds[i] + (quarter - quarters[i]) * 60.0 / bpm[i];
    }

    /** Seconds from the start of the sequence to {@code tick}. */
    public double seconds(long tick) {
        if (ticks == null) {
            throw new IllegalStateException("a tempo map read from MusicXML has no ticks");
        }
        if (ticks.at().length == 0) {
            return tick * ticks.smpteSecondsPerTick();
        }
        int i = tempoPointAt(tick);
        return ticks.secondsAt()[i] + span(tick - ticks.at()[i], ticks.microsPerQuarter()[i], ticks.resolution());
    }

    /**
     * Seconds from tick {@code from} to tick {@code to} ({@code from <= to}), from the tempo points
     * between them alone. A span within a note (a tremolo's stroke after its first) that moved
     * elsewhere in the sequence, a bar inserted before it, comes out the same to the last bit; the
     * difference of two absolute readings does not. That matters: at a tempo in whole microseconds
     * per quarter (705,882 for 85 bpm) a sixteenth is exactly 176,470.5 µs, on the half microsecond,
     * where rounding the difference to the microsecond went either way from one version to the next.
     */
    public double secondsBetween(long from, long to) {
        if (ticks == null) {
            throw new IllegalStateException("a tempo map read from MusicXML has no ticks");
        }
        if (ticks.at().length == 0) {
            return (to - from) * ticks.smpteSecondsPerTick();
        }
        int i = tempoPointAt(from);
        double total = 0;
        long at = from;
        while (i + 1 < ticks.at().length && ticks.at()[i + 1] < to) {
            total += span(ticks.at()[i + 1] - at, ticks.microsPerQuarter()[i], ticks.resolution());
            at = ticks.at()[i + 1];
            i++;
        }
        return total + span(to - at, ticks.microsPerQuarter()[i], ticks.resolution());
    }

    public double tempoAt(double quarter) {
        return bpm[indexAt(quarter)];
    }

    public List<Change> changes() {
        List<Change> list = new ArrayList<>(quarters.length);
        for (int i = 0; i < quarters.length; i++) {
            list.add(new Change(quarters[i], bpm[i]));
        }
        return list;
    }

    /** The index of the tempo point in force at {@code tick}: the last one at or before it. */
    private int tempoPointAt(long tick) {
        int i = Arrays.binarySearch(ticks.at(), tick);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    // Multiplying before dividing keeps whole-beat spans exact (480 ticks at 500000 us = 0.5 s).
    private static double span(long deltaTicks, long microsPerQuarter, double resolution) {
        return deltaTicks * (double) microsPerQuarter / (1_000_000.0 * resolution);
    }

    private int indexAt(double quarter) {
        int low = 0;
        int high = quarters.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (quarters[mid] <= quarter + 1e-9) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
