package io.sib2ae.orchestrator.aftereffects;

import java.util.List;

/**
 * One closed or open outline in After Effects' own terms: vertices, and for each vertex the
 * incoming and outgoing Bézier handles relative to it (what a {@code Shape}'s {@code inTangents}
 * and {@code outTangents} hold), in page units.
 */
public record ShapeContour(List<Point> vertices, List<Point> inTangents, List<Point> outTangents, boolean closed) {

    /** A point or a handle offset, in page (viewBox) units. */
    public record Point(double x, double y) {
        Point minus(Point other) {
            return new Point(x - other.x, y - other.y);
        }
    }

    public ShapeContour {
        vertices = List.copyOf(vertices);
        inTangents = List.copyOf(inTangents);
        outTangents = List.copyOf(outTangents);
        if (vertices.size() != inTangents.size() || vertices.size() != outTangents.size()) {
            throw new IllegalArgumentException("a contour needs one in and one out tangent per vertex");
        }
    }
}
