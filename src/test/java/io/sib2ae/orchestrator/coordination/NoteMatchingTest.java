package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.TempoMark;
import static io.sib2ae.orchestrator.coordination.Fixtures.note;
import static io.sib2ae.orchestrator.coordination.Fixtures.onePart;
import static io.sib2ae.orchestrator.coordination.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Matching notation to MIDI on hand-made scores, where the right answer is known: by part and
 * track, by onset and sounding pitch; a note without a partner is reported, never paired with
 * a neighbour.
 */
class NoteMatchingTest {

    private static final int PPQ = 480;

    /** Flute: C5 D5 C4 E5; cello: C3 D3 C4 E3. Both play C4 on beat 3, a unison across parts. */
    private static final byte[] DUET = utf8("""
            <score-partwise version="4.0">
              <part-list>
                <score-part id="P1"><part-name>Flute</part-name></score-part>
                <score-part id="P2"><part-name>Cello</part-name></score-part>
              </part-list>
              <part id="P1"><measure number="1"><attributes><divisions>1</divisions></attributes>
                %s%s%s%s</measure></part>
              <part id="P2"><measure number="1"><attributes><divisions>1</divisions></attributes>
                %s%s%s%s</measure></part>
            </score-partwise>
            """.formatted(note("C", 5, 1), note("D", 5, 1), note("C", 4, 1), note("E", 5, 1),
            note("C", 3, 1), note("D", 3, 1), note("C", 4, 1), note("E", 3, 1)));

    /**
     * The MIDI with the tracks the other way round: track 1 (channel 1) is the cello at velocity
     * 50, track 2 (channel 0) the flute at velocity 100. {@code flute} gives the flute's pitches and
     * onsets in ticks, so a test can leave one out or move it.
     */
    private static byte[] duetMidi(int[][] flute) {
        TestMidi midi = new TestMidi(PPQ).tempo(0, 120);
        int[] cello = {48, 50, 60, 52};
        for (int i = 0; i < 4; i++) {
            midi.note(1, 1, cello[i], 50, (long) i * PPQ, (long) (i + 1) * PPQ);
        }
        for (int[] n : flute) {
            midi.note(2, 0, n[0], 100, n[1], n[1] + PPQ);
        }
        return midi.bytes();
    }

    private static final int[][] FLUTE_AS_WRITTEN = {{72, 0}, {74, 480}, {60, 960}, {76, 1440}};

    private static CoordinatedScore duet(int[][] flute) {
        return Fixtures.coordinator().coordinate(DUET, "duet.xml", duetMidi(flute), "duet.mid");
    }

    private static CoordinatedNote find(CoordinatedScore score, String instrument, String pitch) {
        return score.notes().stream().filter(n -> n.instrument().equals(instrument) && n.notated().pitchName().equals(pitch))
                .findFirst().orElseThrow();
    }

    @Test
    void partsFindTheirOwnTracksEvenForAUnison() {
        CoordinatedScore score = duet(FLUTE_AS_WRITTEN);
        assertThat(score.matchSummary().matchedExactly()).isEqualTo(8);
        assertThat(score.notes()).allSatisfy(n -> {
            assertThat(n.timingSource()).isEqualTo(NoteCoordinator.MIDI_EXACT);
            assertThat(n.timingConfidence()).isEqualTo(1.0);
        });
        // Both parts play C4 at 1.0 s; each takes the velocity of its own track.
        assertThat(find(score, "Flute", "C4").velocity()).isEqualTo(100);
        assertThat(find(score, "Cello", "C4").velocity()).isEqualTo(50);
        assertThat(score.notes()).filteredOn(n -> n.instrument().equals("Flute"))
                .extracting(CoordinatedNote::midiChannel).containsOnly(0);
        assertThat(score.notes()).filteredOn(n -> n.instrument().equals("Cello"))
                .extracting(CoordinatedNote::midiChannel).containsOnly(1);
    }

