package io.sib2ae.orchestrator.routes;

import static io.sib2ae.orchestrator.routes.ExchangeProperties.SCORE_RUN;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.SCORE_SET;

import org.apache.camel.builder.RouteBuilder;

/**
 * The life of one score, step by step: read its files, coordinate its notes, plan their
 * manifests, locate their noteheads, then split it per universal ID through the per-note hops in
 * parallel, and close it. Every step is a bean call with its own id.
 */
public class ScoreRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:process-score")
                .routeId("score-process")
                .routeConfigurationId("score-errors")
                .setProperty(SCORE_SET, body()).id("keep-score-set")
                // One version of a score at a time: the next waits until the one in work is closed and
                // committed, so it is aligned with it and two versions never share a staging folder.
                .process("oneVersionAtATime").id("one-version-at-a-time")
                .bean("scoreReader", "read").id("read-score")                          // ScoreSet -> ScoreSource
                .bean("noteCoordinator", "coordinate").id("coordinate-notes")           // -> CoordinatedScore
                .bean("manifestPlanner", "plan").id("plan-manifests")                   // -> ScoreRun
                .setProperty(SCORE_RUN, body()).id("keep-score-run")
                .to("direct:locate-noteheads").id("locate-noteheads")
                .bean("progressReporter", "started").id("report-score-started")
                .split(simple("${body.notes}")).parallelProcessing().executorService("noteWorkers")
                    .id("split-per-note")
                    .to("direct:note-hops").id("send-note-through-hops")
                .end()
                // No aggregation strategy: after the split the body is the ScoreRun again.
                // A stop abandoned notes: the score is neither closed nor archived nor announced. Its
                // inputs stay in the work folder and the next start resumes the notes not done.
                .filter(method("noteHops", "leftNotesUndone")).id("stopped-mid-score")
                    .bean("progressReporter", "stopped").id("report-score-stopped")
                    .stop()
                .end()
                .to("direct:close-score").id("close-and-announce");
    }
}
