package io.sib2ae.orchestrator.notehead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ss9NoteheadTest {

    private static SvgPage page;
    private static ScoreLayout layout;
    private static List<NoteheadTarget> targets;
    private static List<NoteheadAssignment> assignments;

    @BeforeAll
    static void readScore() throws Exception {
        page = new NoteheadLocator().locate(TestPages.ss9Svg(), 0);
        layout = new ScoreLayoutReader().read(TestPages.ss9MusicXml());
        targets = MusicXmlTargets.read(TestPages.ss9MusicXml());
        assignments = new NoteheadAssigner().assign(layout, List.of(page), targets);
    }

    @Test
    void findsExactlyTheNineNoteheadsOfThePage() {
        assertThat(page.noteheads()).hasSize(9);
        assertThat(page.noteheads()).extracting(NoteheadGlyph::glyph)
                .containsOnly("U+F0CF", "U+F0FA")
                .filteredOn("U+F0FA"::equals).hasSize(1);
        NoteheadGlyph half = page.noteheads().stream().filter(g -> g.shape() == NoteheadShape.HALF).findFirst().orElseThrow();
        assertThat(half.localX()).isEqualTo(2723);
        assertThat(half.localY()).isEqualTo(1429);
        assertThat(half.fontFamily()).isEqualTo("Helsinki Std");
        assertThat(half.fontSize()).isEqualTo(96);
    }

    @Test
    void appliesTheWholeTransformChainForPageCoordinates() {
        NoteheadGlyph half = page.noteheads().stream().filter(g -> g.shape() == NoteheadShape.HALF).findFirst().orElseThrow();
        assertThat(half.absoluteX()).isCloseTo(2723 * 0.531496, within(1e-6));
        assertThat(half.absoluteY()).isCloseTo(1429 * 0.531496, within(1e-6));
        assertThat(half.ancestors()).extracting(ElementTag::localName).containsExactly("svg", "g", "g");
    }

    @Test
    void findsTwoFiveLineStavesAndTheBarlinesBetweenMeasures() {
        assertThat(page.staves()).hasSize(2);
        Staff flute = page.staves().get(0);
        assertThat(flute.top()).isCloseTo(977 * 0.531496, within(1e-6));
        assertThat(flute.space()).isCloseTo(24 * 0.531496, within(1e-6));
        assertThat(flute.left()).isCloseTo(564 * 0.531496, within(1e-6));
        assertThat(page.barlines()).extracting(b -> Math.round(b.x() / 0.531496))
                .contains(566L, 1422L, 2047L, 2673L, 3403L, 4578L, 4600L);
    }

    @Test
    void readsLayoutFromTheMusicXml() {
        assertThat(layout.parts()).extracting(ScoreLayout.PartLayout::id).containsExactly("P1", "P2");
        assertThat(layout.totalStaves()).isEqualTo(2);
        assertThat(layout.measures()).extracting(ScoreLayout.MeasureLayout::width)
                .containsExactly(268.0, 195.0, 195.0, 228.0, 375.0);
        assertThat(layout.measures()).allMatch(m -> m.page() == 0 && m.systemOnPage() == 0);
        assertThat(layout.systemLeft(layout.measures().get(3))).isEqualTo(84 + 92);
        assertThat(layout.clefAt("P2", 1, 4, 0).sign()).isEqualTo("G");
    }

    @Test
    void assignsThreeFluteAndSixViolinNotesAtTheExpectedPositions() throws Exception {
        assertThat(targets).hasSize(9);
        assertThat(assignments).allMatch(a -> a instanceof NoteheadPlacement, "every note placed: " + assignments);
        List<TestPages.Position> expected = TestPages.expectedNoteheads();
        // The expected file lists Flûte then Violon, each in score order, exactly like the MusicXML.
        List<String> expectedNotes = List.of("P1 4 A4", "P1 5 A4", "P1 5 G4",
                "P2 4 B3", "P2 4 B3", "P2 5 B3", "P2 5 A3", "P2 5 C4", "P2 5 B3");
        for (int i = 0; i < targets.size(); i++) {
            NoteheadTarget t = targets.get(i);
            NoteheadPlacement p = (NoteheadPlacement) assignments.get(i);
            assertThat(t.partId() + " " + t.measureNumber() + " " + t.pitchName()).isEqualTo(expectedNotes.get(i));
            assertThat(p.universalId()).isEqualTo(t.universalId());
            assertThat(p.x()).as("x of %s", t.universalId()).isCloseTo(expected.get(i).x(), within(0.5));
            assertThat(p.y()).as("y of %s", t.universalId()).isCloseTo(expected.get(i).y(), within(0.5));
            assertThat(p.page()).isZero();
            assertThat(p.system()).isZero();
            assertThat(p.staff()).isEqualTo(t.partIndex());
            assertThat(p.font()).isEqualTo("Helsinki Std");
        }
        assertThat(assignments).extracting(a -> ((NoteheadPlacement) a).glyphOrdinal()).doesNotHaveDuplicates();
    }

    @Test
    void recordsPredictionsCloseToTheFoundNoteheads() {
        for (NoteheadAssignment a : assignments) {
            NoteheadPlacement p = (NoteheadPlacement) a;
            assertThat(p.predictedY()).as("predicted y of %s", p.universalId()).isCloseTo(p.y(), within(0.5));
            assertThat(p.predictedX()).as("predicted x of %s", p.universalId()).isCloseTo(p.x(), within(3.0));
            assertThat(p.distance()).isLessThan(3.0);
        }
    }

    @Test
    void theViolinHalfNoteGetsTheHalfNotehead() {
        NoteheadPlacement dottedHalf = (NoteheadPlacement) assignments.get(3);
        assertThat(dottedHalf.glyph()).isEqualTo("U+F0FA");
        assertThat(dottedHalf.x()).isEqualTo(2723);
        assertThat(dottedHalf.y()).isEqualTo(1429);
    }

    @Test
    void allNoteheadsFileHoldsTheExpectedGlyphPositions(@TempDir Path out) throws Exception {
        Path all = out.resolve("noteheads_all.svg");
        Map<Integer, String> ids = new HashMap<>();
        for (NoteheadAssignment a : assignments) {
            NoteheadPlacement p = (NoteheadPlacement) a;
            ids.put(p.glyphOrdinal(), p.universalId());
        }
        assertThat(new NoteheadSvgWriter().writeAllNoteheads(page, ids, all)).as("placeholders").isEmpty();
        WrittenSvg written = WrittenSvg.read(all);
        assertThat(written.viewBox()).isEqualTo("0 0 2592 3455");
        assertThat(written.textElements()).isZero();
        assertThat(written.glyphs()).hasSize(9).allMatch(WrittenSvg.GlyphPath::notehead);
        assertThat(written.glyphs()).extracting(WrittenSvg.GlyphPath::universalId)
                .containsExactlyInAnyOrderElementsOf(assignments.stream().map(NoteheadAssignment::universalId).toList());
        // A notehead's outline starts at the glyph's x and is centred on its baseline, in SMuFL as
        // in Sibelius' fonts; the expected file gives those in the 0.531496-scaled score frame.
        double scale = 0.531496;
        List<TestPages.Position> found = written.glyphs().stream().map(g -> {
            Rectangle2D box = g.onCurveBounds();
            return new TestPages.Position(Math.round(box.getMinX() / scale), Math.round(box.getCenterY() / scale));
        }).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(TestPages.expectedNoteheads());
        assertThat(written.glyphs()).noneMatch(WrittenSvg.GlyphPath::transformed);
    }

    @Test
    void pageWithoutNoteheadsKeepsEverythingElse(@TempDir Path out) throws Exception {
        Path rest = out.resolve("score_without_noteheads.svg");
        assertThat(new NoteheadSvgWriter().writeWithoutNoteheads(page, rest)).as("placeholders").isEmpty();
        SvgPage reread = new NoteheadLocator().locate(rest, 0);
        // Every single-character music text became one path, so the count of drawn items holds.
        assertThat(reread.items()).hasSize(page.items().size() - 9);
        assertThat(reread.staves()).hasSize(2);
        assertThat(reread.barlines()).hasSameSizeAs(page.barlines());
        WrittenSvg written = WrittenSvg.read(rest);
        assertThat(written.musicFontTexts()).isEmpty();
        assertThat(written.noteheads()).isEmpty();
        assertThat(written.glyphs()).extracting(WrittenSvg.GlyphPath::smufl)
                .contains("gClef", "accidentalSharp", "timeSig4", "restWhole", "flag8thUp", "augmentationDot", "dynamicPiano");
    }

    @Test
    void instrumentFilesHoldOnlyTheirOwnStaff(@TempDir Path out) throws Exception {
        NoteheadSvgWriter writer = new NoteheadSvgWriter();
        Path flute = NoteheadSvgWriter.instrumentPath(out, "Flute", "P1");
        Path violin = NoteheadSvgWriter.instrumentPath(out, "Violon", "P2");
        writer.writeInstrument(page, layout, "P1", flute);
        writer.writeInstrument(page, layout, "P2", violin);
        assertThat(flute).hasFileName("Flute_P1.svg");
        assertThat(flute.getParent()).hasFileName("instruments");
        SvgPage fluteOnly = new NoteheadLocator().locate(flute, 0);
        SvgPage violinOnly = new NoteheadLocator().locate(violin, 0);
        assertThat(WrittenSvg.read(flute).noteheads()).hasSize(3);
        assertThat(WrittenSvg.read(violin).noteheads()).hasSize(6);
        assertThat(WrittenSvg.read(flute).musicFontTexts()).isEmpty();
        assertThat(fluteOnly.staves()).hasSize(1);
        assertThat(fluteOnly.staves().get(0).top()).isEqualTo(page.staves().get(0).top());
        assertThat(violinOnly.staves()).hasSize(1);
        assertThat(violinOnly.staves().get(0).top()).isEqualTo(page.staves().get(1).top());
        // The system's opening barline spans both staves, so both files draw it.
        assertThat(fluteOnly.items().size() + violinOnly.items().size()).isGreaterThan(page.items().size() - 5);
    }
}
