package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Shared readers and small helpers for the coordination tests. */
final class Fixtures {

    static final String SUITE = "musicxml-testsuite";

    private Fixtures() {
    }

    static MusicXmlReader reader() {
        return new MusicXmlReader(1_000_000);
    }

    static MidiFileReader midiReader() {
        return new MidiFileReader(1024, 36_000);
    }

    static NoteCoordinator coordinator() {
        return new NoteCoordinator(reader(), midiReader());
    }

    /** Every file of the MusicXML test suite, sorted by name. */
    static List<Path> suiteFiles() {
        try (Stream<Path> files = Files.list(TestData.file(SUITE))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suite file whose name starts with {@code id-}, such as {@code 03b}. */
    static Path suiteFile(String id) {
        return suiteFiles().stream().filter(p -> p.getFileName().toString().startsWith(id + "-")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test-suite file " + id));
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MusicXmlScore suite(String id) {
        Path file = suiteFile(id);
        return reader().read(bytes(file), file.getFileName().toString());
    }

    static CoordinatedScore coordinateSuite(String id) {
        Path file = suiteFile(id);
        return coordinator().coordinate(bytes(file), file.getFileName().toString(), null, null);
    }

    /** {@code F#4@1.5/0.5}: written pitch, onset from the score start and duration, in quarters. */
    static String describe(NotatedNote note) {
        return note.pitchName() + "@" + fmt(note.notatedOnset()) + "/" + fmt(note.durationQuarters());
    }

    static List<String> describe(List<NotatedNote> notes) {
        return notes.stream().map(Fixtures::describe).toList();
    }

    static List<NotatedNote> inPart(MusicXmlScore score, String partId) {
        return score.notes().stream().filter(n -> n.partId().equals(partId)).toList();
    }

    /** Four decimals, no trailing zeros: thirds and sevenths compare without float noise. */
    static String fmt(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A one-part partwise score around the given measures, for small hand-made cases. */
    static String onePart(String measures) {
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

    static String note(String step, int octave, int duration) {
        return "<note><pitch><step>" + step + "</step><octave>" + octave + "</octave></pitch><duration>" + duration
                + "</duration><voice>1</voice></note>";
    }
}
