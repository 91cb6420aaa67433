package io.sib2ae.orchestrator.hops;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.ShadedJar;
import io.sib2ae.orchestrator.TestData;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import static org.awaitility.Awaitility.await;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one-shot command's exit codes, each through the packaged jar as a user runs it:
 * {@code java -jar sib2ae-orchestrator.jar process ...} in a working directory of its own (no
 * config/ there, so the jar's built-in defaults apply).
 */
class OneShotJarIT {

    @TempDir
    Path root;

    private Path workingDirectory;
    private Path logs;
    private Path out;

    @BeforeEach
    void folders() throws Exception {
        workingDirectory = Files.createDirectories(root.resolve("cwd")); // no config/, no routes/: built-in defaults
        logs = root.resolve("logs");
        out = workingDirectory.resolve("out");
        Files.writeString(root.resolve("score.musicxml"), "<score-partwise/>");
    }

    @Test
    void aScoreThatCompletesExitsZeroWithEveryNoteRenderedAndTheStudioRoutesDone() throws Exception {
        // The shipped studio routes run in one-shot mode too, and finish before the process exits.
        Files.createDirectories(workingDirectory.resolve("routes"));
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.filter(r -> r.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(route, workingDirectory.resolve("routes").resolve(route.getFileName()));
            }
        }
        ShadedJar.Run run;
        // A service already running on this machine holds the management port; a one-shot run must not need it.
        try (ServerSocket busyPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> properties = new HashMap<>(Ss9ServiceHopsTest.SMALL_SOUNDFONT);
            properties.put("sib2ae.management.port", String.valueOf(busyPort.getLocalPort()));
            properties.put("studio.delivery.enabled", "true"); // the example delivery is off unless turned on
            run = ShadedJar.run(workingDirectory, logs, javaOptions(properties), ss9("--out", out));
        }

        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.stdout()).contains("SS 9: completed (9 notes, 0 failed");
        assertThat(run.stderr()).as(run.printed()).isEmpty();
        // Camel's log is kept, time-stamped, in the run's log file under --out.
        assertThat(Files.readAllLines(out.resolve("sib2ae-one-shot.log")))
                .allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} .*"))
                .anySatisfy(line -> assertThat(line).contains("Apache Camel 4.18.0 (sib2ae-orchestrator) started"))
                .noneSatisfy(line -> assertThat(line).contains("BindException"));
        Ss9Outputs.assertCompletelyRendered(out.resolve(Ss9Outputs.SCORE));
        // The studio routes deliver under --out too: the run writes nothing anywhere else.
        try (Stream<Path> delivered = Files.list(out.resolve("delivery").resolve("SS 9"))) {
            assertThat(delivered.count()).as("WAV, keyframes JSON and AE text of the 6 primary notes").isEqualTo(18);
        }
        // The studio's summary: one whole line, ended (the example route once lost its line ending).
        assertThat(Files.readString(out.resolve("completed-scores.log"))).matches(
                "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{4} SS 9 completed notes=9 failed=0 elapsed_ms=\\d+ manifest=\\S.*"
                        + java.util.regex.Pattern.quote(java.io.File.separator + "SS 9" + java.io.File.separator + "manifest.json") + "\n");
        try (Stream<Path> written = Files.list(workingDirectory)) {
            assertThat(written.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", "routes");
        }
        // Handed-in files stay where they are.
        assertThat(TestData.file("sib2ae/SS 9.musicxml")).exists();
    }

    /** A SoundFont that passes the header check but cannot be loaded: every render fails, the SVGs do not. */
    @Test
    void aScoreWhoseAudioFailsCompletesWithFailuresAndExitsThree() throws Exception {
        Path corrupt = Files.write(root.resolve("corrupt.sf2"), AudioBreakerTest.corruptSoundFont(64 * 1024));

        ShadedJar.Run run = ShadedJar.run(workingDirectory, logs,
                javaOptions(Map.of("sib2ae.audio.soundfont", corrupt.toString())), ss9("--out", out));

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(3);
        assertThat(Ss9Outputs.status(out.resolve(Ss9Outputs.SCORE))).isEqualTo("completed_with_failures");
        // The log goes to a file under --out: the terminal's stderr holds the reason and nothing else.
        assertThat(run.stderrLines()).as(run.printed())
                .singleElement().asString().matches("completed_with_failures: \\d+ of 9 notes failed a hop");
    }

    @Test
    void aPngNamedMusicXmlFailsWithOneLineSayingWhyAndExitsOne() throws Exception {
        Path png = Files.write(root.resolve("cover.musicxml"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        ShadedJar.Run run = ShadedJar.run(workingDirectory, logs, javaOptions(Map.of()),
                "process", "--musicxml", png.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(1);
        assertThat(run.stderrLines()).as(run.printed()).singleElement().asString()
                .startsWith("failed: cover.musicxml: Not well-formed MusicXML: byte 0x89 at line 1, column 1 is not UTF-8 text")
                .contains("(report in " + out.resolve("failed"));
        // The JDK parser's own "[Fatal Error] :-1:-1: ..." line, and the false "moved to": the input stays.
        assertThat(run.stderr()).doesNotContain("[Fatal Error]").doesNotContain("moved to");
        assertThat(png).exists();
    }

    /**
     * Ctrl-C or SIGTERM in the middle of a one-shot run: the run stops within seconds with one line
     * saying so, and the same command again renders only the notes the first run had not done.
     */
    @Test
    void aOneShotRunStoppedMidScoreStopsFastAndTheSameCommandAgainRendersOnlyTheRest() throws Exception {
        String[] arguments = {"process",
            "--musicxml", TestData.file("scores/Dichterliebe01.xml").toString(),
            "--midi", TestData.file("scores/Dichterliebe01.mid").toString(),
            "--out", out.toString()};
        Path progress = out.resolve("Dichterliebe01").resolve("progress.json");
        Process first = ShadedJar.start(workingDirectory, logs, javaOptions(Ss9ServiceHopsTest.SMALL_SOUNDFONT), arguments);
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> notesDone(progress) >= 20);
            first.destroy(); // SIGTERM
            long stopAsked = System.nanoTime();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopAsked)).isLessThan(Duration.ofSeconds(5));
        } finally {
            first.destroyForcibly();
        }
        assertThat(ShadedJar.read(logs.resolve("stderr.txt")).lines().toList()).containsExactly(
                "stopped: the run was interrupted; what was rendered is kept, and the same command again renders only the rest");
        assertThat(ShadedJar.read(out.resolve("sib2ae-one-shot.log"))).doesNotContain("Exception");

        ShadedJar.Run again = ShadedJar.run(workingDirectory, root.resolve("logs-again"),
                javaOptions(Ss9ServiceHopsTest.SMALL_SOUNDFONT), arguments);

        assertThat(again.exitCode()).as(again.printed()).isZero();
        JsonNode index = new ObjectMapper().readTree(out.resolve("Dichterliebe01").resolve("manifest.json").toFile());
        long verifiedBefore = 0;
        long renderedNow = 0;
        for (JsonNode note : index.get("notes")) {
            if (note.get("is_primary").asBoolean()) {
                String audio = note.get("stages").get("audio").get("status").asText();
                verifiedBefore += audio.equals("skipped") ? 1 : 0;
                renderedNow += audio.equals("completed") ? 1 : 0;
            }
        }
        assertThat(verifiedBefore).as("notes the first run had rendered, kept").isGreaterThanOrEqualTo(20);
        assertThat(renderedNow).as("notes rendered by the second run").isPositive();
    }

    private static int notesDone(Path progress) {
        try {
            return new ObjectMapper().readTree(progress.toFile()).path("notes_done").asInt(0);
        } catch (IOException e) {
            return 0; // not written yet
        }
    }

    /** Usage errors are found before Camel starts: one line on stderr, nothing printed or created. */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
        "process --musicxml {cwd}/missing.musicxml --out {out} => error: --musicxml {cwd}/missing.musicxml: no such file",
        "process --musicxml {cwd} --out {out}                  => error: --musicxml {cwd}: is a folder, not a file",
        "process --musicxml {score} --svg {score}{sep}{cwd}/p2.svg --out {out} => error: --svg {cwd}/p2.svg: no such file",
        "process --frobnicate x --out {out}                    => usage: java -jar sib2ae-orchestrator.jar process --musicxml F [--midi M] [--svg S] --out DIR (unknown option --frobnicate; --help for more)",
        "--frobnicate                                          => usage: java -jar sib2ae-orchestrator.jar [process --musicxml F [--midi M] [--svg S] --out DIR | --help | --version] (unknown option --frobnicate; --help for more)",
        "proces --musicxml {score} --out {out}                 => usage: java -jar sib2ae-orchestrator.jar [process --musicxml F [--midi M] [--svg S] --out DIR | --help | --version] (unknown command 'proces'; --help for more)"})
    void aUsageErrorExitsTwoWithOneLineAndCreatesNothing(String arguments, String expected) {
        ShadedJar.Run run = ShadedJar.run(workingDirectory, logs, javaOptions(Map.of()),
                substitute(arguments).split(" "));

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.stderrLines()).as(run.printed()).containsExactly(substitute(expected));
        assertThat(run.stdout()).isEmpty();
        assertThat(out).doesNotExist();
    }

    private String substitute(String text) {
        return text.replace("{score}", root.resolve("score.musicxml").toString())
                .replace("{sep}", File.pathSeparator)
                .replace("{cwd}", workingDirectory.toString())
                .replace("{out}", out.toString());
    }

    private static String[] ss9(String outOption, Path out) {
        return new String[] {"process",
            "--musicxml", TestData.file("sib2ae/SS 9.musicxml").toString(),
            "--midi", TestData.file("sib2ae/SS 9.mid").toString(),
            "--svg", TestData.file("sib2ae/SS 9.svg").toString(),
            outOption, out.toString()};
    }

    private static List<String> javaOptions(Map<String, String> properties) {
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        properties.forEach((key, value) -> options.add("-D" + key + "=" + value));
        return options;
    }
}
