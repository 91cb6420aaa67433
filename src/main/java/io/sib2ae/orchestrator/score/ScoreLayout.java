package io.sib2ae.orchestrator.score;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a MusicXML file's layout that predict where a notehead is drawn: page margins,
 * measure widths and system breaks, the part/staff order and the clefs in force.
 *
 * @param defaultSystemLeftMargin system left margin from the defaults, in tenths
 * @param parts                   in part-list order
 * @param measures                in notated order (as in the first part)
 * @param clefs                   every clef, in document order per part and staff
 * @param octaveShifts            every 8va, 8vb, 15ma … line, in the order they start
 */
public record ScoreLayout(
        PageLayout page,
        double defaultSystemLeftMargin,
        List<PartLayout> parts,
        List<MeasureLayout> measures,
        List<ClefChange> clefs,
        List<OctaveShift> octaveShifts) {

    /** Page size and margins, in tenths. */
    public record PageLayout(double width, double height, double leftMargin, double rightMargin,
                             double topMargin, double bottomMargin) {
    }

    /**
     * @param index  0-based position in the part-list
     * @param staves how many staves the part has (1 unless {@code <staves>} says otherwise)
     */
    public record PartLayout(String id, String name, int index, int staves) {
    }

    /**
     * @param index            0-based notated order
     * @param number           the measure's {@code number} attribute
     * @param width            in tenths
     * @param systemLeftMargin the system left margin a {@code <print>} sets here, or null
     * @param page             0-based page the measure is printed on
     * @param systemOnPage     0-based system on that page
     * @param indexInSystem    0-based position within its system
     * @param xInSystem        tenths from the system's first barline to this measure's start
     */
    public record MeasureLayout(int index, String number, double width, boolean newSystem, boolean newPage,
                                Double systemLeftMargin, int page, int systemOnPage, int indexInSystem,
                                double xInSystem) {
    }

    /**
     * A clef as MusicXML writes it.
     *
     * @param sign         G, F, C, percussion, TAB, none
     * @param line         staff line of the clef, 1 = bottom
     * @param octaveChange {@code clef-octave-change}
     */
    public record Clef(String sign, int line, int octaveChange) {

        public static final Clef TREBLE = new Clef("G", 2, 0);

        /**
         * Diatonic step number (octave × 7 + step, C = 0) of the top staff line, or empty for
         * clefs whose lines have no pitch.
         */
        public Optional<Integer> topLineStep() {
            int reference;
            switch (sign) {
                case "G" -> reference = 4 * 7 + 4;
                case "F" -> reference = 3 * 7 + 3;
                case "C" -> reference = 4 * 7;
                default -> {
                    return Optional.empty();
                }
            }
            return Optional.of(reference + 2 * (5 - line) + 7 * octaveChange);
        }
    }

    /** A clef taking effect on one staff of a part at a point in a measure. */
    public record ClefChange(String partId, int staff, int measureIndex, double onsetQuarters, Clef clef) {
    }

    /**
     * An octave-shift line over one staff. MusicXML keeps the true pitch of the notes under it,
     * so they are drawn {@code steps} diatonic steps away from that pitch: -7 under 8va, +7
     * under 8vb, -14 under 15ma. A line never stopped runs to the end of the score
     * ({@code stopMeasure} is {@link Integer#MAX_VALUE}).
     */
    public record OctaveShift(String partId, int staff, int startMeasure, double startQuarters,
                              int stopMeasure, double stopQuarters, int steps) {

        boolean covers(int measureIndex, double onsetQuarters) {
            return comparePoints(startMeasure, startQuarters, measureIndex, onsetQuarters) <= 0
                    && comparePoints(measureIndex, onsetQuarters, stopMeasure, stopQuarters) <= 0;
        }

        boolean stopsAt(int measureIndex, double onsetQuarters) {
            return comparePoints(measureIndex, onsetQuarters, stopMeasure, stopQuarters) == 0;
        }
    }

    /** Orders two points of the score (measure, then quarters into it); points closer than 1e-9 are one. */
    static int comparePoints(int measureA, double quartersA, int measureB, double quartersB) {
        if (measureA != measureB) {
            return Integer.compare(measureA, measureB);
        }
        return Math.abs(quartersA - quartersB) < 1e-9 ? 0 : Double.compare(quartersA, quartersB);
    }

    public ScoreLayout {
        parts = List.copyOf(parts);
        measures = List.copyOf(measures);
        clefs = List.copyOf(clefs);
        octaveShifts = List.copyOf(octaveShifts);
    }

    public int totalStaves() {
        return parts.stream().mapToInt(PartLayout::staves).sum();
    }

    /** 0-based index of a part's staff within a system, counting every staff of the parts above. */
    public int systemStaffIndex(int partIndex, int staffNumber) {
        int before = parts.stream().filter(p -> p.index() < partIndex).mapToInt(PartLayout::staves).sum();
        return before + staffNumber - 1;
    }

    public Optional<PartLayout> part(String partId) {
        return parts.stream().filter(p -> p.id().equals(partId)).findFirst();
    }

    /** Systems on each page, in page order. */
    public int systemsOnPage(int page) {
        return (int) measures.stream().filter(m -> m.page() == page && m.indexInSystem() == 0).count();
    }

    /** Measures in the system that holds the given measure. */
    public List<MeasureLayout> systemOf(MeasureLayout measure) {
        return measures.stream()
                .filter(m -> m.page() == measure.page() && m.systemOnPage() == measure.systemOnPage())
                .toList();
    }

    /** The left edge of the measure's system, from the page's left margin, in tenths. */
    public double systemLeft(MeasureLayout measure) {
        MeasureLayout first = systemOf(measure).get(0);
        Double margin = first.systemLeftMargin();
        return page.leftMargin() + (margin == null ? defaultSystemLeftMargin : margin);
    }

    /**
     * How many diatonic steps a note at this point of a staff is drawn away from its pitch, most
     * likely first. Where lines overlap (a new one starting before the old one's stop, as
     * MuseScore writes them) the later one governs. A note exactly at a line's stop is under it
     * if the stop was written before the note (as Finale does) and free of it if the stop was
     * written after the previous note; the MusicXML cannot tell which, so both heights are
     * offered and the drawing decides.
     */
    public List<Integer> octaveShiftStepsAt(String partId, int staff, int measureIndex, double onsetQuarters) {
        Optional<OctaveShift> governing = governingShift(partId, staff, measureIndex, onsetQuarters, null);
        if (governing.isEmpty()) {
            return List.of(0);
        }
        int steps = governing.get().steps();
        if (!governing.get().stopsAt(measureIndex, onsetQuarters)) {
            return List.of(steps);
        }
        int without = governingShift(partId, staff, measureIndex, onsetQuarters, governing.get())
                .map(OctaveShift::steps).orElse(0);
        return without == steps ? List.of(steps) : List.of(steps, without);
    }

    private Optional<OctaveShift> governingShift(String partId, int staff, int measureIndex, double onsetQuarters,
                                                 OctaveShift leftOut) {
        OctaveShift governing = null;
        for (OctaveShift shift : octaveShifts) {
            // In start order: a later line that covers the point replaces an earlier one.
            if (shift != leftOut && shift.partId().equals(partId) && shift.staff() == staff
                    && shift.covers(measureIndex, onsetQuarters)) {
                governing = shift;
            }
        }
        return Optional.ofNullable(governing);
    }

    /** The clef in force at a point of a staff; treble when the file names none. */
    public Clef clefAt(String partId, int staff, int measureIndex, double onsetQuarters) {
        return clefs.stream()
                .filter(c -> c.partId().equals(partId) && c.staff() == staff)
                .filter(c -> comparePoints(c.measureIndex(), c.onsetQuarters(), measureIndex, onsetQuarters) <= 0)
                .max(Comparator.comparingInt(ClefChange::measureIndex).thenComparingDouble(ClefChange::onsetQuarters))
                .map(ClefChange::clef)
                .orElse(Clef.TREBLE);
    }
}
