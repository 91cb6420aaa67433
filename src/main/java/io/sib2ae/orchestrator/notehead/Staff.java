package io.sib2ae.orchestrator.notehead;

import java.util.List;

/**
 * A five-line staff found on a page, in page coordinates.
 *
 * @param page        0-based page index
 * @param indexOnPage 0-based, top to bottom
 * @param lineYs      the five line heights, top line first
 * @param left        where the lines start
 * @param right       where the lines end
 * @param frame       the transform of the staff lines, i.e. the score's drawing coordinates
 */
public record Staff(int page, int indexOnPage, List<Double> lineYs, double left, double right, Matrix frame) {

    public Staff {
        lineYs = List.copyOf(lineYs);
    }

    public double top() {
        return lineYs.get(0);
    }

    public double bottom() {
        return lineYs.get(lineYs.size() - 1);
    }

    /** Distance between adjacent lines on the page. */
    public double space() {
        return (bottom() - top()) / (lineYs.size() - 1);
    }

    /** How far a page height lies outside the staff's lines (0 inside). */
    public double verticalDistance(double y) {
        if (y < top()) {
            return top() - y;
        }
        return y > bottom() ? y - bottom() : 0;
    }
}
