package io.sib2ae.orchestrator.glyphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outlines read from the vendored .otf files: their commands, size and place. */
class SmuflOutlinesTest {

    private final SmuflOutlines outlines = SmuflOutlines.shared();

    @Test
    void pathDataUsesOnlyAbsoluteMoveLineCurveAndClose() {
        for (SmuflFont font : SmuflFont.values()) {
            String d = outlines.pathData(font, 0xE050, 96, 588, 1049, new AffineTransform(0.531496, 0, 0, 0.531496, 0, 0));
            assertThat(d).as(font.displayName()).matches("M[-0-9., ]+( [MLCQZ][-0-9., ]*)*");
            assertThat(d.replaceAll("[-0-9., ]", "")).as(font.displayName()).matches("[MLCQZ]+");
        }
    }

    @Test
    void aBlackNoteheadIsOneStaffSpaceHighAndStartsAtItsOrigin() {
        // Four spaces to the em: at font size 96 a space is 24 units.
        for (SmuflFont font : SmuflFont.values()) {
            double[] box = bounds(outlines.pathData(font, 0xE0A4, 96, 100, 200, new AffineTransform()));
            assertThat(box[0]).as("left of %s", font).isCloseTo(100, within(0.5));
            assertThat(box[3] - box[1]).as("height of %s", font).isCloseTo(24, within(1.5));
            assertThat((box[1] + box[3]) / 2).as("centre of %s", font).isCloseTo(200, within(0.8));
        }
    }

    @Test
    void theTransformTakesTheOutlineToThePage() {
        AffineTransform page = new AffineTransform(0.5, 0, 0, 0.5, 10, 20);
        double[] local = bounds(outlines.pathData(SmuflFont.BRAVURA, 0xE0A4, 96, 100, 200, new AffineTransform()));
        double[] onPage = bounds(outlines.pathData(SmuflFont.BRAVURA, 0xE0A4, 96, 100, 200, page));
        assertThat(onPage[0]).isCloseTo(local[0] * 0.5 + 10, within(0.002));
        assertThat(onPage[3]).isCloseTo(local[3] * 0.5 + 20, within(0.002));
    }

    @Test
    void theAdvanceScalesWithTheFontSize() {
        double at96 = outlines.advance(SmuflFont.BRAVURA, 0xE0A4, 96);
        assertThat(at96).isGreaterThan(20).isLessThan(35);
        assertThat(outlines.advance(SmuflFont.BRAVURA, 0xE0A4, 48)).isCloseTo(at96 / 2, within(1e-9));
    }

    /** minX, minY, maxX, maxY of the on-curve points. */
    static double[] bounds(String d) {
        List<double[]> points = new ArrayList<>();
        for (String segment : d.split("(?=[MLCQZ])")) {
            String[] n = segment.substring(1).trim().split("[\\s,]+");
            if (n.length >= 2) {
                points.add(new double[] {Double.parseDouble(n[n.length - 2]), Double.parseDouble(n[n.length - 1])});
            }
        }
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : points) {
            box[0] = Math.min(box[0], p[0]);
            box[1] = Math.min(box[1], p[1]);
            box[2] = Math.max(box[2], p[0]);
            box[3] = Math.max(box[3], p[1]);
        }
        return box;
    }
}
