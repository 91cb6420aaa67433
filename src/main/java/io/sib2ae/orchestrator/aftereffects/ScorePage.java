package io.sib2ae.orchestrator.aftereffects;

/**
 * One page of the score as the SVG hop wrote it: its viewBox, and the page drawn without its
 * noteheads as a PNG (for After Effects) and as an SVG, each relative to the score folder or null.
 */
public record ScorePage(int index, double minX, double minY, double width, double height, String png, String svg) {

    /** The file name suffix the SVG hop gives the page: none for the first, {@code _p2} for the second… */
    public static String suffix(int index) {
        return index == 0 ? "" : "_p" + (index + 1);
    }
}
