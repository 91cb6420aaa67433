package io.sib2ae.orchestrator.score;

import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.coordination.CoordinatedScore;
import io.sib2ae.orchestrator.coordination.Fixtures;
import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.coordination.Performance;
import io.sib2ae.orchestrator.coordination.PerformedTimeline;
import io.sib2ae.orchestrator.coordination.TieChains;
import static io.sib2ae.orchestrator.coordination.Fixtures.describe;
import static io.sib2ae.orchestrator.coordination.Fixtures.inPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Unofficial MusicXML Test Suite: every file must be read, and the files that exercise a
 * timing or pitch feature are checked note by note. Expected values come from each file's
 * description and its markup, worked out by hand (quarters from the start of the score).
 */
class MusicXmlTestSuiteTest {

    static Stream<Path> allSuiteFiles() {
        return Fixtures.suiteFiles().stream();
    }

    @Test
    void theSuiteHoldsAll165Files() {
        // Guards the parameterised test below against a silently empty or moved folder.
        assertThat(Fixtures.suiteFiles()).hasSize(165);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSuiteFiles")
    void everySuiteFileIsReadAndCoordinatedWithoutMidi(Path file) {
        byte[] xml = Fixtures.bytes(file);
        MusicXmlScore score = Fixtures.reader().read(xml, file.getFileName().toString());
        assertThat(score.parts()).isNotEmpty();
        assertThat(score.measures()).isNotEmpty();
        assertThat(score.notes()).allSatisfy(n -> {
            assertThat(n.soundingPitch()).isBetween(0, 127);
            assertThat(n.durationQuarters()).isGreaterThanOrEqualTo(0);
            assertThat(n.onsetInMeasure()).isGreaterThanOrEqualTo(0);
        });

        CoordinatedScore coordinated = Fixtures.coordinator().coordinate(xml, file.getFileName().toString(), null, null);
        // Every notehead becomes exactly one coordinated note with an ID of its own.
        assertThat(coordinated.notes()).hasSameSizeAs(score.notes());
        assertThat(coordinated.notes()).extracting(CoordinatedNote::universalId).doesNotHaveDuplicates();
        assertThat(coordinated.notes()).allSatisfy(n -> {
            assertThat(n.timingSource()).isEqualTo(NoteCoordinator.MUSICXML_TEMPO);
            assertThat(n.calculatedStartTime()).isGreaterThanOrEqualTo(0);
        });
    }

    @Nested
    class Pitches {

        @Test
        void microtonesSoundAtTheNearestSemitoneRoundingHalvesUp() {
            // 01d: C flat-and-a-half (-1.5), D half-flat (-0.5), E half-sharp (+0.5), F sharp-and-a-half
            // (+1.5), in octaves 4 and 5: 58.5, 61.5, 64.5, 66.5 round up to 59, 62, 65, 67.
            MusicXmlScore score = Fixtures.suite("01d");
            assertThat(score.notes()).extracting(NotatedNote::soundingPitch).containsExactly(59, 62, 65, 67, 71, 74, 77, 79);
            assertThat(score.notes().subList(0, 4)).extracting(NotatedNote::pitchName).containsExactly("Cb4", "D4", "E#4", "F##4");
        }

        @Test
        void sharpsAndFlatsAlterTheSoundingPitch() {
            // 24a bar 3 writes D#5, Db5 and Ab4 grace notes: 75, 73, 68.
            MusicXmlScore score = Fixtures.suite("24a");
            assertThat(score.notes()).filteredOn(n -> n.alter() != 0)
                    .extracting(NotatedNote::pitchName, NotatedNote::soundingPitch)
                    .containsExactly(tuple("D#5", 75), tuple("Db5", 73), tuple("Ab4", 68));
        }
    }

    @Nested
    class Rhythm {

        @Test
        void backupMovesTheSecondVoiceToTheSecondBeat() {
            // 03b: voice 1 on beats 1-2, then <backup> of one quarter: voice 2 on beats 2-3.
            MusicXmlScore score = Fixtures.suite("03b");
            assertThat(describe(score.notes())).containsExactly("C4@0/1", "C4@1/1", "A3@1/1", "A3@2/1");
            assertThat(score.notes()).extracting(NotatedNote::voice).containsExactly("1", "1", "2", "2");
        }

        @Test
        void divisionsThatChangeMidMeasureKeepQuartersConstant() {
            // 03c: divisions 1, then 8 halfway through bar 1, then 38 halfway through bar 2.
            MusicXmlScore score = Fixtures.suite("03c");
            assertThat(describe(score.notes()))
                    .containsExactly("C5@0/1", "C5@1/1", "C5@2/1", "C5@3/1", "C5@4/2", "C5@6/2");
            assertThat(score.measures()).extracting(MeasureSpan::length).containsExactly(4.0, 4.0);
        }

        @Test
        void forwardLeavesGapsWithoutRests() {
            // 03f: forward a quarter, quarter note on beat 2, forward a quarter, 16th on beat 4, forward to the bar line.
            MusicXmlScore score = Fixtures.suite("03f");
            assertThat(describe(score.notes())).containsExactly("C4@1/1", "C4@3/0.25", "C4@4/1");
            assertThat(score.measures().get(0).length()).isEqualTo(4.0);
        }

        @Test
        void simpleTupletsDivideTheirSpanEvenly() {
            // 23a: 14/4; 3:2 in quarter triplets, 4:2 eighths, 4:1 sixteenths, 7:3 and 6:2 groups.
            assertThat(describe(Fixtures.suite("23a").notes())).containsExactly(
                    "C4@0/0.6667", "D4@0.6667/0.6667", "E4@1.3333/0.6667",
                    "F4@2/0.6667", "G4@2.6667/0.6667", "A4@3.3333/0.6667",
                    "B4@4/0.6667", "C5@4.6667/0.6667", "D5@5.3333/0.6667",
                    "E5@6/0.5", "F5@6.5/0.5", "G5@7/0.5", "A5@7.5/0.5",
                    "B5@8/0.25", "C6@8.25/0.25", "C6@8.5/0.25", "B5@8.75/0.25",
                    "A5@9/0.4286", "G5@9.4286/0.4286", "F5@9.8571/0.4286", "E5@10.2857/0.4286",
                    "D5@10.7143/0.4286", "C5@11.1429/0.4286", "B4@11.5714/0.4286",
                    "A4@12/0.3333", "G4@12.3333/0.3333", "F4@12.6667/0.3333", "E4@13/0.3333",
                    "D4@13.3333/0.3333", "C4@13.6667/0.3333");
        }

        @Test
        void nestedTupletsAndADivisionsChangeInsideThem() {
            // 23d: bar 1 is a 3:2 of eighths with a 5:2 of 16ths inside; bar 3 switches to 108 divisions.
            List<String> notes = describe(Fixtures.suite("23d").notes());
            assertThat(notes.subList(0, 9)).containsExactly(
                    "B4@0/0.3333", "B4@0.3333/0.3333",
                    "B4@0.6667/0.1333", "B4@0.8/0.1333", "B4@0.9333/0.1333", "B4@1.0667/0.1333", "B4@1.2/0.1333",
                    "B4@1.3333/0.3333", "B4@1.6667/0.3333");
            assertThat(notes.subList(notes.size() - 5, notes.size())).containsExactly(
                    "B4@4/0.6667", "C4@4.6667/0.6667", "G3@5.3333/0.2222", "G3@5.5556/0.2222", "G3@5.7778/0.2222");
        }
    }

    @Nested
    class Chords {

        @Test
        void aChordSharesOneOnsetAndNumbersItsNotes() {
            // 21a: A4 and F4 together, then a quarter rest.
            MusicXmlScore score = Fixtures.suite("21a");
            assertThat(describe(score.notes())).containsExactly("A4@0/1", "F4@0/1");
            assertThat(score.notes()).extracting(NotatedNote::chordIndex).containsExactly(0, 1);
            assertThat(score.notes()).extracting(NotatedNote::soundingPitch).containsExactly(69, 65);
        }

        @Test
        void threeNoteChordsOfVariousLengthsAdvanceByTheirDuration() {
            // 21c: a dotted quarter chord, an eighth chord, then quarters and a closing half.
            assertThat(describe(Fixtures.suite("21c").notes())).containsExactly(
                    "F4@0/1.5", "A4@0/1.5", "C5@0/1.5",
                    "A4@1.5/0.5", "C5@1.5/0.5", "G5@1.5/0.5",
                    "A4@2/1", "F4@2/1", "C5@2/1",
                    "A4@3/1", "F4@3/1", "C5@3/1",
                    "A4@4/1", "F4@4/1", "E5@4/1",
                    "A4@5/1", "F4@5/1", "F5@5/1",
                    "A4@6/2", "F4@6/2", "D5@6/2");
        }

        @Test
        void tiesInsideChordsFollowTheirOwnPitch() {
            // 21b bar 2: top tie, then bottom tie, then both; bar 3: both notes tied twice.
            MusicXmlScore score = Fixtures.suite("21b");
            List<List<String>> groups = TieChains.find(score.notes()).stream().map(g -> describe(g.members())).toList();
            assertThat(groups).containsExactly(
                    List.of("A4@4/1", "A4@5/1"),
                    List.of("F4@5/1", "F4@6/1", "F4@7/1"),
                    List.of("A4@6/1", "A4@7/1"),
                    List.of("F4@8/1", "F4@9/1"),
                    List.of("D5@8/1", "D5@9/1"),
                    List.of("F4@10/1", "F4@11/1"),
                    List.of("D5@10/1", "D5@11/1"));

            // The three-note F4 chain sounds once for three quarters: 1.5 s at the default 120.
            CoordinatedScore coordinated = Fixtures.coordinateSuite("21b");
            CoordinatedNote primary = coordinated.notes().stream()
                    .filter(n -> n.primary() && n.tiedGroupId() != null && describe(n.notated()).equals("F4@5/1"))
                    .findFirst().orElseThrow();
            assertThat(primary.durationSeconds()).isEqualTo(1.5);
            List<CoordinatedNote> members = coordinated.notes().stream()
                    .filter(n -> primary.tiedGroupId().equals(n.tiedGroupId())).toList();
            assertThat(members).hasSize(3);
            assertThat(members).filteredOn(n -> !n.primary())
                    .allSatisfy(n -> assertThat(n.primaryUniversalId()).isEqualTo(primary.universalId()))
                    .extracting(CoordinatedNote::calculatedStartTime).containsExactlyInAnyOrder(3.0, 3.5);
        }
    }

    @Nested
    class Ties {

        @Test
        void aTieAcrossTheBarlineMakesOneSoundOfTwoWholeNotes() {
            // 33b: two tied whole notes; at the default 120 qpm the chain lasts 8 quarters = 4 s.
            CoordinatedScore score = Fixtures.coordinateSuite("33b");
            assertThat(score.notes()).hasSize(2);
            CoordinatedNote first = score.notes().get(0);
            CoordinatedNote second = score.notes().get(1);
            assertThat(first.primary()).isTrue();
            assertThat(first.durationSeconds()).isEqualTo(4.0);
            assertThat(first.performances()).singleElement()
                    .satisfies(p -> assertThat(p.durationSeconds()).isEqualTo(4.0));
            assertThat(second.primary()).isFalse();
            assertThat(second.primaryUniversalId()).isEqualTo(first.universalId());
            assertThat(second.universalId()).isNotEqualTo(first.universalId());
            assertThat(second.tiedGroupId()).isEqualTo(first.tiedGroupId());
            assertThat(second.positionInGroup()).isEqualTo(1);
            assertThat(second.calculatedStartTime()).isEqualTo(2.0);
        }

        @Test
        void anUnendedTieDoesNotJumpOverARepeatedAttack() {
            // 33i: C5 in every bar. Bar 1 starts a tie but bar 2 has no stop: bar 2 strikes C5 again,
            // so bar 1 cannot still be sounding into bar 3. Bar 3's tie is never ended either.
            // Only bar 4 -> bar 5 is a real tie.
            MusicXmlScore score = Fixtures.suite("33i");
            List<List<String>> groups = TieChains.find(score.notes()).stream().map(g -> describe(g.members())).toList();
            assertThat(groups).containsExactly(List.of("C5@12/4", "C5@16/4"));
        }

        @Test
        void crossVoiceEnharmonicAndArpeggioTiesAreChained() {
            // 33k: voice 1 -> voice 2 on G4; A#4 tied to Bb4 (same sound); three arpeggio ties into a chord.
            MusicXmlScore score = Fixtures.suite("33k");
            List<List<String>> groups = TieChains.find(score.notes()).stream().map(g -> describe(g.members())).toList();
            assertThat(groups).containsExactly(
                    List.of("G4@0/1", "G4@1/0.5"),
                    List.of("A#4@3/1", "Bb4@4/1"),
                    List.of("E4@6.5/0.5", "E4@8/2"),
                    List.of("G4@7/0.5", "G4@8/2"),
                    List.of("C5@7.5/0.5", "C5@8/2"));
            // The let-ring tie in bar 4 joins nothing.
            assertThat(TieChains.byNote(TieChains.find(score.notes())))
                    .doesNotContainKey(score.notes().get(score.notes().size() - 1).documentIndex());
        }
    }

    @Nested
    class GraceNotes {

        @Test
        void graceNotesAreRecordedAndFlaggedButTakeNoTime() {
            // 24a: principal notes stay on the beats; each grace note sits on its principal's onset.
            MusicXmlScore score = Fixtures.suite("24a");
            List<NotatedNote> main = score.notes().stream().filter(n -> !n.grace()).toList();
            List<NotatedNote> graces = score.notes().stream().filter(NotatedNote::grace).toList();
            assertThat(describe(main)).containsExactly(
                    "C5@0/1", "C5@1/1", "C5@2/1", "C5@3/1",
                    "C5@4/1", "C5@5/1", "C5@6/1", "C5@7/1",
                    "F4@8/1", "C5@8/1", "C5@9/1", "C5@10/1");
            assertThat(describe(graces)).containsExactly(
                    "D5@0/0", "E5@1/0", "D5@1/0", "D5@2/0", "D5@3/0",
                    "D5@4/0", "E5@5/0", "D5@5/0", "D5@6/0", "E5@8/0",
                    "D#5@9/0", "Db5@10/0", "Ab4@10/0", "D5@11/0");
            assertThat(graces).extracting(NotatedNote::soundingPitch)
                    .containsExactly(74, 76, 74, 74, 74, 74, 76, 74, 74, 76, 75, 73, 68, 74);
        }

        @Test
        void graceChordsKeepTheirChordOrder() {
            // 24b: a D5+F5 grace chord before the second C5 on beat 2.
            MusicXmlScore score = Fixtures.suite("24b");
            List<NotatedNote> firstGraceChord = score.notes().stream().filter(NotatedNote::grace).limit(2).toList();
            assertThat(describe(firstGraceChord)).containsExactly("D5@1/0", "F5@1/0");
            assertThat(firstGraceChord).extracting(NotatedNote::chordIndex).containsExactly(0, 1);
            // Grace notes never join a tie chain: the sound is the principal's.
            assertThat(TieChains.find(score.notes())).isEmpty();
        }

        @Test
        void aGraceNoteAtTheMeasureEndSitsOnTheBarlineAndIsPlayedJustBeforeIt() {
            // 24c: two half notes fill the bar; the grace notes after them stand at its end. With no
            // principal after them they are after-beats: a sixteenth each, played up to the barline (2.0 s at 120).
            CoordinatedScore score = Fixtures.coordinateSuite("24c");
            assertThat(describe(score.score().notes())).containsExactly("E5@0/2", "E5@2/2", "G5@4/0", "A5@4/0");
            List<CoordinatedNote> graces = score.notes().stream().filter(n -> n.notated().grace()).toList();
            assertThat(graces).extracting(CoordinatedNote::calculatedStartTime, CoordinatedNote::durationSeconds,
                    n -> n.playing().graceTiming()).containsExactly(
                    tuple(1.75, 0.125, "after_grace_before_position"), tuple(1.875, 0.125, "after_grace_before_position"));
        }
    }

    @Nested
    class Parts {

        @Test
        void transposingInstrumentsSoundAtConcertPitch() {
            // 72a: Bb trumpet and Eb horn show transposed scales; all three parts sound C major from C4.
            MusicXmlScore score = Fixtures.suite("72a");
            List<Integer> cMajor = List.of(60, 62, 64, 65, 67, 69, 71, 72);
            for (String part : List.of("P1", "P2", "P3")) {
                assertThat(inPart(score, part)).as(part).extracting(NotatedNote::soundingPitch).isEqualTo(cMajor);
            }
            assertThat(inPart(score, "P1")).extracting(NotatedNote::pitchName)
                    .containsExactly("D4", "E4", "F#4", "G4", "A4", "B4", "C#5", "D5");
        }

        @Test
        void everyTranspositionOfTheSuiteSoundsTheSameC() {
            // 72b: eleven parts, each written differently (one with octave-change 3), all sounding c'' = 72.
            MusicXmlScore score = Fixtures.suite("72b");
            assertThat(score.notes()).hasSize(11).extracting(NotatedNote::soundingPitch).containsOnly(72);
            assertThat(score.notes().get(9).pitchName()).isEqualTo("F#1");
        }

        @Test
        void aNewTranspositionReplacesTheOldOne() {
            // 72c: written C4 on an Eb clarinet (+3) sounds Eb4; after the change to Bb (-2) it sounds Bb3.
            assertThat(Fixtures.suite("72c").notes()).extracting(NotatedNote::soundingPitch).containsExactly(63, 58, 58);
        }

        @Test
        void aPianoStaffKeepsEachVoiceOnItsStaff() {
            // 43a: F4 whole note on the upper staff, B2 whole note on the lower, after a full backup.
            MusicXmlScore score = Fixtures.suite("43a");
            assertThat(score.parts()).singleElement().satisfies(p -> assertThat(p.staves()).isEqualTo(2));
            assertThat(describe(score.notes())).containsExactly("F4@0/4", "B2@0/4");
            assertThat(score.notes()).extracting(NotatedNote::staff).containsExactly(1, 2);
            assertThat(score.notes()).extracting(NotatedNote::voice).containsExactly("1", "2");
        }

        @Test
        void crossStaffChordsStayOneChordOnThreeStaves() {
            // 43h: 3/8 on three staves; each eighth is one six-note chord written in a varying order.
            MusicXmlScore score = Fixtures.suite("43h");
            assertThat(score.parts().get(0).staves()).isEqualTo(3);
            assertThat(score.notes()).hasSize(70);
            List<NotatedNote> first = score.notes().subList(0, 6);
            assertThat(describe(first)).containsOnly("C5@0/0.5", "G4@0/0.5", "E4@0/0.5", "C4@0/0.5", "G3@0/0.5", "C3@0/0.5");
            assertThat(first).extracting(NotatedNote::staff).containsExactly(1, 1, 2, 2, 3, 3);
            assertThat(first).extracting(NotatedNote::chordIndex).containsExactly(0, 1, 2, 3, 4, 5);
            List<NotatedNote> second = score.notes().subList(6, 12);
            assertThat(second).extracting(NotatedNote::notatedOnset).containsOnly(0.5);
            assertThat(second).extracting(NotatedNote::staff).containsExactly(2, 2, 1, 1, 3, 3);
            // Bar 4 is 4/8: four chords from quarter 4.5.
            assertThat(score.notes().subList(54, 70)).extracting(NotatedNote::notatedOnset)
                    .containsOnly(4.5, 5.0, 5.5, 6.0);
        }
    }

    @Nested
    class PickupsAndTempo {

        @Test
        void pickupAndIncompleteMeasuresAreAsLongAsTheirNotes() {
            // 46d: a 3/8 pickup, a two-quarter bar, an implicit two-quarter bar, a three-quarter bar.
            MusicXmlScore score = Fixtures.suite("46d");
            assertThat(describe(score.notes())).containsExactly(
                    "E4@0/1", "E4@1/0.5", "F4@1.5/1", "G4@2.5/1", "A4@3.5/1", "B4@4.5/1", "C5@5.5/1", "D5@6.5/1");
            assertThat(score.measures()).extracting(MeasureSpan::length).containsExactly(1.5, 2.0, 2.0, 3.0);
            assertThat(score.measures()).extracting(MeasureSpan::implicit).containsExactly(true, false, true, false);
        }

        @Test
        void aSecondVoiceThatStartsLaterDoesNotShiftThePickup() {
            // 46e: one-quarter upbeat; in bar 1 voice 2 enters on beat 2 after a backup of 3.
            MusicXmlScore score = Fixtures.suite("46e");
            assertThat(describe(score.notes())).containsExactly("C5@0/1", "C5@1/4", "C4@2/1", "C5@5/4", "C4@5/4");
            // At 120 qpm the pickup is half a second long.
            CoordinatedScore coordinated = Fixtures.coordinateSuite("46e");
            assertThat(coordinated.notes()).extracting(CoordinatedNote::calculatedStartTime)
                    .containsExactly(0.0, 0.5, 1.0, 2.5, 2.5);
        }

        @Test
        void metronomeMarksSetTheTempoInQuarterNotes() {
            // 31c: dotted quarter = 100 is 150 qpm; the two metric equations carry no number; dotted quarter = 77
            // on beat 2 of bar 3 is 115.5 qpm.
            MusicXmlScore score = Fixtures.suite("31c");
            assertThat(score.tempoMarks()).containsExactly(new TempoMark(0, 0, 150), new TempoMark(2, 1, 115.5));
            CoordinatedScore coordinated = Fixtures.coordinateSuite("31c");
            assertThat(coordinated.notes()).extracting(CoordinatedNote::calculatedStartTime).containsExactly(
                    0.0, 0.4, 0.8, 1.2, 1.6, 2.0, 2.4, 2.8, 3.2, 3.6, 4.119481, 4.638961);
            assertThat(coordinated.notes().get(0).tempoAtOnset()).isEqualTo(150.0);
            assertThat(coordinated.notes().get(11).tempoAtOnset()).isEqualTo(115.5);
        }
    }

    @Nested
    class Repeats {

        private List<String> performedMeasures(String id) {
            MusicXmlScore score = Fixtures.suite(id);
            return new PerformedTimeline(score).occurrences().stream()
                    .map(o -> score.measures().get(o.measureIndex()).number()).toList();
        }

        @Test
        void aBackwardRepeatWithTimesPlaysTheBarThatOften() {
            // 45a: bar 1 is played five times.
            assertThat(performedMeasures("45a")).containsExactly("1", "1", "1", "1", "1", "2");
        }

        @Test
        void voltasPlayTheirOwnPass() {
            // 45b: 1, first ending 2, back, 1, second ending 3, then 4.
            assertThat(performedMeasures("45b")).containsExactly("1", "2", "1", "3", "4");
        }

        @Test
        void aRepeatedNoteHasOneIdAndEveryPerformance() {
            // 45b at 120 qpm: bar 1 sounds at 0 s and again at 4 s; its note keeps one universal ID.
            CoordinatedScore score = Fixtures.coordinateSuite("45b");
            assertThat(score.notes()).hasSize(4);
            CoordinatedNote first = score.notes().stream().filter(n -> n.notated().measureIndex() == 0).findFirst().orElseThrow();
            assertThat(first.performances()).extracting(Performance::startSeconds).containsExactly(0.0, 4.0);
            assertThat(first.calculatedStartTime()).isEqualTo(0.0);
            assertThat(score.notes()).extracting(n -> n.performances().get(0).startSeconds())
                    .containsExactly(0.0, 2.0, 6.0, 8.0);
        }

        @Test
        void anInnerRepeatPlaysFiveTimesAndTimesOneMeansOnce() {
            // 45c: bars 2-3 five times; the outer repeat to bar 7 is played only once.
            assertThat(performedMeasures("45c")).containsExactly(
                    "1", "2", "3", "2", "3", "2", "3", "2", "3", "2", "3", "4", "5", "6", "7", "8");
        }

        @Test
        void multipleEndingsFollowTheirPassNumbers() {
            // 45d: endings 1 | 2 | 3,5,7 | 4,6 | 8 (discontinued), each pass returning to bar 1.
            assertThat(performedMeasures("45d")).containsExactly(
                    "1", "2",
                    "1", "3", "4", "5",
                    "1", "6", "7", "8", "9",
                    "1", "10",
                    "1", "6", "7", "8", "9",
                    "1", "10",
                    "1", "6", "7", "8", "9",
                    "1", "11", "12");
        }

        @Test
        void unnumberedEndingsAndBackToBackRepeats() {
            // 45e: endings with number="" count in order; bar 5 repeats alone; bar 8 is both the
            // second ending of the 6-7 repeat and the start of the 8-9 repeat.
            assertThat(performedMeasures("45e")).containsExactly(
                    "1", "2", "1", "3", "4", "5", "5", "6", "7", "6", "8", "9", "8", "9", "10");
        }

        @Test
        void repeatsNestedInsideEndings() {
            // 45i: ending 1 (bars 2-4) holds a repeat of bar 3; ending 2 (bars 5-6) a repeat of bar 5.
            assertThat(performedMeasures("45i")).containsExactly("1", "2", "3", "3", "4", "1", "5", "5", "6", "7");
            CoordinatedScore score = Fixtures.coordinateSuite("45i");
            assertThat(score.notes()).extracting(n -> n.performances().size()).containsExactly(2, 1, 2, 1, 2, 1, 1);
            // Bar 5 plays in slots 6 and 7 of the performance: 4 quarters each, 2 s at 120 qpm.
            assertThat(score.notes().get(4).performances()).extracting(Performance::startSeconds).containsExactly(12.0, 14.0);
        }
    }
}
