package io.sib2ae.orchestrator.routes;

import static io.sib2ae.orchestrator.routes.ExchangeProperties.HOP;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.NOTE_REPORT;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.NOTE_TASK;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.QUARANTINED_IN;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.SCORE_SET;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling, declared once. A score that cannot be processed is quarantined with an
 * error report and the service carries on; an error on one note is recorded on that note (on
 * the hop it happened in) and the rest of the note and of the score carries on.
 */
public class ErrorHandlingConfiguration extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration("score-errors")
                .onException(Exception.class).handled(true)
                    .log(org.apache.camel.LoggingLevel.WARN, "sib2ae.intake",
                            "Score ${exchangeProperty." + SCORE_SET + ".scoreName} failed: ${exception.message}")
                    .setProperty(QUARANTINED_IN, method("workArea", "quarantine(${exchangeProperty." + SCORE_SET + "}, ${exception})"))
                    .bean("scoreCloser", "failed(${exchangeProperty." + SCORE_SET + "}, ${exception}, ${exchangeProperty."
                            + QUARANTINED_IN + "})")
                    .enrich("direct:score-completed", AggregationStrategies.useOriginal());

        // An unexpected error inside one hop fails that hop on that note; the note goes on to its
        // other hops, so a keyframes defect, say, never costs the note its notehead SVG.
        // Continued, not merely handled: a handled error would end the calling note-hops route too.
        routeConfiguration("hop-errors")
                .onException(Exception.class).continued(true)
                    .log(org.apache.camel.LoggingLevel.WARN, "sib2ae.notes", "${routeId} failed on a note: ${exception.message}")
                    .bean("noteHops", "recordHopFailure(${body}, ${exception}, ${exchangeProperty." + HOP + "})");

        // Distributed mode: a note's work that fails outside its hops (its score cannot be read from the
        // shared folder, say) is rolled back to the broker, which delivers it again, to this instance
        // or another; after the last delivery it goes to the dead-letter queue as it came, is recorded
        // failed on the note, and reported, so that its score completes with failures. A worker that
        // dies before it commits never gets here: the broker redelivers its notes all the same.
        routeConfiguration("note-task-errors")
                .onException(Exception.class)
                    .onWhen(simple("${header.JMSXDeliveryCount} > ${properties:sib2ae.broker.max-redeliveries}"))
                    .handled(true).useOriginalMessage()
                    .log(org.apache.camel.LoggingLevel.WARN, "sib2ae.notes",
                            "Note task failed on delivery ${header.JMSXDeliveryCount}, the last: ${exception.message}")
                    .setProperty(NOTE_REPORT, method("sharedScores", "deadLettered(${exchangeProperty." + NOTE_TASK
                            + "}, ${exception}, ${header.JMSXDeliveryCount})"))
                    .setHeader(DistributedMode.FAILURE_HEADER, simple("${exception.class.simpleName}: ${exception.message}"))
                    .removeHeaders("JMSX*")
                    .to(ExchangePattern.InOnly, DistributedMode.queue(DistributedMode.DEAD_LETTER_QUEUE))
                    .filter(exchangeProperty(NOTE_REPORT).isNotNull())
                        .setBody(exchangeProperty(NOTE_REPORT))
                        .marshal().json()
                        .to(ExchangePattern.InOnly, DistributedMode.queue(DistributedMode.DONE_QUEUE))
                    .end();

        routeConfiguration("note-errors")
                .onException(Exception.class).handled(true)
                    .log(org.apache.camel.LoggingLevel.WARN, "sib2ae.notes", "Note failed: ${exception.message}")
                    .bean("noteHops", "recordFailure(${body}, ${exception})")
                    .bean("progressReporter", "noteFinished(${body})");
    }
}
