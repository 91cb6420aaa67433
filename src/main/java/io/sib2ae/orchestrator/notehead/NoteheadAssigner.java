package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.score.ScoreLayout;
import io.sib2ae.orchestrator.score.ScoreLayout.MeasureLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives each notated note its own notehead glyph: system and staff from the staff order, measure
 * from the barlines, then onset order left to right and pitch order top to bottom. The MusicXML
 * layout only predicts positions to check the result; nothing is ever guessed from a neighbour.
 */
public final class NoteheadAssigner {

    /** Score-frame units per tenth on Sibelius pages (≈ 2592 / (1524 tenths × 0.531496)). */
    public static final double X_SCALE = 3.206518;
    /** Score-frame x of the first system's start (page and system margins). */
    public static final double X_OFFSET = 564.93;

    /** Grace notes are drawn at 60 % by default, cue notes at 75 %; the cut lies between. */
    private static final double GRACE_SIZE_RATIO = 0.68;
    /** A normal notehead's font size is four staff spaces in every Sibelius music font. */
    private static final double FONT_SIZE_IN_SPACES = 4.0;
    /** Noteheads of one chord (seconds included) lie within this many spaces of each other. */
    private static final double COLUMN_WIDTH_IN_SPACES = 1.5;
    /** Barlines closer than this (double, final, repeat barlines) mark one measure boundary. */
    private static final double MERGE_IN_SPACES = 2.0;
    /** A found notehead more than this far from its pitch's height is not that note's. */
    private static final double PITCH_TOLERANCE_IN_SPACES = 1.0;
    /** Without a column match, a notehead this far from the predicted x is not that note's. */
    private static final double X_TOLERANCE_IN_SPACES = 3.0;

    private record Cell(int page, int system, int staffInSystem, int measureIndex) {
    }

    /**
     * A note placed on its staff.
     *
     * @param heights where its notehead may be drawn, on the page, most likely first: one height
     *                as a rule, two at the very stop of an octave-shift line; none where the clef
     *                gives staff lines no pitch
     */
    private record Context(NoteheadTarget target, MeasureLayout measure, SvgPage page, Staff staff,
                           int system, int staffInSystem, Double predictedAbsX, List<Double> heights) {

        /** Of the heights the note may have, the one nearest the glyph; null when there is none. */
        Double heightNearest(NoteheadGlyph g) {
            return heights.stream().min(Comparator.comparingDouble(y -> Math.abs(y - g.absoluteY()))).orElse(null);
        }
    }

    /** Assigns noteheads; the result lists one outcome per target, in the targets' order. */
    public List<NoteheadAssignment> assign(ScoreLayout layout, List<SvgPage> pages, List<NoteheadTarget> targets) {
        Map<String, NoteheadAssignment> outcome = new HashMap<>();
        Map<Cell, List<Context>> cells = new LinkedHashMap<>();
        Map<Integer, List<List<Staff>>> systemsByPage = new HashMap<>();
        Map<Integer, String> pageProblems = new HashMap<>();
        for (SvgPage page : pages) {
            String problem = checkPage(layout, page);
            if (problem != null) {
                pageProblems.put(page.index(), problem);
            } else {
                systemsByPage.put(page.index(), systems(layout, page));
            }
        }
        for (NoteheadTarget t : targets) {
            String problem = locateCell(layout, pages, systemsByPage, pageProblems, t, cells);
            if (problem != null) {
                outcome.put(t.universalId(), new NoteheadFailure(t.universalId(), problem));
            }
        }
        Set<String> usedGlyphs = new HashSet<>();
        for (Map.Entry<Cell, List<Context>> cell : cells.entrySet()) {
            matchCell(layout, cell.getKey(), cell.getValue(), systemsByPage, usedGlyphs, outcome);
        }
        List<NoteheadAssignment> result = new ArrayList<>();
        for (NoteheadTarget t : targets) {
            result.add(outcome.getOrDefault(t.universalId(),
                    new NoteheadFailure(t.universalId(), "no notehead found for " + describe(t))));
        }
        return result;
    }

    private static String checkPage(ScoreLayout layout, SvgPage page) {
        int perSystem = layout.totalStaves();
        int staves = page.staves().size();
        if (perSystem == 0) {
            return "the MusicXML has no parts";
        }
        if (staves % perSystem != 0) {
            return "page " + (page.index() + 1) + " shows " + staves + " five-line staves, not a multiple of the "
                    + perSystem + " staves of a system (hidden or one-line staves are not supported)";
        }
        int expected = layout.systemsOnPage(page.index());
        if (staves / perSystem != expected) {
            return "page " + (page.index() + 1) + " shows " + staves / perSystem + " systems but the MusicXML lays out "
                    + expected;
        }
        return null;
    }

