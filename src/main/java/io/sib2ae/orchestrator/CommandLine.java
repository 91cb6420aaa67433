package io.sib2ae.orchestrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The words a user can type after {@code java -jar sib2ae-orchestrator.jar}: nothing (the
 * service), {@code process ...} (one score), {@code --help} and {@code --version}. Anything else
 * is a usage error, exit 2: a mistyped {@code proces} must not start the service instead.
 *
 * <p>Camel Main's own runner options ({@code -duration}, {@code -trace} ...) are not passed on:
 * each has a {@code -Dcamel.main.*} property (for example {@code -Dcamel.main.duration-max-seconds=5},
 * {@code -Dcamel.main.tracing=true}), and taking them would hand a typo to Camel's help, exit 0.
 */
final class CommandLine {

    static final String ONE_SHOT_USAGE =
            "java -jar sib2ae-orchestrator.jar process --musicxml F [--midi M] [--svg S] --out DIR";

    static final String USAGE =
            "java -jar sib2ae-orchestrator.jar [process --musicxml F [--midi M] [--svg S] --out DIR | --help | --version]";

    private CommandLine() {
    }

    /**
     * The exit code when the arguments asked for help or the version, or were not understood;
     * empty to go on and run the service (no arguments) or the one-shot command ({@code process}).
     */
    static OptionalInt answer(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return OptionalInt.empty();
        }
        switch (args[0]) {
            case "--help", "-h", "help" -> {
                out.print(help());
                return OptionalInt.of(0);
            }
            case "--version", "version" -> {
                out.println(version());
                return OptionalInt.of(0);
            }
            case "process" -> {
                return OptionalInt.empty();
            }
            default -> {
                String problem = args[0].startsWith("-") ? "unknown option " + args[0] : "unknown command '" + args[0] + "'";
                err.println("usage: " + USAGE + " (" + problem + "; --help for more)");
                return OptionalInt.of(OneShotCommand.EXIT_USAGE);
            }
        }
    }

    static String version() {
        String own = App.class.getPackage().getImplementationVersion();
        return "sib2ae-orchestrator " + (own == null ? "(development build)" : own)
                + ", Apache Camel " + camelVersion() + ", Java " + System.getProperty("java.version");
    }

    static String help() {
        return String.join(System.lineSeparator(),
                version(),
                "Every note of a Sibelius score (MusicXML or .mxl, MIDI, SVG) as After Effects assets.",
                "",
                "Usage:",
                "  java -jar sib2ae-orchestrator.jar",
                "      Runs the service: scores dropped into inbox/ are processed into output/.",
                "  " + ONE_SHOT_USAGE,
                "      Runs one score and exits: 0 completed, 3 completed with failures, 1 failed,",
                "      2 usage error. Several SVG pages are joined with the path separator.",
                "      The log goes to DIR/sib2ae-one-shot.log; stderr gets only the reason.",
                "  java -jar sib2ae-orchestrator.jar --version | --help",
                "",
                "Folders, under the working directory unless configured:",
                "  inbox/    drop a score's files here (a sub-folder per score works too)",
                "  output/   one folder per score: manifest.json, per-note MIDI, WAV, keyframes, SVG",
                "  archive/  the inputs of every finished score",
                "  failed/   inputs that could not be processed, each with an .error.json report",
                "",
                "Configuration: the defaults built into the jar, overridden by",
                "config/application.properties under the working directory (where java is run,",
                "not where the jar is), if there is one; YAML routes are read from routes/ there too.",
                "Any key can also be given as -Dkey=value before -jar, for example:",
                "  -Dsib2ae.inbox=DIR -Dsib2ae.output=DIR -Dsib2ae.audio.soundfont=FILE.sf2",
                "  -Dsib2ae.management.port=N",
                "",
                "Watching: http://127.0.0.1:9876/observe/health, /observe/metrics and",
                "/observe/jolokia while the service runs; JMX (jconsole, Hawtio) in both modes.",
                "Camel Main's settings are -Dcamel.main.* keys, for example -Dcamel.main.tracing=true.",
                "");
    }

    private static String camelVersion() {
        // The fat jar keeps every dependency's Maven metadata, though not their manifests.
        try (InputStream in = CommandLine.class.getResourceAsStream(
                "/META-INF/maven/org.apache.camel/camel-api/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "(unknown)");
            }
        } catch (IOException e) {
            // fall through: the version is only shown, never relied on
        }
        return "(unknown)";
    }
}
