package io.sib2ae.orchestrator.notehead;

/**
 * Signals an SVG page or MusicXML file that cannot or must not be read (empty, not SVG, malformed,
 * over a safety limit, or pointing at external resources); the message names the file and the reason.
 */
public class SvgInputException extends RuntimeException {

    public SvgInputException(String message) {
        super(message);
    }

    public SvgInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
