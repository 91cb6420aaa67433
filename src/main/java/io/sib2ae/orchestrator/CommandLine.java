package io.sib2ae.orchestrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The words a user can type after {@code java -jar sib2ae-orchestrator.jar} besides starting
 * the service: {@code --help} and {@code --version}. Camel Main's own runner options
 * ({@code -help}, {@code -duration}, {@code -trace} ...) still reach Camel untouched.
 */
final class CommandLine {

    static final String ONE_SHOT_USAGE =
            "java -jar sib2ae-orchestrator.jar process --musicxml F [--midi M] [--svg S] --out DIR";

    private CommandLine() {
    }

    /** The exit code when the arguments asked for help or the version; empty to go on and run. */
    static OptionalInt answer(String[] args, PrintStream out) {
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
            default -> {
                return OptionalInt.empty();
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
                "  java -jar sib2ae-orchestrator.jar --version | --help",
                "",
                "Folders, under the working directory unless configured:",
                "  inbox/    drop a score's files here (a sub-folder per score works too)",
                "  output/   one folder per score: manifest.json, per-note MIDI, WAV, keyframes, SVG",
                "  archive/  the inputs of every finished score",
                "  failed/   inputs that could not be processed, each with an .error.json report",
                "",
                "Configuration: config/application.properties beside the jar; any key can also be",
                "given as -Dkey=value before -jar, for example:",
                "  -Dsib2ae.inbox=DIR -Dsib2ae.output=DIR -Dsib2ae.audio.soundfont=FILE.sf2",
                "  -Dsib2ae.management.port=N",
                "",
                "Watching: http://127.0.0.1:9876/observe/health, /observe/metrics and",
                "/observe/jolokia while the service runs; JMX (jconsole, Hawtio) in both modes.",
                "Camel Main's runner options are accepted too: -help lists them.",
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
