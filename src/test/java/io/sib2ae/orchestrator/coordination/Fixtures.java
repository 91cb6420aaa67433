package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.MidiFileReader;
import io.sib2ae.orchestrator.score.MusicXmlReader;
import io.sib2ae.orchestrator.score.MusicXmlScore;
import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.score.ScoreSet;
import io.sib2ae.orchestrator.score.ScoreSource;
import io.sib2ae.orchestrator.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Shared readers and small helpers for the coordination tests. */
public final class Fixtures {

    public static final String SUITE = "musicxml-testsuite";

    private Fixtures() {
    }

    public static MusicXmlReader reader() {
        return new MusicXmlReader(1_000_000);
    }

    public static MidiFileReader midiReader() {
        return new MidiFileReader(1024, 36_000);
    }

    public static Coordinating coordinator() {
        return new Coordinating();
    }

    /** Reads and coordinates a score from bytes, as the score route's read and coordinate steps do. */
    public static final class Coordinating {

        /** @param midi the MIDI file's bytes, or null to time the notes from the MusicXML alone */
        public CoordinatedScore coordinate(byte[] musicXml, String name, byte[] midi, String midiName) {
            ScoreSet files = ScoreSet.of(Path.of(name), midi == null ? null : Path.of(midiName), List.of());
            ScoreSource source = new ScoreSource(files, Instant.now(), musicXml, reader().read(musicXml, name),
                    midi == null ? null : midiReader().read(midi, midiName));
            return new NoteCoordinator().coordinate(source);
        }
    }

    /** Every file of the MusicXML test suite, sorted by name. */
    public static List<Path> suiteFiles() {
        try (Stream<Path> files = Files.list(TestData.file(SUITE))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suite file whose name starts with {@code id-}, such as {@code 03b}. */
    public static Path suiteFile(String id) {
        return suiteFiles().stream().filter(p -> p.getFileName().toString().startsWith(id + "-")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test-suite file " + id));
    }

    public static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MusicXmlScore suite(String id) {
        Path file = suiteFile(id);
        return reader().read(bytes(file), file.getFileName().toString());
    }

    public static CoordinatedScore coordinateSuite(String id) {
        Path file = suiteFile(id);
        return coordinator().coordinate(bytes(file), file.getFileName().toString(), null, null);
    }

    /** {@code F#4@1.5/0.5}: written pitch, onset from the score start and duration, in quarters. */
    public static String describe(NotatedNote note) {
        return note.pitchName() + "@" + fmt(note.notatedOnset()) + "/" + fmt(note.durationQuarters());
    }

    public static List<String> describe(List<NotatedNote> notes) {
        return notes.stream().map(Fixtures::describe).toList();
    }

    public static List<NotatedNote> inPart(MusicXmlScore score, String partId) {
        return score.notes().stream().filter(n -> n.partId().equals(partId)).toList();
    }

    /** Four decimals, no trailing zeros: thirds and sevenths compare without float noise. */
    public static String fmt(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A one-part partwise score around the given measures, for small hand-made cases. */
    public static String onePart(String measures) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <score-partwise version="4.0">
                  <part-list><score-part id="P1"><part-name>Solo</part-name></score-part></part-list>
                  <part id="P1">
                %s
                  </part>
                </score-partwise>
                """.formatted(measures);
    }

    public static String note(String step, int octave, int duration) {
        return "<note><pitch><step>" + step + "</step><octave>" + octave + "</octave></pitch><duration>" + duration
                + "</duration><voice>1</voice></note>";
    }
}
