package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.score.PlayingMarks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives grace notes onsets of their own, never one instant for a whole group. The file's
 * {@code steal-time-previous}, {@code steal-time-following} and {@code make-time} are followed when
 * it has them; otherwise a slashed grace (acciaccatura) is played just before the beat and the
 * principal keeps its onset, and an unslashed one (appoggiatura) on the beat, taking its time from
 * the principal, which starts later and sounds shorter. Grace notes with no principal at their
 * position (after-beats at the end of a bar) are played just before it.
 *
 * <p>Positions are in quarters, as shifts from the note's notated onset; the notation itself is
 * not changed (the notehead stays where it is drawn).
 */
public final class GraceTiming {

    /** Each acciaccatura of a group lasts a sixteenth, shortened so a whole group takes at most a half beat. */
    static final double ACCIACCATURA_QUARTERS = 0.25;
    static final double ACCIACCATURA_GROUP_QUARTERS = 0.5;
    /** An appoggiatura takes half its principal; a group of them at most that much. */
    static final double APPOGGIATURA_SHARE = 0.5;
    /** On-beat grace notes never take the whole principal: it must still sound. */
    private static final double MAX_STOLEN_SHARE = 0.9;

    /** The rule a note was timed by, as the manifest's {@code grace_timing} records it. */
    public enum Rule {
        STEAL_TIME_PREVIOUS, STEAL_TIME_FOLLOWING, MAKE_TIME, ACCIACCATURA_BEFORE_BEAT, APPOGGIATURA_ON_BEAT,
        AFTER_GRACE_BEFORE_POSITION, PRINCIPAL_AFTER_GRACE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Where a note sounds relative to its notated onset.
     *
     * @param shiftQuarters  added to the notated onset (negative: before the beat)
     * @param lengthQuarters a grace note's sounding length; for a principal, how much shorter it sounds
     */
    public record Placement(double shiftQuarters, double lengthQuarters, Rule rule) {
    }

    private GraceTiming() {
    }

    /** Placements of every grace note, and of every principal a grace note delays, by document index. */
    public static Map<Integer, Placement> of(List<NotatedNote> notes) {
        Map<String, List<NotatedNote>> byVoice = new LinkedHashMap<>();
        for (NotatedNote note : notes) {
            // By voice, not staff: a grace note may be drawn on the other staff of its principal.
            byVoice.computeIfAbsent(note.partIndex() + "/" + note.voice(), k -> new ArrayList<>()).add(note);
        }
        Map<Integer, Placement> result = new HashMap<>();
        for (List<NotatedNote> voice : byVoice.values()) {
            voice.sort(Comparator.comparingDouble(NotatedNote::notatedOnset).thenComparingInt(NotatedNote::documentIndex));
            place(voice, result);
        }
        return result;
    }

    private static void place(List<NotatedNote> voice, Map<Integer, Placement> result) {
        NotatedNote previous = null;
        int i = 0;
        while (i < voice.size()) {
            NotatedNote note = voice.get(i);
            if (!note.grace()) {
                previous = note;
                i++;
                continue;
            }
            // A group: grace chords in order, each chord one stroke.
            List<List<NotatedNote>> strokes = new ArrayList<>();
            while (i < voice.size() && voice.get(i).grace()
                    && Math.abs(voice.get(i).notatedOnset() - note.notatedOnset()) < 1e-9) {
                NotatedNote g = voice.get(i);
                if (g.chordIndex() > 0 && !strokes.isEmpty()) {
                    strokes.get(strokes.size() - 1).add(g);
                } else {
                    strokes.add(new ArrayList<>(List.of(g)));
                }
                i++;
            }
            List<NotatedNote> principal = new ArrayList<>();
            for (int j = i; j < voice.size() && !voice.get(j).grace()
                    && Math.abs(voice.get(j).notatedOnset() - note.notatedOnset()) < 1e-9; j++) {
                principal.add(voice.get(j));
            }
            placeGroup(strokes, previous, principal, result);
        }
    }

