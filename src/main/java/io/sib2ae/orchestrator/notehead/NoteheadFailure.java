package io.sib2ae.orchestrator.notehead;

/** A note that got no notehead, with a reason a person can act on. */
public record NoteheadFailure(String universalId, String reason) implements NoteheadAssignment {
}
