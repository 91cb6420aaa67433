package io.sib2ae.orchestrator;

import java.nio.file.Path;
import org.apache.camel.main.Main;

/** The real application on a test's own folders, with no management server, no inbox watching and no studio routes. */
final class TestApplication {

    private TestApplication() {
    }

    static Main under(Path root) {
        Main main = App.newMain(root.resolve("no-routes").toString());
        for (String folder : new String[] {"inbox", "output", "archive", "failed", "work"}) {
            main.addOverrideProperty("sib2ae." + folder, root.resolve(folder).toString());
        }
        main.addOverrideProperty("camel.management.enabled", "false");
        main.addOverrideProperty("sib2ae.intake.enabled", "false");
        return main;
    }
}
