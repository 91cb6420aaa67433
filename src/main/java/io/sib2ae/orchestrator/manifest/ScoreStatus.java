package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a score stands: processing, then completed, completed with failures (some notes failed a
 * hop, others made assets) or failed (nothing usable came out). Written in lower case.
 */
public enum ScoreStatus {
    PROCESSING, COMPLETED, COMPLETED_WITH_FAILURES, FAILED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
