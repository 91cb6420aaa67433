package io.sib2ae.orchestrator.aftereffects;

import io.sib2ae.orchestrator.aftereffects.ShapeContour.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an SVG path's {@code d} into After Effects shape contours. The notehead SVGs draw each
 * notehead with absolute {@code M L C Q Z} only (transforms already applied), so that is all this
 * accepts; anything else is refused by name rather than drawn wrong. A quadratic segment becomes
 * the equivalent cubic one, since an After Effects shape knows only cubic handles.
 */
public final class PathOutlines {

    /* Closing on the starting point within this many page units merges the two vertices. */
    private static final double SAME_POINT = 1e-6;

    private PathOutlines() {
    }

    /** The contours of {@code d}, one per {@code M}, in page units. */
    public static List<ShapeContour> contours(String d) {
        Tokens tokens = new Tokens(d);
        List<ShapeContour> contours = new ArrayList<>();
        Builder current = null;
        char command = 0;
        while (tokens.hasMore()) {
            if (tokens.nextIsCommand()) {
                command = tokens.command();
            } else if (command == 0) {
                throw new IllegalArgumentException("path data must start with M: " + abbreviate(d));
            }
            switch (command) {
                case 'M' -> {
                    if (current != null) {
                        contours.add(current.build(false));
                    }
                    current = new Builder(tokens.point());
                    command = 'L'; // further pairs after M are line-tos
                }
                case 'L' -> requireOpen(current, contours, d).lineTo(tokens.point());
                case 'C' -> requireOpen(current, contours, d).cubicTo(tokens.point(), tokens.point(), tokens.point());
                case 'Q' -> requireOpen(current, contours, d).quadTo(tokens.point(), tokens.point());
                case 'Z' -> {
                    contours.add(requireOpen(current, contours, d).build(true));
                    current = null;
                    command = 0;
                }
                default -> throw new IllegalArgumentException("unsupported path command '" + command
                        + "' (notehead outlines use absolute M, L, C, Q and Z only): " + abbreviate(d));
            }
        }
        if (current != null) {
            contours.add(current.build(false));
        }
        return contours;
    }

    private static Builder requireOpen(Builder current, List<ShapeContour> done, String d) {
        if (current == null) {
            throw new IllegalArgumentException((done.isEmpty() ? "path data must start with M: "
                    : "path segment without a current point (missing M after Z): ") + abbreviate(d));
        }
        return current;
    }

    private static String abbreviate(String d) {
        return d.length() <= 80 ? d : d.substring(0, 80) + "…";
    }

    /** Collects one contour's vertices and handles as the segments arrive. */
    private static final class Builder {
        private final List<Point> vertices = new ArrayList<>();
        private final List<Point> in = new ArrayList<>();
        private final List<Point> out = new ArrayList<>();

        Builder(Point start) {
            add(start, start);
        }

        private void add(Point vertex, Point inHandle) {
            vertices.add(vertex);
            in.add(inHandle.minus(vertex));
            out.add(new Point(0, 0));
        }

        private Point last() {
            return vertices.get(vertices.size() - 1);
        }

        void lineTo(Point p) {
            add(p, p);
        }

        void cubicTo(Point c1, Point c2, Point p) {
            out.set(out.size() - 1, c1.minus(last()));
            add(p, c2);
        }

        /* The cubic with the same curve: control points two thirds of the way to the quadratic's. */
        void quadTo(Point q, Point p) {
            Point p0 = last();
            Point c1 = new Point(p0.x() + 2.0 / 3 * (q.x() - p0.x()), p0.y() + 2.0 / 3 * (q.y() - p0.y()));
            Point c2 = new Point(p.x() + 2.0 / 3 * (q.x() - p.x()), p.y() + 2.0 / 3 * (q.y() - p.y()));
            cubicTo(c1, c2, p);
        }

        /*
         * A closed After Effects shape draws its last segment from the last vertex back to the
         * first by itself; a path that returns to its start explicitly would get a doubled vertex,
         * so that vertex is folded into the first, keeping its incoming handle.
         */
        ShapeContour build(boolean closed) {
            int n = vertices.size();
            if (closed && n > 1) {
                Point first = vertices.get(0);
                Point end = vertices.get(n - 1);
                if (Math.abs(first.x() - end.x()) <= SAME_POINT && Math.abs(first.y() - end.y()) <= SAME_POINT) {
                    in.set(0, in.get(n - 1));
                    vertices.remove(n - 1);
                    in.remove(n - 1);
                    out.remove(n - 1);
                }
            }
            return new ShapeContour(vertices, in, out, closed);
        }
    }

    /** Reads commands and numbers from path data, separators and signs as SVG allows. */
    private static final class Tokens {
        private final String d;
        private int at;

        Tokens(String d) {
            this.d = d == null ? "" : d;
        }

        private void skipSeparators() {
            while (at < d.length() && (Character.isWhitespace(d.charAt(at)) || d.charAt(at) == ',')) {
                at++;
            }
        }

        boolean hasMore() {
            skipSeparators();
            return at < d.length();
        }

        boolean nextIsCommand() {
            skipSeparators();
            return at < d.length() && Character.isLetter(d.charAt(at)) && d.charAt(at) != 'e' && d.charAt(at) != 'E';
        }

        char command() {
            skipSeparators();
            return d.charAt(at++);
        }

        Point point() {
            return new Point(number(), number());
        }

        double number() {
            skipSeparators();
            int start = at;
            if (at < d.length() && (d.charAt(at) == '+' || d.charAt(at) == '-')) {
                at++;
            }
            boolean dot = false;
            while (at < d.length()) {
                char c = d.charAt(at);
                if (Character.isDigit(c)) {
                    at++;
                } else if (c == '.' && !dot) {
                    dot = true;
                    at++;
                } else if ((c == 'e' || c == 'E') && at > start) {
                    at++;
                    if (at < d.length() && (d.charAt(at) == '+' || d.charAt(at) == '-')) {
                        at++;
                    }
                } else {
                    break;
                }
            }
            if (start == at) {
                throw new IllegalArgumentException("expected a number at character " + at + " of path data: " + abbreviate(d));
            }
            return Double.parseDouble(d.substring(start, at));
        }
    }
}
