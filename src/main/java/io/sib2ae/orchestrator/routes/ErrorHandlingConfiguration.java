package io.sib2ae.orchestrator.routes;

import static io.sib2ae.orchestrator.routes.ExchangeProperties.HOP;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.QUARANTINED_IN;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.SCORE_SET;

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

        routeConfiguration("note-errors")
                .onException(Exception.class).handled(true)
                    .log(org.apache.camel.LoggingLevel.WARN, "sib2ae.notes", "Note failed: ${exception.message}")
                    .bean("noteHops", "recordFailure(${body}, ${exception})")
                    .bean("progressReporter", "noteFinished(${body})");
    }
}
