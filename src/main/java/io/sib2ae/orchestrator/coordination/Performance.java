package io.sib2ae.orchestrator.coordination;

/** One time a notated note sounds in the performed score. */
public record Performance(double startSeconds, double durationSeconds, int velocity) {
}
