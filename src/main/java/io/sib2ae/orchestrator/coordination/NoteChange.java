package io.sib2ae.orchestrator.coordination;

/** What changed about a note that a re-export kept: each hop redoes its work only for the changes it is made from. */
public enum NoteChange {
    /** The written pitch or the key it sounds. */
    PITCH,
    /** The notated duration. */
    DURATION,
    /** How hard it is struck. */
    VELOCITY,
    /** The General MIDI program its part plays. */
    PROGRAM,
    /**
     * Moved only: when it sounds or for how long in seconds (a tempo change, a bar inserted
     * before it), or which bar it stands in. Its sound is the same.
     */
    TIMING,
    /** Its part was renamed: the names of its files change, its sound does not. */
    PART_NAME
}
