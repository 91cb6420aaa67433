package io.sib2ae.orchestrator.score;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The StAX factories every XML input is read with (MusicXML, an .mxl's container.xml, SVG pages).
 * None reads a DTD or an external entity, whatever the input declares: the defence against XXE and
 * entity bombs lives here once, and only the reading style differs per format.
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
