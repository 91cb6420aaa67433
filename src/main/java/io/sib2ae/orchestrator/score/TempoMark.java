package io.sib2ae.orchestrator.score;

/** A playback tempo written in the score, in quarter notes per minute, at a notated position. */
public record TempoMark(int measureIndex, double offsetInMeasure, double quartersPerMinute) {
}
