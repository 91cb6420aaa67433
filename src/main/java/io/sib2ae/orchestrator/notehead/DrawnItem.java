package io.sib2ae.orchestrator.notehead;

/**
 * Any drawn leaf element of a page (text, line, path, ...) with its approximate page extent,
 * used to tell which staff it belongs to.
 *
 * @param ordinal 0-based position among all elements of the page
 * @param element the element's local name
 */
public record DrawnItem(int ordinal, String element, double minX, double minY, double maxX, double maxY) {

    public double centerY() {
        return (minY + maxY) / 2;
    }
}
