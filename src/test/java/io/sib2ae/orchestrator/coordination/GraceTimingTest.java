package io.sib2ae.orchestrator.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Grace notes get onsets of their own, by the file's steal-time and make-time when it has them,
 * else a slashed grace just before the beat and an unslashed one on the beat (at 120, a quarter is 0.5 s).
 */
class GraceTimingTest {

    private static final CoordinatedScore SCORE = FidelityFiles.coordinate("grace-notes.musicxml");

    private static List<CoordinatedNote> bar(int index) {
        return SCORE.notes().stream().filter(n -> n.notated().measureIndex() == index)
                .sorted(java.util.Comparator.comparingInt(n -> n.notated().documentIndex())).toList();
    }

    @Test
    void fourSlashedGracesPlayOneAfterAnotherJustBeforeTheBeat() {
        assertThat(bar(0).subList(0, 6)).extracting(n -> n.notated().pitchName(), CoordinatedNote::calculatedStartTime,
                CoordinatedNote::durationSeconds, n -> n.playing().graceTiming()).containsExactly(
                tuple("C5", 0.0, 0.5, null),
                tuple("D5", 0.25, 0.0625, "acciaccatura_before_beat"),
                tuple("E5", 0.3125, 0.0625, "acciaccatura_before_beat"),
                tuple("F5", 0.375, 0.0625, "acciaccatura_before_beat"),
                tuple("G5", 0.4375, 0.0625, "acciaccatura_before_beat"),
                // The principal keeps its onset.
                tuple("A5", 0.5, 0.5, null));
    }

    @Test
    void anUnslashedGracePlaysOnTheBeatAndTakesHalfItsPrincipal() {
        assertThat(bar(0).subList(6, 8)).extracting(n -> n.notated().pitchName(), CoordinatedNote::calculatedStartTime,
                CoordinatedNote::durationSeconds, n -> n.playing().graceTiming()).containsExactly(
                tuple("B5", 1.0, 0.5, "appoggiatura_on_beat"),
                tuple("C6", 1.5, 0.5, "principal_after_grace"));
    }

    @Test
    void stealTimePreviousAndFollowingAreFollowed() {
        assertThat(bar(1)).extracting(n -> n.notated().pitchName(), CoordinatedNote::calculatedStartTime,
                CoordinatedNote::durationSeconds, n -> n.playing().graceTiming()).containsExactly(
                tuple("C5", 2.0, 0.5, null),
                // Half of the previous quarter, before the beat.
                tuple("D5", 2.25, 0.25, "steal_time_previous"),
                tuple("E5", 2.5, 0.5, null),
                // A quarter of the following half note, on the beat; the half note starts that much later.
                tuple("F5", 3.0, 0.25, "steal_time_following"),
                tuple("G5", 3.25, 0.75, "principal_after_grace"));
    }

    @Test
    void makeTimeGivesTheGraceItsOwnLengthBeforeThePrincipal() {
        assertThat(bar(2)).extracting(n -> n.notated().pitchName(), CoordinatedNote::calculatedStartTime,
                CoordinatedNote::durationSeconds, n -> n.playing().graceTiming()).containsExactly(
                tuple("D5", 3.75, 0.25, "make_time"),
                tuple("C5", 4.0, 2.0, null));
    }

    @Test
    void theNotationKeepsEveryGraceNoteAtItsDrawnPosition() {
        // The notehead stage finds noteheads by their notated place, which the performance does not move.
        assertThat(bar(0).subList(1, 5)).allSatisfy(n -> assertThat(n.notated().onsetInMeasure()).isEqualTo(1.0));
    }

    @Test
    void eachGraceOfAMixedGroupFollowsItsOwnAttributeAndAfterBeatsEndAtTheBarline() {
        // 24d at 120, half notes: G5 steals 20 % of the E5 before it, A5 20 % of the E5 after it, the plain A5
        // is an appoggiatura (half the principal); the principal starts 1.4 quarters late. The two grace
        // notes with no principal after them end at the barline.
        CoordinatedScore score = Fixtures.coordinateSuite("24d");
        assertThat(score.notes().stream().sorted(java.util.Comparator.comparingInt(n -> n.notated().documentIndex())))
                .extracting(n -> n.notated().pitchName(), CoordinatedNote::calculatedStartTime, CoordinatedNote::durationSeconds,
                        n -> n.playing().graceTiming()).containsExactly(
                        tuple("E5", 0.0, 1.0, null),
                        tuple("G5", 0.8, 0.2, "steal_time_previous"),
                        tuple("A5", 1.0, 0.2, "steal_time_following"),
                        tuple("A5", 1.2, 0.5, "appoggiatura_on_beat"),
                        tuple("E5", 1.7, 0.3, "principal_after_grace"),
                        tuple("G5", 1.75, 0.125, "after_grace_before_position"),
                        tuple("A5", 1.875, 0.125, "after_grace_before_position"));
    }

    @Test
    void aGraceNoteBeforeTheFirstBeatIsPlayedOnIt() {
        // 24e: the score opens with a grace note (drawn on the other staff of its principal): nothing comes before it.
        CoordinatedScore score = Fixtures.coordinateSuite("24e");
        assertThat(score.notes()).allSatisfy(n -> assertThat(n.calculatedStartTime()).isGreaterThanOrEqualTo(0));
        CoordinatedNote first = score.notes().stream().filter(n -> n.notated().grace()).findFirst().orElseThrow();
        assertThat(first.calculatedStartTime()).isEqualTo(0.0);
    }

    @Test
    void withMidiAPrincipalPlayedAfterItsGraceNotesIsFoundWhereTheConventionPutsIt() {
        // Two unslashed 16th graces before a quarter on beat 2 (quarter = 120, ppq 480): the player takes
        // them on the beat and the quarter an eighth later, as the convention does; the MIDI's times stand.
        byte[] xml = Fixtures.utf8(Fixtures.onePart("<measure number=\"1\"><attributes><divisions>1</divisions></attributes>"
                + Fixtures.note("C", 5, 1)
                + "<note><grace/><pitch><step>D</step><octave>5</octave></pitch><voice>1</voice><type>16th</type></note>"
                + "<note><grace/><pitch><step>E</step><octave>5</octave></pitch><voice>1</voice><type>16th</type></note>"
                + Fixtures.note("F", 5, 1) + "</measure>"));
        byte[] midi = new TestMidi(480).tempo(0, 120).note(1, 0, 72, 80, 0, 480).note(1, 0, 74, 80, 480, 600)
                .note(1, 0, 76, 80, 600, 720).note(1, 0, 77, 80, 720, 960).bytes();
        CoordinatedScore score = Fixtures.coordinator().coordinate(xml, "g.xml", midi, "g.mid");
        assertThat(score.matchSummary().unmatched()).isZero();
        CoordinatedNote principal = score.notes().stream().filter(n -> n.notated().pitchName().equals("F5")).findFirst().orElseThrow();
        assertThat(principal.matchMethod()).isEqualTo("principal_after_grace");
        assertThat(principal.timingConfidence()).isEqualTo(1.0);
        assertThat(principal.calculatedStartTime()).isEqualTo(0.75);
        assertThat(principal.playing().graceTiming()).isEqualTo("midi");
    }
}
