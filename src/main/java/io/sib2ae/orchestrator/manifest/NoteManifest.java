package io.sib2ae.orchestrator.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sib2ae.orchestrator.coordination.Performance;
import java.util.List;

/**
 * The living per-note document: it starts as the coordinator's prediction and every hop
 * enriches it. One note is worked on by one thread at a time, so it is plain mutable state,
 * always written to disk whole and atomically.
 */
@JsonPropertyOrder({"universal_id", "universal_id_short", "sequence", "score_name", "part_id", "instrument"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public class NoteManifest {
    @JsonProperty("universal_id") public String universalId;
    @JsonProperty("universal_id_short") public String universalIdShort;
    @JsonProperty("sequence") public int sequence;
    @JsonProperty("score_name") public String scoreName;
    @JsonProperty("part_id") public String partId;
    @JsonProperty("instrument") public String instrument;
    @JsonProperty("staff") public int staff;
    @JsonProperty("voice") public String voice;
    @JsonProperty("measure") public String measure;
    @JsonProperty("measure_index") public int measureIndex;
    @JsonProperty("chord_index") public int chordIndex;
    @JsonProperty("pitch") public String pitch;
    @JsonProperty("midi_pitch") public int midiPitch;
    @JsonProperty("velocity") public int velocity;
    @JsonProperty("onset_quarters") public double onsetQuarters;
    @JsonProperty("onset_in_measure_quarters") public double onsetInMeasureQuarters;
    @JsonProperty("duration_quarters") public double durationQuarters;
    @JsonProperty("calculated_start_time") public double calculatedStartTime;
    @JsonProperty("duration_seconds") public double durationSeconds;
    @JsonProperty("performances") public List<Performance> performances;
    @JsonProperty("timing_source") public String timingSource;
    @JsonProperty("timing_confidence") public double timingConfidence;
    @JsonProperty("match_method") public String matchMethod;
    @JsonProperty("is_primary") public boolean isPrimary;
    @JsonProperty("tied_group_id") public String tiedGroupId;
    @JsonProperty("position_in_group") public int positionInGroup;
    @JsonProperty("primary_universal_id") public String primaryUniversalId;
    @JsonProperty("is_grace") public boolean isGrace;
    @JsonProperty("midi_channel") public int midiChannel;
    @JsonProperty("midi_program") public int midiProgram;
    @JsonProperty("tempo_bpm") public double tempoBpm;
    @JsonProperty("default_x") public Double defaultX;
    /** For a grace note, or a principal a grace note delays: the rule that timed it, or "midi" when the MIDI's time stood. */
    @JsonProperty("grace_timing") public String graceTiming;
    /** Its place in a rolled chord, or null. */
    @JsonProperty("arpeggio") public Arpeggio arpeggio;
    /** For a note of a percussion part: the General MIDI drum key, its name and where the mapping came from. */
    @JsonProperty("drum_key") public Integer drumKey;
    @JsonProperty("drum_name") public String drumName;
    @JsonProperty("drum_mapping_source") public String drumMappingSource;
    /** A tremolo's strokes, as its own MIDI file and WAV play them; null for a note struck once. */
    @JsonProperty("tremolo") public Tremolo tremolo;
    /** The score's warnings about the bar this note stands in; always a list. */
    @JsonProperty("warnings") public List<String> warnings = List.of();
    /** The score version this universal ID first appeared in. */
    @JsonProperty("added_in_version") public int addedInVersion = 1;
    /** The latest version that added or changed this note (its sound, its notation or its time). */
    @JsonProperty("changed_in_version") public int changedInVersion = 1;
    /** What changed in {@link #changedInVersion}, e.g. ["pitch"], ["timing"]; ["added"] for a new note. */
    @JsonProperty("changes") public List<String> changes = List.of("added");
    /**
     * Per hop, a fingerprint of what the hop's output is made from (see {@link HopInputs}): the hop
     * skips its work when the fingerprint is unchanged and its file verifies.
     */
    @JsonProperty("hop_inputs") public java.util.Map<String, String> hopInputs = new java.util.TreeMap<>();
    @JsonProperty("files") public Files files = new Files();
    @JsonProperty("stages") public Stages stages = new Stages();
    @JsonProperty("svg") public SvgPlacement svg;
    @JsonProperty("audio") public AudioFacts audio;

    /** How a rolled chord's note is struck: later than the chord by its delay. */
    public record Arpeggio(@JsonProperty("delay_seconds") double delaySeconds,
                           @JsonProperty("spread_seconds") double spreadSeconds,
                           @JsonProperty("order") String order) {
    }

    /** The strokes a tremolo plays, each from the note's start. */
    public record Tremolo(@JsonProperty("strokes") int strokes,
                          @JsonProperty("stroke_offsets_seconds") List<Double> strokeOffsetsSeconds,
                          @JsonProperty("stroke_seconds") List<Double> strokeSeconds) {
    }

    /** The assets of the note, one entry per hop that makes a file. */
    public static class Files {
        @JsonProperty("midi") public FileEntry midi;
        @JsonProperty("audio") public FileEntry audio;
        @JsonProperty("keyframes") public FileEntry keyframes;
        @JsonProperty("keyframes_ae") public FileEntry keyframesAe;
        @JsonProperty("notehead_svg") public FileEntry noteheadSvg;
    }

    /** Per hop, where the note stands. */
    public static class Stages {
        @JsonProperty("coordination") public StageStatus coordination = StageStatus.pending();
        @JsonProperty("midi") public StageStatus midi = StageStatus.pending();
        @JsonProperty("audio") public StageStatus audio = StageStatus.pending();
        @JsonProperty("keyframes") public StageStatus keyframes = StageStatus.pending();
        @JsonProperty("svg") public StageStatus svg = StageStatus.pending();
    }

    /** Where the note's notehead stands on the page, and how far that is from the prediction. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SvgPlacement {
        @JsonProperty("x") public double x;
        @JsonProperty("y") public double y;
        @JsonProperty("page") public int page;
        @JsonProperty("system") public int system;
        @JsonProperty("staff") public int staff;
        @JsonProperty("glyph") public String glyph;
        @JsonProperty("font") public String font;
        @JsonProperty("font_size") public Double fontSize;
        @JsonProperty("predicted_x") public Double predictedX;
        @JsonProperty("predicted_y") public Double predictedY;
        @JsonProperty("prediction_distance") public Double predictionDistance;
    }

    /** How the note's audio was made. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class AudioFacts {
        @JsonProperty("soundfont") public String soundfont;
        @JsonProperty("sample_rate") public Integer sampleRate;
        @JsonProperty("channels") public Integer channels;
        @JsonProperty("bits") public Integer bits;
        @JsonProperty("sounding_seconds") public Double soundingSeconds;
        @JsonProperty("length_seconds") public Double lengthSeconds;
        @JsonProperty("peak_dbfs") public Double peakDbfs;
    }
}
