package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.MidiNote;
import io.sib2ae.orchestrator.score.MidiPerformance;
import io.sib2ae.orchestrator.score.NotatedNote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs every expected sounding of a notated note with the MIDI note that plays it, by part
 * (MIDI lanes are assigned to parts by how well they agree), onset in quarter notes and
 * sounding pitch. Pitches are compared as MIDI numbers, so enharmonic spellings agree and
 * nothing is paired by name. A sounding with no partner is reported, never guessed.
 */
public final class NoteMatcher {

    /** Onsets within this many quarters count as the same position (tick rounding). */
    static final double EXACT_TOLERANCE = 0.02;
    /** A looser window for sloppy MIDI; such pairs get a confidence below 1. */
    static final double LOOSE_TOLERANCE = 0.26;
    /** Grace notes are played before the beat, stealing time from the previous note. */
    static final double GRACE_EARLIEST = -1.0;
    static final double GRACE_LATEST = 0.26;
    private static final int GRID = 96;
    /** General MIDI's percussion channel, counted from 0. */
    private static final int PERCUSSION_CHANNEL = 9;

    /**
     * One sounding the MusicXML promises: a note at one of its performed onsets.
     *
     * @param pitch the MIDI key it sounds: its pitch, or for a drum its drum key
     * @param shift quarters the playing conventions move it from its written onset: a grace note's
     *              place, how late a principal starts after grace notes on its beat, or where the second
     *              note of a two-note tremolo is first heard
     */
    public record Expected(NotatedNote note, int performanceIndex, double quarter, int pitch, double shift) {
    }

    /** How one expected sounding was matched. */
    public record Match(Expected expected, MidiNote midi, double confidence, String method) {
    }

    /** The matching of a whole score. */
    public record Result(List<Match> matches, QuarterMapping mapping, Map<Long, Integer> laneToPart) {
    }

    /** The share of exact matches under which the offset model is judged wrong for this file. */
    private static final double GOOD_ENOUGH = 0.99;
    /** Cells of the alignment table we allow before narrowing it to a band around the diagonal. */
    private static final long MAX_ALIGNMENT_CELLS = 40_000_000L;

    public Result match(List<Expected> expected, MidiPerformance midi) {
        Result byOffset = matchByOffset(expected, midi);
        long exact = byOffset.matches().stream().filter(m -> m.confidence() >= 1.0).count();
        if (expected.isEmpty() || exact >= GOOD_ENOUGH * expected.size()) {
            return byOffset;
        }
        // The MIDI's timeline is not the notation's shifted (an inserted cadenza, a held fermata
        // written as extra bars, a repeat played differently): align the two onset sequences instead.
        Result byAlignment = new OnsetAligner(MAX_ALIGNMENT_CELLS).match(expected, midi);
        long aligned = byAlignment.matches().stream().filter(m -> m.confidence() >= 1.0).count();
        return aligned > exact ? byAlignment : byOffset;
    }

