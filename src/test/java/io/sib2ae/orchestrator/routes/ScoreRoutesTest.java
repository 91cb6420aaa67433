package io.sib2ae.orchestrator.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.run.ManifestPlanner;
import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreResult;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The score route on its own: the real read, coordinate and plan steps on SS 9, with the steps
 * that live in other route files (noteheads, per-note hops, closing) replaced by mock endpoints.
 */
class ScoreRoutesTest extends RouteTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new ErrorHandlingConfiguration(), new ScoreRoutes()};
    }

    @Override
    protected void bindRouteBeans(Registry registry) {
        registry.bind("scoreReader", RouteFixtures.scoreReader());
        registry.bind("noteCoordinator", new NoteCoordinator());
        registry.bind("manifestPlanner", new ManifestPlanner(new ManifestStore(), folders.output()));
        registry.bind("noteWorkers", java.util.concurrent.ForkJoinPool.commonPool());
    }

    /** The steps in other route files become mock endpoints; each note is counted out of its hops. */
    private void adviseOtherRouteFilesAway() throws Exception {
        AdviceWith.adviceWith(context, "score-process", route -> {
            route.mockEndpointsAndSkip("direct:locate-noteheads", "direct:close-score", "direct:score-completed");
            route.weaveById("send-note-through-hops").replace().to("mock:direct:note-hops")
                    .bean("progressReporter", "noteFinished(${body})");
        });
        context.start();
    }

    @Test
    void eachStepHandsTheNextWhatItNeedsAndEveryNoteGoesThroughTheHopsOnce() throws Exception {
        adviseOtherRouteFilesAway();
        MockEndpoint hops = getMockEndpoint("mock:direct:note-hops");
        hops.expectedMessageCount(9);
        hops.allMessages().body().isInstanceOf(NoteWork.class);
        MockEndpoint close = getMockEndpoint("mock:direct:close-score");
        close.expectedMessageCount(1);
        close.message(0).body().isInstanceOf(ScoreRun.class);
        close.message(0).exchangeProperty(ExchangeProperties.SCORE_SET).isInstanceOf(ScoreSet.class);
        getMockEndpoint("mock:direct:locate-noteheads").expectedMessageCount(1);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("score-process").whenDone(1).create();

        template.sendBody("direct:process-score", RouteFixtures.ss9(false));

        assertThat(done.matches(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        MockEndpoint.assertIsSatisfied(context);
        ScoreRun run = close.getExchanges().get(0).getMessage().getBody(ScoreRun.class);
        assertThat(run.notes()).hasSize(9);
        List<String> noted = hops.getExchanges().stream()
                .map(e -> e.getMessage().getBody(NoteWork.class).manifest().universalId).sorted().toList();
        assertThat(noted).isEqualTo(run.manifests().stream().map(m -> m.universalId).sorted().toList());
        // The plan step wrote every note's predicted manifest and the index before the split.
        assertThat(Files.list(run.folder().resolve(ManifestStore.NOTES_FOLDER)).count()).isEqualTo(9);
    }

    @Test
    void aScoreWhoseNotesAStopAbandonedIsNeitherClosedNorAnnounced() throws Exception {
        AdviceWith.adviceWith(context, "score-process", route -> {
            route.mockEndpointsAndSkip("direct:locate-noteheads", "direct:note-hops", "direct:close-score");
        });
        context.start();
        getMockEndpoint("mock:direct:note-hops").expectedMessageCount(9);
        getMockEndpoint("mock:direct:close-score").expectedMessageCount(0);

        template.sendBody("direct:process-score", RouteFixtures.ss9(false));

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aScoreThatCannotBeReadIsQuarantinedAndAnnouncedAsFailed() throws Exception {
        adviseOtherRouteFilesAway();
        getMockEndpoint("mock:direct:note-hops").expectedMessageCount(0);
        Path broken = Files.createDirectories(root.resolve("broken")).resolve("broken.musicxml");
        Files.writeString(broken, "<score-partwise><part-list>");

        ScoreResult result = template.requestBody("direct:process-score", ScoreSet.of(broken, null, List.of()),
                ScoreResult.class);

        assertThat(result.status()).isEqualTo(ScoreStatus.FAILED);
        assertThat(result.reason()).contains("broken.musicxml");
        MockEndpoint.assertIsSatisfied(context);
    }
}
