package io.sib2ae.orchestrator.hops;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.App;
import io.sib2ae.orchestrator.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Xmx512m",
                "-Dsib2ae.audio.soundfont=" + Ss9ServiceHopsTest.SMALL_SOUNDFONT.getOrDefault("sib2ae.audio.soundfont", ""),
                "-cp", classpath,
                App.class.getName(), "process",
                "--musicxml", TestData.file("sib2ae/SS 9.musicxml").toString(),
                "--midi", TestData.file("sib2ae/SS 9.mid").toString(),
                "--svg", TestData.file("sib2ae/SS 9.svg").toString(),
                "--out", out.toString());
        Process process = new ProcessBuilder(command)
                .directory(root.toFile()) // no config/ or routes/ here: the built-in defaults apply
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
        assertThat(output).contains("SS 9: completed (9 notes, 0 failed");
        Ss9Outputs.assertCompletelyRendered(out.resolve(Ss9Outputs.SCORE));
        // Handed-in files stay where they are.
        assertThat(TestData.file("sib2ae/SS 9.musicxml")).exists();
    }
}
