package io.sib2ae.orchestrator.notehead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixTest {

    @Test
    void transformListAppliesItsRightmostFunctionFirst() {
        Matrix m = Matrix.parse("translate(10,20) scale(2)");
        assertThat(m.applyX(3, 4)).isEqualTo(16);
        assertThat(m.applyY(3, 4)).isEqualTo(28);
    }

    @Test
    void inverseUndoesTheTransform() {
        Matrix m = Matrix.parse("matrix(0.531496,0,0,0.531496,1195.33,3282.8)");
        Matrix back = m.inverse();
        assertThat(back.applyX(m.applyX(7, 9), m.applyY(7, 9))).isCloseTo(7, within(1e-9));
        assertThat(back.applyY(m.applyX(7, 9), m.applyY(7, 9))).isCloseTo(9, within(1e-9));
    }

    /** The SVG 1.1 definitions, on points worked out by hand (y grows downwards). */
    @Test
    void rotateAboutACentreAndSkewFollowTheSvgDefinitions() {
        Matrix quarterTurn = Matrix.parse("rotate(90, 10, 20)");
        assertThat(quarterTurn.applyX(11, 20)).isCloseTo(10, within(1e-12));
        assertThat(quarterTurn.applyY(11, 20)).isCloseTo(21, within(1e-12));
        Matrix aboutOrigin = Matrix.parse("rotate(-90)");
        assertThat(aboutOrigin.applyX(1, 0)).isCloseTo(0, within(1e-12));
        assertThat(aboutOrigin.applyY(1, 0)).isCloseTo(-1, within(1e-12));

        Matrix skewX = Matrix.parse("skewX(45)");
        assertThat(skewX.applyX(2, 3)).isCloseTo(5, within(1e-12));
        assertThat(skewX.applyY(2, 3)).isCloseTo(3, within(1e-12));
        Matrix skewY = Matrix.parse("skewY(45)");
        assertThat(skewY.applyX(2, 3)).isCloseTo(2, within(1e-12));
        assertThat(skewY.applyY(2, 3)).isCloseTo(5, within(1e-12));
        // Arguments separated by commas, spaces or both, functions by either too.
        assertThat(Matrix.parse("translate(1 2),scale(3,4)")).isEqualTo(Matrix.parse("translate(1,2) scale(3 4)"));
    }

    @Test
    void aFunctionWithTheWrongNumberOfArgumentsIsRejected() {
        assertThatThrownBy(() -> Matrix.parse("rotate(1, 2)")).hasMessageContaining("rotate");
        assertThatThrownBy(() -> Matrix.parse("matrix(1 0 0 1 0)")).hasMessageContaining("matrix");
        assertThatThrownBy(() -> Matrix.parse("skewX()")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownTransformIsRejected() {
        assertThatThrownBy(() -> Matrix.parse("perspective(3)")).hasMessageContaining("perspective");
    }

    @Test
    void locatorAppliesEveryEnclosingTransformNotOnlyTheInnermost(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("nested.svg");
        Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
                + "<g transform=\"translate(100,50)\"><g transform=\"matrix(0.5,0,0,0.5,0,0)\">"
                + "<text x=\"20\" y=\"40\" font-family=\"Opus Std\" font-size=\"96\">\uF077</text></g></g></svg>");
        SvgPage page = new NoteheadLocator().locate(svg, 0);
        assertThat(page.noteheads()).singleElement().satisfies(g -> {
            assertThat(g.shape()).isEqualTo(NoteheadShape.WHOLE);
            assertThat(g.localX()).isEqualTo(20);
            assertThat(g.localY()).isEqualTo(40);
            assertThat(g.absoluteX()).isEqualTo(110);
            assertThat(g.absoluteY()).isEqualTo(70);
            assertThat(g.absoluteFontSize()).isEqualTo(48);
        });
    }

    @Test
    void companionFontsAndTextFontsHoldNoNoteheads() {
        NoteheadCodeTable table = NoteheadCodeTable.SIBELIUS_LEGACY;
        assertThat(table.shapeOf("Helsinki Std", 0xF0CF)).contains(NoteheadShape.BLACK);
        assertThat(table.shapeOf("Inkpen2 Std", 0xF0FA)).contains(NoteheadShape.HALF);
        assertThat(table.shapeOf("Reprise Std", 0xF057)).contains(NoteheadShape.BREVE);
        assertThat(table.shapeOf("Lelandia Special Std", 0xF0DE)).isEmpty();
        assertThat(table.shapeOf("Helsinki Special Std", 0xF0CF)).isEmpty();
        assertThat(table.shapeOf("Opus Text Std", 0xF077)).isEmpty();
        assertThat(table.shapeOf("Palatino", 0xF0CF)).isEmpty();
        assertThat(table.shapeOf("Helsinki Std", 0xF0CE)).as("quarter rest").isEmpty();
    }
}
