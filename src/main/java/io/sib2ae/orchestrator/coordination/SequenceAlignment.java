package io.sib2ae.orchestrator.coordination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The alignment of one voice's notes in two versions: a weighted edit distance (Needleman-Wunsch)
 * over the notes in notated order, where pairing two notes costs less the more a musician would
 * call them the same note, and leaving a note without a partner costs a fixed gap.
 *
 * <p>A note's place is its onset in the bar and how many bars it stands after the voice's previous
 * note, not its bar number: a bar inserted before it moves every bar number but none of these.
 * Two notes pair only at the same onset and with the same grace flag; at the same place, a
 * different pitch, duration or chord position is an edit of the same note; a note a different
 * number of bars away pairs only when it is otherwise the same (a bar inserted or removed just
 * before it). Every pairing costs less than two gaps, so an edited note is kept rather than
 * removed and added.
 *
 * <p>The common head and tail are paired first, and the rest is aligned in a band around the
 * diagonal, so a voice of tens of thousands of notes with local edits needs memory in proportion
 * to its length, not to its square.
 */
final class SequenceAlignment {

    private static final int GAP = 10;
    private static final int MOVED_BARS = 3;
    private static final int CHORD_POSITION = 2;
    private static final int PITCH = 6;
    private static final int DURATION = 6;
    private static final int NEVER = Integer.MAX_VALUE / 4;
    /** Half the band's width beyond the difference in length: how far from the diagonal the path may wander. */
    private static final int BAND = 512;

    private static final byte PAIR = 1;
    private static final byte REMOVED = 2;
    private static final byte ADDED = 3;

    private SequenceAlignment() {
    }

    /** Times and durations are rounded to the microsecond or the millionth of a quarter by the readers. */
    static boolean same(double a, double b) {
        return Math.abs(a - b) < 5e-7;
    }

    /** A voice's notes in notated order: by bar and onset, grace notes before their principal, chords bottom up. */
    static List<NoteFacts> inNotatedOrder(List<NoteFacts> notes) {
        // A stable sort: grace notes at one onset keep the order they were given in (by time).
        return notes.stream().sorted(Comparator.comparingInt(NoteFacts::measureIndex)
                .thenComparingDouble(NoteFacts::onsetInMeasure)
                .thenComparing(n -> !n.grace())
                .thenComparingInt(NoteFacts::chordIndex)).toList();
    }

    /** Current note to its previous partner, for the notes that have one; both lists in notated order. */
    static Map<NoteFacts, NoteFacts> pairs(List<NoteFacts> previous, List<NoteFacts> current) {
        Token[] before = tokens(previous);
        Token[] after = tokens(current);
        Map<NoteFacts, NoteFacts> pairs = new IdentityHashMap<>();
        int head = 0;
        while (head < before.length && head < after.length && before[head].sameAs(after[head])) {
            pairs.put(current.get(head), previous.get(head));
            head++;
        }
        int tail = 0;
        while (tail < before.length - head && tail < after.length - head
                && before[before.length - 1 - tail].sameAs(after[after.length - 1 - tail])) {
            pairs.put(current.get(after.length - 1 - tail), previous.get(before.length - 1 - tail));
            tail++;
        }
        int n = before.length - head - tail;
        int m = after.length - head - tail;
        if (n > 0 && m > 0) {
            for (int[] pair : banded(before, after, head, n, m)) {
                pairs.put(current.get(head + pair[1]), previous.get(head + pair[0]));
            }
        }
        return pairs;
    }

