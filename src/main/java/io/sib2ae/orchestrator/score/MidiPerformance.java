package io.sib2ae.orchestrator.score;

import java.util.List;
import java.util.Map;
import javax.sound.midi.Sequence;

/**
 * A parsed MIDI file: every note of every track and channel, the file's full tempo map, where
 * the sustain pedal is down, and the raw sequence.
 *
 * @param tempoMap tempo over quarter notes (ticks divided by the resolution)
 * @param pedals   where each channel's sustain pedal is down, which extends the notes' sounding
 * @param laneNames track names by lane, decoded leniently because Sibelius does not write UTF-8
 */
public record MidiPerformance(int resolution, TempoMap tempoMap, List<MidiNote> notes, Map<Long, String> laneNames,
                              Sequence sequence, SustainPedalMap pedals) {
}
