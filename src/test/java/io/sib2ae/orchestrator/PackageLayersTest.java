package io.sib2ae.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages stay layered, read from the main sources' own imports and qualified names: the
 * score model and its readers at the bottom, coordination and manifests above them, the score in
 * work, the hops, then intake, monitoring and chaining at the edges, and the wiring on top. A
 * package uses only packages of lower layers, so no cycle can come back; the lower layers know
 * nothing of Camel, so they are tested on their own.
 */
class PackageLayersTest {

    private static final String BASE = "io.sib2ae.orchestrator";
    private static final Path SOURCES = Path.of("src/main/java/io/sib2ae/orchestrator");

    /** Bottom first; "" is the root package. */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("score", "glyphs"),
            Set.of("coordination"),
            Set.of("manifest"),
            Set.of("run"),
            Set.of("rendering", "notehead"),
            Set.of("intake"),
            Set.of("monitoring", "chaining", "aftereffects", "bench"),
            Set.of("routes"),
            Set.of(""));

    /** Plain Java: no Camel below the edges. */
    private static final Set<String> CAMEL_FREE = Set.of("score", "glyphs", "coordination", "manifest", "run", "rendering",
            "notehead", "aftereffects");

    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.sib2ae\\.orchestrator\\.([a-z]+)\\.[A-Z]");

    /** package -> the packages its classes use, with one example file per use. */
    private static final Map<String, Map<String, String>> USES = new TreeMap<>();
    private static final Map<String, Set<String>> CAMEL_USERS = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                String pkg = packageOf(text);
                USES.computeIfAbsent(pkg, k -> new TreeMap<>());
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        USES.get(pkg).putIfAbsent(m.group(1), file.getFileName().toString());
                    }
                }
                if (text.contains("org.apache.camel")) {
                    CAMEL_USERS.computeIfAbsent(pkg, k -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
    }

    @Test
    void everyPackageHasItsLayer() {
        Set<String> layered = new TreeSet<>();
        LAYERS.forEach(layered::addAll);
        assertThat(layered).containsAll(USES.keySet());
    }

    @Test
    void aPackageUsesOnlyPackagesOfLowerLayers() {
        List<String> upward = new ArrayList<>();
        USES.forEach((pkg, used) -> used.forEach((target, example) -> {
            if (layerOf(target) >= layerOf(pkg)) {
                upward.add(name(pkg) + " -> " + name(target) + " (" + example + ")");
            }
        }));
        assertThat(upward).isEmpty();
    }

    @Test
    void noPackagesImportEachOtherInACycle() {
        List<String> cycles = new ArrayList<>();
        for (String start : USES.keySet()) {
            List<String> path = cycleFrom(start, start, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null && start.equals(path.stream().sorted().findFirst().orElse(start))) {
                cycles.add(String.join(" -> ", path.stream().map(PackageLayersTest::name).toList()));
            }
        }
        assertThat(cycles).isEmpty();
    }

    @Test
    void theModelTheHopsAndTheManifestsKnowNothingOfCamel() {
        assertThat(CAMEL_USERS.keySet()).doesNotContainAnyElementsOf(CAMEL_FREE);
    }

    private static List<String> cycleFrom(String start, String at, List<String> path, Set<String> seen) {
        for (String next : USES.getOrDefault(at, Map.of()).keySet()) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new IllegalStateException("package " + name(pkg) + " has no layer");
    }

    private static String packageOf(String text) {
        Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no package declaration");
        }
        String pkg = m.group(1);
        return pkg.equals(BASE) ? "" : pkg.substring(BASE.length() + 1);
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? "(root)" : pkg;
    }
}