    @Test
    void aNoteMissingFromTheMidiIsReportedNotPaired() {
        CoordinatedScore score = duet(new int[][] {{72, 0}, {74, 480}, {60, 960}});
        CoordinatedNote e5 = find(score, "Flute", "E5");
        assertThat(e5.timingConfidence()).isLessThan(1.0);
        assertThat(e5.matchMethod()).isEqualTo("unmatched");
        assertThat(e5.timingSource()).isEqualTo(NoteCoordinator.MIDI_TEMPO_MAP);
        // Timed from the MIDI's tempo map instead: beat 4 at 120 qpm, with the notation's velocity.
        assertThat(e5.calculatedStartTime()).isEqualTo(1.5);
        assertThat(e5.velocity()).isEqualTo(80);
        assertThat(score.matchSummary().unmatched()).isEqualTo(1);
        assertThat(score.matchSummary().matchedExactly()).isEqualTo(7);
        assertThat(score.notes()).filteredOn(n -> n != e5).allSatisfy(n -> assertThat(n.timingConfidence()).isEqualTo(1.0));
    }

    @Test
    void aWrongPitchAtTheRightTimeIsNotPaired() {
        // The flute plays Eb5 where E5 is written: close in pitch and exact in time, still not E5.
        CoordinatedScore score = duet(new int[][] {{72, 0}, {74, 480}, {60, 960}, {75, 1440}});
        CoordinatedNote e5 = find(score, "Flute", "E5");
        assertThat(e5.timingConfidence()).isLessThan(1.0);
        assertThat(e5.matchMethod()).isEqualTo("unmatched");
        assertThat(score.matchSummary().unmatched()).isEqualTo(1);
    }

    @Test
    void aLateMidiNoteIsPairedWithReducedConfidence() {
        // D5 comes a 32nd note (0.125 quarter) late: the same note, but not where the score put it.
        CoordinatedScore score = duet(new int[][] {{72, 0}, {74, 540}, {60, 960}, {76, 1440}});
        CoordinatedNote d5 = find(score, "Flute", "D5");
        assertThat(d5.timingConfidence()).isGreaterThan(0).isLessThan(1.0);
        assertThat(d5.matchMethod()).isEqualTo("part_loose_onset");
        assertThat(d5.timingSource()).isEqualTo(NoteCoordinator.MIDI_TEMPO_MAP);
        // The performance is the MIDI note's own: 540 ticks at 120 qpm.
        assertThat(d5.calculatedStartTime()).isEqualTo(0.5625);
        assertThat(score.matchSummary().matchedLoosely()).isEqualTo(1);
    }

    @Test
    void enharmonicSpellingsMatchTheSameMidiNote() {
        // F#4 and Gb4 are both MIDI 66; the spelling stays as written.
        byte[] xml = utf8(onePart("<measure number=\"1\"><attributes><divisions>1</divisions></attributes>"
                + note("F", 4, 2).replace("</step>", "</step><alter>1</alter>")
                + note("G", 4, 2).replace("</step>", "</step><alter>-1</alter>") + "</measure>"));
        byte[] midi = new TestMidi(PPQ).tempo(0, 120).note(1, 0, 66, 90, 0, 960).note(1, 0, 66, 91, 960, 1920).bytes();
        CoordinatedScore score = Fixtures.coordinator().coordinate(xml, "enh.xml", midi, "enh.mid");
        assertThat(score.notes()).extracting(n -> n.notated().pitchName()).containsExactly("F#4", "Gb4");
        assertThat(score.notes()).extracting(CoordinatedNote::velocity).containsExactly(90, 91);
        assertThat(score.notes()).allSatisfy(n -> assertThat(n.timingSource()).isEqualTo(NoteCoordinator.MIDI_EXACT));
    }

