package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Where one hop stands for one note: pending, running, completed, failed or skipped, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StageStatus {

    @JsonProperty("status")
    public StageState status = StageState.PENDING;
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
    /** The instance the hop ran on, in distributed mode ({@code sib2ae.node.name}); absent in-process. */
    @JsonProperty("node")
    public String node;
    /**
     * Skipped because an earlier run's file was verified and kept: the note has this stage's asset,
     * unlike a note skipped for having nothing to make (a tied secondary, a score without SVG).
     */
    @JsonIgnore
    public boolean assetKept;

    public static StageStatus pending() {
        StageStatus stage = new StageStatus();
        stage.timestamp = Instant.now().toString();
        return stage;
    }

    public StageStatus mark(StageState newStatus, String why) {
        status = newStatus;
        timestamp = Instant.now().toString();
        assetKept = false;
        if (newStatus == StageState.FAILED) {
            error = why;
            reason = null;
        } else {
            reason = why;
            error = null;
            breakerOpen = null;
        }
        return this;
    }

    /** Skipped, keeping the asset an earlier run made and that was verified now. */
    public StageStatus markKept(String why) {
        mark(StageState.SKIPPED, why);
        assetKept = true;
        return this;
    }

    public boolean is(StageState expected) {
        return status == expected;
    }

    /** The note has this stage's asset: made now, or kept from an earlier run. */
    @JsonIgnore
    public boolean hasAsset() {
        return status == StageState.COMPLETED || assetKept;
    }
}
