package io.sib2ae.orchestrator.aftereffects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Node scripts of {@code tools/js/} (installed by {@code scripts/install-test-tools.sh})
 * and reads the JSON they print. A machine without node, the npm packages or chromium skips the
 * tests that need them, saying which is missing; CI has all three.
 */
final class NodeTools {

    static final Path TOOLS = Path.of("tools", "js").toAbsolutePath();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private NodeTools() {
    }

    static void assumeNodeWith(String module) {
        Assumptions.assumeTrue(onPath("node"), "node is not installed; scripts/install-test-tools.sh needs it");
        Assumptions.assumeTrue(Files.isDirectory(TOOLS.resolve("node_modules").resolve(module)),
                module + " is not installed in tools/js; run scripts/install-test-tools.sh");
    }

    static void assumeChromium() {
        assumeNodeWith("playwright-core");
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing; scripts/install-test-tools.sh installs Debian's chromium as root");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code node tools/js/<script> args…} and parses what it printed. */
    static JsonNode run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", TOOLS.resolve(script).toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("sib2ae-node", ".json");
        Path err = Files.createTempFile("sib2ae-node", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean exited = process.waitFor(5, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly();
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(exited).as(script + " finished; stderr:\n" + stderr).isTrue();
            assertThat(process.exitValue()).as(script + " exit code; stdout:\n" + stdout + "\nstderr:\n" + stderr).isZero();
            return new ObjectMapper().readTree(stdout);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
