package io.sib2ae.orchestrator.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.intake.ScoreSetAggregation;
import io.sib2ae.orchestrator.intake.Submissions;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Files;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Intake on its own: files dropped into a real inbox are claimed into the work folder and
 * assembled into one complete score set; a hand-in names its files and is never claimed. The
 * score route itself is a mock endpoint.
 */
class IntakeRoutesTest extends RouteTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new IntakeRoutes()};
    }

    @Override
    protected void bindRouteBeans(Registry registry) {
        registry.bind("scoreSetAggregation", new ScoreSetAggregation());
        registry.bind("submissions", new Submissions());
    }

    private MockEndpoint scoreRoute() throws Exception {
        for (String route : new String[] {"score-queue", "submit"}) {
            AdviceWith.adviceWith(context, route, r -> r.mockEndpointsAndSkip("direct:process-score*"));
        }
        context.start();
        return getMockEndpoint("mock:direct:process-score");
    }

    @Test
    void aScoresThreeDroppedFilesBecomeOneCompleteSetClaimedIntoWork() throws Exception {
        MockEndpoint scores = scoreRoute();
        scores.expectedMessageCount(1);
        Files.createDirectories(folders.inbox());
        for (String name : new String[] {"SS 9.musicxml", "SS 9.mid", "SS 9.svg"}) {
            Files.copy(TestData.file("sib2ae/" + name), folders.inbox().resolve(name));
        }

        scores.assertIsSatisfied(5_000);
        ScoreSet set = scores.getExchanges().get(0).getMessage().getBody(ScoreSet.class);
        assertThat(set.isComplete()).isTrue();
        assertThat(set.archiveOnClose()).isTrue();
        assertThat(set.allFiles()).allSatisfy(file -> assertThat(file).startsWith(folders.incoming()).isRegularFile());
    }

    @Test
    void aHandedInScoreGoesStraightToTheScoreRouteWithItsFilesWhereTheyAre() throws Exception {
        MockEndpoint scores = scoreRoute();
        scores.expectedMessageCount(1);

        template.sendBodyAndHeaders("direct:sib2ae-submit", null, Map.of(
                "Sib2AeMusicXml", TestData.file("sib2ae/SS 9.musicxml").toString(),
                "Sib2AeMidi", TestData.file("sib2ae/SS 9.mid").toString()));

        scores.assertIsSatisfied();
        ScoreSet set = scores.getExchanges().get(0).getMessage().getBody(ScoreSet.class);
        assertThat(set.musicXml()).isEqualTo(TestData.file("sib2ae/SS 9.musicxml"));
        assertThat(set.archiveOnClose()).isFalse();
    }
}
