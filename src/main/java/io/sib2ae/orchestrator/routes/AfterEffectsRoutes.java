package io.sib2ae.orchestrator.routes;

import static io.sib2ae.orchestrator.routes.ExchangeProperties.SCORE_RUN;

import org.apache.camel.builder.RouteBuilder;

/**
 * The After Effects hop, once per closed score: from the final score index, the comp builder
 * script and the preview page. Called with the score's {@code ScoreResult} as an enricher that
 * keeps the original, so whatever happens here the score goes on as it closed.
 */
public class AfterEffectsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // Caught here rather than by an error handler: a failure is an outcome to record on the
        // score index, and must not reach the score route, whose error handler would fail the score.
        from("direct:score-after-effects")
                .routeId("score-after-effects")
                .setProperty("manifestPath", simple("${body.manifestPath}"))
                .doTry()
                    .bean("afterEffectsExport", "write(${exchangeProperty.manifestPath}, ${body.version})").id("write-comp-and-preview")
                .doCatch(Exception.class)
                    .bean("afterEffectsExport", "failed(${exception})").id("after-effects-failed")
                .end()
                .bean("afterEffectsExport", "record(${exchangeProperty." + SCORE_RUN + "}, ${exchangeProperty.manifestPath}, ${body})").id("record-after-effects-outcome")
                .log("After Effects comp and preview for ${exchangeProperty.manifestPath}: ${body.status}");
    }
}
