package io.sib2ae.orchestrator.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Piecewise-constant tempo over a timeline in quarter notes, converting positions to seconds. */
public final class TempoMap {

    /** From {@code quarter} on, the tempo is {@code quartersPerMinute}. */
    public record Change(double quarter, double quartersPerMinute) {
    }

    private final double[] quarters;
    private final double[] bpm;
    private final double[] seconds;

    private TempoMap(List<Change> sorted) {
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
    }

    /** Builds a map; the latest change at one position wins, and 120 applies before the first. */
    public static TempoMap of(List<Change> changes) {
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
        return new TempoMap(merged);
    }

    public double secondsAt(double quarter) {
        int i = indexAt(quarter);
        return seconds[i] + (quarter - quarters[i]) * 60.0 / bpm[i];
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
