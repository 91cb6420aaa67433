package io.sib2ae.orchestrator.routes;

import static io.sib2ae.orchestrator.routes.ExchangeProperties.HOP;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.RENDERED_AUDIO;

import io.sib2ae.orchestrator.manifest.Stage;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

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
        // Before each hop, a stop of the service abandons the note: its manifest on disk stays as
        // predicted, so the next start renders it. A stop waits for the hops that are running,
        // never for the rest of the score (see StopSignal).
        RouteDefinition noteHops = from("direct:note-hops")
                .routeId("note-hops")
                .routeConfigurationId("note-errors");
        for (String hop : List.of("midi", "audio", "keyframes", "svg")) {
            noteHops.filter(method("stopSignal", "requested")).id("stop-before-" + hop)
                        .stop()
                    .end()
                    .to("direct:hop-" + hop).id("hop-" + hop + "-step");
            if (hop.equals("keyframes")) {
                // The PCM is needed by the keyframes hop only: a score's notes must not keep it alive.
                noteHops.removeProperty(RENDERED_AUDIO).id("release-rendered-audio");
            }
        }
        noteHops.bean("noteHops", "finish").id("finish-note")
                .bean("progressReporter", "noteFinished(${body})").id("report-note-finished");

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
                            // An .id() in here would rename the render step above (Camel gives a block's
                            // id to its last main output), so the fallback's step has a route of its own.
                            .to("direct:audio-fallback")
                        .end()
                .end();

        // Camel flags every fallback call as short-circuited and never as timed out, so the hop
        // tells them apart itself, from the note's audio stage.
        from("direct:audio-fallback")
                .routeId("audio-fallback")
                .bean("audioHop", "recordFailure(${body}, ${exchangeProperty.CamelExceptionCaught}, "
                        + "${exchangeProperty.CamelCircuitBreakerState})").id("record-audio-failure");

        from("direct:hop-keyframes")
                .routeId("hop-keyframes")
                .routeConfigurationId("hop-errors")
                .setProperty(HOP, constant(Stage.KEYFRAMES))
                .bean("keyframesHop", "extract(${body}, ${exchangeProperty." + RENDERED_AUDIO + "})").id("extract-keyframes");
    }
}
