package io.sib2ae.orchestrator.aftereffects;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.App;
import io.sib2ae.orchestrator.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real output folders to test the comp builder and the preview on: a score run through the
 * one-shot command in a child JVM (the same routes as the service, the After Effects hop
 * included), once per test JVM, under {@code target/aftereffects-it/}.
 */
final class ProcessedScores {

    static final String SS9 = "SS 9";
    static final String ACTOR = "ActorPreludeSample";

    private static final Path ROOT = Path.of("target", "aftereffects-it").toAbsolutePath();
    private static final Map<String, Path> DONE = new HashMap<>();

    private ProcessedScores() {
    }

    /** SS 9's output folder: MusicXML, MIDI and its SVG page. */
    static synchronized Path ss9() {
        return DONE.computeIfAbsent(SS9, s -> run(s, "sib2ae/SS 9.musicxml", "sib2ae/SS 9.mid", "sib2ae/SS 9.svg"));
    }

    /** ActorPreludeSample's output folder: about 1,900 notes of an orchestral score, without an SVG. */
    static synchronized Path actorPrelude() {
        return DONE.computeIfAbsent(ACTOR, s -> run(s, "scores/ActorPreludeSample.xml", "scores/ActorPreludeSample.mid", null));
    }

    private static Path run(String score, String musicXml, String midi, String svg) {
        Path out = ROOT.resolve(score.replace(' ', '_'));
        try {
            deleteRecursively(out);
            Files.createDirectories(out);
            Path log = out.resolve("one-shot.log");
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String soundfont = Files.isRegularFile(Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"))
                    ? "/usr/share/sounds/sf2/TimGM6mb.sf2" : "";
            try (ServerSocket busyPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED", "-Xmx1g",
                        "-Dsib2ae.audio.soundfont=" + soundfont,
                        "-Dsib2ae.management.port=" + busyPort.getLocalPort(),
                        "-Dsib2ae.routes=" + out.resolve("no-routes"),
                        "-cp", classpath, App.class.getName(), "process",
                        "--musicxml", TestData.file(musicXml).toString(),
                        "--midi", TestData.file(midi).toString()));
                if (svg != null) {
                    command.addAll(List.of("--svg", TestData.file(svg).toString()));
                }
                command.addAll(List.of("--out", out.resolve("out").toString()));
                Process process = new ProcessBuilder(command).directory(out.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                boolean exited = process.waitFor(15, TimeUnit.MINUTES);
                if (!exited) {
                    process.destroyForcibly();
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                assertThat(exited).as("one-shot run of " + score + " finished; output:\n" + output).isTrue();
                assertThat(process.exitValue()).as("exit code of " + score + "; output:\n" + output).isIn(0, 3);
            }
            return out.resolve("out").resolve(score);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a score folder to spoil in a test, without touching the shared one. */
    static Path copy(Path scoreFolder, Path into) {
        Path target = into.resolve(scoreFolder.getFileName().toString());
        try (var files = Files.walk(scoreFolder)) {
            for (Path source : files.toList()) {
                Path dest = target.resolve(scoreFolder.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