    private static List<List<Staff>> systems(ScoreLayout layout, SvgPage page) {
        int perSystem = layout.totalStaves();
        List<List<Staff>> systems = new ArrayList<>();
        for (int i = 0; i < page.staves().size(); i += perSystem) {
            systems.add(page.staves().subList(i, i + perSystem));
        }
        return systems;
    }

    private String locateCell(ScoreLayout layout, List<SvgPage> pages, Map<Integer, List<List<Staff>>> systemsByPage,
                              Map<Integer, String> pageProblems, NoteheadTarget t, Map<Cell, List<Context>> cells) {
        if (t.measureIndex() < 0 || t.measureIndex() >= layout.measures().size()) {
            return "measure index " + t.measureIndex() + " is not in the MusicXML";
        }
        Optional<ScoreLayout.PartLayout> part = layout.part(t.partId());
        if (part.isEmpty() || part.get().index() != t.partIndex()) {
            return "part " + t.partId() + " at index " + t.partIndex() + " is not in the part-list";
        }
        if (t.staffNumber() < 1 || t.staffNumber() > part.get().staves()) {
            return "part " + t.partId() + " has no staff " + t.staffNumber();
        }
        MeasureLayout measure = layout.measures().get(t.measureIndex());
        if (measure.page() >= pages.size()) {
            return "measure " + t.measureNumber() + " is laid out on page " + (measure.page() + 1)
                    + ", which was not given";
        }
        if (pageProblems.containsKey(measure.page())) {
            return pageProblems.get(measure.page());
        }
        SvgPage page = pages.get(measure.page());
        int staffInSystem = layout.systemStaffIndex(t.partIndex(), t.staffNumber());
        Staff staff = systemsByPage.get(measure.page()).get(measure.systemOnPage()).get(staffInSystem);
        double scale = staff.frame().uniformScale();
        Double absX = null;
        if (t.defaultX() != null) {
            double firstSystemLeft = layout.systemLeft(layout.measures().get(0));
            double localX = X_OFFSET + (layout.systemLeft(measure) - firstSystemLeft + measure.xInSystem()
                    + t.defaultX()) * X_SCALE;
            absX = staff.frame().applyX(localX, 0);
            if (Math.abs(staff.frame().b()) > 1e-9 || scale == 0) {
                absX = null;
            }
        }
        List<Double> heights = new ArrayList<>();
        Optional<Integer> topLine = layout.clefAt(t.partId(), t.staffNumber(), t.measureIndex(), t.onsetQuarters())
                .topLineStep();
        if (topLine.isPresent()) {
            // Under 8va the pitch is an octave above where the head is drawn: the drawn step counts.
            for (int shift : layout.octaveShiftStepsAt(t.partId(), t.staffNumber(), t.measureIndex(), t.onsetQuarters())) {
                heights.add(staff.top() + (topLine.get() - (t.diatonicStep() + shift)) * staff.space() / 2);
            }
        }
        Cell cell = new Cell(measure.page(), measure.systemOnPage(), staffInSystem, t.measureIndex());
        cells.computeIfAbsent(cell, k -> new ArrayList<>())
                .add(new Context(t, measure, page, staff, measure.systemOnPage(), staffInSystem, absX, heights));
        return null;
    }

    private void matchCell(ScoreLayout layout, Cell cell, List<Context> notes, Map<Integer, List<List<Staff>>> systemsByPage,
                           Set<String> usedGlyphs, Map<String, NoteheadAssignment> outcome) {
        Context any = notes.get(0);
        SvgPage page = any.page();
        Staff staff = any.staff();
        List<Staff> pageStaves = page.staves();
        double[] range = measureRange(layout, any, systemsByPage.get(page.index()).get(cell.system()));
        List<NoteheadGlyph> inCell = new ArrayList<>();
        for (NoteheadGlyph g : page.noteheads()) {
            if (g.absoluteX() >= range[0] && g.absoluteX() < range[1] && nearestStaff(pageStaves, g) == staff.indexOnPage()) {
                inCell.add(g);
            }
        }
        for (boolean grace : new boolean[] {false, true}) {
            List<Context> wanted = notes.stream().filter(c -> c.target().grace() == grace).toList();
            List<NoteheadGlyph> offered = inCell.stream().filter(g -> isGrace(g, staff) == grace)
                    .sorted(Comparator.comparingDouble(NoteheadGlyph::absoluteX).thenComparingInt(NoteheadGlyph::ordinal))
                    .toList();
            if (!wanted.isEmpty()) {
                matchKind(wanted, offered, staff, usedGlyphs, outcome);
            }
        }
    }

