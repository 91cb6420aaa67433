package io.sib2ae.orchestrator.aftereffects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sib2ae.orchestrator.aftereffects.ShapeContour.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathOutlinesTest {

    @TempDir
    Path dir;

    @Test
    void linesBecomeVerticesWithoutHandles() {
        List<ShapeContour> contours = PathOutlines.contours("M10,20 L30,20 L30 40 Z");

        assertThat(contours).hasSize(1);
        ShapeContour c = contours.get(0);
        assertThat(c.closed()).isTrue();
        assertThat(c.vertices()).containsExactly(new Point(10, 20), new Point(30, 20), new Point(30, 40));
        assertThat(c.inTangents()).containsOnly(new Point(0, 0));
        assertThat(c.outTangents()).containsOnly(new Point(0, 0));
    }

    @Test
    void cubicHandlesAreRelativeToTheirVertices() {
        ShapeContour c = PathOutlines.contours("M0 0 C10 0 20 10 20 20").get(0);

        assertThat(c.closed()).isFalse();
        assertThat(c.vertices()).containsExactly(new Point(0, 0), new Point(20, 20));
        assertThat(c.outTangents().get(0)).isEqualTo(new Point(10, 0));
        assertThat(c.inTangents().get(1)).isEqualTo(new Point(0, -10));
    }

    @Test
    void aQuadraticBecomesTheCubicThatDrawsTheSameCurve() {
        // The quadratic from (0,0) through control (30,60) to (60,0) passes (30,30) at t = 0.5.
        ShapeContour c = PathOutlines.contours("M0 0 Q30 60 60 0").get(0);

        Point p0 = c.vertices().get(0);
        Point p3 = c.vertices().get(1);
        Point c1 = new Point(p0.x() + c.outTangents().get(0).x(), p0.y() + c.outTangents().get(0).y());
        Point c2 = new Point(p3.x() + c.inTangents().get(1).x(), p3.y() + c.inTangents().get(1).y());
        double x = (p0.x() + 3 * c1.x() + 3 * c2.x() + p3.x()) / 8;
        double y = (p0.y() + 3 * c1.y() + 3 * c2.y() + p3.y()) / 8;
        assertThat(x).isCloseTo(30, within(1e-9));
        assertThat(y).isCloseTo(30, within(1e-9));
        assertThat(c1).isEqualTo(new Point(20, 40));
        assertThat(c2).isEqualTo(new Point(40, 40));
    }

    @Test
    void aPathThatReturnsToItsStartDoesNotDoubleTheFirstVertex() {
        ShapeContour c = PathOutlines.contours("M0,0 C0,5 5,10 10,10 C15,10 10,0 0,0 Z").get(0);

        assertThat(c.vertices()).containsExactly(new Point(0, 0), new Point(10, 10));
        // The closing segment's last handle now belongs to the first vertex.
        assertThat(c.inTangents().get(0)).isEqualTo(new Point(10, 0));
        assertThat(c.outTangents().get(1)).isEqualTo(new Point(5, 0));
    }

    @Test
    void eachMoveStartsAContourSoAHollowNoteheadKeepsItsHole() {
        List<ShapeContour> contours = PathOutlines.contours("M0 0 L10 0 L10 10 Z M3 3 L7 3 L7 7 Z");

        assertThat(contours).hasSize(2);
        assertThat(contours.get(1).vertices()).containsExactly(new Point(3, 3), new Point(7, 3), new Point(7, 7));
    }

    @Test
    void relativeAndArcCommandsAreRefusedByName() {
        assertThatThrownBy(() -> PathOutlines.contours("M0 0 l10 10 Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'l'");
        assertThatThrownBy(() -> PathOutlines.contours("M0 0 A5 5 0 0 1 10 10"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A'");
        assertThatThrownBy(() -> PathOutlines.contours("L0 0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with M");
    }

    @Test
    void theNoteheadPathOfTheSvgContractIsReadInPageUnits() throws Exception {
        Path svg = dir.resolve("notehead.svg");
        Files.writeString(svg, """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2592 3455">
                <path class="sib2ae-notehead" data-universal-id="u" data-music-font="Helsinki Std" data-code-point="U+F0CF"
                 data-smufl="noteheadBlack" fill="#000000"
                 d="M1694.575,765.886 C1699.116,765.886 1704.678,761.702 1704.678,757.365 Q1704.678,753.13 1699.728,753.13 L1689.626,761.651 Z"/>
                </svg>
                """);

        NoteheadOutline outline = NoteheadOutlineReader.read(svg);

        assertThat(outline.estimated()).isFalse();
        assertThat(outline.fill()).isEqualTo("#000000");
        assertThat(outline.contours().get(0).vertices()).hasSize(4).first().isEqualTo(new Point(1694.575, 765.886));
        double[] box = outline.bounds();
        assertThat(box[0]).isCloseTo(1689.626, within(1e-9));
        assertThat(box[2]).isCloseTo(1704.678, within(1e-9));
    }

    @Test
    void aGlyphDrawnAsFontTextGetsAnOvalAtItsPlaceThroughTheTransforms() throws Exception {
        Path svg = dir.resolve("text.svg");
        Files.writeString(svg, """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2592 3455">
                <g transform="matrix(0.5,0,0,0.5,0,0)" font-size="96">
                <text x="3000" y="1400"></text>
                </g></svg>
                """);

        NoteheadOutline outline = NoteheadOutlineReader.read(svg);

        assertThat(outline.estimated()).isTrue();
        double[] box = outline.bounds();
        // A black notehead at 96 units is about 28 wide and 24 high; halved by the transform.
        assertThat(box[0]).isCloseTo(1500, within(1e-9));
        assertThat(box[2] - box[0]).isCloseTo(96 * 1.18 / 4 / 2, within(1e-9));
        assertThat((box[1] + box[3]) / 2).isCloseTo(700, within(1e-9));
    }
}
