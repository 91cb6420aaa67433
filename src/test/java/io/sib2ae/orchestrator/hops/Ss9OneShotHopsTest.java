package io.sib2ae.orchestrator.hops;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.App;
import io.sib2ae.orchestrator.TestData;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-shot command as a user runs it: {@code App process ...} in a JVM of its own (the test
 * classpath stands in for the shaded jar, so no packaging is needed), exit code and files checked.
 */
class Ss9OneShotHopsTest {

    @TempDir
    Path root;

    @Test
    void oneShotProcessOfSs9ExitsZeroWithEveryPrimaryNoteRendered() throws Exception {
        Path out = root.resolve("out");
        Path log = root.resolve("one-shot.log");
        // The shipped studio routes run in one-shot mode too, and finish before the process exits.
        Files.createDirectories(root.resolve("routes"));
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.filter(r -> r.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(route, root.resolve("routes").resolve(route.getFileName()));
            }
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // A service already running on this machine holds the management port; a one-shot run
        // must not need it.
        try (ServerSocket busyPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED",
                    "-Xmx512m",
                    "-Dsib2ae.audio.soundfont=" + Ss9ServiceHopsTest.SMALL_SOUNDFONT.getOrDefault("sib2ae.audio.soundfont", ""),
                    "-Dsib2ae.management.port=" + busyPort.getLocalPort(),
                    "-cp", classpath,
                    App.class.getName(), "process",
                    "--musicxml", TestData.file("sib2ae/SS 9.musicxml").toString(),
                    "--midi", TestData.file("sib2ae/SS 9.mid").toString(),
                    "--svg", TestData.file("sib2ae/SS 9.svg").toString(),
                    "--out", out.toString());
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile()) // no config/ here: the built-in defaults apply
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean exited = process.waitFor(3, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);

            assertThat(exited).as("one-shot run finished; output:\n" + output).isTrue();
            assertThat(process.exitValue()).as("exit code; output:\n" + output).isZero();
            assertThat(output).contains("SS 9: completed (9 notes, 0 failed").doesNotContain("BindException");
        }
        Ss9Outputs.assertCompletelyRendered(out.resolve(Ss9Outputs.SCORE));
        // The studio routes deliver under --out too: the run writes nothing anywhere else.
        try (Stream<Path> delivered = Files.list(out.resolve("delivery").resolve("SS 9"))) {
            assertThat(delivered.count()).as("WAV, keyframes JSON and AE text of the 6 primary notes").isEqualTo(18);
        }
        // The studio's summary: one whole line, ended (the example route once lost its line ending).
        assertThat(Files.readString(out.resolve("completed-scores.log"))).matches(
                "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{4} SS 9 completed notes=9 failed=0 elapsed_ms=\\d+ manifest=\\S.*"
                        + java.util.regex.Pattern.quote(java.io.File.separator + "SS 9" + java.io.File.separator + "manifest.json") + "\n");
        try (Stream<Path> written = Files.list(root)) {
            assertThat(written.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", "routes", "one-shot.log");
        }
        // Handed-in files stay where they are.
        assertThat(TestData.file("sib2ae/SS 9.musicxml")).exists();
    }
}
