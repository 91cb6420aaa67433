package io.sib2ae.orchestrator.notehead;

import io.sib2ae.orchestrator.score.ScoreLayout;
import io.sib2ae.orchestrator.testing.MusicXmlDom;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The notehead layout read from a {@code score-timewise} file: the real SS 9, turned timewise. */
class TimewiseLayoutTest {

    @TempDir
    Path dir;

    @Test
    void theSs9PageGivesEveryNoteTheSameNoteheadFromATimewiseScore() throws Exception {
        SvgPage page = new NoteheadLocator().locate(TestPages.ss9Svg(), 0);
        List<NoteheadTarget> targets = MusicXmlTargets.read(TestPages.ss9MusicXml());
        ScoreLayout partwise = TestPages.layout(TestPages.ss9MusicXml());
        ScoreLayout timewise = TestPages.layout(timewise(TestPages.ss9MusicXml()));

        assertThat(timewise).isEqualTo(partwise);
        List<NoteheadAssignment> expected = new NoteheadAssigner().assign(partwise, List.of(page), targets);
        assertThat(expected).allSatisfy(a -> assertThat(a).isInstanceOf(NoteheadPlacement.class));
        assertThat(new NoteheadAssigner().assign(timewise, List.of(page), targets)).isEqualTo(expected);
    }

    /** The same score with measures outside and parts inside, as MusicXML's timewise layout has it. */
    private Path timewise(Path partwiseFile) throws Exception {
        Document doc = MusicXmlDom.parse(partwiseFile);
        Element partwise = doc.getDocumentElement();
        Element timewise = doc.createElement("score-timewise");
        List<Element> parts = new ArrayList<>();
        for (Node child = partwise.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals("part")) {
                parts.add(element);
            } else {
                timewise.appendChild(child.cloneNode(true));
            }
        }
        List<List<Element>> measuresByPart = new ArrayList<>();
        for (Element part : parts) {
            measuresByPart.add(MusicXmlDom.children(part, "measure"));
        }
        for (int m = 0; m < measuresByPart.get(0).size(); m++) {
            Element source = measuresByPart.get(0).get(m);
            Element measure = doc.createElement("measure");
            for (String attribute : List.of("number", "width", "implicit")) {
                if (source.hasAttribute(attribute)) {
                    measure.setAttribute(attribute, source.getAttribute(attribute));
                }
            }
            for (int p = 0; p < parts.size(); p++) {
                Element part = doc.createElement("part");
                part.setAttribute("id", parts.get(p).getAttribute("id"));
                NodeList content = measuresByPart.get(p).get(m).getChildNodes();
                for (int i = 0; i < content.getLength(); i++) {
                    part.appendChild(content.item(i).cloneNode(true));
                }
                measure.appendChild(part);
            }
            timewise.appendChild(measure);
        }
        doc.replaceChild(timewise, partwise);
        if (doc.getDoctype() != null) {
            doc.removeChild(doc.getDoctype());
        }
        Path file = dir.resolve("SS 9 timewise.musicxml");
        MusicXmlDom.write(doc, file);
        return file;
    }
}