    private Result matchByOffset(List<Expected> expected, MidiPerformance midi) {
        List<MidiNote> midiNotes = midi.notes();
        double offset = estimateOffset(expected, midiNotes);
        Map<Long, Integer> laneToPart = assignLanes(expected, midiNotes, offset);

        Map<Integer, Map<Integer, List<MidiNote>>> byPartAndPitch = new HashMap<>();
        Map<Integer, List<MidiNote>> allByPitch = new HashMap<>();
        List<MidiNote> percussion = new ArrayList<>();
        for (MidiNote note : midiNotes) {
            if ((note.lane() & 0xf) == PERCUSSION_CHANNEL) {
                percussion.add(note);
            }
            allByPitch.computeIfAbsent(note.pitch(), k -> new ArrayList<>()).add(note);
            Integer part = laneToPart.get(note.lane());
            if (part != null) {
                byPartAndPitch.computeIfAbsent(part, k -> new HashMap<>())
                        .computeIfAbsent(note.pitch(), k -> new ArrayList<>()).add(note);
            }
        }
        // Several lanes make one pool: sorted by onset, as nearest() needs.
        percussion.sort(Comparator.comparingDouble(MidiNote::startQuarter));
        List<Expected> ordered = new ArrayList<>(expected);
        ordered.sort(Comparator.comparingDouble(Expected::quarter).thenComparingInt(e -> e.note().documentIndex()));

        Set<MidiNote> used = new HashSet<>();
        Map<Expected, Match> found = new HashMap<>();
        // Pass 1: exact position in the part's own lanes; this settles almost every note.
        for (Expected e : ordered) {
            if (!e.note().grace()) {
                MidiNote hit = nearest(lanePool(byPartAndPitch, e), e.quarter() + offset, -EXACT_TOLERANCE, EXACT_TOLERANCE, used);
                if (hit != null) {
                    used.add(hit);
                    found.put(e, new Match(e, hit, 1.0, "part_onset_pitch"));
                }
            }
        }
        // Pass 2: grace notes in their window, then unisons that share one MIDI note, then looser timing.
        for (Expected e : ordered) {
            if (found.containsKey(e)) {
                continue;
            }
            List<MidiNote> pool = lanePool(byPartAndPitch, e);
            double at = e.quarter() + offset;
            MidiNote hit;
            if (e.note().grace()) {
                // A long group on the beat reaches further than a sixteenth past it.
                hit = nearest(pool, at, GRACE_EARLIEST, GRACE_LATEST + Math.max(0, e.shift()), used);
                if (hit != null) {
                    used.add(hit);
                    found.put(e, new Match(e, hit, 1.0, "grace_window"));
                }
                continue;
            }
            hit = nearest(pool, at, -EXACT_TOLERANCE, EXACT_TOLERANCE, null);
            if (hit != null) {
                found.put(e, new Match(e, hit, 1.0, "unison_shared"));
                continue;
            }
            if (Math.abs(e.shift()) > EXACT_TOLERANCE) {
                // Played where the convention plays it: a principal after grace notes taken on the beat,
                // the second note of a two-note tremolo one stroke after the first.
                hit = nearest(pool, at + e.shift(), -EXACT_TOLERANCE, EXACT_TOLERANCE, used);
                if (hit != null) {
                    used.add(hit);
                    found.put(e, new Match(e, hit, 1.0, e.note().marks().tremolo() != null ? "tremolo_first_stroke"
                            : "principal_after_grace"));
                    continue;
                }
            }
            hit = nearest(pool, at, -LOOSE_TOLERANCE, LOOSE_TOLERANCE, used);
            if (hit != null) {
                used.add(hit);
                double miss = Math.abs(hit.startQuarter() - at);
                found.put(e, new Match(e, hit, Math.max(0.5, 0.9 - miss), "part_loose_onset"));
                continue;
            }
            hit = nearest(allByPitch.getOrDefault(e.pitch(), List.of()), at, -EXACT_TOLERANCE, EXACT_TOLERANCE, used);
            if (hit != null) {
                used.add(hit);
                found.put(e, new Match(e, hit, 0.8, "other_lane_onset"));
                continue;
            }
            if (e.note().unpitched()) {
                // MIDI files disagree on drum keys (some engravers write every drum as key 0): a drum is
                // a stroke on the percussion channel at its onset, whatever key that stroke names.
                hit = nearest(percussion, at, -EXACT_TOLERANCE, EXACT_TOLERANCE, used);
                if (hit != null) {
                    used.add(hit);
                    found.put(e, new Match(e, hit, 1.0, "percussion_onset"));
                }
            }
        }
        List<Match> matches = new ArrayList<>(expected.size());
        for (Expected e : expected) {
            matches.add(found.getOrDefault(e, new Match(e, null, 0.0, "unmatched")));
        }
        return new Result(matches, QuarterMapping.shift(offset), laneToPart);
    }

