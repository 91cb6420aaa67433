package io.sib2ae.orchestrator.coordination;

import java.util.List;
import java.util.Map;
import javax.sound.midi.Sequence;

/**
 * A parsed MIDI file: every note of every track and channel, the file's full tempo map and
 * the raw sequence, which the rendering hop reads again for the sustain pedal.
 *
 * @param tempoMap tempo over quarter notes (ticks divided by the resolution)
 * @param laneNames track names by lane, decoded leniently because Sibelius does not write UTF-8
 */
public record MidiPerformance(int resolution, TempoMap tempoMap, List<MidiNote> notes, Map<Long, String> laneNames,
                              Sequence sequence) {
}
