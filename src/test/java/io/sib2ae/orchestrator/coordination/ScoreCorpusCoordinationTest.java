package io.sib2ae.orchestrator.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.score.MxlArchive;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Published scores against MIDI renderings made by an independent engraver (repeats played,
 * one track per staff). Almost every sounding the notation promises must be found in the
 * MIDI at its exact onset and pitch; the IDs must be deterministic and unique.
 */
class ScoreCorpusCoordinationTest {

    private static final double REQUIRED_EXACT_SHARE = 0.99;

    private static byte[] scoreXml(String file) {
        byte[] bytes = TestData.bytes("scores/" + file);
        // Compressed MusicXML is read the way the intake reads it.
        return file.endsWith(".mxl") ? new MxlArchive(64 << 20, 100).scoreXml(bytes, file) : bytes;
    }

    private static CoordinatedScore coordinate(String file) {
        String midi = file.replaceFirst("\\.[^.]+$", ".mid");
        return Fixtures.coordinator().coordinate(scoreXml(file), file, TestData.bytes("scores/" + midi), midi);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ActorPreludeSample.xml",
            "Beethoven_AnDieFerneGeliebte.xml",
            "BrookeWestSample.mxl",
            "Dichterliebe01.xml",
            "JosephHaydn_ConcertanteCello.xml",
            "Mozart_String_Quartet_in_G_K._387_1st_Mvmnt_excerpt.musicxml",
            "Saltarello.mxl"})
    void almostEverySoundingIsMatchedExactlyAndIdsAreStable(String file) {
        CoordinatedScore score = coordinate(file);
        CoordinatedScore.MatchSummary summary = score.matchSummary();
        System.out.printf("%s: %d/%d soundings exact (%.4f), %d loose, %d unmatched, offset %.3f, repeats %s%n", file,
                summary.matchedExactly(), summary.expectedSoundings(), summary.exactRatio(), summary.matchedLoosely(),
                summary.unmatched(), summary.quarterOffset(), summary.repeatsExpanded());

        assertThat(score.timingSource()).isEqualTo(NoteCoordinator.MIDI_EXACT);
        assertThat(summary.expectedSoundings()).isPositive();
        assertThat(summary.matchedExactly() + summary.matchedLoosely() + summary.unmatched())
                .isEqualTo(summary.expectedSoundings());
        assertThat(summary.exactRatio()).as("exact share of expected soundings").isGreaterThanOrEqualTo(REQUIRED_EXACT_SHARE);

        // The same from the notes' side: pitched notes that sound on their own (tie primaries and
        // untied notes) must carry full confidence, and then they are timed by their MIDI note.
        List<CoordinatedNote> sounding = score.notes().stream()
                .filter(n -> n.primary() && !n.notated().unpitched()).toList();
        long certain = sounding.stream().filter(n -> n.timingConfidence() >= 1.0).count();
        assertThat(certain).as("notes with timing_confidence 1 of " + sounding.size())
                .isGreaterThanOrEqualTo((long) Math.ceil(REQUIRED_EXACT_SHARE * sounding.size()));
        assertThat(sounding).filteredOn(n -> n.timingConfidence() >= 1.0)
                .allSatisfy(n -> assertThat(n.timingSource()).isEqualTo(NoteCoordinator.MIDI_EXACT));
        // A note that is not certain says so: never midi_exact with confidence below 1.
        assertThat(score.notes()).filteredOn(n -> n.timingConfidence() < 1.0)
                .allSatisfy(n -> assertThat(n.timingSource()).isNotEqualTo(NoteCoordinator.MIDI_EXACT));

        // Every notehead has its own ID; a second run (a new reader, a copy of the bytes) gives the same ones.
        List<String> ids = score.notes().stream().map(CoordinatedNote::universalId).toList();
        assertThat(ids).hasSameSizeAs(score.score().notes()).doesNotHaveDuplicates();
        assertThat(coordinate(file).notes()).extracting(CoordinatedNote::universalId).containsExactlyElementsOf(ids);
        // Repeated notes list every performance, first one first.
        assertThat(score.notes()).filteredOn(CoordinatedNote::primary).allSatisfy(n -> {
            if (!n.performances().isEmpty()) {
                assertThat(n.calculatedStartTime()).isEqualTo(n.performances().get(0).startSeconds());
            }
        });
    }

    @org.junit.jupiter.api.Test
    void everyDrumStrokeAndEveryPrincipalAfterGraceNotesFindsItsMidiNote() {
        // ActorPrelude's MIDI writes every drum as key 0 on channel 10: its bass drum and splash strokes
        // (bars 33, 39, 41) are strokes at their onsets, and the bar 33 roll's further notes are its strokes.
        CoordinatedScore actor = coordinate("ActorPreludeSample.xml");
        assertThat(actor.matchSummary().unmatched()).isZero();
        assertThat(actor.notes()).filteredOn(n -> n.notated().unpitched() && n.primary())
                .allSatisfy(n -> assertThat(n.timingConfidence()).isEqualTo(1.0));
        assertThat(actor.notes()).filteredOn(n -> n.notated().measureNumber().equals("33") && n.notated().unpitched())
                .allSatisfy(n -> assertThat(n.playing().strokes().size()).isGreaterThan(8));
        // The Haydn's bar 320 F4 comes after two grace notes the MIDI plays on the beat, an eighth late.
        CoordinatedScore haydn = coordinate("JosephHaydn_ConcertanteCello.xml");
        assertThat(haydn.matchSummary().unmatched()).isZero();
        assertThat(haydn.notes()).filteredOn(n -> n.notated().measureNumber().equals("320") && n.notated().pitchName().equals("F4"))
                .extracting(CoordinatedNote::matchMethod).containsExactly("principal_after_grace");
    }
}
