package io.sib2ae.orchestrator.score;

import java.util.Locale;
import java.util.Optional;

/**
 * Checks that a part's bar holds no more than its time signature. A bar that holds more is played
 * as long as it is written, but it is a sign of a broken export (durations read with the wrong
 * divisions, a tremolo written with its sounding notes), so it becomes a warning, never silence.
 * A pickup or a cadenza the file marks (an implicit measure, a time signature without meter) may
 * hold what it likes.
 */
final class MeasureFill {

    /** Durations are rounded to 1e-9 quarters; anything beyond a tick of slack is real. */
    private static final double SLACK_QUARTERS = 1e-6;

    private MeasureFill() {
    }

    /**
     * @param filledQuarters  the furthest any voice of the part reached in the bar
     * @param meterQuarters   what the time signature in force allows, 0 when there is none
     * @param markedFree      the file marks the bar as a pickup or a cadenza
     */
    static Optional<ScoreWarning> check(String partId, int measureIndex, String measure, double filledQuarters,
                                        double meterQuarters, boolean markedFree) {
        if (markedFree || meterQuarters <= 0 || filledQuarters <= meterQuarters + SLACK_QUARTERS) {
            return Optional.empty();
        }
        return Optional.of(new ScoreWarning(ScoreWarning.Kind.OVERFULL_MEASURE, partId, measureIndex, measure,
                String.format(Locale.ROOT, "part %s, measure %s: the voices fill %s quarters, the time signature allows %s",
                        partId, measure, quarters(filledQuarters), quarters(meterQuarters))));
    }

    static String quarters(double value) {
        double rounded = Math.round(value * 1e4) / 1e4;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
