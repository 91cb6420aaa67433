package io.sib2ae.orchestrator.score;

import java.time.Instant;

/**
 * A score as read: its files, the MusicXML's bytes (the content hash is taken from them), the
 * notation read from them, and the MIDI performance when the score came with one.
 *
 * @param readAt when reading began: the start of the score's processing
 * @param midi   null when the score came without a MIDI file
 */
public record ScoreSource(ScoreSet files, Instant readAt, byte[] musicXml, MusicXmlScore notation, MidiPerformance midi) {
}
