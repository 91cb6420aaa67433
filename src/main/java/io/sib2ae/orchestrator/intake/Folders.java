package io.sib2ae.orchestrator.intake;

import java.nio.file.Path;

/** The service's folders, made absolute once so that routes and beans agree on them. */
public record Folders(Path inbox, Path output, Path archive, Path failed, Path work) {

    public static Folders of(String inbox, String output, String archive, String failed, String work) {
        return new Folders(abs(inbox), abs(output), abs(archive), abs(failed), abs(work));
    }

    private static Path abs(String folder) {
        return Path.of(folder).toAbsolutePath().normalize();
    }

    /** Where claimed inbox files wait while their score is in work. */
    public Path incoming() {
        return work.resolve("incoming");
    }
}
