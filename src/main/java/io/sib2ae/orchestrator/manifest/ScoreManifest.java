package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The score index, {@code manifest.json}: score metadata, counts and every note's record. */
@JsonPropertyOrder({"score_name", "status", "content_hash", "created_at", "completed_at"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public class ScoreManifest {
    @JsonProperty("score_name") public String scoreName;
    @JsonProperty("title") public String title;
    @JsonProperty("status") public ScoreStatus status = ScoreStatus.PROCESSING;
    @JsonProperty("content_hash") public String contentHash;
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
    /**
     * In distributed mode, how many notes each instance took through their hops
     * ({@code sib2ae.node.name} to count); absent in-process, where there is one.
     */
    @JsonProperty("nodes") @JsonInclude(JsonInclude.Include.NON_NULL) public Map<String, Integer> nodes;
    @JsonProperty("notes") public List<NoteManifest> notes;

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
