package io.sib2ae.orchestrator.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arpeggiated chords are rolled in MusicXML-only mode: about 30 ms a note at 120, bottom to top unless down. */
class ArpeggioRollTest {

    private static final CoordinatedScore SCORE = FidelityFiles.coordinate("arpeggios.musicxml");

    private static List<CoordinatedNote> at(String partId, int measureIndex) {
        return SCORE.notes().stream().filter(n -> n.notated().partId().equals(partId) && n.notated().measureIndex() == measureIndex)
                .sorted(Comparator.comparingInt(n -> n.notated().documentIndex())).toList();
    }

    @Test
    void aChordRollsUpFromItsLowestNoteAndEveryNoteEndsWithTheChord() {
        List<CoordinatedNote> chord = at("P1", 0).subList(0, 4);
        assertThat(chord).extracting(n -> n.notated().pitchName(), CoordinatedNote::calculatedStartTime,
                CoordinatedNote::durationSeconds).containsExactly(
                tuple("C4", 0.0, 1.0), tuple("E4", 0.03, 0.97), tuple("G4", 0.06, 0.94), tuple("C5", 0.09, 0.91));
        assertThat(chord).extracting(n -> n.playing().arpeggio())
                .containsExactly(new PlayingFacts.Arpeggio(0, 0.09, "up"), new PlayingFacts.Arpeggio(0.03, 0.09, "up"),
                        new PlayingFacts.Arpeggio(0.06, 0.09, "up"), new PlayingFacts.Arpeggio(0.09, 0.09, "up"));
    }

    @Test
    void aChordMarkedDownRollsFromTheTop() {
        assertThat(at("P1", 0).subList(4, 7)).extracting(n -> n.notated().pitchName(), CoordinatedNote::calculatedStartTime,
                n -> n.playing().arpeggio().order()).containsExactly(
                tuple("F4", 1.06, "down"), tuple("A4", 1.03, "down"), tuple("C5", 1.0, "down"));
    }

    @Test
    void oneNumberRollsBothStavesAsOneChordWiderAtASlowerTempo() {
        // Bar 2 starts at 2 s; at 60 the step doubles to 60 ms, and the roll runs C3 G3 E4 C5 across both hands.
        assertThat(at("P2", 1)).extracting(n -> n.notated().pitchName(), CoordinatedNote::calculatedStartTime)
                .containsExactlyInAnyOrder(tuple("C3", 2.0), tuple("G3", 2.06), tuple("E4", 2.12), tuple("C5", 2.18));
        assertThat(at("P2", 1)).allSatisfy(n -> assertThat(n.playing().arpeggio().spreadSeconds()).isEqualTo(0.18));
    }

    @Test
    void aChordNotMarkedIsStruckAtOnceAndRecordsNoRoll() {
        CoordinatedScore plain = Fixtures.coordinator().coordinate(Fixtures.utf8(Fixtures.onePart("""
                <measure number="1"><attributes><divisions>1</divisions></attributes>
                <note><pitch><step>C</step><octave>4</octave></pitch><duration>4</duration><voice>1</voice></note>
                <note><chord/><pitch><step>E</step><octave>4</octave></pitch><duration>4</duration><voice>1</voice></note>
                </measure>""")), "plain.xml", null, null);
        assertThat(plain.notes()).extracting(CoordinatedNote::calculatedStartTime).containsOnly(0.0);
        assertThat(plain.notes()).extracting(n -> n.playing().arpeggio()).containsOnlyNulls();
    }

    @Test
    void theStepNeverTakesMoreThanHalfAShortChord() {
        ArpeggioRoll.Place place = new ArpeggioRoll.Place(1, 6, false, 0.25);
        // Five steps within half of 0.1 s: 10 ms each, not 30.
        assertThat(place.stepSeconds(120, 0.1)).isEqualTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
    }
}