    /**
     * Each stroke (a grace note or grace chord) follows its own attribute when it writes one and
     * the group's default otherwise; strokes before the beat end on it, strokes on the beat start there.
     */
    private static void placeGroup(List<List<NotatedNote>> strokes, NotatedNote previous, List<NotatedNote> principal,
                                   Map<Integer, Placement> result) {
        double principalLength = principal.stream().mapToDouble(NotatedNote::durationQuarters).max().orElse(0);
        int n = strokes.size();
        Rule[] rules = new Rule[n];
        double[] lengths = new double[n];
        Rule fallback = principal.isEmpty() ? Rule.AFTER_GRACE_BEFORE_POSITION
                : mark(strokes.get(0)) != null && mark(strokes.get(0)).slash() ? Rule.ACCIACCATURA_BEFORE_BEAT
                : Rule.APPOGGIATURA_ON_BEAT;
        double previousLength = previous == null ? ACCIACCATURA_QUARTERS * 4 : previous.durationQuarters();
        List<Integer> appoggiaturas = new ArrayList<>();
        int shortOnes = 0;
        for (int k = 0; k < n; k++) {
            PlayingMarks.Grace own = mark(strokes.get(k));
            if (own != null && own.makeTimeQuarters() != null && own.makeTimeQuarters() > 0) {
                // Made time would lengthen one beat of every part; the grace keeps its made length, before the beat.
                rules[k] = Rule.MAKE_TIME;
                lengths[k] = own.makeTimeQuarters();
            } else if (own != null && own.stealFollowingPercent() != null && !principal.isEmpty()) {
                rules[k] = Rule.STEAL_TIME_FOLLOWING;
                lengths[k] = Math.min(100, own.stealFollowingPercent()) * principalLength / 100;
            } else if (own != null && own.stealPreviousPercent() != null) {
                rules[k] = Rule.STEAL_TIME_PREVIOUS;
                lengths[k] = Math.min(100, own.stealPreviousPercent()) * previousLength / 100;
            } else {
                rules[k] = fallback;
                if (fallback == Rule.APPOGGIATURA_ON_BEAT) {
                    appoggiaturas.add(k);
                } else {
                    shortOnes++;
                }
            }
        }
        double shortLength = shortOnes == 0 ? 0 : Math.min(ACCIACCATURA_QUARTERS, ACCIACCATURA_GROUP_QUARTERS / shortOnes);
        for (int k = 0; k < n; k++) {
            if (rules[k] == Rule.ACCIACCATURA_BEFORE_BEAT || rules[k] == Rule.AFTER_GRACE_BEFORE_POSITION) {
                lengths[k] = shortLength;
            }
        }
        appoggiaturas(strokes, appoggiaturas, principalLength, lengths);

        double before = 0;
        double onBeat = 0;
        for (int k = 0; k < n; k++) {
            if (isOnBeat(rules[k])) {
                onBeat += lengths[k];
            } else {
                before += lengths[k];
            }
        }
        if (onBeat > MAX_STOLEN_SHARE * principalLength) {
            double scale = MAX_STOLEN_SHARE * principalLength / onBeat;
            for (int k = 0; k < n; k++) {
                lengths[k] *= isOnBeat(rules[k]) ? scale : 1;
            }
            onBeat = MAX_STOLEN_SHARE * principalLength;
        }
        double onset = strokes.get(0).get(0).notatedOnset();
        // Nothing comes before the score's first beat: grace notes there are played from it.
        double beforeAt = onset - before < -1e-9 ? 0 : -before;
        double onBeatAt = onset - before < -1e-9 ? before : 0;
        double delay = onBeatAt + onBeat;
        for (int k = 0; k < n; k++) {
            double at;
            if (isOnBeat(rules[k])) {
                at = onBeatAt;
                onBeatAt += lengths[k];
            } else {
                at = beforeAt;
                beforeAt += lengths[k];
            }
            for (NotatedNote g : strokes.get(k)) {
                result.put(g.documentIndex(), new Placement(round(at), round(lengths[k]), rules[k]));
            }
        }
        if (delay > 0 && !principal.isEmpty()) {
            double taken = Math.min(delay, MAX_STOLEN_SHARE * principalLength);
            for (NotatedNote p : principal) {
                result.put(p.documentIndex(), new Placement(round(taken), round(taken), Rule.PRINCIPAL_AFTER_GRACE));
            }
        }
    }

    private static boolean isOnBeat(Rule rule) {
        return rule == Rule.STEAL_TIME_FOLLOWING || rule == Rule.APPOGGIATURA_ON_BEAT;
    }

    private static PlayingMarks.Grace mark(List<NotatedNote> stroke) {
        return stroke.get(0).marks().grace();
    }

    /** Half the principal shared by the written values of the appoggiaturas (equally when one is not written). */
    private static void appoggiaturas(List<List<NotatedNote>> strokes, List<Integer> which, double principalLength,
                                      double[] lengths) {
        int n = which.size();
        if (n == 0) {
            return;
        }
        double share = APPOGGIATURA_SHARE * principalLength;
        double written = 0;
        boolean allWritten = true;
        for (int k : which) {
            double value = strokes.get(k).get(0).marks().writtenQuarters();
            written += value;
            allWritten &= value > 0;
        }
        // A group plays its written values when they fit in half the principal, in proportion otherwise.
        double scale = allWritten && n > 1 ? Math.min(1, share / written) : 0;
        for (int k : which) {
            lengths[k] = scale > 0 ? strokes.get(k).get(0).marks().writtenQuarters() * scale : share / n;
        }
    }

    /** Rounded as the reader rounds quarters, so sums compare exactly on every machine. */
    private static double round(double quarters) {
        return Math.round(quarters * 1e9) / 1e9;
    }
}
