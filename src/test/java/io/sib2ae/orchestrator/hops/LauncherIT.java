package io.sib2ae.orchestrator.hops;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.ShadedJar;
import io.sib2ae.orchestrator.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sib2ae}, the launcher, as a user runs it: the JVM options it chooses (and leaves to
 * the user), its AppCDS archive written by the first run and used by the next. The JVM it starts
 * is the real one, behind a wrapper ({@code JAVA}) that writes down the arguments it was given.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin", "sib2ae").toAbsolutePath();

    @TempDir
    Path root;

    private Path javaWrapper;
    private Path arguments;
    private Path archives;

    @BeforeEach
    void wrapper() throws IOException {
        arguments = root.resolve("java-arguments.txt");
        archives = root.resolve("cds");
        javaWrapper = root.resolve("java");
        String realJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(javaWrapper, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + arguments + "'\necho ---- >> '"
                + arguments + "'\nexec '" + realJava + "' \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(javaWrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aOneShotRunCompilesWithC1AloneWritesItsArchiveThenUsesItAndRendersTheScore() throws Exception {
        Path out = root.resolve("out");
        Result first = launch(List.of(), "process", "--musicxml", TestData.file("sib2ae/SS 9.musicxml").toString(),
                "--midi", TestData.file("sib2ae/SS 9.mid").toString(), "--out", out.toString());

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("SS 9: completed (9 notes, 0 failed");
        assertThat(first.jvmOptions()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g")
                .anySatisfy(option -> assertThat(option).startsWith("-XX:ArchiveClassesAtExit="));
        try (Stream<Path> written = Files.list(archives)) {
            assertThat(written.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".jsa");
        }

        Result second = launch(List.of(), "process", "--musicxml", TestData.file("sib2ae/SS 9.musicxml").toString(),
                "--midi", TestData.file("sib2ae/SS 9.mid").toString(), "--out", out.toString());
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.jvmOptions()).contains("-XX:TieredStopAtLevel=1")
                .anySatisfy(option -> assertThat(option).startsWith("-XX:SharedArchiveFile=" + archives));
    }

    @Test
    void theUsersOwnJitHeapAndCollectorChoicesAreKeptAndTheServiceKeepsC2() throws Exception {
        Result own = launch(List.of("-XX:TieredStopAtLevel=4", "-Xmx700m", "-XX:+UseG1GC"), "--version");
        assertThat(own.exitCode()).as(own.output()).isZero();
        assertThat(own.jvmOptions()).contains("-XX:TieredStopAtLevel=4", "-Xmx700m", "-XX:+UseG1GC")
                .doesNotContain("-XX:TieredStopAtLevel=1", "-Xmx1g", "-XX:+UseSerialGC");

        // Anything but a one-shot run (the service, --version, --help) is left the JVM's compilers.
        Result version = launch(List.of(), "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("Camel 4.18.0");
        assertThat(version.jvmOptions()).doesNotContain("-XX:TieredStopAtLevel=1").contains("-XX:+UseSerialGC");
    }

    private record Result(int exitCode, String output, List<String> jvmOptions) {
    }

    private Result launch(List<String> jvmOptions, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(LAUNCHER.toString()));
        line.addAll(jvmOptions);
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA", javaWrapper.toString());
        builder.environment().put("SIB2AE_JAR", ShadedJar.path().toString());
        builder.environment().put("SIB2AE_CDS_DIR", archives.toString());
        builder.environment().remove("JAVA_OPTS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        List<String> recorded = Files.readAllLines(arguments);
        // Everything before -jar is the JVM's; after it, the jar and the application's arguments.
        return new Result(process.exitValue(), output, recorded.subList(0, recorded.indexOf("-jar")));
    }
}
