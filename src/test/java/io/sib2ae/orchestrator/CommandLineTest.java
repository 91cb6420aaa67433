package io.sib2ae.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpNamesBothModesTheFoldersAndTheExitCodes(String word) {
        assertThat(CommandLine.answer(new String[] {word}, out, out)).hasValue(0);
        String help = printed.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("process --musicxml F [--midi M] [--svg S] --out DIR")
                .contains("inbox/", "output/", "archive/", "failed/")
                .contains("0 completed, 3 completed with failures, 1 failed,")
                .contains("config/application.properties under the working directory")
                .doesNotContain("beside the jar")
                .contains("/observe/health");
    }

    @Test
    void versionNamesTheBuildCamelAndJava() throws Exception {
        String camel;
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            camel = context.getVersion();
        }
        assertThat(CommandLine.answer(new String[] {"--version"}, out, out)).hasValue(0);
        // Run from classes, not the jar, the build has no manifest version.
        assertThat(printed.toString(StandardCharsets.UTF_8).trim()).isEqualTo("sib2ae-orchestrator (development build), "
                + "Apache Camel " + camel + ", Java " + System.getProperty("java.version"));
    }

    @Test
    void theServiceAndTheOneShotCommandAreLeftToRun() {
        assertThat(CommandLine.answer(new String[0], out, out)).isEqualTo(OptionalInt.empty());
        assertThat(CommandLine.answer(new String[] {"process", "--out", "x"}, out, out)).isEqualTo(OptionalInt.empty());
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** A typo must not start the service, nor hand the arguments to Camel's runner and its help. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--frobnicate | unknown option --frobnicate",
        "-duration    | unknown option -duration",
        "proces       | unknown command 'proces'"})
    void anUnknownFirstArgumentGetsTheUsageAndExitsTwo(String argument, String problem) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        OptionalInt exit = CommandLine.answer(new String[] {argument}, out, new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertThat(exit).hasValue(OneShotCommand.EXIT_USAGE);
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEqualTo("usage: " + CommandLine.USAGE
                + " (" + problem + "; --help for more)" + System.lineSeparator());
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Usage errors are found before Camel starts: nothing runs, nothing is written. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "process --musicxml s.musicxml --mid s.mid --out o | unknown option --mid",
        "process --musicxml s.musicxml --out                | --out needs a value",
        "process --musicxml s.musicxml --frobnicate         | unknown option --frobnicate",
        "process --out o --musicxml a --out o               | --out given twice",
        "process s.musicxml --out o                         | unexpected argument 's.musicxml'",
        "process --midi s.mid --out o                       | --musicxml and --out are required"})
    void aOneShotUsageErrorSaysWhatIsWrongAndExitsTwo(String arguments, String problem) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = new OneShotCommand(out, new PrintStream(errors, true, StandardCharsets.UTF_8)).run(arguments.split(" "));
        assertThat(exit).isEqualTo(OneShotCommand.EXIT_USAGE);
        assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar sib2ae-orchestrator.jar process")
                .contains("(" + problem + "; --help for more)");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Input files are checked before Camel starts: one line naming the path, and no --out folder. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--musicxml {root}/nope.musicxml                              | --musicxml {root}/nope.musicxml: no such file",
        "--musicxml {root}/folder                                     | --musicxml {root}/folder: is a folder, not a file",
        "--musicxml {root}/score.musicxml --midi {root}/nope.mid      | --midi {root}/nope.mid: no such file",
        "--musicxml {root}/score.musicxml --svg {root}/p1.svg{sep}{root}/nope.svg | --svg {root}/nope.svg: no such file",
        "--musicxml {root}/score.musicxml --svg {root}/folder         | --svg {root}/folder: is a folder, not a file",
        "--musicxml {root}/score.musicxml --out {root}/score.musicxml | --out {root}/score.musicxml: is a file, not a folder"})
    void aOneShotInputThatCannotBeReadIsNamedBeforeAnythingStarts(String arguments, String problem, @TempDir Path root)
            throws Exception {
        Files.createDirectories(root.resolve("folder"));
        Files.writeString(root.resolve("score.musicxml"), "<score-partwise/>");
        Files.writeString(root.resolve("p1.svg"), "<svg/>");
        List<String> args = new ArrayList<>(List.of("process"));
        args.addAll(List.of(arguments.replace("{root}", root.toString()).replace("{sep}", File.pathSeparator).split(" ")));
        if (!args.contains("--out")) {
            args.addAll(List.of("--out", root.resolve("out").toString()));
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = new OneShotCommand(out, new PrintStream(errors, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(OneShotCommand.EXIT_USAGE);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .isEqualTo("error: " + problem.replace("{root}", root.toString()) + System.lineSeparator());
        assertThat(root.resolve("out")).doesNotExist();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFailureIsReportedByItsScoreInputReasonNotByCamelsWrapping() {
        var input = new io.sib2ae.orchestrator.score.ScoreInputException("Not well-formed MusicXML: no root",
                "s.musicxml", 3, 7, null);
        var wrapped = new org.apache.camel.CamelExecutionException("Exception occurred during execution on the exchange",
                null, new IllegalStateException("route failed", input));

        assertThat(OneShotCommand.reasonOf(wrapped)).isEqualTo("s.musicxml:3:7: Not well-formed MusicXML: no root");
        assertThat(OneShotCommand.reasonOf(new RuntimeException("outer", new java.io.IOException("disk full"))))
                .isEqualTo("IOException: disk full");
    }

    @Test
    void oneShotHelpIsTheWholeHelp() {
        assertThat(new OneShotCommand(out, out).run(new String[] {"process", "--help"})).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(CommandLine.help());
    }
}
