package io.sib2ae.orchestrator.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The XML readers decode the bytes themselves: encodings as declared, and bad bytes refused in silence. */
class SecureXmlTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void aBinaryFileIsRefusedWithWhereAndWhyAndNothingPrinted() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        // The JDK's parser, handed these bytes, prints "[Fatal Error] :-1:-1: ..." to stderr.
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> readAll(PNG))
                    .isInstanceOf(XMLStreamException.class)
                    .hasMessageContaining("byte 0x89 at line 1, column 1 is not UTF-8 text");
        } finally {
            System.setErr(stderr);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBadByteLaterInTheFileIsPlacedOnItsLine() {
        byte[] xml = "<?xml version=\"1.0\"?>\n<a>\n  <b>x\u00ff</b>\n</a>".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readAll(xml)).isInstanceOf(XMLStreamException.class)
                .hasMessageContaining("byte 0xFF at line 3, column 7 is not UTF-8 text");
    }

    @Test
    void aMusicXmlReadOfABinaryFileSaysNotWellFormed() {
        assertThatThrownBy(() -> new MusicXmlReader(1_000_000).read(PNG, "score.musicxml"))
                .isInstanceOf(ScoreInputException.class)
                .hasMessageStartingWith("Not well-formed MusicXML: byte 0x89 at line 1, column 1 is not UTF-8 text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16BE", "UTF-16LE", "ISO-8859-1"})
    void theDeclaredEncodingOrByteOrderMarkIsHonoured(String encoding) throws Exception {
        Charset charset = Charset.forName(encoding);
        String text = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><part-name>Fl\u00fbte \u00e9</part-name>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (encoding.startsWith("UTF-16")) {
            bytes.write(charset.encode("\ufeff").array(), 0, 2);
        }
        bytes.write(text.getBytes(charset));
        assertThat(readAll(bytes.toByteArray())).isEqualTo("Fl\u00fbte \u00e9");
    }

    @Test
    void aUtf8ByteOrderMarkIsNotContent() throws Exception {
        byte[] text = "<a>\u00e9</a>".getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        assertThat(readAll(withMark)).isEqualTo("\u00e9");
    }

    @Test
    void readOneCharAtATimeACharacterBeyondSixteenBitsArrivesWhole() throws Exception {
        String text = "a\ud834\udd1eb"; // U+1D11E MUSICAL SYMBOL G CLEF, four bytes in UTF-8
        StrictXmlText reader = new StrictXmlText(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        StringBuilder read = new StringBuilder();
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            read.append((char) c);
        }
        assertThat(read.toString()).isEqualTo(text);
    }

    /** The text content of the document. */
    private static String readAll(byte[] xml) throws XMLStreamException {
        XMLStreamReader reader = SecureXml.musicXmlReader(new ByteArrayInputStream(xml));
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.CHARACTERS) {
                text.append(reader.getText());
            }
        }
        return text.toString();
    }
}
