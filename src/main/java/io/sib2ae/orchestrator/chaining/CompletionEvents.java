package io.sib2ae.orchestrator.chaining;

import io.sib2ae.orchestrator.run.ScoreResult;
import io.sib2ae.orchestrator.manifest.FileNames;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Names the completion event files so they sort by time and never collide or escape their folder. */
public final class CompletionEvents {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    public String fileName(ScoreResult result) {
        return STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + FileNames.sanitize(result.scoreName()) + "-"
                + result.status() + ".json";
    }
}
