package io.sib2ae.orchestrator.notehead;

/** The outcome for one target note: its notehead, or why none could be given. */
public sealed interface NoteheadAssignment permits NoteheadPlacement, NoteheadFailure {

    String universalId();
}
