package io.sib2ae.orchestrator.rendering;

import static io.sib2ae.orchestrator.routes.ExchangeProperties.HOP;

import io.sib2ae.orchestrator.manifest.Stage;
import org.apache.camel.builder.RouteBuilder;

/**
 * The per-note hops, each a Content Enricher on the note's manifest: MIDI, then audio behind
 * a Resilience4j circuit breaker, then keyframes, then the notehead SVG.
 */
public class RenderingRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:hop-midi")
                .routeId("hop-midi")
                .routeConfigurationId("hop-errors")
                .setProperty(HOP, constant(Stage.MIDI))
                .bean("midiHop", "render").id("render-midi");

        // The breaker's thresholds, wait and per-note timeout come from camel.resilience4j.* in
        // application.properties. Its fallback records the failure on the note, so an open
        // breaker can never let an un-rendered note pass as rendered.
        from("direct:hop-audio")
                .routeId("hop-audio")
                .routeConfigurationId("hop-errors")
                .setProperty(HOP, constant(Stage.AUDIO))
                .choice().id("audio-needed")
                    .when(method("audioHop", "alreadyDone"))
                        .bean("audioHop", "skip").id("skip-audio")
                    .otherwise()
                        .circuitBreaker().id("audio-breaker")
                            .bean("audioHop", "render").id("render-audio")
                        .onFallback()
                            // Camel flags every fallback call as short-circuited and never as timed out,
                            // so the hop tells them apart itself, from the note's audio stage.
                            .bean("audioHop", "recordFailure(${body}, ${exchangeProperty.CamelExceptionCaught}, "
                                    + "${exchangeProperty.CamelCircuitBreakerState})").id("record-audio-failure")
                        .end()
                .end();

        from("direct:hop-keyframes")
                .routeId("hop-keyframes")
                .routeConfigurationId("hop-errors")
                .setProperty(HOP, constant(Stage.KEYFRAMES))
                .bean("keyframesHop", "extract").id("extract-keyframes");

        from("direct:hop-svg")
                .routeId("hop-svg")
                .routeConfigurationId("hop-errors")
                .setProperty(HOP, constant(Stage.SVG))
                .bean("noteheadHop", "write").id("write-notehead-svg");
    }
}
