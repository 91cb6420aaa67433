package io.sib2ae.orchestrator.monitoring;

import io.sib2ae.orchestrator.intake.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: the service is only ready when it can take files from the inbox and write the
 * output. A full disk or a read-only mount shows up on {@code /observe/health}, not as lost files.
 */
public final class FoldersWritableCheck extends AbstractHealthCheck {

    private final Folders folders;

    public FoldersWritableCheck(Folders folders) {
        super("sib2ae", "folders-writable");
        this.folders = folders;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("inbox", folders.inbox().toString());
        builder.detail("output", folders.output().toString());
        for (Path folder : new Path[] {folders.inbox(), folders.output()}) {
            String problem = problemWith(folder);
            if (problem != null) {
                builder.message(problem).down();
                return;
            }
        }
        builder.up();
    }

    private static String problemWith(Path folder) {
        try {
            Files.createDirectories(folder);
            // Files.isWritable trusts permission bits; a real write also catches read-only mounts.
            Path probe = Files.createTempFile(folder, ".health", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return folder + " is not writable: " + e.getMessage();
        }
    }
}
