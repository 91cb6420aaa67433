package io.sib2ae.orchestrator.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.chaining.CompletionEvents;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.run.ScoreResult;
import io.sib2ae.orchestrator.run.ScoreRun;
import java.nio.file.Files;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The completion routes: a score whose notes are through is closed, its final index written, its
 * After Effects step called, its completion announced as an event, and the caller still gets the
 * ScoreResult back.
 */
class CompletionRoutesTest extends RouteTestSupport {

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new ErrorHandlingConfiguration(), new CompletionRoutes()};
    }

    @Override
    protected void bindRouteBeans(Registry registry) {
        registry.bind("completionEvents", new CompletionEvents());
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        configuration.withUseAdviceWith(true);
    }

    @Test
    void aClosedScoreIsAnnouncedAndTheCallerGetsItsResult() throws Exception {
        // The After Effects comp has a route file and a test of its own.
        AdviceWith.adviceWith(context, "score-close", route -> route.mockEndpointsAndSkip("direct:score-after-effects"));
        context.start();
        MockEndpoint afterEffects = getMockEndpoint("mock:direct:score-after-effects");
        afterEffects.expectedMessageCount(1);
        afterEffects.message(0).body().isInstanceOf(ScoreResult.class);
        ScoreRun run = RouteFixtures.plannedSs9(folders, false);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        events.message(0).header("CamelFileName").endsWith("-SS 9-completed.json");
        events.message(0).body().contains("\"status\":\"completed\"");

        ScoreResult result = template.send("direct:close-score", e -> {
            e.getMessage().setBody(run);
            e.setProperty(ExchangeProperties.SCORE_RUN, run);
            e.setProperty(ExchangeProperties.SCORE_SET, run.scoreSet());
        }).getMessage().getBody(ScoreResult.class);

        assertThat(result.status()).isEqualTo(ScoreStatus.COMPLETED);
        assertThat(result.notes()).isEqualTo(9);
        MockEndpoint.assertIsSatisfied(context);
        assertThat(new ManifestStore().readIndex(run.folder()).status).isEqualTo(ScoreStatus.COMPLETED);
        // Handed-in files belong to the caller: never archived.
        assertThat(Files.exists(folders.archive())).isFalse();
    }
}
