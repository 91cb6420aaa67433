package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one stage of one note stands; written in the manifests in lower case ({@code "completed"}). */
public enum StageState {
    PENDING, RUNNING, COMPLETED, FAILED, SKIPPED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
