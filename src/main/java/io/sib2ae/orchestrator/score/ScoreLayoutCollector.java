package io.sib2ae.orchestrator.score;

import io.sib2ae.orchestrator.score.ScoreLayout.Clef;
import io.sib2ae.orchestrator.score.ScoreLayout.ClefChange;
import io.sib2ae.orchestrator.score.ScoreLayout.MeasureLayout;
import io.sib2ae.orchestrator.score.ScoreLayout.OctaveShift;
import io.sib2ae.orchestrator.score.ScoreLayout.PageLayout;
import io.sib2ae.orchestrator.score.ScoreLayout.PartLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Collects the layout facts (page margins, measure widths and breaks, staves, clefs, octave-shift
 * lines) from the events {@link MusicXmlReader} reads, in the same single pass: it sees every
 * event the reader pulls ({@link LayoutTee}) and builds its own picture from them, so the reader's
 * note logic and the layout never need a second parse. Where a clef or an octave-shift line takes
 * effect is asked of the reader ({@link ScoreCursor}), never counted here: the layout and the notes
 * have one model of time, so a note is compared with a clef at the very onset the reader gave it.
 * A layout number that cannot be read does not fail the notation (coordination and audio need
 * none of it); it is kept as {@link #problem()} and the collector stops, so only the hop that
 * needs the layout fails.
 */
final class ScoreLayoutCollector {

    /** A layout value that cannot be read; ends the collection, not the parse. */
    private static final class LayoutProblem extends RuntimeException {
        LayoutProblem(String message) {
            super(message, null, false, false);
        }
    }

    private record RawMeasure(String number, double width, boolean newSystem, boolean newPage, Double leftMargin) {
    }

    /** An {@code <octave-shift>} read inside the current {@code <direction>}. */
    private record ShiftMark(String type, int size, String number) {
    }

    /** An octave-shift line started and not yet stopped. */
    private record OpenShift(String partId, int staff, int measureIndex, double quarters, int steps) {

        OctaveShift stopAt(int stopMeasure, double stopQuarters) {
            return new OctaveShift(partId, staff, measureIndex, quarters, stopMeasure, stopQuarters, steps);
        }
    }


    private final String file;
    private final ScoreCursor cursor;
    private final List<String> path = new ArrayList<>();
    private final Map<String, String> partNames = new LinkedHashMap<>();
    private final Map<String, Integer> staves = new LinkedHashMap<>();
    private final List<RawMeasure> measures = new ArrayList<>();
    private final List<ClefChange> clefs = new ArrayList<>();
    private final double[] pageValues = new double[6];
    private double defaultSystemLeft;
    private String scorePartId;
    private boolean firstPart;
    private RawMeasure pending;
    private final StringBuilder text = new StringBuilder();
    // clef state
    private int clefNumber;
    private String clefSign;
    private int clefLine;
    private int clefOctave;
    private boolean inPrint;
    // score-timewise: measures hold the parts
    private boolean timewise;
    private boolean firstPartOfMeasure;
    // octave-shift state: the marks of the current direction, and the lines still open
    private final List<ShiftMark> directionShifts = new ArrayList<>();
    private int directionStaff;
    private double directionOffset;
    private final Map<String, OpenShift> openShifts = new LinkedHashMap<>();
    private final List<OctaveShift> octaveShifts = new ArrayList<>();

    ScoreLayoutCollector(String file, ScoreCursor cursor) {
        this.file = file;
        this.cursor = cursor;
    }

    private String problem;
    private int depth;

    /** Takes the event the reader has just moved to. */
    void accept(int event, XMLStreamReader r) {
        if (problem != null) {
            return;
        }
        try {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > 64) {
                        throw new LayoutProblem(file + " nests elements deeper than 64 levels; refused");
                    }
                    if (path.isEmpty()) {
                        timewise = "score-timewise".equals(r.getLocalName());
                    }
                    path.add(r.getLocalName());
                    text.setLength(0);
                    start(r);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    end(r.getLocalName(), text.toString().trim());
                    path.remove(path.size() - 1);
                    text.setLength(0);
                    depth--;
                }
                default -> {
                }
            }
        } catch (LayoutProblem e) {
            problem = e.getMessage();
        }
    }

    /**
     * The reader has read a part's bar again with divisions declared after its first notes
     * ({@code factor} = old divisions / new): the clefs and octave-shift points placed in that bar
     * so far move with its notes.
     */
    void measureRescaled(String partId, int measureIndex, double factor) {
        clefs.replaceAll(c -> c.partId().equals(partId) && c.measureIndex() == measureIndex
                ? new ClefChange(partId, c.staff(), measureIndex, MusicXmlReader.round(c.onsetQuarters() * factor), c.clef())
                : c);
        octaveShifts.replaceAll(s -> s.partId().equals(partId) ? rescaled(s, measureIndex, factor) : s);
        openShifts.replaceAll((key, open) -> open.partId().equals(partId) && open.measureIndex() == measureIndex
                ? new OpenShift(partId, open.staff(), measureIndex, MusicXmlReader.round(open.quarters() * factor), open.steps())
                : open);
    }

    private static OctaveShift rescaled(OctaveShift s, int measureIndex, double factor) {
        double start = s.startMeasure() == measureIndex ? MusicXmlReader.round(s.startQuarters() * factor) : s.startQuarters();
        double stop = s.stopMeasure() == measureIndex ? MusicXmlReader.round(s.stopQuarters() * factor) : s.stopQuarters();
        return new OctaveShift(s.partId(), s.staff(), s.startMeasure(), start, s.stopMeasure(), stop, s.steps());
    }

    /** Why the layout could not be read, or null when it could. */
    String problem() {
        return problem;
    }

    /** The layout collected; call once the document has been read, and only when {@link #problem()} is null. */
    ScoreLayout layout() {
        return build();
    }

    private boolean under(String... names) {
        int n = path.size();
        if (n < names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!path.get(n - names.length + i).equals(names[i])) {
                return false;
            }
        }
        return true;
    }

    private void start(XMLStreamReader r) {
        switch (r.getLocalName()) {
            case "score-part" -> {
                scorePartId = r.getAttributeValue(null, "id");
                partNames.put(scorePartId, "");
            }
            case "part" -> {
                // Every part repeats the same widths and breaks, so the first part speaks for all;
                // in a timewise score the measure holds the parts, so the first part of each measure.
                if (timewise) {
                    firstPart = firstPartOfMeasure;
                    firstPartOfMeasure = false;
                } else {
                    firstPart = !partSeen;
                    partSeen = true;
                }
            }
            case "measure" -> {
                firstPartOfMeasure = true;
                if (firstPart || timewise) {
                    boolean first = measures.isEmpty();
                    pending = new RawMeasure(r.getAttributeValue(null, "number"),
                            parse(r.getAttributeValue(null, "width"), 0), first, first, null);
                }
            }
            case "print" -> {
                inPrint = true;
                if (firstPart && pending != null) {
                    boolean system = "yes".equals(r.getAttributeValue(null, "new-system"));
                    boolean page = "yes".equals(r.getAttributeValue(null, "new-page"));
                    pending = new RawMeasure(pending.number(), pending.width(),
                            pending.newSystem() || system || page, pending.newPage() || page, pending.leftMargin());
                }
            }
            case "direction" -> {
                directionShifts.clear();
                directionStaff = 1;
                directionOffset = 0;
            }
            case "octave-shift" -> directionShifts.add(new ShiftMark(r.getAttributeValue(null, "type"),
                    (int) parse(r.getAttributeValue(null, "size"), 8), r.getAttributeValue(null, "number")));
            case "clef" -> {
                String number = r.getAttributeValue(null, "number");
                clefNumber = number == null ? 1 : (int) parse(number, 1);
                clefSign = "G";
                clefLine = 0;
                clefOctave = 0;
            }
            default -> {
            }
        }
    }

    private boolean partSeen;

    private void end(String name, String value) {
        switch (name) {
            case "part-name" -> {
                if (under("score-part", "part-name")) {
                    partNames.put(scorePartId, value);
                }
            }
            case "page-width" -> pageValues[0] = parse(value, 0);
            case "page-height" -> pageValues[1] = parse(value, 0);
            case "left-margin" -> {
                if (under("defaults", "page-layout", "page-margins", "left-margin") && pageValues[2] == 0) {
                    pageValues[2] = parse(value, 0);
                } else if (under("defaults", "system-layout", "system-margins", "left-margin")) {
                    defaultSystemLeft = parse(value, 0);
                } else if (inPrint && under("system-margins", "left-margin") && firstPart && pending != null) {
                    pending = new RawMeasure(pending.number(), pending.width(), pending.newSystem(),
                            pending.newPage(), parse(value, 0));
                }
            }
            case "right-margin" -> {
                if (under("defaults", "page-layout", "page-margins", "right-margin") && pageValues[3] == 0) {
                    pageValues[3] = parse(value, 0);
                }
            }
            case "top-margin" -> {
                if (under("defaults", "page-layout", "page-margins", "top-margin") && pageValues[4] == 0) {
                    pageValues[4] = parse(value, 0);
                }
            }
            case "bottom-margin" -> {
                if (under("defaults", "page-layout", "page-margins", "bottom-margin") && pageValues[5] == 0) {
                    pageValues[5] = parse(value, 0);
                }
            }
            case "print" -> inPrint = false;
            case "staves" -> {
                if (cursor.partId() != null) {
                    staves.put(cursor.partId(), Math.max(1, (int) parse(value, 1)));
                }
            }
            case "staff" -> {
                if (under("direction", "staff")) {
                    directionStaff = (int) parse(value, 1);
                }
            }
            case "offset" -> {
                if (under("direction", "offset")) {
                    directionOffset = parse(value, 0);
                }
            }
            case "direction" -> {
                // The reader refuses a direction outside a part's measure; a file it reads on
                // (one in the part list, say) has no point of the score to place a line at.
                if (cursor.partId() != null) {
                    directionShifts.forEach(this::octaveShift);
                }
            }
            case "sign" -> clefSign = value;
            case "line" -> {
                if (under("clef", "line")) {
                    clefLine = (int) parse(value, 0);
                }
            }
            case "clef-octave-change" -> clefOctave = (int) parse(value, 0);
            case "clef" -> {
                if (cursor.partId() != null) {
                    int line = clefLine != 0 ? clefLine : defaultLine(clefSign);
                    clefs.add(new ClefChange(cursor.partId(), clefNumber, cursor.measureIndex(),
                            cursor.quartersInMeasure(0), new Clef(clefSign, line, clefOctave)));
                }
            }
            case "measure" -> {
                if ((firstPart || timewise) && pending != null) {
                    measures.add(pending);
                    pending = null;
                }
            }
            case "part" -> firstPart = false;
            default -> {
            }
        }
    }

    /**
     * Opens or closes an octave-shift line at the direction's point (its offset counted). A
     * stop closes the line of the same staff and number; a start while one is open closes
     * that one first.
     */
    private void octaveShift(ShiftMark mark) {
        boolean starts = "down".equals(mark.type()) || "up".equals(mark.type());
        if (!starts && !"stop".equals(mark.type())) {
            return; // "continue" only repeats the line on a new system
        }
        String partId = cursor.partId();
        int measureIndex = cursor.measureIndex();
        String key = partId + "|" + directionStaff + "|" + (mark.number() == null ? "1" : mark.number());
        double quarters = cursor.quartersInMeasure(directionOffset);
        OpenShift open = openShifts.remove(key);
        if (open != null) {
            octaveShifts.add(open.stopAt(measureIndex, quarters));
        }
        if (starts) {
            // 8 is one octave, 15 two, 22 three; other sizes count as the nearest whole
            // octaves, and no line is taken to span more than four.
            int octaves = Math.max(1, Math.min(4, (int) Math.round((mark.size() - 1) / 7.0)));
            int steps = ("down".equals(mark.type()) ? -7 : 7) * octaves;
            openShifts.put(key, new OpenShift(partId, directionStaff, measureIndex, quarters, steps));
        }
    }

    private static int defaultLine(String sign) {
        return switch (sign) {
            case "F" -> 4;
            case "C" -> 3;
            default -> 2;
        };
    }

    private ScoreLayout build() {
        List<PartLayout> parts = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> e : partNames.entrySet()) {
            parts.add(new PartLayout(e.getKey(), e.getValue(), i++, staves.getOrDefault(e.getKey(), 1)));
        }
        List<MeasureLayout> layouts = new ArrayList<>();
        int page = -1;
        int system = -1;
        int inSystem = 0;
        double x = 0;
        for (int m = 0; m < measures.size(); m++) {
            RawMeasure raw = measures.get(m);
            if (raw.newPage()) {
                page++;
                system = -1;
            }
            if (raw.newSystem() || raw.newPage()) {
                system++;
                inSystem = 0;
                x = 0;
            }
            layouts.add(new MeasureLayout(m, raw.number(), raw.width(), raw.newSystem(), raw.newPage(),
                    raw.leftMargin(), page, system, inSystem, x));
            inSystem++;
            x += raw.width();
        }
        PageLayout pageLayout = new PageLayout(pageValues[0], pageValues[1], pageValues[2], pageValues[3],
                pageValues[4], pageValues[5]);
        openShifts.values().forEach(open -> octaveShifts.add(open.stopAt(Integer.MAX_VALUE, 0)));
        octaveShifts.sort(Comparator.comparingInt(OctaveShift::startMeasure)
                .thenComparingDouble(OctaveShift::startQuarters));
        return new ScoreLayout(pageLayout, defaultSystemLeft, parts, layouts, clefs, octaveShifts);
    }

    private double parse(String value, double fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new LayoutProblem(file + " has the unreadable number \"" + value + "\"");
        }
    }
}
