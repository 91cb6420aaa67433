package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.NotatedNote;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which General MIDI drum a note of a percussion part plays: the part's own
 * {@code <midi-unpitched>} when it gives one (Sibelius and Dorico do); otherwise the instrument's
 * name ("Snare Drum", "Crash Cymbal"); otherwise, for a drum set, the note's place on the staff in
 * the usual drum-set notation (bass drum in the bottom space, snare in the third, hi-hat above the
 * staff). Every answer says where it came from.
 */
public final class DrumMap {

    public static final String FROM_MIDI_UNPITCHED = "midi_unpitched";
    public static final String FROM_INSTRUMENT_NAME = "gm_drum_map_instrument";
    public static final String FROM_STAFF_POSITION = "gm_drum_map_staff_position";

    /** Short General MIDI percussion names, keys 35-81, for file names: no spaces or underscores. */
    private static final String[] NAMES = {
        "kick-2", "kick", "side-stick", "snare", "clap", "snare-2", "floor-tom-low", "hihat-closed", "floor-tom",
        "hihat-pedal", "tom-low", "hihat-open", "tom-low-mid", "tom-high-mid", "crash", "tom-high", "ride", "china",
        "ride-bell", "tambourine", "splash", "cowbell", "crash-2", "vibraslap", "ride-2", "bongo-high", "bongo-low",
        "conga-mute", "conga-open", "conga-low", "timbale-high", "timbale-low", "agogo-high", "agogo-low", "cabasa",
        "maracas", "whistle-short", "whistle-long", "guiro-short", "guiro-long", "claves", "woodblock-high",
        "woodblock-low", "cuica-mute", "cuica-open", "triangle-mute", "triangle-open"};

    /** Instrument names, most specific first. */
    private static final List<Map.Entry<String, Integer>> BY_NAME = List.of(
            Map.entry("open hi", 46), Map.entry("pedal hi", 44), Map.entry("foot hi", 44), Map.entry("hi-hat", 42),
            Map.entry("hihat", 42), Map.entry("hi hat", 42), Map.entry("side stick", 37), Map.entry("rim", 37),
            Map.entry("snare", 38), Map.entry("bass drum", 36), Map.entry("kick", 36), Map.entry("gran cassa", 36),
            Map.entry("floor tom", 43), Map.entry("high tom", 50), Map.entry("hi tom", 50), Map.entry("mid tom", 47),
            Map.entry("low tom", 45), Map.entry("tom", 47), Map.entry("splash", 55), Map.entry("china", 52),
            Map.entry("crash", 49), Map.entry("ride bell", 53), Map.entry("ride", 51), Map.entry("suspended cymbal", 49),
            Map.entry("cymbal", 49), Map.entry("piatti", 49), Map.entry("tambourine", 54), Map.entry("cowbell", 56),
            Map.entry("clap", 39), Map.entry("vibraslap", 58), Map.entry("bongo", 60), Map.entry("conga", 63),
            Map.entry("timbale", 65), Map.entry("agogo", 67), Map.entry("cabasa", 69), Map.entry("maraca", 70),
            Map.entry("shaker", 70), Map.entry("whistle", 71), Map.entry("guiro", 73), Map.entry("claves", 75),
            Map.entry("wood block", 76), Map.entry("woodblock", 76), Map.entry("temple block", 76),
            Map.entry("cuica", 79), Map.entry("triangle", 81));

    private DrumMap() {
    }

    /**
     * @param midiUnpitched the 0-based key the part's {@code <midi-instrument>} gives the note's instrument, or -1
     * @param instrumentName the name of the note's instrument, else the part's
     */
    public static PlayingFacts.Drum drumFor(int midiUnpitched, String instrumentName, NotatedNote note) {
        if (midiUnpitched >= 0 && midiUnpitched <= 127) {
            return new PlayingFacts.Drum(midiUnpitched, name(midiUnpitched), FROM_MIDI_UNPITCHED);
        }
        String lower = instrumentName == null ? "" : instrumentName.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Integer> entry : BY_NAME) {
            if (lower.contains(entry.getKey())) {
                return new PlayingFacts.Drum(entry.getValue(), name(entry.getValue()), FROM_INSTRUMENT_NAME);
            }
        }
        int key = byStaffPosition(note.writtenStep(), note.writtenOctave());
        return new PlayingFacts.Drum(key, name(key), FROM_STAFF_POSITION);
    }

    /** The drum-set convention on a five-line staff read as treble clef. */
    static int byStaffPosition(char step, int octave) {
        int position = octave * 7 + "CDEFGAB".indexOf(step);
        int f4 = 4 * 7 + 3;
        return switch (position - f4) {
            case -2 -> 44;      // D4, below the staff: pedal hi-hat
            case -1 -> 35;      // E4, bottom line: second bass drum
            case 0 -> 36;       // F4, bottom space: bass drum
            case 1 -> 41;       // G4: low floor tom
            case 2 -> 43;       // A4: floor tom
            case 3 -> 45;       // B4, middle line: low tom
            case 4 -> 38;       // C5, third space: snare
            case 5 -> 47;       // D5: mid tom
            case 6 -> 50;       // E5, top space: high tom
            case 7 -> 51;       // F5, top line: ride
            case 8 -> 42;       // G5, above the staff: hi-hat
            case 9 -> 49;       // A5: crash
            default -> position - f4 < 0 ? 36 : 49;
        };
    }

    /** The short name of a General MIDI drum key. */
    public static String name(int key) {
        return key >= 35 && key <= 81 ? NAMES[key - 35] : "drum-" + key;
    }
}
