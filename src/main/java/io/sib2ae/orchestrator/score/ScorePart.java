package io.sib2ae.orchestrator.score;

/**
 * One part of the MusicXML part list, with what playback needs to know about it.
 *
 * @param partIndex 0-based position in the part list, which is also the staff order on the page
 * @param midiProgram General MIDI program 0-127, or -1 when the score does not say
 * @param midiChannel MIDI channel 0-15, or -1 when the score does not say
 * @param staves staves the part is drawn on (a piano part has two)
 */
public record ScorePart(String partId, int partIndex, String name, String instrumentName,
                        int midiProgram, int midiChannel, int staves) {
}
