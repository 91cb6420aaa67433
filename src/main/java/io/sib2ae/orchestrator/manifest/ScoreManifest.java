package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The score index, {@code manifest.json}: score metadata, counts and every note's record. */
@JsonPropertyOrder({"score_name", "status", "version", "content_hash", "inputs_hash", "created_at", "completed_at"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public class ScoreManifest {
    @JsonProperty("score_name") public String scoreName;
    @JsonProperty("title") public String title;
    @JsonProperty("status") public ScoreStatus status = ScoreStatus.PROCESSING;
    /** The MusicXML's SHA-256, which new universal IDs are made from. */
    @JsonProperty("content_hash") public String contentHash;
    /** This version's number: 1 for the first export, one more for each drop with different content. */
    @JsonProperty("version") public int version = 1;
    /** SHA-256 over every input file (MusicXML, MIDI, SVG pages): the same hash is the same version. */
    @JsonProperty("inputs_hash") public String inputsHash;
    /** Every version of the score, oldest first; always a list. */
    @JsonProperty("versions") public List<Version> versions = List.of();
    @JsonProperty("created_at") public String createdAt;
    @JsonProperty("completed_at") public String completedAt;
    @JsonProperty("inputs") public Inputs inputs = new Inputs();
    @JsonProperty("timing_source") public String timingSource;
    @JsonProperty("match") public Map<String, Object> match;
    @JsonProperty("parts") public List<Part> parts;
    @JsonProperty("tempo_map") public List<Tempo> tempoMap;
    @JsonProperty("counts") public Counts counts = new Counts();
    @JsonProperty("failures") public List<String> failures = List.of();
    /** What the score says irregularly but was still read and played; always a list. */
    @JsonProperty("warnings") public List<Warning> warnings = List.of();
    /** Jumps performed because the score's words ask for them, with no {@code <sound>} that plays them; always a list. */
    @JsonProperty("jumps_from_words") public List<JumpFromWords> jumpsFromWords = List.of();
    /**
     * Music-font characters of the SVG pages that have no SMuFL mapping and were drawn as magenta
     * placeholder boxes, e.g. "page 1: Helsinki Std U+F0C6 (2x)"; always a list, empty when none.
     */
    @JsonProperty("unmapped_music_glyphs") public List<String> unmappedMusicGlyphs = List.of();
    /** The page layers (svg/*.svg and the page PNG) and what they were made from, so an unchanged page is not drawn again. */
    @JsonProperty("page_layers") public PageLayers pageLayers;
    /** How the After Effects comp and preview went; written by that hop after the close. */
    @JsonProperty("after_effects") public Map<String, Object> afterEffects;
    @JsonProperty("notes") public List<NoteManifest> notes;

    /**
     * One version of the score: when it was made, from which inputs, and how its notes relate to
     * the previous version's (kept as they were, changed, added, removed).
     */
    public record Version(@JsonProperty("version") int version, @JsonProperty("created_at") String createdAt,
                          @JsonProperty("inputs_hash") String inputsHash, @JsonProperty("content_hash") String contentHash,
                          @JsonProperty("kept") int kept, @JsonProperty("changed") int changed,
                          @JsonProperty("added") int added, @JsonProperty("removed") int removed) {
    }

    /**
     * The score-level SVG and PNG files, by path relative to the score folder with their SHA-256, and
     * the fingerprint of what they were drawn from (the pages, the layout, the notes' IDs, the PNG width).
     */
    public record PageLayers(@JsonProperty("fingerprint") String fingerprint,
                             @JsonProperty("files") Map<String, String> files,
                             @JsonProperty("unmapped_music_glyphs") List<String> unmappedMusicGlyphs) {
    }

    /** The score's input files as they were given. */
    public static class Inputs {
        @JsonProperty("musicxml") public String musicxml;
        @JsonProperty("midi") public String midi;
        @JsonProperty("svg") public List<String> svg;
    }

    /** A part with its instrument and playback settings. */
    public record Part(@JsonProperty("part_id") String partId, @JsonProperty("instrument") String instrument,
                       @JsonProperty("instrument_name") String instrumentName,
                       @JsonProperty("midi_program") int midiProgram, @JsonProperty("midi_channel") int midiChannel,
                       @JsonProperty("staves") int staves) {
    }

    /** Something a studio should look at in the score, where it is and what was done about it. */
    public record Warning(@JsonProperty("kind") String kind, @JsonProperty("part_id") String partId,
                          @JsonProperty("measure") String measure, @JsonProperty("message") String message) {
    }

    /** A jump ("dal_segno", "da_capo", "to_coda", "fine", "coda") read from the words of a measure. */
    public record JumpFromWords(@JsonProperty("measure") String measure, @JsonProperty("words") String words,
                                @JsonProperty("jump") String jump) {
    }

    /** A tempo change on the performed timeline. */
    public record Tempo(@JsonProperty("quarter") double quarter, @JsonProperty("seconds") double seconds,
                        @JsonProperty("quarters_per_minute") double quartersPerMinute) {
    }

    /** How many notes there are and how far each hop got with them. */
    public static class Counts {
        @JsonProperty("notes") public int notes;
        @JsonProperty("primary_notes") public int primaryNotes;
        @JsonProperty("tied_groups") public int tiedGroups;
        @JsonProperty("grace_notes") public int graceNotes;
        @JsonProperty("matched_exactly") public int matchedExactly;
        @JsonProperty("unmatched") public int unmatched;
        @JsonProperty("stages") public Map<String, Map<String, Integer>> stages;
    }
}
