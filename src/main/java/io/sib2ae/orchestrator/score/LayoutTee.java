package io.sib2ae.orchestrator.score;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The MusicXML reader's stream, passing every event it pulls to the layout collector as well, so
 * notation and layout come from one parse. {@link #getElementText()} is read here through
 * {@link #next()} (as the StAX contract describes it) rather than by the parser underneath,
 * which would consume the text and end events unseen.
 */
final class LayoutTee extends StreamReaderDelegate {

    private final ScoreLayoutCollector layout;

    LayoutTee(XMLStreamReader reader, ScoreLayoutCollector layout) {
        super(reader);
        this.layout = layout;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        layout.accept(event, this);
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("parser must be on START_ELEMENT to read next text", getLocation());
        }
        StringBuilder content = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> content.append(getText());
                case XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.COMMENT -> {
                    // not part of the element's text
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException(
                        "unexpected end of document when reading element text content", getLocation());
                case XMLStreamConstants.START_ELEMENT -> throw new XMLStreamException(
                        "elementGetText() function expects text only elment but START_ELEMENT was encountered.", getLocation());
                default -> throw new XMLStreamException("Unexpected event type " + event, getLocation());
            }
            event = next();
        }
        return content.toString();
    }
}
