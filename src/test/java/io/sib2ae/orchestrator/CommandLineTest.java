package io.sib2ae.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpNamesBothModesTheFoldersAndTheExitCodes(String word) {
        assertThat(CommandLine.answer(new String[] {word}, out)).hasValue(0);
        String help = printed.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("process --musicxml F [--midi M] [--svg S] --out DIR")
                .contains("inbox/", "output/", "archive/", "failed/")
                .contains("0 completed, 3 completed with failures, 1 failed,")
                .contains("config/application.properties")
                .contains("/observe/health");
    }

    @Test
    void versionNamesTheBuildCamelAndJava() throws Exception {
        String camel;
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            camel = context.getVersion();
        }
        assertThat(CommandLine.answer(new String[] {"--version"}, out)).hasValue(0);
        // Run from classes, not the jar, the build has no manifest version.
        assertThat(printed.toString(StandardCharsets.UTF_8).trim()).isEqualTo("sib2ae-orchestrator (development build), "
                + "Apache Camel " + camel + ", Java " + System.getProperty("java.version"));
    }

    @Test
    void theServiceAndCamelsOwnRunnerOptionsAreLeftToRun() {
        assertThat(CommandLine.answer(new String[0], out)).isEqualTo(OptionalInt.empty());
        assertThat(CommandLine.answer(new String[] {"-duration", "5"}, out)).isEqualTo(OptionalInt.empty());
        assertThat(CommandLine.answer(new String[] {"process", "--out", "x"}, out)).isEqualTo(OptionalInt.empty());
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Usage errors are found before Camel starts: nothing runs, nothing is written. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "process --musicxml s.musicxml --mid s.mid --out o | unknown option --mid",
        "process --musicxml s.musicxml --out                | --out needs a value",
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

    @Test
    void oneShotHelpIsTheWholeHelp() {
        assertThat(new OneShotCommand(out, out).run(new String[] {"process", "--help"})).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(CommandLine.help());
    }
}
