package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.routes.AfterEffectsRoutes;
import io.sib2ae.orchestrator.routes.CompletionRoutes;
import io.sib2ae.orchestrator.routes.ErrorHandlingConfiguration;
import io.sib2ae.orchestrator.routes.IntakeRoutes;
import io.sib2ae.orchestrator.routes.NoteHopRoutes;
import io.sib2ae.orchestrator.routes.NoteQueueRoutes;
import io.sib2ae.orchestrator.routes.NoteheadRoutes;
import io.sib2ae.orchestrator.routes.ScoreRoutes;
import java.util.OptionalInt;
import org.apache.camel.main.Main;

/**
 * Boots the orchestrator: as a service watching the inbox, or with {@code process ...} as a
 * one-shot run of one score through the same routes.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) throws Exception {
        OptionalInt answered = CommandLine.answer(args, System.out, System.err);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        if (args.length > 0) {
            System.exit(new OneShotCommand(System.out, System.err).run(args));
        }
        Main main = newMain();
        try {
            main.run();
        } catch (Exception notStarted) {
            // The embedded broker starts while Main builds its configurations, before a later one can
            // refuse to start; its threads would keep this JVM running with no service in it.
            EmbeddedBrokerConfiguration.stopAfterFailedStart(main.getCamelContext());
            throw notStarted;
        }
    }

    /** The Camel application every mode and every end-to-end test starts from. */
    public static Main newMain() {
        return newMain(System.getProperty("sib2ae.routes", "routes"));
    }

    /** @param routesFolder where the studio's YAML routes are; a missing folder means none */
    public static Main newMain(String routesFolder) {
        // The configuration and routes are listed rather than found by classpath scanning, which
        // loaded every class of the package from the jar and took two of a run's four boot seconds.
        Main main = new Main();
        main.configure().addConfiguration(StartupValidation.class);
        // Before the configurations and routes that connect to it (sib2ae.broker.embedded=true only).
        main.configure().addConfiguration(EmbeddedBrokerConfiguration.class);
        main.configure().addConfiguration(IntakeConfiguration.class);
        main.configure().addConfiguration(ScoreConfiguration.class);
        main.configure().addConfiguration(HopConfiguration.class);
        main.configure().addConfiguration(MonitoringConfiguration.class);
        main.configure().addConfiguration(SynthesizerWarmUp.class);
        main.configure().addConfiguration(AfterEffectsConfiguration.class);
        main.configure().addConfiguration(BrokerConfiguration.class);
        main.configure().addConfiguration(CrashRecovery.class);
        main.configure().addRoutesBuilder(new ErrorHandlingConfiguration());
        main.configure().addRoutesBuilder(new IntakeRoutes());
        main.configure().addRoutesBuilder(new ScoreRoutes());
        main.configure().addRoutesBuilder(new NoteHopRoutes());
        main.configure().addRoutesBuilder(new NoteheadRoutes());
        main.configure().addRoutesBuilder(new CompletionRoutes());
        main.configure().addRoutesBuilder(new NoteQueueRoutes());
        main.configure().addRoutesBuilder(new AfterEffectsRoutes());
        // Built-in defaults first, then the editable file under the working directory, which wins.
        main.setPropertyPlaceholderLocations(
                "classpath:application.properties;optional=true,file:config/application.properties;optional=true");
        // The studio's own YAML routes live in routes/ under the working directory; a run elsewhere has none.
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of(routesFolder))) {
            main.configure().withRoutesIncludePattern("file:" + routesFolder + "/*.camel.yaml");
        }
        return main;
    }
}
