package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.score.ScoreInputException;
import io.sib2ae.orchestrator.run.ScoreResult;
import io.sib2ae.orchestrator.run.StopSignal;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.monitoring.ProgressReporter;
import io.sib2ae.orchestrator.monitoring.TerminalProgress;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.main.Main;

/**
 * {@code process --musicxml F [--midi M] [--svg S] --out DIR}: runs one score through the
 * service's own routes, by way of {@code direct:sib2ae-submit}, and exits 0 when the score
 * completed, or non-zero with a one-line reason. Arguments and input files are checked before
 * Camel starts: a usage error exits 2 having started and written nothing.
 */
final class OneShotCommand {

    static final int EXIT_COMPLETED = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_COMPLETED_WITH_FAILURES = 3;

    private static final Set<String> OPTIONS = Set.of("musicxml", "midi", "svg", "out");

    private final PrintStream out;
    private final PrintStream err;

    OneShotCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length == 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
            out.print(CommandLine.help());
            return EXIT_COMPLETED;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                return usage("unexpected argument '" + args[i] + "'");
            }
            String option = args[i].substring(2);
            if (!OPTIONS.contains(option)) {
                // A mistyped --mid must not quietly run the score without its MIDI.
                return usage("unknown option " + args[i]);
            }
            if (i + 1 == args.length) {
                return usage(args[i] + " needs a value");
            }
            if (options.containsKey(option)) {
                return usage(args[i] + " given twice");
            }
            options.put(option, args[++i]);
        }
        if (!options.containsKey("musicxml") || !options.containsKey("out")) {
            return usage("--musicxml and --out are required");
        }
        // Checked before Camel starts, so a mistyped path costs no boot and leaves no --out folder.
        String inputProblem = inputProblem(options);
        if (inputProblem != null) {
            err.println("error: " + inputProblem);
            return EXIT_USAGE;
        }
        Path outFolder = Path.of(options.get("out")).toAbsolutePath();
        try {
            Files.createDirectories(outFolder);
        } catch (IOException e) {
            err.println("error: --out " + outFolder + ": cannot create the folder (" + e.getMessage() + ")");
            return EXIT_USAGE;
        }
        logToFile(outFolder.resolve(LOG_FILE));
        Main main = App.newMain();
        main.addOverrideProperty("sib2ae.intake.enabled", "false");
        main.addOverrideProperty("sib2ae.output", outFolder.toString());
        main.addOverrideProperty("sib2ae.failed", outFolder.resolve("failed").toString());
        main.addOverrideProperty("sib2ae.work", outFolder.resolve("work").toString());
        main.addOverrideProperty("sib2ae.inbox", outFolder.resolve("inbox").toString());
        main.addOverrideProperty("sib2ae.archive", outFolder.resolve("archive").toString());
        // One score, in this process, answered when it closes: never the distributed mode of a service.
        main.addOverrideProperty("sib2ae.broker.url", "");
        main.addOverrideProperty("sib2ae.broker.embedded", "false");
        // The example studio routes deliver beside the service's folders: here, under --out.
        defaultUnlessGiven(main, "studio.root", outFolder.toString());
        // The HTTP management port belongs to the service: a one-shot run beside a running
        // service would fail to bind it. JMX stays on, so jconsole or Hawtio can still attach;
        // -Dcamel.management.enabled=true brings the HTTP endpoints back.
        defaultUnlessGiven(main, "camel.management.enabled", "false");
        // The queue consumers (the score queue, the studio routes) end between two polls, route after
        // route: at the service's 100 ms the context's stop waited some 250 ms for them before the
        // process could exit. A run of seconds loses nothing by polling more often.
        defaultUnlessGiven(main, "camel.component.seda.default-poll-timeout", "10");
        // Two note workers per core, where a service has one (a sib2ae.workers count, when
        // configured, still wins): a one-shot compiles with C1 alone (bin/sib2ae) or is over while
        // C2 still compiles, and there the second worker per core fills the gaps: ActorPreludeSample
        // took 0.95x the time with two (median of four alternating pairs, three of them faster,
        // output on tmpfs). A service does better with one.
        defaultUnlessGiven(main, "sib2ae.workers-per-core", "2");
        try {
            main.start();
            CamelContext context = main.getCamelContext();
            ProgressReporter reporter = context.getRegistry().lookupByNameAndType("progressReporter", ProgressReporter.class);
            reporter.addListener(new TerminalProgress(System.console() != null, out));
            Map<String, Object> headers = new HashMap<>();
            headers.put("Sib2AeMusicXml", options.get("musicxml"));
            headers.put("Sib2AeMidi", options.get("midi"));
            headers.put("Sib2AeSvg", options.get("svg"));
            // Ctrl-C or SIGTERM: Camel's hang-up hook waits for this run to end, so the run must
            // hear of it at once and abandon the notes not begun (StopOnShutdown only hears of it
            // when the context stops, which this run does itself, after the score).
            StopSignal stop = context.getRegistry().lookupByNameAndType("stopSignal", StopSignal.class);
            main.getShutdownStrategy().addShutdownListener(stop::request);
            Object reply = context.createProducerTemplate()
                    .requestBodyAndHeaders("direct:sib2ae-submit", null, headers);
            if (stop.requested() || !(reply instanceof ScoreResult)) {
                err.println("stopped: the run was interrupted; what was rendered is kept, and the same command"
                        + " again renders only the rest");
                return EXIT_FAILED;
            }
            ScoreResult result = (ScoreResult) reply;
            out.println(result.scoreName() + ": " + result.status() + " (" + result.notes() + " notes, "
                    + result.failedNotes() + " failed, " + result.elapsedMillis() + " ms)"
                    + (result.manifestPath() == null ? "" : " -> " + result.manifestPath()));
            awaitStudioRoutes(context);
            if (result.status() == ScoreStatus.COMPLETED) {
                return EXIT_COMPLETED;
            }
            err.println(result.status() + ": " + result.reason());
            return result.status() == ScoreStatus.COMPLETED_WITH_FAILURES ? EXIT_COMPLETED_WITH_FAILURES : EXIT_FAILED;
        } catch (Exception e) {
            err.println("failed: " + reasonOf(e));
            return EXIT_FAILED;
        } finally {
            try {
                main.stop();
            } catch (Exception ignored) {
                // the process is exiting anyway
            }
        }
    }

    /** The run's log, under --out: the terminal keeps the progress bars, the summary and the reason. */
    static final String LOG_FILE = "sib2ae-one-shot.log";

    /**
     * Sends the log to a file instead of the terminal, where Camel's start and stop lines and a
     * failure's WARN line would stand around the one line that matters. Must run before the first
     * logger is made (slf4j-simple reads its settings once); -Dorg.slf4j.simpleLogger.logFile wins.
     */
    private static void logToFile(Path file) {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
        }
    }

    /** What is wrong with the named files and folder, or null when every input can be read. */
    private static String inputProblem(Map<String, String> options) {
        List<Map.Entry<String, String>> files = new ArrayList<>();
        files.add(Map.entry("--musicxml", options.get("musicxml")));
        String midi = options.get("midi");
        if (midi != null && !midi.isBlank()) {
            files.add(Map.entry("--midi", midi));
        }
        String svg = options.get("svg");
        if (svg != null && !svg.isBlank()) {
            for (String page : svg.split(File.pathSeparator)) {
                files.add(Map.entry("--svg", page));
            }
        }
        for (Map.Entry<String, String> file : files) {
            String problem = fileProblem(file.getKey(), file.getValue());
            if (problem != null) {
                return problem;
            }
        }
        Path out = Path.of(options.get("out")).toAbsolutePath().normalize();
        return Files.exists(out) && !Files.isDirectory(out) ? "--out " + out + ": is a file, not a folder" : null;
    }

    private static String fileProblem(String option, String given) {
        Path path = Path.of(given).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            return option + " " + path + ": no such file";
        }
        if (Files.isDirectory(path)) {
            return option + " " + path + ": is a folder, not a file";
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            return option + " " + path + ": cannot be read";
        }
        return null;
    }

    /**
     * The reason a run ended in an exception, without Camel's wrapping ("Exception occurred during
     * execution on the exchange: Exchange[...]"): the score input's own description where there is
     * one, else the innermost cause's message.
     */
    static String reasonOf(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ScoreInputException input) {
                return input.describe();
            }
            innermost = cause;
        }
        return innermost.getMessage() == null ? innermost.getClass().getSimpleName()
                : innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
    }

    /**
     * Sets a one-shot default that outranks the configuration files, unless the user gave the
     * key as {@code -Dkey=value} (override properties outrank system properties too).
     */
    private static void defaultUnlessGiven(Main main, String key, String value) {
        if (System.getProperty(key) == null) {
            main.addOverrideProperty(key, value);
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

    private int usage(String problem) {
        err.println("usage: " + CommandLine.ONE_SHOT_USAGE + " (" + problem + "; --help for more)");
        return EXIT_USAGE;
    }
}
