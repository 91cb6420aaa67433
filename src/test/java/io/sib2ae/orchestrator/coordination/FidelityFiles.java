package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.MusicXmlScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The small hand-written MusicXML files under {@code src/test/resources/fidelity/}, one construct each. */
public final class FidelityFiles {

    private FidelityFiles() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = FidelityFiles.class.getResourceAsStream("/fidelity/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file fidelity/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MusicXmlScore read(String name) {
        return Fixtures.reader().read(bytes(name), name);
    }

    public static CoordinatedScore coordinate(String name) {
        return Fixtures.coordinator().coordinate(bytes(name), name, null, null);
    }
}
