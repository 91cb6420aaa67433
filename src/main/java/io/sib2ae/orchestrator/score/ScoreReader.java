package io.sib2ae.orchestrator.score;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The first step of a score: checks that its set of files can be processed, loads them within
 * the size limits (unpacking a compressed MusicXML), and reads the notation and the MIDI.
 */
public final class ScoreReader {

    private final ScoreInputReader inputs;
    private final MusicXmlReader musicXmlReader;
    private final MidiFileReader midiFileReader;

    public ScoreReader(ScoreInputReader inputs, MusicXmlReader musicXmlReader, MidiFileReader midiFileReader) {
        this.inputs = inputs;
        this.musicXmlReader = musicXmlReader;
        this.midiFileReader = midiFileReader;
    }

    public ScoreSource read(ScoreSet set) {
        Instant readAt = Instant.now();
        if (set.musicXml() == null) {
            Path any = set.allFiles().isEmpty() ? null : set.allFiles().get(0);
            throw new ScoreInputException("No MusicXML (.musicxml, .xml or .mxl) arrived for this score within the quiet period",
                    any == null ? set.scoreName() : any.getFileName().toString());
        }
        if (!set.unsupported().isEmpty()) {
            throw new ScoreInputException("Unsupported or duplicate input file for score '" + set.scoreName()
                    + "'; expected one MusicXML, at most one MIDI and SVG pages", set.unsupported().get(0).getFileName().toString());
        }
        byte[] musicXml = inputs.musicXml(set.musicXml());
        byte[] midi = set.midi() == null ? null : inputs.read(set.midi());
        MusicXmlScore notation = musicXmlReader.read(musicXml, set.musicXml().getFileName().toString());
        MidiPerformance performance = midi == null ? null : midiFileReader.read(midi, set.midi().getFileName().toString());
        return new ScoreSource(set, readAt, musicXml, notation, performance);
    }
}
