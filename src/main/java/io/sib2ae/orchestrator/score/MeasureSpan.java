package io.sib2ae.orchestrator.score;

import java.util.List;

/**
 * One notated measure: where it starts on the notated (unrepeated) timeline, how long it
 * lasts, and the repeat structure its barlines carry.
 *
 * @param endingNumbers the pass numbers of the volta ending this measure belongs to, empty if none
 * @param jump a D.C./D.S./Fine/Coda instruction attached to the measure, or null
 */
public record MeasureSpan(int index, String number, double notatedStart, double length, boolean implicit,
                          boolean forwardRepeat, int backwardRepeatTimes, List<Integer> endingNumbers,
                          NavigationMark jump) {

    public boolean backwardRepeat() {
        return backwardRepeatTimes > 0;
    }

    /** Playback navigation written with {@code <sound>} attributes. */
    public record NavigationMark(boolean segno, boolean coda, boolean fine, boolean daCapo, boolean dalSegno,
                                 boolean toCoda) {
        public static final NavigationMark NONE = new NavigationMark(false, false, false, false, false, false);

        public NavigationMark merge(NavigationMark other) {
            return new NavigationMark(segno || other.segno, coda || other.coda, fine || other.fine,
                    daCapo || other.daCapo, dalSegno || other.dalSegno, toCoda || other.toCoda);
        }
    }
}
