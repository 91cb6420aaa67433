package io.sib2ae.orchestrator.coordination;

/**
 * How a score ended: the reply of {@code direct:sib2ae-submit} and the content of the
 * completion event other studio routes chain onto.
 */
public record ScoreResult(String scoreName, String status, String manifestPath, int notes, int failedNotes,
                          String reason, long elapsedMillis) {

    public boolean succeeded() {
        return "completed".equals(status);
    }
}
