package io.sib2ae.orchestrator.routes;

import static io.sib2ae.orchestrator.routes.ExchangeProperties.HOP;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.RENDERED_AUDIO;

import io.sib2ae.orchestrator.manifest.Stage;
import org.apache.camel.builder.RouteBuilder;

/**
 * One note through its hops, each a Content Enricher on the note's manifest: MIDI, then audio
 * behind a Resilience4j circuit breaker, then keyframes, then the notehead SVG (in
 * {@link NoteheadRoutes}). The body is the note's {@code NoteWork} all the way.
 */
public class NoteHopRoutes extends RouteBuilder {

    /** The audio hop's circuit breaker, by its id: what JMX and the per-score MBeans report on. */
    public static final String AUDIO_BREAKER = "audio-breaker";

    @Override
    public void configure() {
        from("direct:note-hops")
                .routeId("note-hops")
                .routeConfigurationId("note-errors")
                .to("direct:hop-midi").id("hop-midi-step")
                .to("direct:hop-audio").id("hop-audio-step")
                .to("direct:hop-keyframes").id("hop-keyframes-step")
                // The PCM is needed by the keyframes hop only: a score's notes must not keep it alive.
                .removeProperty(RENDERED_AUDIO).id("release-rendered-audio")
                .to("direct:hop-svg").id("hop-svg-step")
                .bean("noteHops", "finish").id("finish-note")
                .bean("progressReporter", "noteFinished(${body.run})").id("report-note-finished");

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
                        .circuitBreaker().id(AUDIO_BREAKER)
                            // The rendered PCM is handed to the keyframes hop in memory: analysing it
                            // there saves reading the WAV just written back from disk.
                            .setProperty(RENDERED_AUDIO, method("audioHop", "render")).id("render-audio")
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
                .bean("keyframesHop", "extract(${body}, ${exchangeProperty." + RENDERED_AUDIO + "})").id("extract-keyframes");
    }
}
