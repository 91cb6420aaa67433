package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.score.ScoreLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VariantNoteheadTest {

    /** Music-font glyphs on these pages that are not noteheads: clefs, key sharps, rests, ornaments, flags, dots, slash. */
    private static final Set<Integer> NOT_NOTEHEADS = Set.of(
            0xF026, 0xF023, 0xF0B7, 0xF0EE, 0xF0CE, 0xF0E4, 0xF04D, 0xF0D9, 0xF07E, 0xF06A, 0xF04A, 0xF0AA, 0xF0DE);

    private record Variant(SvgPage page, List<NoteheadTarget> targets, List<NoteheadAssignment> assignments) {
    }

    private static Variant read(String folder) throws Exception {
        SvgPage page = new NoteheadLocator().locate(TestPages.variant(folder, "svg"), 0);
        ScoreLayout layout = TestPages.layout(TestPages.variant(folder, "musicxml"));
        List<NoteheadTarget> targets = MusicXmlTargets.read(TestPages.variant(folder, "musicxml"));
        return new Variant(page, targets, new NoteheadAssigner().assign(layout, List.of(page), targets));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acciatura", "Mordent", "Trill", "Lelandia"})
    void everyNotatedNoteGetsItsOwnNotehead(String folder) throws Exception {
        Variant v = read(folder);
        assertThat(v.assignments()).hasSameSizeAs(v.targets());
        assertThat(v.assignments()).allSatisfy(a -> assertThat(a).isInstanceOf(NoteheadPlacement.class));
        List<Integer> used = v.assignments().stream().map(a -> ((NoteheadPlacement) a).glyphOrdinal()).toList();
        assertThat(used).doesNotHaveDuplicates();
        // Every notehead on the page belongs to exactly one note: none left over, none shared.
        assertThat(used).containsExactlyInAnyOrderElementsOf(
                v.page().noteheads().stream().map(NoteheadGlyph::ordinal).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acciatura", "Mordent", "Trill", "Lelandia"})
    void pitchAndMeasureOfEveryPlacementAgreeWithItsNote(String folder) throws Exception {
        Variant v = read(folder);
        for (int i = 0; i < v.targets().size(); i++) {
            NoteheadTarget t = v.targets().get(i);
            NoteheadPlacement p = (NoteheadPlacement) v.assignments().get(i);
            assertThat(p.measureIndex()).isEqualTo(t.measureIndex());
            assertThat(p.staff()).isEqualTo(t.partIndex());
            assertThat(p.y()).as("height of %s", t.universalId()).isCloseTo(p.predictedY(), within(0.5));
            assertThat(p.x()).as("x of %s", t.universalId()).isCloseTo(p.predictedX(), within(4.0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acciatura", "Mordent", "Trill", "Lelandia"})
    void graceNotesGetSmallNoteheadsAndOtherNotesFullSizeOnes(String folder) throws Exception {
        Variant v = read(folder);
        for (int i = 0; i < v.targets().size(); i++) {
            NoteheadPlacement p = (NoteheadPlacement) v.assignments().get(i);
            if (v.targets().get(i).grace()) {
                assertThat(p.fontSize()).isEqualTo(58);
            } else {
                assertThat(p.fontSize()).isEqualTo(96);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acciatura", "Mordent", "Trill", "Lelandia"})
    void ornamentsClefsRestsAndAccidentalsAreNeverNoteheads(String folder) throws Exception {
        Variant v = read(folder);
        Map<Integer, Integer> others = musicGlyphsByOrdinal(TestPages.variant(folder, "svg"));
        assertThat(others.values()).as("the page has such symbols to get wrong").isNotEmpty();
        for (NoteheadAssignment a : v.assignments()) {
            int ordinal = ((NoteheadPlacement) a).glyphOrdinal();
            assertThat(others).doesNotContainKey(ordinal);
        }
        assertThat(v.page().noteheads()).extracting(NoteheadGlyph::ordinal).doesNotContainAnyElementsOf(others.keySet());
    }

    @org.junit.jupiter.api.Test
    void acciaccaturaIsTheSmallBlackNoteheadNotTheSlash() throws Exception {
        Variant v = read("Acciatura");
        NoteheadTarget grace = v.targets().stream().filter(NoteheadTarget::grace).findFirst().orElseThrow();
        assertThat(grace.pitchName()).isEqualTo("F#4");
        NoteheadPlacement p = (NoteheadPlacement) v.assignments().get(v.targets().indexOf(grace));
        assertThat(p.glyph()).isEqualTo("U+F0CF");
        assertThat(p.font()).isEqualTo("Lelandia Std");
        assertThat(p.x()).isEqualTo(3554);
        assertThat(p.y()).isEqualTo(1046);
        // U+F0DE at size 58 is in "Lelandia Special Std": the slash through the grace note's stem.
        assertThat(v.page().noteheads()).noneMatch(g -> g.codePoint() == 0xF0DE);
    }

    /** Ordinal to code point of every single-glyph music-font text that is a known non-notehead. */
    private static Map<Integer, Integer> musicGlyphsByOrdinal(Path svg) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        Map<Integer, Integer> found = new HashMap<>();
        try (InputStream in = Files.newInputStream(svg)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            int ordinal = -1;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    ordinal++;
                    if (r.getLocalName().equals("text")) {
                        int at = ordinal;
                        String content = r.getElementText().strip();
                        // getElementText consumed the end tag; text has no child elements here.
                        if (content.codePointCount(0, content.length()) == 1 && NOT_NOTEHEADS.contains(content.codePointAt(0))) {
                            found.put(at, content.codePointAt(0));
                        }
                    }
                }
            }
        }
        return found;
    }
}
