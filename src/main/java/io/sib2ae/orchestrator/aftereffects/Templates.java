package io.sib2ae.orchestrator.aftereffects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The text templates the writers of this package fill in, read from beside their classes in the jar. */
final class Templates {

    private Templates() {
    }

    /** The template {@code name} as UTF-8 text; {@code what} names it in the error when the jar lacks it. */
    static String load(String name, String what) {
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the " + what + " " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
