package io.sib2ae.orchestrator.notehead;

/** One attribute of an SVG element as read, kept so the element can be written again unchanged. */
public record SvgAttribute(String prefix, String namespaceUri, String localName, String value) {
}