    /** The page x range of the measure: from the barlines when they agree with the MusicXML. */
    private double[] measureRange(ScoreLayout layout, Context c, List<Staff> system) {
        Staff staff = c.staff();
        List<Double> edges = new ArrayList<>(List.of(staff.left(), staff.right()));
        for (Barline b : c.page().barlines()) {
            if (b.crosses(staff.indexOnPage())) {
                edges.add(b.x());
            }
        }
        edges.sort(Double::compare);
        List<Double> merged = new ArrayList<>();
        for (double x : edges) {
            if (merged.isEmpty() || x - merged.get(merged.size() - 1) > MERGE_IN_SPACES * staff.space()) {
                merged.add(x);
            }
        }
        List<MeasureLayout> inSystem = layout.systemOf(c.measure());
        if (merged.size() - 1 == inSystem.size()) {
            int i = c.measure().indexInSystem();
            return new double[] {merged.get(i), merged.get(i + 1)};
        }
        // The barlines do not tell the measures apart (hidden or unusual barlines): use the layout.
        double firstSystemLeft = layout.systemLeft(layout.measures().get(0));
        double start = X_OFFSET + (layout.systemLeft(c.measure()) - firstSystemLeft + c.measure().xInSystem()) * X_SCALE;
        double end = start + c.measure().width() * X_SCALE;
        return new double[] {staff.frame().applyX(start, 0), staff.frame().applyX(end, 0)};
    }

