package io.sib2ae.orchestrator.coordination;

import java.util.List;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

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
                // A stop abandoned notes: the score is neither closed nor archived nor announced. Its
                // inputs stay in the work folder and the next start resumes the notes not done.
                .filter(method("noteHops", "leftNotesUndone(${exchangeProperty.scoreRun})")).id("stopped-mid-score")
                    .bean("progressReporter", "stopped(${exchangeProperty.scoreRun})").id("report-score-stopped")
                    .stop()
                .end()
                .bean("scoreProcessor", "close").id("close-score")
                .enrich("direct:score-after-effects", AggregationStrategies.useOriginal()).id("build-after-effects-comp")
                .bean("progressReporter", "finished(${exchangeProperty.scoreRun}, ${body})").id("report-score-finished")
                .enrich("direct:score-completed", AggregationStrategies.useOriginal()).id("announce-completion")
                .bean("scoreProcessor", "archive(${exchangeProperty.scoreRun}, ${body})").id("archive-inputs");

        // Before each hop, a stop of the service abandons the note: a stop waits for the hops that
        // are running, never for the rest of the score (see StopSignal).
        RouteDefinition noteHops = from("direct:note-hops")
                .routeId("note-hops")
                .routeConfigurationId("note-errors");
        for (String hop : List.of("midi", "audio", "keyframes", "svg")) {
            noteHops.filter(method("stopSignal", "requested")).id("stop-before-" + hop)
                        .bean("noteHops", "abandon").id("abandon-before-" + hop)
                        .stop()
                    .end()
                    .to("direct:hop-" + hop).id("hop-" + hop + "-step");
        }
        noteHops.bean("noteHops", "finish").id("finish-note");

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
