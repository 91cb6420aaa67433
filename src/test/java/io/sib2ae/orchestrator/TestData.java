package io.sib2ae.orchestrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared, read-only test data that sits beside the repository. */
public final class TestData {

    private TestData() {
    }

    public static Path root() {
        String configured = System.getProperty("sib2ae.testdata");
        Path path = configured != null ? Path.of(configured) : Path.of("..", "shared", "testdata");
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
