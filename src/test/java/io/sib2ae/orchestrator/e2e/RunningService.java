package io.sib2ae.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sib2ae.orchestrator.App;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The real application, booted as the service is (same Main, same configuration, same
 * routes) on folders of a test's own. Tests drop files into {@link #inbox()} as a user would.
 */
public final class RunningService implements AutoCloseable {

    private final Main main;
    private final Path root;

    private RunningService(Path root, Map<String, String> overrides) {
        this.root = root;
        this.main = App.newMain(overrides.getOrDefault("sib2ae.routes", "routes"));
        main.addOverrideProperty("sib2ae.inbox", inbox().toString());
        main.addOverrideProperty("sib2ae.output", output().toString());
        main.addOverrideProperty("sib2ae.archive", archive().toString());
        main.addOverrideProperty("sib2ae.failed", failed().toString());
        main.addOverrideProperty("sib2ae.work", work().toString());
        // Short waits keep the tests quick; the behaviour is the same as with the defaults.
        main.addOverrideProperty("sib2ae.intake.quiet-period-ms", "800");
        main.addOverrideProperty("sib2ae.intake.poll-delay-ms", "100");
        main.addOverrideProperty("sib2ae.intake.read-lock-min-age-ms", "100");
        main.addOverrideProperty("sib2ae.intake.read-lock-check-interval-ms", "100");
        // The example studio routes in routes/ are loaded as in production, writing into the test's folders.
        main.addOverrideProperty("studio.delivery.enabled", "true");
        main.addOverrideProperty("studio.delivery.folder", root.resolve("delivery").toString());
        main.addOverrideProperty("studio.summary.folder", root.resolve("summary").toString());
        // Tests run one after another in one JVM: the management server is only started where a test asks.
        main.addOverrideProperty("camel.management.enabled", "false");
        overrides.forEach(main::addOverrideProperty);
    }

    public static RunningService start(Path root) {
        return start(root, Map.of());
    }

    public static RunningService start(Path root, Map<String, String> overrides) {
        RunningService service = new RunningService(root, overrides);
        try {
            for (Path folder : new Path[] {service.inbox(), service.output(), service.archive(), service.failed()}) {
                Files.createDirectories(folder);
            }
            service.main.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the service did not start", e);
        }
        return service;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path output() {
        return root.resolve("output");
    }

    public Path archive() {
        return root.resolve("archive");
    }

    public Path failed() {
        return root.resolve("failed");
    }

    public Path work() {
        return root.resolve("work");
    }

    /** Copies a file into the inbox the way a user's copy does: written in place, in pieces. */
    public Path drop(Path source) {
        return drop(source, source.getFileName().toString());
    }

    public Path drop(Path source, String name) {
        try {
            Path target = inbox().resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the score is closed (its index manifest says {@code completed} or
     * {@code completed_with_failures}) and its inputs have left {@code work/} for the archive.
     * The inputs move last, just after the final manifest, so a test that looks at the folders
     * must wait for both, not for the manifest alone.
     *
     * @return the score's index manifest
     */
    public Path awaitClosed(String scoreName) {
        Path index = output().resolve(scoreName).resolve("manifest.json");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ServiceEndToEndTest.status(index).startsWith("completed") && CrashState.files(work()).isEmpty());
        return index;
    }

    /** {@link #awaitClosed}, for a score that must complete without a single failure. */
    public Path awaitCompleted(String scoreName) {
        Path index = awaitClosed(scoreName);
        assertThat(ServiceEndToEndTest.status(index)).as("status of " + scoreName).isEqualTo("completed");
        return index;
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
