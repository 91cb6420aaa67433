package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.score.ScoreLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileSvgTest {

    private static final String GLYPH = "<text x=\"10\" y=\"20\" font-family=\"Helsinki Std\" font-size=\"96\">\uF0CF</text>";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void externalEntityIsRefusedAndNeverRead() throws Exception {
        Path svg = file("xxe.svg", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>");
        assertThatThrownBy(() -> new NoteheadLocator().locate(svg, 0))
                .isInstanceOf(SvgInputException.class)
                .hasMessageContaining("xxe.svg")
                .hasMessageContaining("entit")
                .hasMessageNotContaining("root:");
    }

    @Test
    void undeclaredEntityReferenceIsRefused() throws Exception {
        Path svg = file("entity.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>");
        assertThatThrownBy(() -> new NoteheadLocator().locate(svg, 0))
                .isInstanceOf(SvgInputException.class)
                .hasMessageContaining("xxe");
    }

    @Test
    void imageWithFileHrefIsRefused() throws Exception {
        Path svg = file("image.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<g><image href=\"file:///etc/passwd\" width=\"10\" height=\"10\"/></g>" + GLYPH + "</svg>");
        assertThatThrownBy(() -> new NoteheadLocator().locate(svg, 0))
                .isInstanceOf(SvgInputException.class)
                .hasMessageContaining("<image>")
                .hasMessageContaining("refused");
    }

    @Test
    void externalHrefOnAnyElementIsRefused() throws Exception {
        Path svg = file("use.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<use xlink:href=\"http://example.com/x.svg#a\"/></svg>");
        assertThatThrownBy(() -> new NoteheadLocator().locate(svg, 0))
                .isInstanceOf(SvgInputException.class)
                .hasMessageContaining("http://example.com/x.svg#a")
                .hasMessageContaining("not read");
    }

    @Test
    void glyphNestedTenThousandGroupsDeepIsRefused() throws Exception {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<g transform=\"matrix(1,0,0,1,0,0)\">".repeat(10_000)).append(GLYPH).append("</g>".repeat(10_000)).append("</svg>");
        Path deep = file("deep.svg", svg.toString());
        assertThatThrownBy(() -> new NoteheadLocator().locate(deep, 0))
                .isInstanceOf(SvgInputException.class)
                .hasMessageContaining("deeper than 256");
    }

    @Test
    void depthLimitIsConfigurableAndAllowsNestingWithinIt() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + "<g>".repeat(300) + GLYPH + "</g>".repeat(300) + "</svg>";
        Path nested = file("nested.svg", svg);
        SvgPage page = new NoteheadLocator(new SvgLimits(400, 10_000, 1_000_000), NoteheadCodeTable.SIBELIUS_LEGACY)
                .locate(nested, 0);
        assertThat(page.noteheads()).hasSize(1);
        assertThat(page.noteheads().get(0).ancestors()).hasSize(301);
    }

    @Test
    void tooManyElementsAreRefused() {
        NoteheadLocator strict = new NoteheadLocator(new SvgLimits(256, 50, 1_000_000), NoteheadCodeTable.SIBELIUS_LEGACY);
        assertThatThrownBy(() -> strict.locate(TestPages.ss9Svg(), 0))
                .isInstanceOf(SvgInputException.class)
                .hasMessageContaining("more than 50 elements");
    }

    @Test
    void emptyFileIsRefusedClearly() throws Exception {
        Path empty = file("empty.svg", "");
        assertThatThrownBy(() -> new NoteheadLocator().locate(empty, 0))
                .isInstanceOf(SvgInputException.class)
                .hasMessageContaining("empty.svg")
                .hasMessageContaining("0 bytes");
    }

    @Test
    void nonSvgXmlIsRefusedClearly() {
        assertThatThrownBy(() -> new NoteheadLocator().locate(TestPages.ss9MusicXml(), 0))
                .isInstanceOf(SvgInputException.class)
                .hasMessageContaining("not an SVG document")
                .hasMessageContaining("<score-partwise>");
    }

    @Test
    void textThatIsNotXmlIsRefusedClearly() throws Exception {
        Path junk = file("junk.svg", "this is not xml at all");
        assertThatThrownBy(() -> new NoteheadLocator().locate(junk, 0))
                .isInstanceOf(SvgInputException.class)
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void missingFileIsRefusedClearly() {
        Path missing = dir.resolve("missing.svg");
        assertThatThrownBy(() -> new NoteheadLocator().locate(missing, 0))
                .isInstanceOf(SvgInputException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void musicXmlDoctypeIsNotFetched() {
        // The SS 9 file declares the partwise DTD by URL; there is no network, so fetching would fail.
        ScoreLayout layout = TestPages.layout(TestPages.ss9MusicXml());
        assertThat(layout.parts()).hasSize(2);
    }
}
