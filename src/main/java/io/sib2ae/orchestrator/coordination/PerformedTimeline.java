package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.MeasureSpan;
import io.sib2ae.orchestrator.score.MusicXmlReader;
import io.sib2ae.orchestrator.score.MusicXmlScore;
import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.score.TempoMap;
import io.sib2ae.orchestrator.score.TempoMark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The score as it is played: measures in performance order with repeats, voltas and
 * D.C./D.S. jumps expanded, and the tempo map laid over that performed timeline.
 */
public final class PerformedTimeline {

    /** A guard against malformed repeat structures that would otherwise loop for ever. */
    private static final int MAX_PERFORMED_MEASURES_FACTOR = 16;

    private final List<Occurrence> occurrences;
    private final Map<Integer, List<Occurrence>> byMeasure = new HashMap<>();
    private final TempoMap tempoMap;

    /** One playing of a notated measure. */
    public record Occurrence(int measureIndex, int pass, double performedStart) {
    }

    public PerformedTimeline(MusicXmlScore score) {
        this(score, true);
    }

    /**
     * @param expandRepeats false lays the measures out once each, for MIDI files that were
     *                      exported without playing the repeats
     */
    public PerformedTimeline(MusicXmlScore score, boolean expandRepeats) {
        this.occurrences = expandRepeats ? expand(score.measures()) : straight(score.measures());
        for (Occurrence occurrence : occurrences) {
            byMeasure.computeIfAbsent(occurrence.measureIndex(), k -> new ArrayList<>()).add(occurrence);
        }
        this.tempoMap = buildTempoMap(score);
    }

    public List<Occurrence> occurrences() {
        return occurrences;
    }

    public TempoMap tempoMap() {
        return tempoMap;
    }

    /** Performed onsets, in quarters, of every time a notated note is played. */
    public List<Double> performedOnsets(NotatedNote note) {
        List<Occurrence> plays = byMeasure.getOrDefault(note.measureIndex(), List.of());
        List<Double> onsets = new ArrayList<>(plays.size());
        for (Occurrence play : plays) {
            onsets.add(MusicXmlReader.round(play.performedStart() + note.onsetInMeasure()));
        }
        return onsets;
    }

    public double totalQuarters() {
        return occurrences.isEmpty() ? 0 : occurrences.get(occurrences.size() - 1).performedStart() + lastLength;
    }

    private double lastLength;

    private List<Occurrence> straight(List<MeasureSpan> measures) {
        List<Occurrence> result = new ArrayList<>(measures.size());
        for (MeasureSpan m : measures) {
            result.add(new Occurrence(m.index(), 1, m.notatedStart()));
            lastLength = m.length();
        }
        return List.copyOf(result);
    }

    /** One open repeat: where it goes back to and which pass through it is playing. */
    private static final class Frame {
        final int start;
        int pass = 1;

        Frame(int start) {
            this.start = start;
        }
    }

