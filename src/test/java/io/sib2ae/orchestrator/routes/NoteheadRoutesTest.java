package io.sib2ae.orchestrator.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.glyphs.PageRaster;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.notehead.NoteheadHop;
import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreRun;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

/** The notehead routes on the real SS 9 page: located once per score, written once per note. */
class NoteheadRoutesTest extends RouteTestSupport {

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new ErrorHandlingConfiguration(), new NoteheadRoutes()};
    }

    @Override
    protected void bindRouteBeans(Registry registry) {
        // A small page PNG: the route is under test here, not the raster (PageRasterTest).
        registry.bind("noteheadHop", new NoteheadHop(new PageRaster(256)));
    }

    @Test
    void theNoteheadsFoundOnThePageGoToEachNotesSvgHopInTheNamedProperty() {
        ScoreRun run = RouteFixtures.plannedSs9(folders, true);

        Exchange located = template.send("direct:locate-noteheads", e -> e.getMessage().setBody(run));

        NoteheadHop.PageAssignments noteheads = located.getProperty(ExchangeProperties.NOTEHEADS, NoteheadHop.PageAssignments.class);
        assertThat(noteheads.failure()).isNull();
        assertThat(noteheads.byNote()).hasSize(9);
        assertThat(located.getMessage().getBody()).isSameAs(run);

        NoteWork note = run.notes().get(0);
        template.send("direct:hop-svg", e -> {
            e.getMessage().setBody(note);
            e.setProperty(ExchangeProperties.NOTEHEADS, noteheads);
        });
        assertThat(note.manifest().stages.svg.status).isEqualTo(StageState.COMPLETED);
        assertThat(run.folder().resolve(note.manifest().files.noteheadSvg.path)).isRegularFile();
    }

    @Test
    void aScoreWithoutSvgLocatesNothingAndItsNotesSkipTheSvgHop() {
        ScoreRun run = RouteFixtures.plannedSs9(folders, false);

        Exchange located = template.send("direct:locate-noteheads", e -> e.getMessage().setBody(run));
        assertThat(located.getProperty(ExchangeProperties.NOTEHEADS)).isNull();

        NoteWork note = run.notes().get(0);
        template.sendBody("direct:hop-svg", note);
        assertThat(note.manifest().stages.svg.status).isEqualTo(StageState.SKIPPED);
        assertThat(note.manifest().stages.svg.reason).isEqualTo("the score came without an SVG export");
    }
}