    /**
     * Needleman-Wunsch over before[offset, offset+n) and after[offset, offset+m), in a band around
     * the diagonal; returns the paired (previous, current) indexes relative to offset.
     */
    private static List<int[]> banded(Token[] before, Token[] after, int offset, int n, int m) {
        int width = BAND + Math.abs(n - m);
        int[] lo = new int[n + 1];
        int[] hi = new int[n + 1];
        // Only the steps are kept for every row; the costs need the row above and this one.
        byte[][] step = new byte[n + 1][];
        int[] above = new int[0];
        for (int i = 0; i <= n; i++) {
            long centre = Math.round((double) i * m / n);
            lo[i] = (int) Math.max(0, centre - width);
            hi[i] = (int) Math.min(m, centre + width);
            step[i] = new byte[hi[i] - lo[i] + 1];
            int[] row = new int[hi[i] - lo[i] + 1];
            for (int j = lo[i]; j <= hi[i]; j++) {
                int best = NEVER;
                byte how = 0;
                if (i == 0 && j == 0) {
                    best = 0;
                }
                if (i > 0 && j > 0) {
                    int diagonal = at(above, lo[i - 1], hi[i - 1], j - 1);
                    int pair = diagonal < NEVER ? pairCost(before[offset + i - 1], after[offset + j - 1]) : NEVER;
                    if (pair < NEVER && diagonal + pair < best) {
                        best = diagonal + pair;
                        how = PAIR;
                    }
                }
                if (i > 0) {
                    int up = at(above, lo[i - 1], hi[i - 1], j);
                    if (up < NEVER && up + GAP < best) {
                        best = up + GAP;
                        how = REMOVED;
                    }
                }
                if (j > lo[i]) {
                    int left = row[j - 1 - lo[i]];
                    if (left < NEVER && left + GAP < best) {
                        best = left + GAP;
                        how = ADDED;
                    }
                }
                row[j - lo[i]] = best;
                step[i][j - lo[i]] = how;
            }
            above = row;
        }
        List<int[]> pairs = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            byte how = step[i][j - lo[i]];
            if (how == PAIR) {
                pairs.add(new int[] {i - 1, j - 1});
                i--;
                j--;
            } else if (how == REMOVED) {
                i--;
            } else if (how == ADDED) {
                j--;
            } else {
                throw new IllegalStateException("alignment band lost the path at " + i + "," + j);
            }
        }
        return pairs;
    }

    private static int at(int[] row, int lo, int hi, int j) {
        return j < lo || j > hi ? NEVER : row[j - lo];
    }

    /** What pairing two notes costs, or NEVER when a musician would not call them the same note. */
    static int pairCost(Token p, Token c) {
        if (p.grace != c.grace || p.onset != c.onset) {
            return NEVER;
        }
        boolean samePitch = p.midiPitch == c.midiPitch && Objects.equals(p.pitch, c.pitch);
        boolean sameDuration = p.duration == c.duration;
        boolean sameBars = p.barsAfterPrevious == c.barsAfterPrevious;
        if (!sameBars && !(samePitch && sameDuration)) {
            return NEVER;
        }
        return (sameBars ? 0 : MOVED_BARS) + (p.chordIndex == c.chordIndex ? 0 : CHORD_POSITION)
                + (samePitch ? 0 : PITCH) + (sameDuration ? 0 : DURATION);
    }

    /** What the alignment compares of a note; onsets and durations in millionths of a quarter. */
    record Token(int barsAfterPrevious, long onset, String pitch, int midiPitch, long duration, int chordIndex, boolean grace) {

        boolean sameAs(Token other) {
            return equals(other);
        }
    }

    private static Token[] tokens(List<NoteFacts> notes) {
        Token[] tokens = new Token[notes.size()];
        int previousBar = notes.isEmpty() ? 0 : notes.get(0).measureIndex();
        for (int i = 0; i < tokens.length; i++) {
            NoteFacts n = notes.get(i);
            tokens[i] = new Token(n.measureIndex() - previousBar, Math.round(n.onsetInMeasure() * 1e6), n.pitch(), n.midiPitch(),
                    Math.round(n.durationQuarters() * 1e6), n.chordIndex(), n.grace());
            previousBar = n.measureIndex();
        }
        return tokens;
    }
}
