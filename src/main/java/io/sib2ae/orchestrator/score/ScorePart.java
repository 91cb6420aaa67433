package io.sib2ae.orchestrator.score;

/**
 * One part of the MusicXML part list, with what playback needs to know about it.
 *
 * @param partIndex 0-based position in the part list, which is also the staff order on the page
 * @param midiProgram General MIDI program 0-127, or -1 when the score does not say
 * @param midiChannel MIDI channel 0-15, or -1 when the score does not say
 * @param staves staves the part is drawn on (a piano part has two)
 * @param instruments the part's score instruments (the drums of a kit), in part-list order
 * @param percussion the part is a percussion part: a MIDI instrument on channel 10 or with a
 *                   {@code <midi-unpitched>} key, or notes that are all unpitched
 */
public record ScorePart(String partId, int partIndex, String name, String instrumentName,
                        int midiProgram, int midiChannel, int staves, java.util.List<Instrument> instruments,
                        boolean percussion) {

    /**
     * A {@code <score-instrument>} with what its {@code <midi-instrument>} says.
     *
     * @param midiUnpitched the 0-based MIDI key of {@code <midi-unpitched>}, or -1
     */
    public record Instrument(String id, String name, int midiUnpitched) {
    }

    public Instrument instrument(String id) {
        return id == null ? null : instruments.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }
}
