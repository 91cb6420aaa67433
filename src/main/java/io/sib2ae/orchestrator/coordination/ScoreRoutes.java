package io.sib2ae.orchestrator.coordination;

import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

/**
 * The life of one score: coordinate its notes, split it per universal ID through the
 * per-note hops in parallel, then close it and announce the result.
 */
public class ScoreRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:process-score")
                .routeId("score-process")
                .routeConfigurationId("score-errors")
                .setProperty("scoreSet", body())
                .bean("scoreProcessor", "open").id("coordinate-notes")
                .setProperty("scoreRun", body())
                .bean("noteheadHop", "prepare").id("locate-noteheads")
                .bean("progressReporter", "started").id("report-score-started")
                .split(method("scoreProcessor", "notes")).parallelProcessing().executorService("noteWorkers")
                    .id("split-per-note")
                    .to("direct:note-hops").id("send-note-through-hops")
                .end()
                .bean("scoreProcessor", "close").id("close-score")
                .enrich("direct:score-after-effects", AggregationStrategies.useOriginal()).id("build-after-effects-comp")
                .bean("progressReporter", "finished(${exchangeProperty.scoreRun}, ${body.status})").id("report-score-finished")
                .enrich("direct:score-completed", AggregationStrategies.useOriginal()).id("announce-completion")
                .bean("scoreProcessor", "archive(${exchangeProperty.scoreRun}, ${body})").id("archive-inputs");

        from("direct:note-hops")
                .routeId("note-hops")
                .routeConfigurationId("note-errors")
                .to("direct:hop-midi").id("hop-midi-step")
                .to("direct:hop-audio").id("hop-audio-step")
                .to("direct:hop-keyframes").id("hop-keyframes-step")
                .to("direct:hop-svg").id("hop-svg-step")
                .bean("noteHops", "finish").id("finish-note");

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
