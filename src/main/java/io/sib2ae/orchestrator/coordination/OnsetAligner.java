package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.MidiNote;
import io.sib2ae.orchestrator.score.MidiPerformance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Aligns the notation's onsets with the MIDI file's by dynamic programming over onset groups
 * (all notes that start together), maximising the pitches they share while keeping both in
 * order. Insertions and deletions on either side (extra bars, missing bars, a repeat played
 * once more) cost nothing, so the alignment follows the music rather than a fixed offset.
 */
final class OnsetAligner {

    private static final int GRID = 96;
    /** General MIDI's percussion channel, counted from 0. */
    private static final int PERCUSSION_CHANNEL = 9;
    /** An aligned pair counts as exact when at least this share of the notation's pitches is present. */
    private static final double SOLID_OVERLAP = 0.5;

    private final long maxCells;

    OnsetAligner(long maxCells) {
        this.maxCells = maxCells;
    }

    private record Group(double quarter, List<Integer> pitches) {
    }

    NoteMatcher.Result match(List<NoteMatcher.Expected> expected, MidiPerformance midi) {
        TreeMap<Long, List<NoteMatcher.Expected>> xmlByOnset = new TreeMap<>();
        for (NoteMatcher.Expected e : expected) {
            if (!e.note().grace()) {
                xmlByOnset.computeIfAbsent(Math.round(e.quarter() * GRID), k -> new ArrayList<>()).add(e);
            }
        }
        TreeMap<Long, List<MidiNote>> midiByOnset = new TreeMap<>();
        for (MidiNote note : midi.notes()) {
            midiByOnset.computeIfAbsent(Math.round(note.startQuarter() * GRID), k -> new ArrayList<>()).add(note);
        }
        List<List<NoteMatcher.Expected>> xs = new ArrayList<>(xmlByOnset.values());
        List<List<MidiNote>> ms = new ArrayList<>(midiByOnset.values());
        int[] pairedWith = align(xs, ms);

        // Lanes go to the part they agree with most often across the aligned pairs.
        Map<Long, Map<Integer, Integer>> votes = new HashMap<>();
        for (int i = 0; i < xs.size(); i++) {
            if (pairedWith[i] < 0) {
                continue;
            }
            for (NoteMatcher.Expected e : xs.get(i)) {
                for (MidiNote m : ms.get(pairedWith[i])) {
                    if (m.pitch() == e.pitch()) {
                        votes.computeIfAbsent(m.lane(), k -> new HashMap<>()).merge(e.note().partIndex(), 1, Integer::sum);
                    }
                }
            }
        }
        Map<Long, Integer> laneToPart = new HashMap<>();
        votes.forEach((lane, byPart) -> byPart.entrySet().stream().max(Map.Entry.comparingByValue())
                .ifPresent(best -> laneToPart.put(lane, best.getKey())));

        Map<NoteMatcher.Expected, NoteMatcher.Match> found = new HashMap<>();
        Set<MidiNote> used = new HashSet<>();
        List<Double> anchorsXml = new ArrayList<>();
        List<Double> anchorsMidi = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (pairedWith[i] < 0) {
                continue;
            }
            List<MidiNote> group = ms.get(pairedWith[i]);
            List<NoteMatcher.Expected> wanted = xs.get(i);
            int shared = overlap(pitchesOf(wanted), pitchCounts(group));
            boolean solid = shared >= Math.max(1, Math.ceil(SOLID_OVERLAP * wanted.size()));
            if (solid) {
                anchorsXml.add(wanted.get(0).quarter());
                anchorsMidi.add(group.get(0).startQuarter());
            }
            for (NoteMatcher.Expected e : wanted) {
                MidiNote best = null;
                for (MidiNote m : group) {
                    if (m.pitch() != e.pitch() || used.contains(m)) {
                        continue;
                    }
                    boolean ownLane = Integer.valueOf(e.note().partIndex()).equals(laneToPart.get(m.lane()));
                    if (best == null || ownLane) {
                        best = m;
                        if (ownLane) {
                            break;
                        }
                    }
                }
                if (best != null) {
                    used.add(best);
                    boolean ownLane = Integer.valueOf(e.note().partIndex()).equals(laneToPart.get(best.lane()));
                    found.put(e, new NoteMatcher.Match(e, best, solid && ownLane ? 1.0 : 0.8,
                            ownLane ? "aligned_onset_pitch" : "aligned_other_lane"));
                }
            }
        }
        QuarterMapping mapping = QuarterMapping.anchors(toArray(anchorsXml), toArray(anchorsMidi));
        // Grace notes and anything left: look near where the mapping puts them.
        Map<Integer, List<MidiNote>> byPitch = new HashMap<>();
        List<MidiNote> percussion = new ArrayList<>();
        for (MidiNote m : midi.notes()) {
            byPitch.computeIfAbsent(m.pitch(), k -> new ArrayList<>()).add(m);
            if (m.channel() == PERCUSSION_CHANNEL) {
                percussion.add(m);
            }
        }
        for (NoteMatcher.Expected e : expected) {
            if (found.containsKey(e)) {
                continue;
            }
            double at = mapping.toMidi(e.quarter());
            double from = e.note().grace() ? NoteMatcher.GRACE_EARLIEST : -NoteMatcher.EXACT_TOLERANCE;
            double to = e.note().grace() ? NoteMatcher.GRACE_LATEST : NoteMatcher.EXACT_TOLERANCE;
            MidiNote best = null;
            for (MidiNote m : byPitch.getOrDefault(e.pitch(), List.of())) {
                double d = m.startQuarter() - at;
                if (d >= from && d <= to && !used.contains(m) && (best == null || Math.abs(d) < Math.abs(best.startQuarter() - at))) {
                    best = m;
                }
            }
            String method = e.note().grace() ? "grace_window" : "aligned_onset_pitch";
            if (best == null && e.note().unpitched()) {
                // A drum is a stroke on the percussion channel, whatever key the MIDI file gives it.
                for (MidiNote m : percussion) {
                    double d = m.startQuarter() - at;
                    if (d >= from && d <= to && !used.contains(m) && (best == null || Math.abs(d) < Math.abs(best.startQuarter() - at))) {
                        best = m;
                    }
                }
                method = "percussion_onset";
            }
            if (best != null) {
                used.add(best);
                found.put(e, new NoteMatcher.Match(e, best, 1.0, method));
            }
        }
        List<NoteMatcher.Match> matches = new ArrayList<>(expected.size());
        for (NoteMatcher.Expected e : expected) {
            matches.add(found.getOrDefault(e, new NoteMatcher.Match(e, null, 0.0, "unmatched")));
        }
        return new NoteMatcher.Result(matches, mapping, laneToPart);
    }

    /** For each notation group, the MIDI group it aligns with, or -1. */
    private int[] align(List<List<NoteMatcher.Expected>> xs, List<List<MidiNote>> ms) {
        int n = xs.size();
        int m = ms.size();
        int[] result = new int[n];
        java.util.Arrays.fill(result, -1);
        if (n == 0 || m == 0) {
            return result;
        }
        // A band around the proportional diagonal keeps very long scores within memory.
        int band = (long) n * m <= maxCells ? m : (int) Math.max(64, maxCells / n / 2);
        // Pitch counts per MIDI group, built once: the table below compares every pair of groups.
        int[][] midiCounts = new int[m][];
        for (int j = 0; j < m; j++) {
            midiCounts[j] = pitchCounts(ms.get(j));
        }
        List<List<Integer>> xPitches = new ArrayList<>(n);
        for (List<NoteMatcher.Expected> group : xs) {
            xPitches.add(pitchesOf(group));
        }
        int[][] score = new int[n + 1][];
        byte[][] move = new byte[n + 1][];
        int[] lo = new int[n + 1];
        int[] hi = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            int centre = (int) ((long) i * m / n);
            lo[i] = i == 0 ? 0 : Math.max(0, centre - band);
            hi[i] = i == 0 ? m : Math.min(m, centre + band);
            score[i] = new int[hi[i] - lo[i] + 1];
            move[i] = new byte[hi[i] - lo[i] + 1];
        }
        for (int i = 1; i <= n; i++) {
            for (int j = lo[i]; j <= hi[i]; j++) {
                int best = cell(score, lo, hi, i - 1, j);
                byte how = 1; // skip a notation group
                if (j > lo[i]) {
                    int left = score[i][j - 1 - lo[i]];
                    if (left > best) {
                        best = left;
                        how = 2; // skip a MIDI group
                    }
                }
                if (j > 0) {
                    int diagonal = cell(score, lo, hi, i - 1, j - 1);
                    if (diagonal >= 0) {
                        int shared = overlap(xPitches.get(i - 1), midiCounts[j - 1]);
                        if (shared > 0 && diagonal + shared > best) {
                            best = diagonal + shared;
                            how = 3;
                        }
                    }
                }
                score[i][j - lo[i]] = Math.max(best, 0);
                move[i][j - lo[i]] = how;
            }
        }
        int i = n;
        int j = hi[n];
        while (i > 0 && j >= lo[i]) {
            byte how = move[i][j - lo[i]];
            if (how == 3) {
                result[i - 1] = j - 1;
                i--;
                j--;
            } else if (how == 2) {
                j--;
            } else {
                i--;
                j = Math.min(j, hi[i]);
            }
        }
        return result;
    }

    private static int cell(int[][] score, int[] lo, int[] hi, int i, int j) {
        if (j < lo[i] || j > hi[i]) {
            return i == 0 ? 0 : -1;
        }
        return score[i][j - lo[i]];
    }

    private static List<Integer> pitchesOf(List<NoteMatcher.Expected> group) {
        List<Integer> pitches = new ArrayList<>(group.size());
        for (NoteMatcher.Expected e : group) {
            pitches.add(e.pitch());
        }
        pitches.sort(Comparator.naturalOrder());
        return pitches;
    }

    private static int[] pitchCounts(List<MidiNote> group) {
        int[] counts = new int[128];
        for (MidiNote note : group) {
            counts[note.pitch()]++;
        }
        return counts;
    }

    /** Shared pitches, counting repeats, of a sorted pitch list and a group's pitch counts. */
    private static int overlap(List<Integer> sortedWanted, int[] counts) {
        int shared = 0;
        int i = 0;
        while (i < sortedWanted.size()) {
            int pitch = sortedWanted.get(i);
            int run = 0;
            while (i < sortedWanted.size() && sortedWanted.get(i) == pitch) {
                run++;
                i++;
            }
            shared += Math.min(run, counts[pitch]);
        }
        return shared;
    }

    private static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
