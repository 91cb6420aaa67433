package io.sib2ae.orchestrator.aftereffects;

import io.sib2ae.orchestrator.aftereffects.ShapeContour.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * A notehead's outline on the page, in page (viewBox) units: the glyph's own contours when the
 * notehead SVG carries them, or an oval of a notehead's usual size at the glyph's origin when it
 * only names a character of a font this machine may not have ({@code estimated}).
 *
 * @param fill the colour the notehead SVG gives it, or null
 */
public record NoteheadOutline(List<ShapeContour> contours, boolean estimated, String fill) {

    /* SMuFL: an em is four staff spaces; a black notehead is about 1.18 spaces wide and one high. */
    private static final double WIDTH_IN_EM = 1.18 / 4;
    private static final double HEIGHT_IN_EM = 1.0 / 4;
    /* Handle length that makes four cubic arcs a close ellipse. */
    private static final double KAPPA = 0.5522847498;

    public NoteheadOutline {
        contours = List.copyOf(contours);
        if (contours.isEmpty() || contours.stream().allMatch(c -> c.vertices().isEmpty())) {
            throw new IllegalArgumentException("a notehead outline needs at least one vertex");
        }
    }

    /** Bounding box of the vertices and handles: {minX, minY, maxX, maxY}. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (ShapeContour c : contours) {
            for (int i = 0; i < c.vertices().size(); i++) {
                Point v = c.vertices().get(i);
                include(b, v.x(), v.y());
                include(b, v.x() + c.inTangents().get(i).x(), v.y() + c.inTangents().get(i).y());
                include(b, v.x() + c.outTangents().get(i).x(), v.y() + c.outTangents().get(i).y());
            }
        }
        return b;
    }

    /** The middle of the bounding box: the point the notehead scales about. */
    public Point centre() {
        double[] b = bounds();
        return new Point((b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
    }

    private static void include(double[] b, double x, double y) {
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
    }

    /** The same contours mapped through an affine matrix (a b c d e f as in SVG). */
    NoteheadOutline transformed(double a, double b, double c, double d, double e, double f) {
        List<ShapeContour> mapped = new ArrayList<>();
        for (ShapeContour contour : contours) {
            List<Point> v = new ArrayList<>();
            List<Point> in = new ArrayList<>();
            List<Point> out = new ArrayList<>();
            for (int i = 0; i < contour.vertices().size(); i++) {
                Point p = contour.vertices().get(i);
                v.add(new Point(a * p.x() + c * p.y() + e, b * p.x() + d * p.y() + f));
                in.add(linear(a, b, c, d, contour.inTangents().get(i)));
                out.add(linear(a, b, c, d, contour.outTangents().get(i)));
            }
            mapped.add(new ShapeContour(v, in, out, contour.closed()));
        }
        return new NoteheadOutline(mapped, estimated, fill);
    }

    private static Point linear(double a, double b, double c, double d, Point t) {
        return new Point(a * t.x() + c * t.y(), b * t.x() + d * t.y());
    }

    /**
     * An oval the size of a black notehead of a font of {@code fontSize}, its left end at the
     * glyph origin {@code (x, y)} and centred on the baseline, as music fonts draw noteheads;
     * in the glyph's own coordinates, before the page transforms.
     */
    static NoteheadOutline estimatedOval(double x, double y, double fontSize, String fill) {
        double rx = fontSize * WIDTH_IN_EM / 2;
        double ry = fontSize * HEIGHT_IN_EM / 2;
        double cx = x + rx;
        List<Point> v = List.of(new Point(cx + rx, y), new Point(cx, y + ry), new Point(cx - rx, y), new Point(cx, y - ry));
        double hx = rx * KAPPA;
        double hy = ry * KAPPA;
        List<Point> in = List.of(new Point(0, -hy), new Point(hx, 0), new Point(0, hy), new Point(-hx, 0));
        List<Point> out = List.of(new Point(0, hy), new Point(-hx, 0), new Point(0, -hy), new Point(hx, 0));
        return new NoteheadOutline(List.of(new ShapeContour(v, in, out, true)), true, fill);
    }
}
