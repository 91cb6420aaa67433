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
 * How a tremolo sounds. One notehead keeps one universal ID, but its sound is the tremolo's: a
 * single-note tremolo repeats the note in strokes as short as its marks and its own flags together
 * draw (three marks on a quarter: 32nds; two on an eighth: 32nds); a two-note tremolo alternates its
 * two notes over both their values in strokes its marks draw (three: 32nds), starting with the first
 * note, so the second is first heard one stroke in. An unmeasured tremolo is played in 32nds.
 */
public final class TremoloExpansion {

    /** Strokes of an unmeasured tremolo, or one that writes no number: 32nds. */
    static final int UNMEASURED_MARKS = 3;

    /**
     * A note's tremolo, in quarters.
     *
     * @param shiftQuarters  how much later than its notated onset the note is first heard
     * @param lengthQuarters how long it sounds, from there; for a single-note tremolo the note's own value
     * @param strokeQuarters the length of one stroke
     * @param every          strokes of this note come every this many strokes (2 in a two-note tremolo)
     */
    public record Plan(double shiftQuarters, double lengthQuarters, double strokeQuarters, int every, boolean single) {

        /** Stroke onsets and lengths, in quarters from the note's first stroke, over the given length. */
        public List<double[]> strokes(double soundingQuarters) {
            List<double[]> result = new ArrayList<>();
            double step = strokeQuarters * every;
            int count = (int) Math.max(1, Math.ceil((soundingQuarters - 1e-9) / step));
            for (int k = 0; k < count; k++) {
                double at = k * step;
                result.add(new double[] {at, Math.min(strokeQuarters, soundingQuarters - at)});
            }
            return result;
        }
    }

    private TremoloExpansion() {
    }

    /** The plan of every note with a tremolo, by document index. */
    public static Map<Integer, Plan> of(List<NotatedNote> notes) {
        Map<Integer, Plan> result = new HashMap<>();
        Map<String, List<NotatedNote>> byVoice = new LinkedHashMap<>();
        for (NotatedNote note : notes) {
            PlayingMarks.Tremolo tremolo = note.marks().tremolo();
            if (tremolo == null || note.grace()) {
                continue;
            }
            if (tremolo.type().equals("start") || tremolo.type().equals("stop")) {
                byVoice.computeIfAbsent(note.partIndex() + "/" + note.voice(), k -> new ArrayList<>()).add(note);
            } else {
                int marks = tremolo.type().equals("unmeasured") || tremolo.marks() == 0 ? UNMEASURED_MARKS : tremolo.marks();
                double stroke = 4.0 / Math.pow(2, marks + flags(note.marks().writtenQuarters()) + 2);
                result.put(note.documentIndex(), new Plan(0, note.durationQuarters(), stroke, 1, true));
            }
        }
        for (List<NotatedNote> voice : byVoice.values()) {
            voice.sort(Comparator.comparingDouble(NotatedNote::notatedOnset).thenComparingInt(NotatedNote::documentIndex));
            pairTwoNoteTremolos(voice, result);
        }
        return result;
    }

    /** A start note and the next stop note after it alternate; the notes of a chord at either end go with it. */
    private static void pairTwoNoteTremolos(List<NotatedNote> voice, Map<Integer, Plan> result) {
        for (int i = 0; i < voice.size(); i++) {
            NotatedNote start = voice.get(i);
            if (!start.marks().tremolo().type().equals("start")) {
                continue;
            }
            List<NotatedNote> firsts = new ArrayList<>();
            List<NotatedNote> seconds = new ArrayList<>();
            double stopOnset = Double.NaN;
            for (NotatedNote n : voice.subList(i, voice.size())) {
                boolean atStart = Math.abs(n.notatedOnset() - start.notatedOnset()) < 1e-9;
                if (atStart && n.marks().tremolo().type().equals("start")) {
                    firsts.add(n);
                } else if (n.marks().tremolo().type().equals("stop")
                        && (Double.isNaN(stopOnset) || Math.abs(n.notatedOnset() - stopOnset) < 1e-9)) {
                    stopOnset = n.notatedOnset();
                    seconds.add(n);
                } else if (!Double.isNaN(stopOnset)) {
                    break;
                }
            }
            if (seconds.isEmpty()) {
                continue;
            }
            int marks = Math.max(1, start.marks().tremolo().marks());
            double stroke = 4.0 / Math.pow(2, marks + 2);
            double span = stopOnset - start.notatedOnset() + seconds.get(0).durationQuarters();
            for (NotatedNote n : firsts) {
                result.put(n.documentIndex(), new Plan(0, span, stroke, 2, false));
            }
            double offset = stopOnset - start.notatedOnset();
            for (NotatedNote n : seconds) {
                result.put(n.documentIndex(), new Plan(stroke - offset, span - stroke, stroke, 2, false));
            }
            i += firsts.size() - 1;
        }
    }

    /** The flags (or beams) a note's written value draws: an eighth one, a 16th two. */
    private static int flags(double writtenQuarters) {
        if (writtenQuarters <= 0 || writtenQuarters >= 1) {
            return 0;
        }
        return (int) Math.round(Math.log(1 / writtenQuarters) / Math.log(2));
    }
}