    private static int nearestStaff(List<Staff> staves, NoteheadGlyph g) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (Staff s : staves) {
            double margin = 2 * s.space();
            if (g.absoluteX() < s.left() - margin || g.absoluteX() > s.right() + margin) {
                continue;
            }
            double d = s.verticalDistance(g.absoluteY());
            if (d < bestDistance) {
                bestDistance = d;
                best = s.indexOnPage();
            }
        }
        return best;
    }

    static boolean isGrace(NoteheadGlyph g, Staff staff) {
        return g.absoluteFontSize() < GRACE_SIZE_RATIO * FONT_SIZE_IN_SPACES * staff.space();
    }

    private void matchKind(List<Context> wanted, List<NoteheadGlyph> offered, Staff staff, Set<String> usedGlyphs,
                           Map<String, NoteheadAssignment> outcome) {
        List<List<Context>> slots = slots(wanted);
        List<List<NoteheadGlyph>> columns = columns(offered, staff);
        if (slots.size() == columns.size()) {
            for (int i = 0; i < slots.size(); i++) {
                matchColumn(slots.get(i), columns.get(i), staff, usedGlyphs, outcome);
            }
            return;
        }
        matchByPrediction(wanted, offered, staff, usedGlyphs, outcome,
                slots.size() + " onsets but " + columns.size() + " notehead columns in the measure");
    }

    /** Onset slots left to right; grace notes at one onset each take their own slot, in order. */
    private static List<List<Context>> slots(List<Context> wanted) {
        List<List<Context>> slots = new ArrayList<>();
        List<Context> ordered = new ArrayList<>(wanted);
        // A stable sort keeps the document order of grace notes that share an onset.
        ordered.sort(Comparator.comparingDouble(c -> c.target().onsetQuarters()));
        for (Context c : ordered) {
            List<Context> last = slots.isEmpty() ? null : slots.get(slots.size() - 1);
            boolean sameOnset = last != null
                    && Math.abs(last.get(0).target().onsetQuarters() - c.target().onsetQuarters()) < 1e-6;
            boolean joins = sameOnset && (!c.target().grace() || c.target().chordIndex() > 0);
            if (joins) {
                last.add(c);
            } else {
                slots.add(new ArrayList<>(List.of(c)));
            }
        }
        return slots;
    }

    private static List<List<NoteheadGlyph>> columns(List<NoteheadGlyph> offered, Staff staff) {
        List<List<NoteheadGlyph>> columns = new ArrayList<>();
        for (NoteheadGlyph g : offered) {
            List<NoteheadGlyph> last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
            double width = COLUMN_WIDTH_IN_SPACES * staff.space() * sizeRatio(g, staff);
            if (last != null && g.absoluteX() - last.get(0).absoluteX() <= width) {
                last.add(g);
            } else {
                columns.add(new ArrayList<>(List.of(g)));
            }
        }
        return columns;
    }

    private static double sizeRatio(NoteheadGlyph g, Staff staff) {
        return Math.min(1.0, g.absoluteFontSize() / (FONT_SIZE_IN_SPACES * staff.space()));
    }

    private void matchColumn(List<Context> slot, List<NoteheadGlyph> column, Staff staff, Set<String> usedGlyphs,
                             Map<String, NoteheadAssignment> outcome) {
        List<Context> byPitch = new ArrayList<>(slot);
        byPitch.sort(Comparator.comparingInt((Context c) -> -c.target().diatonicStep())
                .thenComparingInt(c -> c.target().chordIndex()));
        List<NoteheadGlyph> byHeight = new ArrayList<>(column);
        byHeight.sort(Comparator.comparingDouble(NoteheadGlyph::absoluteY).thenComparingDouble(NoteheadGlyph::absoluteX));
        if (byPitch.size() == byHeight.size()) {
            for (int i = 0; i < byPitch.size(); i++) {
                accept(byPitch.get(i), byHeight.get(i), staff, usedGlyphs, outcome);
            }
            return;
        }
        matchByPrediction(byPitch, byHeight, staff, usedGlyphs, outcome,
                slot.size() + " notes at this onset but " + column.size() + " noteheads in its column");
    }

    /** Pairs notes and glyphs by closeness to the predicted position, closest pairs first. */
    private void matchByPrediction(List<Context> wanted, List<NoteheadGlyph> offered, Staff staff, Set<String> usedGlyphs,
                                   Map<String, NoteheadAssignment> outcome, String why) {
        record Pair(int note, int glyph, double cost) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Context c = wanted.get(i);
            for (int j = 0; j < offered.size(); j++) {
                NoteheadGlyph g = offered.get(j);
                if (c.heights().isEmpty() || c.predictedAbsX() == null) {
                    continue;
                }
                double dy = Math.abs(g.absoluteY() - c.heightNearest(g)) / staff.space();
                double dx = Math.abs(g.absoluteX() - c.predictedAbsX()) / staff.space();
                if (dy <= PITCH_TOLERANCE_IN_SPACES && dx <= X_TOLERANCE_IN_SPACES) {
                    pairs.add(new Pair(i, j, dx * dx + dy * dy));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::cost).thenComparingInt(Pair::note).thenComparingInt(Pair::glyph));
        Set<Integer> doneNotes = new HashSet<>();
        Set<Integer> doneGlyphs = new HashSet<>();
        for (Pair p : pairs) {
            if (doneNotes.contains(p.note()) || doneGlyphs.contains(p.glyph())) {
                continue;
            }
            doneNotes.add(p.note());
            doneGlyphs.add(p.glyph());
            accept(wanted.get(p.note()), offered.get(p.glyph()), staff, usedGlyphs, outcome);
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!doneNotes.contains(i)) {
                Context c = wanted.get(i);
                String reason = c.predictedAbsX() == null
                        ? why + ", and the note has no default-x to tell them apart"
                        : why + ", and no unused notehead lies near the note's predicted position";
                outcome.put(c.target().universalId(), new NoteheadFailure(c.target().universalId(),
                        describe(c.target()) + ": " + reason));
            }
        }
    }

    private void accept(Context c, NoteheadGlyph g, Staff staff, Set<String> usedGlyphs,
                        Map<String, NoteheadAssignment> outcome) {
        NoteheadTarget t = c.target();
        String key = g.page() + ":" + g.ordinal();
        Double predictedAbsY = c.heightNearest(g);
        if (predictedAbsY != null
                && Math.abs(g.absoluteY() - predictedAbsY) > PITCH_TOLERANCE_IN_SPACES * staff.space()) {
            outcome.put(t.universalId(), new NoteheadFailure(t.universalId(), describe(t)
                    + ": the notehead in its place (" + g.glyph() + " at x=" + Matrix.num(g.localX()) + ", y="
                    + Matrix.num(g.localY()) + ") is not at the height of " + t.pitchName() + "; not assigned"));
            return;
        }
        if (!usedGlyphs.add(key)) {
            outcome.put(t.universalId(), new NoteheadFailure(t.universalId(), describe(t)
                    + ": its notehead was already given to another note"));
            return;
        }
        Matrix toLocal = g.transform().inverse();
        Double predictedX = null;
        Double predictedY = null;
        double dx2 = 0;
        boolean any = false;
        if (c.predictedAbsX() != null) {
            double refY = predictedAbsY != null ? predictedAbsY : g.absoluteY();
            predictedX = toLocal.applyX(c.predictedAbsX(), refY);
            dx2 += Math.pow(predictedX - g.localX(), 2);
            any = true;
        }
        if (predictedAbsY != null) {
            double refX = c.predictedAbsX() != null ? c.predictedAbsX() : g.absoluteX();
            predictedY = toLocal.applyY(refX, predictedAbsY);
            dx2 += Math.pow(predictedY - g.localY(), 2);
            any = true;
        }
        outcome.put(t.universalId(), new NoteheadPlacement(t.universalId(), g.localX(), g.localY(), g.page(),
                c.system(), c.staffInSystem(), g.glyph(), g.fontFamily(), g.fontSize(), predictedX, predictedY,
                any ? Math.sqrt(dx2) : null, g.absoluteX(), g.absoluteY(), t.measureIndex(), g.ordinal()));
    }

    private static String describe(NoteheadTarget t) {
        return (t.grace() ? "grace note " : "note ") + t.pitchName() + " (" + t.universalId() + ", part " + t.partId()
                + ", measure " + t.measureNumber() + ", beat offset " + t.onsetQuarters() + ")";
    }
}