    @Test
    void aGraceNotePlayedBeforeTheBeatIsFoundInItsWindow() {
        // The grace D5 stands on beat 2 in the notation; the player takes it a 16th early.
        byte[] xml = utf8(onePart("<measure number=\"1\"><attributes><divisions>1</divisions></attributes>"
                + note("C", 5, 1) + "<note><grace slash=\"yes\"/><pitch><step>D</step><octave>5</octave></pitch><voice>1</voice></note>"
                + note("C", 5, 1) + "</measure>"));
        byte[] midi = new TestMidi(PPQ).tempo(0, 120).note(1, 0, 72, 80, 0, 360).note(1, 0, 74, 70, 360, 480)
                .note(1, 0, 72, 80, 480, 960).bytes();
        CoordinatedScore score = Fixtures.coordinator().coordinate(xml, "grace.xml", midi, "grace.mid");
        CoordinatedNote grace = score.notes().stream().filter(n -> n.notated().grace()).findFirst().orElseThrow();
        assertThat(grace.matchMethod()).isEqualTo("grace_window");
        assertThat(grace.timingConfidence()).isEqualTo(1.0);
        assertThat(grace.calculatedStartTime()).isEqualTo(0.375);
        assertThat(grace.velocity()).isEqualTo(70);
        // The principal keeps its written onset.
        assertThat(score.notes()).filteredOn(n -> !n.notated().grace())
                .extracting(CoordinatedNote::calculatedStartTime).containsExactly(0.0, 0.5);
    }

    @Test
    void withoutMidiSoundTempoMetronomeAndDynamicsTimeTheNotes() {
        // <sound tempo="60"> and f, then a metronome half = 40 (80 quarters per minute) with no
        // <sound>, and p, on beat 3.
        byte[] xml = utf8(onePart("""
                <measure number="1"><attributes><divisions>2</divisions></attributes>
                  <direction><direction-type><dynamics><f/></dynamics></direction-type><sound tempo="60"/></direction>
                  %s%s
                  <direction><direction-type><metronome><beat-unit>half</beat-unit><per-minute>40</per-minute></metronome></direction-type></direction>
                  <direction><direction-type><dynamics><p/></dynamics></direction-type></direction>
                  %s%s
                </measure>""".formatted(note("C", 4, 2), note("D", 4, 2), note("E", 4, 2), note("F", 4, 2))));
        CoordinatedScore score = Fixtures.coordinator().coordinate(xml, "tempo.xml", null, null);
        assertThat(score.timingSource()).isEqualTo(NoteCoordinator.MUSICXML_TEMPO);
        assertThat(score.score().tempoMarks()).containsExactly(new TempoMark(0, 0, 60), new TempoMark(0, 2, 80));
        assertThat(score.notes()).extracting(CoordinatedNote::calculatedStartTime).containsExactly(0.0, 1.0, 2.0, 2.75);
        assertThat(score.notes()).extracting(CoordinatedNote::durationSeconds).containsExactly(1.0, 1.0, 0.75, 0.75);
        assertThat(score.notes()).extracting(CoordinatedNote::velocity).containsExactly(96, 96, 49, 49);
        assertThat(score.notes()).extracting(CoordinatedNote::tempoAtOnset).containsExactly(60.0, 60.0, 80.0, 80.0);
        assertThat(score.matchSummary().expectedSoundings()).isEqualTo(4);
    }

    @Test
    void idsDependOnTheScoreContentAndDoubledNoteheadsStillGetTwo() {
        // A unison written twice in one chord is two noteheads: two IDs.
        String measure = "<measure number=\"1\"><attributes><divisions>1</divisions></attributes>"
                + note("C", 4, 4) + note("C", 4, 4).replace("<note>", "<note><chord/>") + "</measure>";
        byte[] xml = utf8(onePart(measure));
        List<String> ids = Fixtures.coordinator().coordinate(xml, "a.xml", null, null).notes().stream()
                .map(CoordinatedNote::universalId).toList();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(Fixtures.coordinator().coordinate(xml.clone(), "b.xml", null, null).notes())
                .extracting(CoordinatedNote::universalId).containsExactlyElementsOf(ids);
        // Another score (here one edited by a single space) issues other IDs.
        byte[] edited = utf8(onePart(measure + " "));
        assertThat(Fixtures.coordinator().coordinate(edited, "a.xml", null, null).notes())
                .extracting(CoordinatedNote::universalId).doesNotContainAnyElementsOf(ids);
    }
}
