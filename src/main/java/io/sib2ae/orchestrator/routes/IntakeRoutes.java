package io.sib2ae.orchestrator.routes;

import io.sib2ae.orchestrator.intake.ScoreSetAggregation;
import org.apache.camel.builder.RouteBuilder;

/**
 * Where dropped files enter: the inbox consumer claims each finished file into the work
 * folder, the Aggregator groups the files of one score into a {@code ScoreSet}, and a
 * bounded queue feeds complete sets to processing. Other routes hand scores in directly.
 */
public class IntakeRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // readLock=changed: a file still being copied keeps changing and is not read until it settles.
        // In distributed mode only the leader takes the inbox in (and so aggregates and coordinates).
        from(DistributedMode.onLeaderOnly(getContext(), "file:{{sib2ae.inbox}}?recursive=true&noop=true&idempotent=false"
                + "&readLock=changed&readLockMinAge={{sib2ae.intake.read-lock-min-age-ms}}"
                + "&readLockCheckInterval={{sib2ae.intake.read-lock-check-interval-ms}}&readLockMinLength=0"
                + "&delay={{sib2ae.intake.poll-delay-ms}}&sortBy=file:name"
                + "&exclude={{sib2ae.intake.exclude}}"))
                .routeId("intake-inbox")
                .autoStartup("{{sib2ae.intake.enabled}}")
                .bean("workArea", "claim(${header.CamelFileName})").id("claim-input")
                .log("Claimed ${header.CamelFileName} for score group ${body.groupKey}")
                .aggregate(simple("${body.groupKey}")).aggregationStrategy("scoreSetAggregation").id("assemble-score-set")
                    .completionPredicate(method(ScoreSetAggregation.class, "isComplete"))
                    .completionTimeout("{{sib2ae.intake.quiet-period-ms}}")
                    .completionTimeoutCheckerInterval(100)
                    .to("seda:scores").id("enqueue-score-set");

        // The parallel splitter would continue asynchronously and free the queue's consumer
        // thread early; a synchronous call holds it, so the consumers bound the scores in work.
        from("seda:scores?concurrentConsumers={{sib2ae.scores.in-flight}}")
                .routeId("score-queue")
                .to("direct:process-score?synchronous=true").id("process-queued-score");

        from("direct:sib2ae-submit")
                .routeId("submit")
                .bean("submissions", "toScoreSet(${body}, ${header.Sib2AeMusicXml}, ${header.Sib2AeMidi}, ${header.Sib2AeSvg})")
                    .id("build-submitted-score-set")
                .to("direct:process-score").id("process-submitted-score");
    }
}
