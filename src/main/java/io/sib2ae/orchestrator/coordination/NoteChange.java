package io.sib2ae.orchestrator.coordination;

/** What changed in a note kept from the previous version. */
public enum NoteChange { PITCH, DURATION, VELOCITY, PROGRAM, TIMING }
