package io.sib2ae.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application, {@code target/sib2ae-orchestrator.jar}, started as a user starts it:
 * {@code java [-Dkey=value ...] -jar sib2ae-orchestrator.jar [arguments]}. Only the integration
 * tests ({@code *IT}, run by failsafe after {@code package}) use it; failsafe passes the jar's path
 * as {@code sib2ae.jar}.
 */
public final class ShadedJar {

    /** What one finished run printed and how it exited. */
    public record Run(int exitCode, String stdout, String stderr) {

        public List<String> stderrLines() {
            return stderr.lines().toList();
        }

        /** For assertion messages: everything the run printed. */
        public String printed() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
        }
    }

    private ShadedJar() {
    }

    public static Path path() {
        Path jar = Path.of(System.getProperty("sib2ae.jar", "target/sib2ae-orchestrator.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar, built by mvn package").isRegularFile();
        return jar;
    }

    /**
     * Starts the jar in {@code workingDirectory}, its stdout and stderr going to
     * {@code logs/stdout.txt} and {@code logs/stderr.txt}.
     */
    public static Process start(Path workingDirectory, Path logs, List<String> javaOptions, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(path().toString());
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(logs);
            return new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectOutput(logs.resolve("stdout.txt").toFile())
                    .redirectError(logs.resolve("stderr.txt").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the jar to its end (at most five minutes) and returns what it printed. */
    public static Run run(Path workingDirectory, Path logs, List<String> javaOptions, String... arguments) {
        Process process = start(workingDirectory, logs, javaOptions, arguments);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError("the run did not end within 5 minutes; stderr:\n" + read(logs.resolve("stderr.txt")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Run(process.exitValue(), read(logs.resolve("stdout.txt")), read(logs.resolve("stderr.txt")));
    }

    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
