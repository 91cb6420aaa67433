package io.sib2ae.orchestrator.score;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The StAX factories every XML input is read with (MusicXML, an .mxl's container.xml, SVG pages).
 * None reads a DTD or an external entity, whatever the input declares: the defence against XXE and
 * entity bombs lives here once, and only the reading style differs per format. The readers
 * decode the bytes themselves ({@link StrictXmlText}), so a binary file is refused with a reason and
 * nothing printed.
 */
public final class SecureXml {

    private SecureXml() {
    }

    /** For MusicXML and container.xml: element names as written, prefixes and all. */
    public static XMLInputFactory forMusicXml() {
        XMLInputFactory factory = refusingExternalResources();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }

    /** For SVG: namespace-aware, text in one piece, entity references left as they stand. */
    public static XMLInputFactory forSvg() {
        XMLInputFactory factory = refusingExternalResources();
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** A MusicXML or container.xml reader over {@code in}; closing the reader leaves {@code in} open. */
    public static XMLStreamReader musicXmlReader(InputStream in) throws XMLStreamException {
        return forMusicXml().createXMLStreamReader(text(in));
    }

    /** An SVG reader over {@code in}; closing the reader leaves {@code in} open. */
    public static XMLStreamReader svgReader(InputStream in) throws XMLStreamException {
        return forSvg().createXMLStreamReader(text(in));
    }

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    /**
     * The file's characters, its encoding found as the XML specification's appendix F says: a
     * byte order mark, the UTF-16 shape of {@code <?}, or the declaration; UTF-8 otherwise.
     */
    private static StrictXmlText text(InputStream in) throws XMLStreamException {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            byte[] head = new byte[512];
            buffered.mark(head.length);
            int length = buffered.readNBytes(head, 0, head.length);
            buffered.reset();
            int b0 = length > 0 ? head[0] & 0xFF : -1;
            int b1 = length > 1 ? head[1] & 0xFF : -1;
            int b2 = length > 2 ? head[2] & 0xFF : -1;
            int b3 = length > 3 ? head[3] & 0xFF : -1;
            Charset charset;
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
                buffered.skipNBytes(3);
                charset = StandardCharsets.UTF_8;
            } else if (b0 == 0xFE && b1 == 0xFF) {
                buffered.skipNBytes(2);
                charset = StandardCharsets.UTF_16BE;
            } else if (b0 == 0xFF && b1 == 0xFE) {
                buffered.skipNBytes(2);
                charset = StandardCharsets.UTF_16LE;
            } else if (b0 == 0x00 && b1 == 0x3C && b2 == 0x00 && b3 == 0x3F) {
                charset = StandardCharsets.UTF_16BE;
            } else if (b0 == 0x3C && b1 == 0x00 && b2 == 0x3F && b3 == 0x00) {
                charset = StandardCharsets.UTF_16LE;
            } else {
                charset = declared(new String(head, 0, length, StandardCharsets.ISO_8859_1));
            }
            return new StrictXmlText(buffered, charset);
        } catch (IOException e) {
            throw new XMLStreamException(e.getMessage(), e);
        }
    }

    private static Charset declared(String head) throws XMLStreamException {
        Matcher declaration = DECLARED_ENCODING.matcher(head);
        if (!declaration.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declaration.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new XMLStreamException("the declared encoding '" + declaration.group(1) + "' is not supported");
        }
    }

    private static XMLInputFactory refusingExternalResources() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // A resolver that refuses makes even a misconfigured parser unable to fetch anything.
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return factory;
    }
}
