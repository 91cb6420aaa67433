package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.score.SecureXml;
import io.sib2ae.orchestrator.notehead.ScoreLayout.ClefChange;
import io.sib2ae.orchestrator.notehead.ScoreLayout.MeasureLayout;
import io.sib2ae.orchestrator.notehead.ScoreLayout.OctaveShift;
import io.sib2ae.orchestrator.notehead.ScoreLayout.PageLayout;
import io.sib2ae.orchestrator.notehead.ScoreLayout.PartLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the layout facts the notehead assignment needs from an uncompressed MusicXML file,
 * partwise or timewise, streaming and without ever loading its DTD.
 */
public final class ScoreLayoutReader {

    public ScoreLayout read(Path musicXml) {
        NoteheadLocator.checkFile(musicXml, SvgLimits.DEFAULT);
        try {
            return read(Files.readAllBytes(musicXml), musicXml.toString());
        } catch (IOException e) {
            throw new SvgInputException(musicXml + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the layout from the MusicXML the score's read step loaded (a compressed score is only
     * ever unpacked in memory).
     *
     * @param name the file's name, for the messages
     */
    public ScoreLayout read(byte[] musicXml, String name) {
        try (InputStream in = new ByteArrayInputStream(musicXml)) {
            XMLStreamReader reader = SecureXml.svgReader(in);
            try {
                return new Scan(name).run(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new SvgInputException(name + " is not well-formed XML: " + NoteheadLocator.firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new SvgInputException(name + " cannot be read: " + e.getMessage(), e);
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

    private static final class Scan {
        private final String file;
        private final List<String> path = new ArrayList<>();
        private final Map<String, String> partNames = new LinkedHashMap<>();
        private final Map<String, Integer> staves = new LinkedHashMap<>();
        private final List<RawMeasure> measures = new ArrayList<>();
        private final List<ClefChange> clefs = new ArrayList<>();
        private final double[] pageValues = new double[6];
        private double defaultSystemLeft;
        private String partId;
        private String scorePartId;
        private int measureIndex;
        private boolean firstPart;
        private int divisions = 1;
        private long position;
        private RawMeasure pending;
        private final StringBuilder text = new StringBuilder();
        // note/forward/backup state
        private boolean inNoteChord;
        private boolean inNoteGrace;
        private long duration;
        // clef state
        private int clefNumber;
        private String clefSign;
        private int clefLine;
        private int clefOctave;
        private boolean inPrint;
        // score-timewise: measures hold the parts
        private boolean timewise;
        private boolean firstPartOfMeasure;
        private final Map<String, Integer> divisionsByPart = new HashMap<>();
        // octave-shift state: the marks of the current direction, and the lines still open
        private final List<ShiftMark> directionShifts = new ArrayList<>();
        private int directionStaff;
        private long directionOffset;
        private final Map<String, OpenShift> openShifts = new LinkedHashMap<>();
        private final List<OctaveShift> octaveShifts = new ArrayList<>();

        Scan(String file) {
            this.file = file;
        }

        ScoreLayout run(XMLStreamReader r) throws XMLStreamException {
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > 64) {
                            throw new SvgInputException(file + " nests elements deeper than 64 levels; refused");
                        }
                        if (path.isEmpty()) {
                            timewise = "score-timewise".equals(r.getLocalName());
                            if (!timewise && !"score-partwise".equals(r.getLocalName())) {
                                throw new SvgInputException(file + " is not a MusicXML score (root <"
                                        + r.getLocalName() + ">)");
                            }
                        }
                        path.add(r.getLocalName());
                        text.setLength(0);
                        start(r);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new SvgInputException(file
                            + " uses the entity &" + r.getLocalName() + ";, which is refused");
                    case XMLStreamConstants.END_ELEMENT -> {
                        end(r.getLocalName(), text.toString().trim());
                        path.remove(path.size() - 1);
                        text.setLength(0);
                        depth--;
                    }
                    default -> {
                    }
                }
            }
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
                    partId = r.getAttributeValue(null, "id");
                    // Every part repeats the same widths and breaks, so the first part speaks for all.
                    if (timewise) {
                        // Here the measure holds the parts, and each part keeps its divisions across measures.
                        firstPart = firstPartOfMeasure;
                        firstPartOfMeasure = false;
                        position = 0;
                        divisions = divisionsByPart.getOrDefault(partId, 1);
                    } else {
                        firstPart = !partSeen;
                        partSeen = true;
                        measureIndex = 0;
                        divisions = 1;
                    }
                }
                case "measure" -> {
                    position = 0;
                    firstPartOfMeasure = true;
                    if (firstPart || timewise) {
                        pending = new RawMeasure(r.getAttributeValue(null, "number"),
                                parse(r.getAttributeValue(null, "width"), 0), measureIndex == 0, measureIndex == 0, null);
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
                case "note" -> {
                    inNoteChord = false;
                    inNoteGrace = false;
                    duration = 0;
                }
                case "chord" -> inNoteChord = true;
                case "grace" -> inNoteGrace = true;
                case "forward", "backup" -> duration = 0;
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
                case "divisions" -> divisions = Math.max(1, (int) parse(value, 1));
                case "staves" -> staves.put(partId, Math.max(1, (int) parse(value, 1)));
                case "duration" -> duration = (long) parse(value, 0);
                case "note" -> {
                    if (inNoteGrace) {
                        return;
                    }
                    // A chord note sounds with the note before it and does not move time on.
                    if (!inNoteChord) {
                        position += duration;
                    }
                }
                case "forward" -> position += duration;
                case "backup" -> position -= duration;
                case "staff" -> {
                    if (under("direction", "staff")) {
                        directionStaff = (int) parse(value, 1);
                    }
                }
                case "offset" -> {
                    if (under("direction", "offset")) {
                        directionOffset = (long) parse(value, 0);
                    }
                }
                case "direction" -> directionShifts.forEach(this::octaveShift);
                case "sign" -> clefSign = value;
                case "line" -> {
                    if (under("clef", "line")) {
                        clefLine = (int) parse(value, 0);
                    }
                }
                case "clef-octave-change" -> clefOctave = (int) parse(value, 0);
                case "clef" -> {
                    int line = clefLine != 0 ? clefLine : defaultLine(clefSign);
                    clefs.add(new ClefChange(partId, clefNumber, measureIndex, (double) position / divisions,
                            new ScoreLayout.Clef(clefSign, line, clefOctave)));
                }
                case "measure" -> {
                    if ((firstPart || timewise) && pending != null) {
                        measures.add(pending);
                        pending = null;
                    }
                    measureIndex++;
                }
                case "part" -> {
                    firstPart = false;
                    divisionsByPart.put(partId, divisions);
                }
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
            String key = partId + "|" + directionStaff + "|" + (mark.number() == null ? "1" : mark.number());
            double quarters = (double) (position + directionOffset) / divisions;
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
                throw new SvgInputException(file + " has the unreadable number \"" + value + "\"");
            }
        }
    }
}
