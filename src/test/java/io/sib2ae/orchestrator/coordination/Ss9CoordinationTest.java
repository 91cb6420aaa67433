package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.ScorePart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sib2ae.orchestrator.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Sibelius export the project was built for: SS 9 (Flûte and Violon, 9 noteheads,
 * two tie chains), with its MIDI at 100 BPM and 960 ticks per quarter, so one quarter is
 * exactly 0.6 s and one tick 0.000625 s.
 */
class Ss9CoordinationTest {

    private static final double QUARTER = 0.6;
    private static byte[] xml;
    private static byte[] midi;
    private static CoordinatedScore withMidi;
    private static CoordinatedScore withoutMidi;

    @BeforeAll
    static void coordinate() {
        xml = TestData.bytes("sib2ae/SS 9.musicxml");
        midi = TestData.bytes("sib2ae/SS 9.mid");
        withMidi = Fixtures.coordinator().coordinate(xml, "SS 9.musicxml", midi, "SS 9.mid");
        withoutMidi = Fixtures.coordinator().coordinate(xml, "SS 9.musicxml", null, null);
    }

    private static CoordinatedNote note(CoordinatedScore score, String instrument, String pitch, String measure, double onset) {
        return score.notes().stream().filter(n -> n.instrument().equals(instrument) && n.notated().pitchName().equals(pitch)
                        && n.notated().measureNumber().equals(measure) && n.notated().onsetInMeasure() == onset)
                .findFirst().orElseThrow(() -> new AssertionError("no " + instrument + " " + pitch + " M" + measure + "@" + onset));
    }

    @Test
    void hasFluteAndViolinWithTheirGeneralMidiSounds() {
        assertThat(withMidi.score().parts()).extracting(ScorePart::name).containsExactly("Flûte", "Violon");
        // Program and channel come from the MIDI lanes the parts were matched to: flute 73, violin 40.
        assertThat(withMidi.notes()).filteredOn(n -> n.instrument().equals("Flûte"))
                .extracting(CoordinatedNote::midiProgram, CoordinatedNote::midiChannel).containsOnly(tuple(73, 0));
        assertThat(withMidi.notes()).filteredOn(n -> n.instrument().equals("Violon"))
                .extracting(CoordinatedNote::midiProgram, CoordinatedNote::midiChannel).containsOnly(tuple(40, 1));
    }

    @Test
    void theNineNoteheadsAreTheOnesTheExpectedSvgLists() {
        // The reference SVG annotates each notehead: "<!-- A4 Quarter Note: Measure 4, x=157, ... -->",
        // grouped under "Flute Noteheads" and "Violin Noteheads"; x is the MusicXML default-x.
        String svg = new String(TestData.bytes("sib2ae/SS 9 noteheads-expected.svg"), StandardCharsets.UTF_8);
        Matcher comment = Pattern.compile("<!-- (?:(Flute|Violin) Noteheads|([A-G][#b]?\\d) [^:]*: Measure (\\d+), x=(\\d+),)").matcher(svg);
        List<String> expected = new ArrayList<>();
        String instrument = null;
        while (comment.find()) {
            if (comment.group(1) != null) {
                instrument = comment.group(1).equals("Flute") ? "Flûte" : "Violon";
            } else {
                expected.add(instrument + " " + comment.group(2) + " M" + comment.group(3) + " x=" + comment.group(4));
            }
        }
        assertThat(expected).hasSize(9);
        List<String> actual = withMidi.notes().stream().map(n -> n.instrument() + " " + n.notated().pitchName() + " M"
                + n.notated().measureNumber() + " x=" + Math.round(n.notated().defaultX())).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(actual).filteredOn(s -> s.startsWith("Flûte")).hasSize(3);
        assertThat(actual).filteredOn(s -> s.startsWith("Violon")).hasSize(6);
    }

    @Test
    void everyNoteStartsOnItsMidiTick() {
        // Bar 4 starts at quarter 12 (7.2 s); bar 5 at quarter 16 (9.6 s).
        assertThat(note(withMidi, "Violon", "B3", "4", 0).calculatedStartTime()).isEqualTo(7.2);
        assertThat(note(withMidi, "Flûte", "A4", "4", 3).calculatedStartTime()).isEqualTo(9.0);
        assertThat(note(withMidi, "Violon", "B3", "4", 3).calculatedStartTime()).isEqualTo(9.0);
        assertThat(note(withMidi, "Flûte", "A4", "5", 0).calculatedStartTime()).isEqualTo(9.6);
        assertThat(note(withMidi, "Flûte", "G4", "5", 0.5).calculatedStartTime()).isEqualTo(9.9);
        assertThat(note(withMidi, "Violon", "A3", "5", 0.5).calculatedStartTime()).isEqualTo(9.9);
        assertThat(note(withMidi, "Violon", "C4", "5", 1.5).calculatedStartTime()).isEqualTo(10.5);
        assertThat(note(withMidi, "Violon", "B3", "5", 2).calculatedStartTime()).isEqualTo(10.8);
        assertThat(withMidi.matchSummary().expectedSoundings()).isEqualTo(6);
        assertThat(withMidi.matchSummary().matchedExactly()).isEqualTo(6);
        assertThat(withMidi.timingSource()).isEqualTo(NoteCoordinator.MIDI_EXACT);
    }

    @Test
    void untiedNotesTakeTheirMidiDurationAndVelocity() {
        // Violin A3: ticks 15840-16819 = 979 ticks = 0.611875 s, velocity 66; C4: 454 ticks = 0.28375 s.
        CoordinatedNote a3 = note(withMidi, "Violon", "A3", "5", 0.5);
        assertThat(a3.durationSeconds()).isEqualTo(0.611875);
        assertThat(a3.velocity()).isEqualTo(66);
        assertThat(a3.timingSource()).isEqualTo(NoteCoordinator.MIDI_EXACT);
        assertThat(a3.timingConfidence()).isEqualTo(1.0);
        assertThat(note(withMidi, "Violon", "C4", "5", 1.5).durationSeconds()).isEqualTo(0.28375);
        assertThat(note(withMidi, "Flûte", "G4", "5", 0.5).durationSeconds()).isEqualTo(0.6);
    }