    private static List<MidiNote> lanePool(Map<Integer, Map<Integer, List<MidiNote>>> byPartAndPitch, Expected e) {
        return byPartAndPitch.getOrDefault(e.note().partIndex(), Map.of()).getOrDefault(e.pitch(), List.of());
    }

    /** The unused note nearest to {@code at} within [at+from, at+to]; pools are sorted by onset. */
    private static MidiNote nearest(List<MidiNote> pool, double at, double from, double to, Set<MidiNote> used) {
        int low = 0;
        int high = pool.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (pool.get(mid).startQuarter() < at + from) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        MidiNote best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int i = low; i < pool.size() && pool.get(i).startQuarter() <= at + to; i++) {
            MidiNote candidate = pool.get(i);
            double distance = Math.abs(candidate.startQuarter() - at);
            if ((used == null || !used.contains(candidate)) && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * The shift between the MusicXML's performed timeline and the MIDI file's, which differs when
     * the MIDI starts a pickup on a full bar or adds a count-in. Candidates come from pairing the
     * first notes of both; the one under which most notes line up wins.
     */
    static double estimateOffset(List<Expected> expected, List<MidiNote> midi) {
        if (expected.isEmpty() || midi.isEmpty()) {
            return 0;
        }
        Set<Long> midiKeys = new HashSet<>();
        for (MidiNote note : midi) {
            midiKeys.add(key(note.pitch(), note.startQuarter()));
        }
        List<Expected> ordered = expected.stream().filter(e -> !e.note().grace())
                .sorted(Comparator.comparingDouble(Expected::quarter)).toList();
        Map<Long, Integer> votes = new HashMap<>();
        votes.put(0L, 0);
        int firstExpected = Math.min(24, ordered.size());
        int firstMidi = Math.min(48, midi.size());
        for (int i = 0; i < firstExpected; i++) {
            for (int j = 0; j < firstMidi; j++) {
                if (ordered.get(i).pitch() == midi.get(j).pitch()) {
                    long shift = Math.round((midi.get(j).startQuarter() - ordered.get(i).quarter()) * GRID);
                    votes.merge(shift, 1, Integer::sum);
                }
            }
        }
        List<Long> candidates = votes.entrySet().stream()
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).limit(8).map(Map.Entry::getKey).toList();
        int sampleStep = Math.max(1, ordered.size() / 2000);
        long best = 0;
        int bestHits = -1;
        for (long shift : candidates) {
            int hits = 0;
            for (int i = 0; i < ordered.size(); i += sampleStep) {
                Expected e = ordered.get(i);
                if (midiKeys.contains(key(e.pitch(), e.quarter() + shift / (double) GRID))) {
                    hits++;
                }
            }
            if (hits > bestHits || hits == bestHits && Math.abs(shift) < Math.abs(best)) {
                best = shift;
                bestHits = hits;
            }
        }
        return best / (double) GRID;
    }

    /** Each MIDI lane goes to the part whose notes it plays most often at the same place. */
    static Map<Long, Integer> assignLanes(List<Expected> expected, List<MidiNote> midi, double offset) {
        Map<Long, Set<Integer>> partsAtKey = new HashMap<>();
        for (Expected e : expected) {
            partsAtKey.computeIfAbsent(key(e.pitch(), e.quarter() + offset), k -> new HashSet<>())
                    .add(e.note().partIndex());
        }
        Map<Long, Map<Integer, Integer>> votes = new HashMap<>();
        for (MidiNote note : midi) {
            Set<Integer> parts = partsAtKey.get(key(note.pitch(), note.startQuarter()));
            if (parts != null) {
                for (int part : parts) {
                    votes.computeIfAbsent(note.lane(), k -> new HashMap<>()).merge(part, 1, Integer::sum);
                }
            }
        }
        Map<Long, Integer> assignment = new HashMap<>();
        votes.forEach((lane, byPart) -> byPart.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .ifPresent(best -> assignment.put(lane, best.getKey())));
        return assignment;
    }

    private static long key(int pitch, double quarter) {
        return Math.round(quarter * GRID) * 128 + pitch;
    }
}
