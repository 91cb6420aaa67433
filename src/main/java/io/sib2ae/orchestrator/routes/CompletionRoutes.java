package io.sib2ae.orchestrator.routes;

import static io.sib2ae.orchestrator.routes.ExchangeProperties.SCORE_RUN;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.SCORE_SET;

import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

/**
 * A score's end: its status decided and its final index written, its After Effects comp built,
 * a new version committed, the completion announced to the studio, and its inputs archived, last of all.
 */
public class CompletionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:close-score")
                .routeId("score-close")
                .routeConfigurationId("score-errors")
                .bean("scoreCloser", "close").id("close-score")                           // ScoreRun -> ScoreResult
                // From the final index: the After Effects comp and preview (AfterEffectsRoutes), an
                // enricher that keeps the ScoreResult whatever happens there.
                .enrich("direct:score-after-effects", AggregationStrategies.useOriginal()).id("build-after-effects-comp")
                // A new version, built apart, becomes the score's folder in one swap (or is
                // discarded, when it failed): output/<score>/ holds one whole version at every moment.
                .bean("scoreCloser", "commit(${exchangeProperty." + SCORE_RUN + "}, ${body})").id("commit-version")
                .bean("progressReporter", "finished(${exchangeProperty." + SCORE_RUN + "}, ${body})").id("report-score-finished")
                .enrich("direct:score-completed", AggregationStrategies.useOriginal()).id("announce-completion")
                // Last of all: a crash before this leaves the inputs in work/, and the restart runs
                // the score again (every hop skipped) and announces it again.
                .bean("workArea", "archive(${exchangeProperty." + SCORE_SET + "})").id("archive-inputs");

        // Enriched with the original kept, so the caller (the one-shot command, a submitting
        // route) gets the ScoreResult back, not the marshalled event.
        // The completion event: to {{sib2ae.events.uri}} (a JSON file by default; Kafka, JMS or
        // any other endpoint by configuration), and in-process to the studio's own routes.
        from("direct:score-completed")
                .routeId("score-completed")
                .log("Score ${body.scoreName} ${body.status}: ${body.notes} notes, ${body.failedNotes} failed, "
                        + "${body.elapsedMillis} ms")
                .to("seda:sib2ae-completed?multipleConsumers=true&discardIfNoConsumers=true&waitForTaskToComplete=Never")
                    .id("notify-studio-routes")
                .setHeader("CamelFileName", method("completionEvents", "fileName"))
                .marshal().json()
                .to("{{sib2ae.events.uri}}").id("publish-completion-event");
    }
}