    /**
     * Plays the measures in order. Repeats nest, so every forward repeat opens a frame with its
     * own pass count; a volta is judged by the pass of the repeat that encloses the whole volta
     * group, not by a repeat nested inside an ending.
     */
    private List<Occurrence> expand(List<MeasureSpan> measures) {
        List<Integer> order = new ArrayList<>();
        List<Integer> passes = new ArrayList<>();
        int count = measures.size();
        int limit = Math.max(1, count) * MAX_PERFORMED_MEASURES_FACTOR;
        Map<Integer, Integer> repeatsTaken = new HashMap<>();
        List<Frame> frames = new ArrayList<>();
        frames.add(new Frame(0));
        boolean jumped = false;
        boolean arrivedByRepeat = false;
        int segno = 0;
        int i = 0;
        while (i < count && order.size() < limit) {
            MeasureSpan m = measures.get(i);
            boolean inEnding = !m.endingNumbers().isEmpty();
            int endingStart = inEnding ? endingStart(measures, i) : -1;
            Frame owner = inEnding ? owner(frames, endingStart) : null;
            if (inEnding) {
                // After a D.C./D.S. the repeat is not taken again, so only the last volta plays.
                boolean plays = jumped ? !hasLaterEnding(measures, i, maxOf(m.endingNumbers()))
                        : m.endingNumbers().contains(owner.pass);
                if (!plays) {
                    arrivedByRepeat = false;
                    i++;
                    continue;
                }
            }
            Frame top = frames.get(frames.size() - 1);
            if (m.forwardRepeat() && !arrivedByRepeat && top.start != i) {
                frames.add(new Frame(i));
                top = frames.get(frames.size() - 1);
            }
            arrivedByRepeat = false;
            if (m.jump().segno()) {
                segno = i;
            }
            order.add(i);
            passes.add(inEnding ? owner.pass : top.pass);
            if (jumped && m.jump().fine()) {
                break;
            }
            if (jumped && m.jump().toCoda()) {
                int coda = findCoda(measures, i + 1);
                if (coda >= 0) {
                    i = coda;
                    continue;
                }
            }
            if (m.backwardRepeat() && !jumped) {
                // A repeat that encloses the volta group is governed by its endings; one nested
                // inside an ending (or with no ending) by its times attribute.
                boolean voltaRepeat = inEnding && top.start < endingStart;
                int taken = repeatsTaken.getOrDefault(i, 1);
                boolean again = voltaRepeat ? hasLaterEnding(measures, i, top.pass) : taken < m.backwardRepeatTimes();
                if (again) {
                    repeatsTaken.put(i, taken + 1);
                    top.pass++;
                    i = top.start;
                    arrivedByRepeat = true;
                    continue;
                }
                repeatsTaken.remove(i);
                closeFrame(frames, top, i + 1);
            } else if (inEnding && !jumped && owner == frames.get(frames.size() - 1)
                    && (i + 1 >= count || measures.get(i + 1).endingNumbers().isEmpty())
                    && !hasLaterEnding(measures, i, owner.pass)) {
                // The last volta is over: the repeat it belonged to is done.
                closeFrame(frames, owner, i + 1);
            }
            if (!jumped && (m.jump().daCapo() || m.jump().dalSegno())) {
                jumped = true;
                i = m.jump().daCapo() ? 0 : segno;
                frames.clear();
                frames.add(new Frame(i));
                repeatsTaken.clear();
                continue;
            }
            i++;
        }
        List<Occurrence> result = new ArrayList<>(order.size());
        double start = 0;
        for (int k = 0; k < order.size(); k++) {
            MeasureSpan m = measures.get(order.get(k));
            result.add(new Occurrence(m.index(), passes.get(k), MusicXmlReader.round(start)));
            start += m.length();
            lastLength = m.length();
        }
        return List.copyOf(result);
    }

    /** Ends a repeat; the outermost frame is never removed, an implied repeat restarts after it. */
    private static void closeFrame(List<Frame> frames, Frame frame, int next) {
        if (frames.size() > 1) {
            frames.remove(frame);
        } else {
            frames.set(0, new Frame(next));
        }
    }

    /** The first measure of the ending that measure {@code i} belongs to. */
    private static int endingStart(List<MeasureSpan> measures, int i) {
        int j = i;
        while (j > 0 && measures.get(j - 1).endingNumbers().equals(measures.get(i).endingNumbers())) {
            j--;
        }
        return j;
    }

    /** The innermost repeat that began before the ending: the one whose passes the ending counts. */
    private static Frame owner(List<Frame> frames, int endingStart) {
        for (int k = frames.size() - 1; k >= 0; k--) {
            if (frames.get(k).start < endingStart) {
                return frames.get(k);
            }
        }
        return frames.get(0);
    }

    private static int maxOf(List<Integer> numbers) {
        return numbers.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static boolean hasLaterEnding(List<MeasureSpan> measures, int from, int pass) {
        for (int j = from + 1; j < measures.size() && !measures.get(j).endingNumbers().isEmpty(); j++) {
            if (measures.get(j).endingNumbers().stream().anyMatch(n -> n > pass)) {
                return true;
            }
        }
        return false;
    }

    private static int findCoda(List<MeasureSpan> measures, int from) {
        for (int j = from; j < measures.size(); j++) {
            if (measures.get(j).jump().coda()) {
                return j;
            }
        }
        return -1;
    }

    private TempoMap buildTempoMap(MusicXmlScore score) {
        Map<Integer, List<TempoMark>> marksByMeasure = new HashMap<>();
        for (TempoMark mark : score.tempoMarks()) {
            marksByMeasure.computeIfAbsent(mark.measureIndex(), k -> new ArrayList<>()).add(mark);
        }
        List<TempoMap.Change> changes = new ArrayList<>();
        changes.add(new TempoMap.Change(0, score.tempoMarks().get(0).quartersPerMinute()));
        for (Occurrence occurrence : occurrences) {
            for (TempoMark mark : marksByMeasure.getOrDefault(occurrence.measureIndex(), List.of())) {
                changes.add(new TempoMap.Change(occurrence.performedStart() + mark.offsetInMeasure(), mark.quartersPerMinute()));
            }
        }
        return TempoMap.of(changes);
    }
}
