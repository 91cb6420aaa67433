package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.NotatedNote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drum kits play on General MIDI channel 10 with drum keys, not as piano notes at their staff position. */
class DrumMapTest {

    private static final CoordinatedScore SCORE = FidelityFiles.coordinate("drums.musicxml");

    private static List<CoordinatedNote> part(String id) {
        return SCORE.notes().stream().filter(n -> n.notated().partId().equals(id))
                .sorted(Comparator.comparingInt(n -> n.notated().documentIndex())).toList();
    }

    @Test
    void aKitThatNamesItsDrumsPlaysTheirMidiUnpitchedKeysOnChannel10() {
        assertThat(part("P1")).allSatisfy(n -> {
            assertThat(n.midiChannel()).isEqualTo(9);
            assertThat(n.midiProgram()).isZero();
        });
        assertThat(part("P1")).extracting(n -> n.playing().drum()).containsExactly(
                new PlayingFacts.Drum(36, "kick", DrumMap.FROM_MIDI_UNPITCHED), new PlayingFacts.Drum(38, "snare", DrumMap.FROM_MIDI_UNPITCHED),
                new PlayingFacts.Drum(36, "kick", DrumMap.FROM_MIDI_UNPITCHED), new PlayingFacts.Drum(38, "snare", DrumMap.FROM_MIDI_UNPITCHED));
        assertThat(SCORE.score().part("P1").percussion()).isTrue();
    }

    @Test
    void aKitWithoutMidiInstrumentsIsMappedByStaffPosition() {
        assertThat(part("P2")).extracting(CoordinatedNote::midiChannel, n -> n.playing().drum().key(),
                n -> n.playing().drum().name(), n -> n.playing().drum().source()).containsExactly(
                tuple(9, 36, "kick", DrumMap.FROM_STAFF_POSITION),
                tuple(9, 38, "snare", DrumMap.FROM_STAFF_POSITION),
                tuple(9, 42, "hihat-closed", DrumMap.FROM_STAFF_POSITION));
    }

    @Test
    void aSingleInstrumentIsMappedByItsName() {
        assertThat(part("P3")).extracting(CoordinatedNote::midiChannel, n -> n.playing().drum())
                .containsExactly(tuple(9, new PlayingFacts.Drum(54, "tambourine", DrumMap.FROM_INSTRUMENT_NAME)));
    }

    @Test
    void drumsAreStillTimedLikeAnyNote() {
        assertThat(part("P1")).extracting(CoordinatedNote::calculatedStartTime).containsExactly(0.0, 0.5, 1.0, 1.5);
    }

    @Test
    void theMapKnowsNamesAndTheDrumSetStaff() {
        NotatedNote anywhere = FidelityFiles.read("drums.musicxml").notes().get(0);
        assertThat(DrumMap.drumFor(-1, "Crash Cymbal", anywhere).key()).isEqualTo(49);
        assertThat(DrumMap.drumFor(-1, "Open Hi-Hat", anywhere).key()).isEqualTo(46);
        assertThat(DrumMap.drumFor(-1, "Floor Tom", anywhere).key()).isEqualTo(43);
        assertThat(DrumMap.byStaffPosition('A', 5)).isEqualTo(49);
        assertThat(DrumMap.byStaffPosition('D', 4)).isEqualTo(44);
        assertThat(DrumMap.name(90)).isEqualTo("drum-90");
    }

    @Test
    void pitchedPartsStayOffThePercussionChannel() {
        CoordinatedScore score = FidelityFiles.coordinate("tempo-marks-that-meet.musicxml");
        assertThat(score.notes()).allSatisfy(n -> {
            assertThat(n.midiChannel()).isNotEqualTo(9);
            assertThat(n.playing().drum()).isNull();
        });
    }

    @Test
    void withMidiDrumsAreMatchedByDrumKeyOrAsAnyStrokeOnThePercussionChannel() {
        // P2's strokes carry the GM keys the staff positions give; P1's are written as key 0, as some
        // engravers export every drum (the ActorPrelude MIDI does). Both are found at their onsets.
        TestMidi midi = new TestMidi(480).tempo(0, 120);
        for (int beat = 0; beat < 4; beat++) {
            midi.note(1, 9, 0, 90, beat * 480, beat * 480 + 120);
        }
        midi.note(2, 9, 36, 90, 0, 120).note(2, 9, 38, 90, 960, 1080).note(2, 9, 42, 90, 1440, 1560);
        midi.note(3, 9, 54, 90, 0, 120);
        CoordinatedScore score = Fixtures.coordinator().coordinate(FidelityFiles.bytes("drums.musicxml"), "drums.musicxml",
                midi.bytes(), "drums.mid");
        assertThat(score.matchSummary().unmatched()).isZero();
        assertThat(score.notes()).filteredOn(n -> n.notated().partId().equals("P1"))
                .extracting(CoordinatedNote::matchMethod).containsOnly("percussion_onset");
        assertThat(score.notes()).filteredOn(n -> n.notated().partId().equals("P2"))
                .allSatisfy(n -> assertThat(n.timingConfidence()).isEqualTo(1.0))
                .extracting(CoordinatedNote::matchMethod).doesNotContain("percussion_onset");
    }

    @Test
    void aPercussionClefMetInAPitchedPartDoesNotMakeItADrumKit() {
        // 12a changes to a percussion clef on the way, 34b ends with a percussion clef and one unpitched note:
        // their pitched notes stay on the part's own channel.
        assertThat(Fixtures.coordinateSuite("12a").notes()).allSatisfy(n -> assertThat(n.midiChannel()).isNotEqualTo(9));
        assertThat(Fixtures.coordinateSuite("34b").notes()).filteredOn(n -> !n.notated().unpitched())
                .allSatisfy(n -> assertThat(n.midiChannel()).isNotEqualTo(9));
        // 73a's cymbal and triangle parts hold only unpitched notes: they are drums.
        assertThat(Fixtures.coordinateSuite("73a").notes()).filteredOn(n -> n.notated().unpitched())
                .allSatisfy(n -> assertThat(n.midiChannel()).isEqualTo(9));
    }
}