    @Test
    void tiedGroupsAreFoundAcrossTheBarline() {
        List<TiedGroup> groups = TieChains.find(withMidi.score().notes());
        assertThat(groups).hasSize(2);
        assertThat(groups).extracting(g -> Fixtures.describe(g.members())).containsExactly(
                List.of("B3@12/3", "B3@15/1", "B3@16/0.5"),
                List.of("A4@15/1", "A4@16/0.5"));
    }

    @Test
    void tiedPrimaryCarriesTheWholeChainsDuration() {
        CoordinatedNote flute = note(withMidi, "Flûte", "A4", "4", 3);
        CoordinatedNote violin = note(withMidi, "Violon", "B3", "4", 0);
        assertThat(flute.primary()).isTrue();
        assertThat(violin.primary()).isTrue();
        // Flute A4 quarter + eighth = 1.5 quarters = 0.9 s, and the MIDI holds it exactly (1440 ticks).
        assertThat(flute.durationSeconds()).isEqualTo(0.9);
        // Violin dotted half + quarter + eighth = 4.5 quarters = 2.7 s notated; Sibelius plays it legato
        // into the A3 and releases it at tick 15926: 4406 ticks = 2.75375 s, the real sounding length.
        assertThat(violin.durationSeconds()).isEqualTo(2.75375).isGreaterThanOrEqualTo(4.5 * QUARTER);

        // Without MIDI the chain is timed from the notation at the default 120 qpm: 4.5 and 1.5 quarters.
        assertThat(note(withoutMidi, "Violon", "B3", "4", 0).durationSeconds()).isEqualTo(2.25);
        assertThat(note(withoutMidi, "Flûte", "A4", "4", 3).durationSeconds()).isEqualTo(0.75);
    }

    @Test
    void tiedSecondariesKeepTheirOwnIdAndPointToThePrimary() {
        CoordinatedNote primary = note(withMidi, "Violon", "B3", "4", 0);
        List<CoordinatedNote> chain = withMidi.notes().stream()
                .filter(n -> primary.tiedGroupId().equals(n.tiedGroupId())).toList();
        assertThat(chain).hasSize(3);
        assertThat(chain).extracting(CoordinatedNote::universalId).doesNotHaveDuplicates();
        assertThat(chain).filteredOn(n -> !n.primary()).hasSize(2).allSatisfy(n -> {
            assertThat(n.primaryUniversalId()).isEqualTo(primary.universalId());
            assertThat(n.velocity()).isEqualTo(primary.velocity());
            assertThat(n.matchMethod()).isEqualTo("tied_to_primary");
        });
        // Each notehead keeps its own place in time: the quarter at 9.0 s, the eighth at 9.6 s for 0.3 s.
        CoordinatedNote eighth = note(withMidi, "Violon", "B3", "5", 0);
        assertThat(eighth.calculatedStartTime()).isEqualTo(9.6);
        assertThat(eighth.durationSeconds()).isEqualTo(0.3);
        assertThat(eighth.positionInGroup()).isEqualTo(2);
        assertThat(primary.primaryUniversalId()).isNull();
        assertThat(primary.positionInGroup()).isZero();
    }

    @Test
    void withoutMidiTheNotationTempoAndPrintedDynamicsApply() {
        assertThat(withoutMidi.timingSource()).isEqualTo(NoteCoordinator.MUSICXML_TEMPO);
        assertThat(withoutMidi.notes()).allSatisfy(n -> assertThat(n.timingSource()).isEqualTo(NoteCoordinator.MUSICXML_TEMPO));
        // No tempo is written, so 120 qpm: bar 4 starts at quarter 12 = 6 s.
        assertThat(note(withoutMidi, "Violon", "B3", "4", 0).calculatedStartTime()).isEqualTo(6.0);
        // Velocity follows the printed dynamics: the violin is marked p (49); the flute has no
        // dynamic, so it plays at the mezzo-forte default of 80.
        assertThat(withoutMidi.notes()).filteredOn(n -> n.instrument().equals("Violon"))
                .extracting(CoordinatedNote::velocity).containsOnly(49);
        assertThat(withoutMidi.notes()).filteredOn(n -> n.instrument().equals("Flûte"))
                .extracting(CoordinatedNote::velocity).containsOnly(80);
    }

    @Test
    void universalIdsAreStableNameBasedUuids() {
        CoordinatedScore again = Fixtures.coordinator().coordinate(xml.clone(), "renamed.musicxml", midi, "other.mid");
        assertThat(again.notes()).extracting(CoordinatedNote::universalId)
                .containsExactlyElementsOf(withMidi.notes().stream().map(CoordinatedNote::universalId).toList());
        // The MIDI does not take part in the identity of a notehead.
        assertThat(withoutMidi.notes()).extracting(CoordinatedNote::universalId)
                .containsExactlyInAnyOrderElementsOf(withMidi.notes().stream().map(CoordinatedNote::universalId).toList());
        assertThat(withMidi.notes()).allSatisfy(n -> assertThat(UUID.fromString(n.universalId()).version()).isEqualTo(5));
        // Pinned: this ID was issued before and must be the same on every machine and in every later version.
        assertThat(note(withMidi, "Violon", "B3", "4", 0).universalId()).isEqualTo("e2488dec-ad2c-5bf6-be6b-2b8e4ed083f1");
    }
}
