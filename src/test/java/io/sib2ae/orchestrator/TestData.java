package io.sib2ae.orchestrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only test data kept in the repository's {@code testdata/} folder (see its README). */
public final class TestData {

    private TestData() {
    }

    public static Path root() {
        String configured = System.getProperty("sib2ae.testdata");
        Path path = configured != null ? Path.of(configured) : Path.of("testdata");
        return path.toAbsolutePath().normalize();
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
