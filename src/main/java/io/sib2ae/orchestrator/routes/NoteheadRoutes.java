package io.sib2ae.orchestrator.routes;

import static io.sib2ae.orchestrator.routes.ExchangeProperties.HOP;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.NOTEHEADS;

import io.sib2ae.orchestrator.manifest.Stage;
import org.apache.camel.builder.RouteBuilder;

/**
 * Noteheads: once per score, before the split, every notehead is found on the Sibelius SVG pages
 * and assigned to its note; then, per note, the SVG hop writes the note's own notehead SVG.
 */
public class NoteheadRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // A broken SVG does not fail the score: what was found, or why nothing could be, goes to
        // every note's SVG hop, which records it on the note.
        from("direct:locate-noteheads")
                .routeId("noteheads-locate")
                .setProperty(NOTEHEADS, method("noteheadHop", "locate")).id("find-noteheads-on-pages");

        from("direct:hop-svg")
                .routeId("hop-svg")
                .routeConfigurationId("hop-errors")
                .setProperty(HOP, constant(Stage.SVG))
                .bean("noteheadHop", "write(${body}, ${exchangeProperty." + NOTEHEADS + "})").id("write-notehead-svg");
    }
}
