package io.sib2ae.orchestrator.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real service in a child JVM, on a test's own folders, so that a test can kill it as the
 * operating system would: {@link #kill()} is SIGKILL ({@code destroyForcibly}), {@link #terminate()}
 * is SIGTERM ({@code destroy}).
 *
 * <p>The child runs {@code io.sib2ae.orchestrator.App} on the test's own class path rather than
 * {@code java -jar target/sib2ae-orchestrator.jar}: under {@code mvn test} the jar is built only
 * after the tests (package comes after test), so it would be missing or stale. Same main class,
 * same code, same {@code application.properties} (from target/classes); the working directory is a
 * temporary folder, so neither config/ nor the example routes/ of the repository are loaded. Its
 * logging is the jar's own (simplelogger.properties), time stamps included.
 */
final class ChildService {

    private final Process process;
    private final Path log;

    private ChildService(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts run number {@code run} on the folders under {@code root}; its output goes to logs/run-N.log. */
    static ChildService start(Path root, int run) {
        return start(root, run, "768m", java.util.Map.of());
    }

    /** The same, with a heap limit and extra system properties of the test's own. */
    static ChildService start(Path root, int run, String maxHeap, java.util.Map<String, String> properties) {
        try {
            Path logs = Files.createDirectories(root.resolve("logs"));
            Path log = logs.resolve("run-" + run + ".log");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(java.toString(),
                    "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED",
                    "-Xmx" + maxHeap,
                    "-cp", System.getProperty("java.class.path"),
                    "-Dsib2ae.routes=" + root.resolve("no-routes"),
                    "-Dsib2ae.inbox=" + root.resolve("inbox"),
                    "-Dsib2ae.output=" + root.resolve("output"),
                    "-Dsib2ae.archive=" + root.resolve("archive"),
                    "-Dsib2ae.failed=" + root.resolve("failed"),
                    "-Dsib2ae.work=" + root.resolve("work"),
                    "-Dcamel.management.enabled=false",
                    // A quiet period shorter than the time it takes to claim the next file of the same
                    // score splits the score (see the report); 1.5 s with quick read locks is safe here.
                    "-Dsib2ae.intake.quiet-period-ms=1500",
                    "-Dsib2ae.intake.read-lock-min-age-ms=100",
                    "-Dsib2ae.intake.read-lock-check-interval-ms=100",
                    "-Dsib2ae.intake.poll-delay-ms=200"));
            Path soundFont = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");
            if (Files.isRegularFile(soundFont)) {
                command.add("-Dsib2ae.audio.soundfont=" + soundFont);
            }
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("io.sib2ae.orchestrator.App");
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ChildService(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM did not die after SIGKILL");
        }
    }

    /** SIGTERM: Camel's graceful shutdown; returns how long the process took to end. */
    Duration terminate(Duration atMost) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return null;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The line Camel logs once every route, the inbox consumer among them, has started. */
    static final String STARTED = "(sib2ae-orchestrator) started in ";

    /** True once the child's Camel context, and so its inbox consumer, has started. */
    boolean started() {
        return logged(STARTED);
    }

    /** True once the child wrote a log line containing {@code text}. */
    boolean logged(String text) {
        try {
            return Files.exists(log) && new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    Path log() {
        return log;
    }
}
