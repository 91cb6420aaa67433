package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a score stands: processing, then completed, completed with failures (some notes failed a
 * hop, others made assets) or failed (nothing usable came out); or stopped, when the service
 * stopped in the middle of it (its notes not done resume at the next start). Written in lower case.
 */
public enum ScoreStatus {
    PROCESSING, COMPLETED, COMPLETED_WITH_FAILURES, FAILED, STOPPED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
