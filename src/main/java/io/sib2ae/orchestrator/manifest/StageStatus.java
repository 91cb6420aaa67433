package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Where one hop stands for one note: pending, running, completed, failed or skipped, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StageStatus {
    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    @JsonProperty("status")
    public String status = PENDING;
    @JsonProperty("timestamp")
    public String timestamp;
    @JsonProperty("error")
    public String error;
    @JsonProperty("reason")
    public String reason;
    @JsonProperty("breaker_open")
    public Boolean breakerOpen;
    @JsonProperty("duration_ms")
    public Long durationMs;

    public static StageStatus pending() {
        StageStatus stage = new StageStatus();
        stage.timestamp = Instant.now().toString();
        return stage;
    }

    public StageStatus mark(String newStatus, String why) {
        status = newStatus;
        timestamp = Instant.now().toString();
        if (FAILED.equals(newStatus)) {
            error = why;
            reason = null;
        } else {
            reason = why;
            error = null;
            breakerOpen = null;
        }
        return this;
    }

    public boolean is(String expected) {
        return expected.equals(status);
    }
}
