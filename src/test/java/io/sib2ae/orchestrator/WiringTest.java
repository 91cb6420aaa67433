package io.sib2ae.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sib2ae.orchestrator.rendering.SynthesizerPool;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's wiring: what it opens, Camel's lifecycle closes; contradictory settings stop it at start. */
class WiringTest {

    @TempDir
    Path root;

    private Main application() {
        return TestApplication.under(root);
    }

    @Test
    void theSynthesizerPoolIsClosedWhenCamelStops() throws Exception {
        Main main = application();
        main.start();
        SynthesizerPool pool = main.getCamelContext().getRegistry().lookupByNameAndType("synthesizerPool", SynthesizerPool.class);
        assertThat(pool).isNotNull();

        main.stop();

        assertThatThrownBy(pool::borrow).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aServiceRunsOneNoteWorkerPerCoreAOneShotTwoAndAConfiguredCountWins() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(noteWorkers(Map.of())).as("a service").isEqualTo(cores);
        // What OneShotCommand sets for its run, unless -Dsib2ae.workers-per-core is given.
        assertThat(noteWorkers(Map.of("sib2ae.workers-per-core", "2"))).as("a one-shot").isEqualTo(2 * cores);
        assertThat(noteWorkers(Map.of("sib2ae.workers", "3", "sib2ae.workers-per-core", "2"))).as("configured").isEqualTo(3);
    }

    private int noteWorkers(Map<String, String> settings) throws Exception {
        Main main = TestApplication.under(root.resolve("workers-" + settings.hashCode()));
        settings.forEach(main::addOverrideProperty);
        main.start();
        try {
            ExecutorService workers = main.getCamelContext().getRegistry().lookupByNameAndType("noteWorkers", ExecutorService.class);
            return ((ThreadPoolExecutor) workers).getMaximumPoolSize();
        } finally {
            main.stop();
        }
    }

    @Test
    void withoutABrokerTheServiceRunsInProcessWithNothingOfTheDistributedMode() throws Exception {
        Main main = application();
        main.start();
        try {
            var context = main.getCamelContext();
            assertThat(context.getRoutes()).extracting(r -> r.getRouteId())
                    .contains("score-process", "note-hops").doesNotContain("note-worker", "notes-done", "notes-distribute", "leader-takeover");
            assertThat(context.hasComponent("jms")).isNull();
            assertThat(context.getRegistry().lookupByName(BrokerConfiguration.CONNECTION_FACTORY)).isNull();
            assertThat(context.getRoute("intake-inbox").getEndpoint().getEndpointUri()).startsWith("file:");
        } finally {
            main.stop();
        }
    }

    @Test
    void withABrokerTheNotesGoThroughItsQueuesAndIntakeIsTheLeadersOnly() throws Exception {
        Main main = application();
        // Nothing listens there: the wiring is what is looked at, not the traffic.
        main.addOverrideProperty("sib2ae.broker.url", "tcp://127.0.0.1:9");
        main.addOverrideProperty("sib2ae.node.name", "node-x");
        main.start();
        try {
            var context = main.getCamelContext();
            assertThat(context.getRoutes()).extracting(r -> r.getRouteId())
                    .contains("note-worker", "notes-done", "notes-distribute", "leader-takeover");
            assertThat(context.getRoute("intake-inbox").getEndpoint().getEndpointUri()).startsWith("master:sib2ae-leader:file:");
            assertThat(context.getRoute("notes-done").getEndpoint().getEndpointUri()).startsWith("master:sib2ae-leader:jms:");
            assertThat(context.getRegistry().lookupByName(BrokerConfiguration.CONNECTION_FACTORY)).isNotNull();
            assertThat(context.getRegistry().lookupByName("brokerHealthCheck")).isNotNull();
        } finally {
            main.stop();
        }
    }

    @Test
    void aTakeoverTimeTooShortToKeepIsRefusedAtStart() {
        Main main = application();
        main.addOverrideProperty("sib2ae.broker.url", "tcp://127.0.0.1:9");
        main.addOverrideProperty("sib2ae.cluster.takeover", "1");

        assertThatThrownBy(main::start).hasStackTraceContaining("sib2ae.cluster.takeover (1.0 s) must be at least 3 s");
    }

    @Test
    void aQuietPeriodShorterThanTheReadLockNeedsIsRefusedAtStart() {
        Main main = application();
        main.addOverrideProperty("sib2ae.intake.quiet-period-ms", "100");

        assertThatThrownBy(main::start).hasStackTraceContaining("sib2ae.intake.quiet-period-ms (100) must be at least");
    }
}
