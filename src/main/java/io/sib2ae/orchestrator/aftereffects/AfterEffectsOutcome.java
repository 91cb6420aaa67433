package io.sib2ae.orchestrator.aftereffects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the After Effects hop did for a score, as the score index records it under
 * {@code after_effects}: both files written, or why not.
 *
 * @param script  the comp builder, relative to the score folder, when written
 * @param preview the preview page, relative to the score folder, when written
 * @param reason  why nothing was written, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterEffectsOutcome(@JsonProperty("status") Status status,
                                  @JsonProperty("script") String script,
                                  @JsonProperty("preview") String preview,
                                  @JsonProperty("reason") String reason,
                                  @JsonProperty("at") String at) {

    /** How the hop ended. */
    public enum Status {
        WRITTEN, FAILED, SKIPPED;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static AfterEffectsOutcome written(String script, String preview) {
        return new AfterEffectsOutcome(Status.WRITTEN, script, preview, null, java.time.Instant.now().toString());
    }

    static AfterEffectsOutcome failed(String reason) {
        return new AfterEffectsOutcome(Status.FAILED, null, null, reason, java.time.Instant.now().toString());
    }

    static AfterEffectsOutcome skipped(String reason) {
        return new AfterEffectsOutcome(Status.SKIPPED, null, null, reason, java.time.Instant.now().toString());
    }
}
