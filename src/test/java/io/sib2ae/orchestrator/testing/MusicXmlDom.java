package io.sib2ae.orchestrator.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * MusicXML as a DOM, for tests that derive a variant of a real file: parsed like every XML input
 * of the service (no DTD read, no entity fetched, whatever the DOCTYPE points to) and written back
 * as UTF-8.
 */
public final class MusicXmlDom {

    private MusicXmlDom() {
    }

    public static Document parse(Path musicXml) {
        try {
            return builder().parse(musicXml.toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("cannot parse " + musicXml, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses MusicXML already in memory (the score of an .mxl archive, say). */
    public static Document parse(byte[] musicXml, String name) {
        try {
            return builder().parse(new java.io.ByteArrayInputStream(musicXml));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot parse " + name, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // An empty DTD for any the file names: its URL is never fetched.
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser", e);
        }
    }

    /** Writes the document as UTF-8, without the DOCTYPE: the readers need none. */
    public static void write(Document document, Path file) {
        try {
            java.nio.file.Files.write(file, bytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as UTF-8 bytes, as {@link #write} would write them. */
    public static byte[] bytes(Document document) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise the document", e);
        }
    }

    /** Every element of that name below {@code root}, in document order. */
    public static List<Element> descendants(Element root, String tag) {
        NodeList list = root.getElementsByTagName(tag);
        List<Element> result = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    /** The direct children of that name, in order. */
    public static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                result.add(e);
            }
        }
        return result;
    }

    /** The first direct child of that name, or null. */
    public static Element child(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? null : found.get(0);
    }
}
