package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.coordination.ScoreResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import io.sib2ae.orchestrator.monitoring.ProgressReporter;
import io.sib2ae.orchestrator.monitoring.TerminalProgress;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.main.Main;

/**
 * {@code process --musicxml F [--midi M] [--svg S] --out DIR}: runs one score through the
 * service's own routes, by way of {@code direct:sib2ae-submit}, and exits 0 when the score
 * completed, or non-zero with a one-line reason.
 */
final class OneShotCommand {

    static final int EXIT_COMPLETED = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_COMPLETED_WITH_FAILURES = 3;

    int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                return usage("unexpected argument '" + args[i] + "'");
            }
        }
        if (!options.containsKey("musicxml") || !options.containsKey("out")) {
            return usage("--musicxml and --out are required");
        }
        Path out = Path.of(options.get("out")).toAbsolutePath();
        Main main = App.newMain();
        main.addOverrideProperty("sib2ae.intake.enabled", "false");
        main.addOverrideProperty("sib2ae.output", out.toString());
        main.addOverrideProperty("sib2ae.failed", out.resolve("failed").toString());
        main.addOverrideProperty("sib2ae.work", out.resolve("work").toString());
        main.addOverrideProperty("sib2ae.inbox", out.resolve("inbox").toString());
        main.addOverrideProperty("sib2ae.archive", out.resolve("archive").toString());
        if (System.getProperty("studio.root") == null) {
            // The example studio routes deliver beside the service's folders: here, under --out.
            main.addOverrideProperty("studio.root", out.toString());
        }
        if (System.getProperty("camel.management.enabled") == null) {
            // The HTTP management port belongs to the service: a one-shot run beside a running
            // service would fail to bind it. JMX stays on, so jconsole or Hawtio can still attach;
            // -Dcamel.management.enabled=true brings the HTTP endpoints back.
            main.addOverrideProperty("camel.management.enabled", "false");
        }
        try {
            Files.createDirectories(out);
            main.start();
            CamelContext context = main.getCamelContext();
            ProgressReporter reporter = context.getRegistry().lookupByNameAndType("progressReporter", ProgressReporter.class);
            reporter.addListener(new TerminalProgress(System.console() != null, System.out));
            Map<String, Object> headers = new HashMap<>();
            headers.put("Sib2AeMusicXml", options.get("musicxml"));
            headers.put("Sib2AeMidi", options.get("midi"));
            headers.put("Sib2AeSvg", options.get("svg"));
            ScoreResult result = context.createProducerTemplate()
                    .requestBodyAndHeaders("direct:sib2ae-submit", null, headers, ScoreResult.class);
            System.out.println(result.scoreName() + ": " + result.status() + " (" + result.notes() + " notes, "
                    + result.failedNotes() + " failed, " + result.elapsedMillis() + " ms)"
                    + (result.manifestPath() == null ? "" : " -> " + result.manifestPath()));
            awaitStudioRoutes(context);
            if ("completed".equals(result.status())) {
                return EXIT_COMPLETED;
            }
            System.err.println(result.status() + ": " + result.reason());
            return "completed_with_failures".equals(result.status()) ? EXIT_COMPLETED_WITH_FAILURES : EXIT_FAILED;
        } catch (Exception e) {
            System.err.println("failed: " + e.getMessage());
            return EXIT_FAILED;
        } finally {
            try {
                main.stop();
            } catch (Exception ignored) {
                // the process is exiting anyway
            }
        }
    }

    /**
     * Lets the studio routes finish with the completion event before the context stops. Camel's
     * graceful shutdown would wait for them too, but it looks again only once a second.
     */
    private static void awaitStudioRoutes(CamelContext context) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STUDIO_ROUTES_WAIT_SECONDS);
        while (System.nanoTime() < deadline && (context.getInflightRepository().size() > 0 || queued(context) > 0)) {
            Thread.sleep(20);
        }
    }

    private static int queued(CamelContext context) {
        int queued = 0;
        for (org.apache.camel.Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof SedaEndpoint seda) {
                queued += seda.getCurrentQueueSize();
            }
        }
        return queued;
    }

    /* Beyond this the normal graceful shutdown (camel.main.shutdown-timeout) takes over. */
    private static final int STUDIO_ROUTES_WAIT_SECONDS = 60;

    private static int usage(String problem) {
        System.err.println("usage: java -jar sib2ae-orchestrator.jar process --musicxml F [--midi M] [--svg S] --out DIR ("
                + problem + ")");
        return EXIT_USAGE;
    }
}
