package io.sib2ae.orchestrator.coordination;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One time a notated note sounds in the performed score. */
public record Performance(@JsonProperty("start_seconds") double startSeconds,
                          @JsonProperty("duration_seconds") double durationSeconds,
                          @JsonProperty("velocity") int velocity) {
}
