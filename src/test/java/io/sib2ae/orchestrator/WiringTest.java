package io.sib2ae.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sib2ae.orchestrator.rendering.SynthesizerPool;
import java.nio.file.Path;
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
    void aQuietPeriodShorterThanTheReadLockNeedsIsRefusedAtStart() {
        Main main = application();
        main.addOverrideProperty("sib2ae.intake.quiet-period-ms", "100");

        assertThatThrownBy(main::start).hasStackTraceContaining("sib2ae.intake.quiet-period-ms (100) must be at least");
    }
}
