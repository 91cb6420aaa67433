package io.sib2ae.orchestrator.score;

import io.sib2ae.orchestrator.coordination.Fixtures;
import static io.sib2ae.orchestrator.coordination.Fixtures.note;
import static io.sib2ae.orchestrator.coordination.Fixtures.onePart;
import static io.sib2ae.orchestrator.coordination.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken MusicXML: every case ends in a ScoreInputException a person can act on, or is read safely. */
class MusicXmlReaderBadInputTest {

    private static final String ONE_NOTE = """
            <measure number="1">
              <attributes><divisions>1</divisions></attributes>
              %s
            </measure>""".formatted(note("C", 4, 4));

    private final MusicXmlReader reader = Fixtures.reader();
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startDtdServer() throws Exception {
        // A local web server stands in for the DTD host; it counts every request made to it.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY % evil \"\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopDtdServer() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void malformedXmlReportsLineAndColumn() {
        String xml = "<?xml version=\"1.0\"?>\n<score-partwise>\n  <part-list></part-lst>\n</score-partwise>\n";
        ScoreInputException e = catchThrowableOfType(ScoreInputException.class, () -> reader.read(utf8(xml), "broken.xml"));
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isPositive();
        assertThat(e.file()).isEqualTo("broken.xml");
        assertThat(e.reason()).startsWith("Not well-formed MusicXML").contains("part-list");
        assertThat(e.describe()).startsWith("broken.xml:3:");
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThatThrownBy(() -> reader.read(new byte[0], "empty.xml"))
                .isInstanceOf(ScoreInputException.class)
                .satisfies(e -> assertThat(((ScoreInputException) e).file()).isEqualTo("empty.xml"));
    }

    @Test
    void binaryJunkIsRejected() {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        junk[0] = 0; // not even a '<' to start with
        assertThatThrownBy(() -> reader.read(junk, "junk.xml")).isInstanceOf(ScoreInputException.class);
    }

    @Test
    void wellFormedXmlThatIsNotMusicXmlIsRejected() {
        assertThatThrownBy(() -> reader.read(utf8("<html><body/></html>"), "page.xml"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("<html>");
    }

    @Test
    void aDoctypePointingAtAUrlIsNeverFetched() {
        // Almost every real MusicXML file names its DTD by URL: the score must still be read, offline.
        String xml = onePart(ONE_NOTE).replace("<score-partwise",
                "<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" \""
                        + url("/partwise.dtd") + "\">\n<score-partwise");
        MusicXmlScore score = reader.read(utf8(xml.strip()), "with-doctype.xml");
        assertThat(score.notes()).singleElement().satisfies(n -> assertThat(n.soundingPitch()).isEqualTo(60));
        assertThat(requests).hasValue(0);
    }

    @Test
    void anExternalParameterEntityIsNeverFetched() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise [\n<!ENTITY % remote SYSTEM \""
                + url("/evil.dtd") + "\">\n%remote;\n]>\n" + onePart(ONE_NOTE).replaceFirst("<\\?xml[^>]*>", "").strip();
        // DTD processing is off: the internal subset, parameter entity and all, is passed over
        // unread, so the score is read as if it had none, and nothing goes to the network.
        MusicXmlScore score = reader.read(utf8(xml), "param-entity.xml");
        assertThat(score.notes()).singleElement().satisfies(n -> assertThat(n.soundingPitch()).isEqualTo(60));
        assertThat(requests).hasValue(0);
    }

    @Test
    void anExternalFileEntityIsNotExpanded(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-4711");
        for (String target : new String[] {"file:///etc/hostname", secret.toUri().toString()}) {
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise [<!ENTITY xxe SYSTEM \"" + target + "\">]>\n"
                    + onePart(ONE_NOTE).replaceFirst("<\\?xml[^>]*>", "").strip()
                    .replace("<part-list>", "<work><work-title>&xxe;</work-title></work><part-list>");
            ScoreInputException e = catchThrowableOfType(ScoreInputException.class, () -> reader.read(utf8(xml), "xxe.xml"));
            assertThat(e).as(target).isNotNull();
            assertThat(e.getMessage()).doesNotContain("TOP-SECRET-4711");
            assertThat(e.line()).isNotNull();
        }
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            entities.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">\n");
        }
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise [\n" + entities + "]>\n"
                + onePart(ONE_NOTE).replaceFirst("<\\?xml[^>]*>", "").strip()
                .replace("<part-list>", "<work><work-title>&lol9;</work-title></work><part-list>");
        // 10^9 "lol"s would need gigabytes: the entity must not be expanded at all.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> reader.read(utf8(xml), "lol.xml")).isInstanceOf(ScoreInputException.class));
    }

    @Test
    void zeroOrNegativeDivisionsAreRejectedAtTheirLine() {
        for (String divisions : new String[] {"0", "-4"}) {
            String xml = onePart(ONE_NOTE.replace("<divisions>1</divisions>", "<divisions>" + divisions + "</divisions>"));
            ScoreInputException e = catchThrowableOfType(ScoreInputException.class, () -> reader.read(utf8(xml), "div.xml"));
            assertThat(e).as(divisions).isNotNull();
            assertThat(e.reason()).contains("<divisions>").contains(divisions);
            assertThat(e.line()).isEqualTo(6); // the <attributes> line of the generated score
        }
    }

    @Test
    void anAbsurdAlterIsRejected() {
        String xml = onePart(ONE_NOTE.replace("<step>C</step>", "<step>C</step><alter>1000</alter>"));
        assertThatThrownBy(() -> reader.read(utf8(xml), "alter.xml"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("<alter>").hasMessageContaining("1000");
    }

    @Test
    void aNoteThatWouldSoundOutsideMidiIsRejected() {
        // G9 plus a transposition up an octave is beyond note 127.
        String xml = onePart(ONE_NOTE.replace("<divisions>1</divisions>",
                        "<divisions>1</divisions><transpose><chromatic>0</chromatic><octave-change>1</octave-change></transpose>")
                .replace("<octave>4</octave>", "<octave>9</octave>").replace("<step>C</step>", "<step>G</step>"));
        assertThatThrownBy(() -> reader.read(utf8(xml), "high.xml"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("MIDI range");
    }

    @Test
    void moreNotesThanTheLimitAreRejected() {
        String measure = "<measure number=\"1\"><attributes><divisions>1</divisions></attributes>"
                + note("C", 4, 1) + note("D", 4, 1) + note("E", 4, 1) + note("F", 4, 1) + "</measure>";
        byte[] xml = utf8(onePart(measure));
        assertThat(new MusicXmlReader(4).read(xml, "four.xml").notes()).hasSize(4);
        assertThatThrownBy(() -> new MusicXmlReader(3).read(xml, "four.xml"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("more than 3 notes");
    }

    @Test
    void aNoteOutsideAnyMeasureIsRejected() {
        String xml = "<score-partwise><part-list><score-part id=\"P1\"/></part-list><part id=\"P1\">"
                + note("C", 4, 1) + "</part></score-partwise>";
        assertThatThrownBy(() -> reader.read(utf8(xml), "loose.xml"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("outside");
    }

    @Test
    void aScoreWithAByteOrderMarkIsRead() {
        byte[] body = utf8(onePart(ONE_NOTE).strip());
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(reader.read(withBom, "bom.xml").notes()).hasSize(1);
    }
}
