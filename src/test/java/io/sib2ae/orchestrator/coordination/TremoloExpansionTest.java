package io.sib2ae.orchestrator.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tremolos keep one ID per notehead and sound as tremolos: the note's strokes are recorded and played. */
class TremoloExpansionTest {

    private static List<CoordinatedNote> notes(CoordinatedScore score) {
        return score.notes().stream().sorted(Comparator.comparingInt(n -> n.notated().documentIndex())).toList();
    }

    @Test
    void aSingleNoteTremoloRepeatsTheNoteInTheStrokesItsMarksDraw() {
        List<CoordinatedNote> notes = notes(FidelityFiles.coordinate("tremolos.musicxml"));
        assertThat(notes).hasSize(4);
        CoordinatedNote c5 = notes.get(0);
        // A quarter at 120 is 0.5 s: eight 32nds of 62.5 ms.
        assertThat(c5.playing().strokes()).hasSize(8);
        assertThat(c5.playing().strokes()).extracting(PlayingFacts.Stroke::offsetSeconds)
                .containsExactly(0.0, 0.0625, 0.125, 0.1875, 0.25, 0.3125, 0.375, 0.4375);
        assertThat(c5.playing().strokes()).extracting(PlayingFacts.Stroke::durationSeconds).containsOnly(0.0625);
        assertThat(c5.calculatedStartTime()).isEqualTo(0.0);
        assertThat(c5.durationSeconds()).isEqualTo(0.5);
        // One mark on a half note: four eighths.
        assertThat(notes.get(1).playing().strokes()).extracting(PlayingFacts.Stroke::offsetSeconds)
                .containsExactly(0.0, 0.25, 0.5, 0.75);
    }

    @Test
    void aTwoNoteTremoloAlternatesItsNotesOverTheirWholeSpan() {
        List<CoordinatedNote> notes = notes(FidelityFiles.coordinate("tremolos.musicxml"));
        CoordinatedNote e4 = notes.get(2);
        CoordinatedNote g4 = notes.get(3);
        // Bar 2 starts at 2 s and lasts 2 s: 32nds of 62.5 ms, E4 on the even strokes, G4 on the odd ones.
        assertThat(e4).extracting(CoordinatedNote::calculatedStartTime, CoordinatedNote::durationSeconds).containsExactly(2.0, 2.0);
        assertThat(g4).extracting(CoordinatedNote::calculatedStartTime, CoordinatedNote::durationSeconds).containsExactly(2.0625, 1.9375);
        assertThat(e4.playing().strokes()).hasSize(16);
        assertThat(g4.playing().strokes()).hasSize(16);
        assertThat(e4.playing().strokes().get(1).offsetSeconds()).isEqualTo(0.125);
        assertThat(g4.playing().strokes().get(15)).extracting(PlayingFacts.Stroke::offsetSeconds, PlayingFacts.Stroke::durationSeconds)
                .containsExactly(1.875, 0.0625);
        // Each notehead keeps its own ID and its notated place.
        assertThat(g4.notated().onsetInMeasure()).isEqualTo(2.0);
        assertThat(notes).extracting(CoordinatedNote::universalId).doesNotHaveDuplicates();
    }

    @Test
    void withMidiTheRepeatedNotesAreTheStrokesOfTheirOneNotehead() {
        // The MIDI plays bar 1's C5 as eight 32nds and bar 2 as E4/G4 alternating 32nds (ppq 480, 60 ticks each).
        TestMidi midi = new TestMidi(480).tempo(0, 120);
        for (int k = 0; k < 8; k++) {
            midi.note(1, 0, 72, 80, k * 60, k * 60 + 55);
        }
        for (int k = 0; k < 4; k++) {
            midi.note(1, 0, 74, 80, 480 + k * 240, 480 + k * 240 + 230);
        }
        for (int k = 0; k < 32; k++) {
            midi.note(1, 0, k % 2 == 0 ? 64 : 67, 80, 1920 + k * 60, 1920 + k * 60 + 55);
        }
        CoordinatedScore score = Fixtures.coordinator().coordinate(FidelityFiles.bytes("tremolos.musicxml"), "tremolos.musicxml",
                midi.bytes(), "tremolos.mid");
        assertThat(score.matchSummary().unmatched()).isZero();
        List<CoordinatedNote> notes = notes(score);
        assertThat(notes).extracting(n -> n.playing().strokes().size(), CoordinatedNote::timingConfidence)
                .containsExactly(tuple(8, 1.0), tuple(4, 1.0), tuple(16, 1.0), tuple(16, 1.0));
        assertThat(notes.get(3).matchMethod()).isEqualTo("tremolo_first_stroke");
        assertThat(notes.get(3).calculatedStartTime()).isEqualTo(2.0625);
        assertThat(notes.get(0).durationSeconds()).isEqualTo(0.4948, org.assertj.core.data.Offset.offset(0.001));
    }
}
