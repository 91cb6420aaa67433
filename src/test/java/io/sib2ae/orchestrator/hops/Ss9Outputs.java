package io.sib2ae.orchestrator.hops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sib2ae.orchestrator.rendering.WavFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.assertj.core.api.SoftAssertions;

/** What a completed run of SS 9 must leave in its output folder, checked file by file. */
final class Ss9Outputs {

    static final String SCORE = "SS 9";
    static final int NOTES = 9;
    static final int PRIMARIES = 6;
    static final int SAMPLE_RATE = 44_100;
    static final double FPS = 30;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Ss9Outputs() {
    }

    static JsonNode read(Path json) {
        try {
            return JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The score index's status, or "" while there is none. */
    static String status(Path scoreFolder) {
        Path index = scoreFolder.resolve("manifest.json");
        return Files.exists(index) ? read(index).path("status").asText() : "";
    }

    /** Every per-note manifest of the score folder. */
    static List<JsonNode> noteManifests(Path scoreFolder) {
        try (Stream<Path> files = Files.list(scoreFolder.resolve("manifests"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().map(Ss9Outputs::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> primaries(Path scoreFolder) {
        return noteManifests(scoreFolder).stream().filter(n -> n.get("is_primary").asBoolean()).toList();
    }

    static List<String> fileNames(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * All of SS 9 was rendered: one correctly named, valid, in-tune WAV and one keyframes file per
     * primary note, per-note MIDI that plays the note, and manifests that record all of it.
     */
    static void assertCompletelyRendered(Path scoreFolder) throws Exception {
        assertCompletelyRendered(scoreFolder, Set.of());
    }

    /** As above, where the stages named in {@code reused} may instead have kept a verified earlier file. */
    static void assertCompletelyRendered(Path scoreFolder, Set<String> reused) throws Exception {
        assertThat(status(scoreFolder)).isEqualTo("completed");
        JsonNode failures = read(scoreFolder.resolve("manifest.json")).get("failures");
        assertThat(failures.isArray()).as("failures is a list even when empty").isTrue();
        assertThat(failures).isEmpty();
        JsonNode unmapped = read(scoreFolder.resolve("manifest.json")).get("unmapped_music_glyphs");
        assertThat(unmapped.isArray()).as("unmapped_music_glyphs is a list even when empty").isTrue();
        assertThat(unmapped).as("every music symbol of SS 9 has a SMuFL glyph").isEmpty();
        List<JsonNode> notes = noteManifests(scoreFolder);
        assertThat(notes).hasSize(NOTES);
        assertMusicDrawnAsOutlines(scoreFolder, notes);
        List<JsonNode> primaries = primaries(scoreFolder);
        assertThat(primaries).hasSize(PRIMARIES);

        List<String> expectedWavs = new ArrayList<>();
        List<String> expectedKeyframes = new ArrayList<>();
        for (JsonNode note : primaries) {
            String stem = note.get("instrument").asText() + "_" + note.get("pitch").asText() + "_vel"
                    + note.get("velocity").asInt() + "_" + note.get("universal_id").asText().substring(0, 4);
            expectedWavs.add(stem + ".wav");
            expectedKeyframes.add(stem + "_keyframes.json");
        }
        assertThat(new HashSet<>(expectedWavs)).as("no two primaries share a file name").hasSize(PRIMARIES);
        assertThat(fileNames(scoreFolder.resolve("audio"), ".wav")).containsExactlyInAnyOrderElementsOf(expectedWavs);
        assertThat(fileNames(scoreFolder.resolve("keyframes"), "_keyframes.json"))
                .containsExactlyInAnyOrderElementsOf(expectedKeyframes);

        SoftAssertions softly = new SoftAssertions();
        for (JsonNode note : primaries) {
            assertPrimaryRendered(scoreFolder, note, reused, softly);
        }
        Set<String> primaryIds = new HashSet<>();
        primaries.forEach(p -> primaryIds.add(p.get("universal_id").asText()));
        for (JsonNode note : notes) {
            if (!note.get("is_primary").asBoolean()) {
                String primary = note.get("primary_universal_id").asText();
                softly.assertThat(primaryIds).contains(primary);
                for (String stage : List.of("audio", "keyframes")) {
                    JsonNode status = note.get("stages").get(stage);
                    softly.assertThat(status.get("status").asText()).as(stage + " of a tied secondary").isEqualTo("skipped");
                    softly.assertThat(status.get("reason").asText()).as(stage + " reason").contains(primary);
                }
            }
        }
        softly.assertAll();
    }

    /**
     * The SVG layers draw music as outlines, the notehead paths carry their notes' ids, and the
     * page without noteheads is there as a 3840-pixel-wide PNG too.
     */
    private static void assertMusicDrawnAsOutlines(Path scoreFolder, List<JsonNode> notes) throws IOException {
        Path svg = scoreFolder.resolve("svg");
        String all = Files.readString(svg.resolve("noteheads_all.svg"));
        String page = Files.readString(svg.resolve("score_without_noteheads.svg"));
        assertThat(all).doesNotContain("<text");
        // Sibelius' music characters sit at U+F000 to U+F0FF; no written layer holds one any more.
        assertThat(all).doesNotContainPattern("[\\uF000-\\uF0FF]");
        assertThat(page).doesNotContainPattern("[\\uF000-\\uF0FF]").contains("data-smufl=\"gClef\"");
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<path class=\"sib2ae-notehead\" data-universal-id=\"([^\"]+)\"").matcher(all);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(notes.stream().map(n -> n.get("universal_id").asText()).toList());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(svg.resolve("score_without_noteheads.png").toFile());
        assertThat(png).as("svg/score_without_noteheads.png").isNotNull();
        assertThat(png.getWidth()).isEqualTo(3840);
    }

    private static void assertPrimaryRendered(Path scoreFolder, JsonNode note, Set<String> reused, SoftAssertions softly)
            throws Exception {
        String id = note.get("universal_id").asText();
        for (String stage : List.of("coordination", "midi", "audio", "keyframes", "svg")) {
            JsonNode status = note.get("stages").get(stage);
            if (reused.contains(stage) && status.get("status").asText().equals("skipped")) {
                softly.assertThat(status.get("reason").asText()).as(id + " " + stage).contains("verified");
            } else {
                softly.assertThat(status.get("status").asText()).as(id + " " + stage).isEqualTo("completed");
            }
        }
        for (String kind : List.of("midi", "audio", "keyframes")) {
            JsonNode entry = note.get("files").get(kind);
            Path file = scoreFolder.resolve(entry.get("path").asText());
            softly.assertThat(entry.get("actual_filename").asText()).as(id + " " + kind)
                    .isEqualTo(entry.get("predicted_filename").asText()).isEqualTo(file.getFileName().toString());
            softly.assertThat(entry.get("file_exists").asBoolean()).as(id + " " + kind + " file_exists").isTrue();
            softly.assertThat(Files.isRegularFile(file)).as(file + " exists").isTrue();
            softly.assertThat(entry.get("file_size").asLong()).as(id + " " + kind + " size").isEqualTo(Files.size(file));
            softly.assertThat(Instant.parse(entry.get("created_at").asText())).as(id + " " + kind + " created_at")
                    .isBefore(Instant.now().plusSeconds(1));
        }

        // The WAV: a valid RIFF file at the configured rate, at least as long as the note, audible, in tune.
        double duration = note.get("duration_seconds").asDouble();
        Path wav = scoreFolder.resolve(note.get("files").get("audio").get("path").asText());
        WavFile.Header header = WavFile.validate(wav);
        softly.assertThat(header.sampleRate()).as(wav + " rate").isEqualTo(SAMPLE_RATE);
        softly.assertThat(header.bitsPerSample()).as(wav + " bits").isEqualTo(16);
        softly.assertThat(header.durationSeconds()).as(wav + " length").isGreaterThanOrEqualTo(duration);
        byte[] pcm = WavFile.readPcm(wav);
        softly.assertThat(peak(pcm)).as(wav + " peak sample").isGreaterThan(1000);
        double expected = Spectrum.expectedHz(note.get("midi_pitch").asInt());
        double measured = Spectrum.fundamentalHz(pcm, header.channels(), header.sampleRate(), 0.05,
                Math.min(duration, header.durationSeconds()));
        softly.assertThat(measured).as(wav + " fundamental (Hz)").isCloseTo(expected, within(expected * 0.03));

        // The keyframes: one per video frame of the WAV as it is on disk.
        JsonNode keyframes = read(scoreFolder.resolve(note.get("files").get("keyframes").get("path").asText()));
        int frames = (int) Math.ceil(header.frames() * FPS / header.sampleRate() - 1e-9);
        softly.assertThat(keyframes.get("duration_seconds").asDouble()).as(id + " keyframes duration")
                .isCloseTo(header.durationSeconds(), within(1e-6));
        softly.assertThat(keyframes.get("duration_frames").asInt()).as(id + " frame count").isEqualTo(frames);
        softly.assertThat((int) Math.ceil(keyframes.get("duration_seconds").asDouble() * FPS - 1e-6))
                .as(id + " ceil(duration x fps)").isEqualTo(frames);
        softly.assertThat(keyframes.get("keyframes").get("amplitude")).as(id + " amplitude curve").hasSize(frames);
        softly.assertThat(keyframes.get("keyframes").get("opacity")).as(id + " opacity curve").hasSize(frames);
        softly.assertThat(keyframes.get("audio_file").asText()).isEqualTo(wav.getFileName().toString());
        softly.assertThat(keyframes.get("metadata").get("universal_id").asText()).isEqualTo(id);

        // The per-note MIDI plays this note with its velocity on its program and channel.
        Path midi = scoreFolder.resolve(note.get("files").get("midi").get("path").asText());
        Sequence sequence = MidiSystem.getSequence(midi.toFile());
        List<ShortMessage> noteOns = new ArrayList<>();
        List<ShortMessage> programs = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof ShortMessage sm) {
                    if (sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0) {
                        noteOns.add(sm);
                    } else if (sm.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                        programs.add(sm);
                    }
                }
            }
        }
        softly.assertThat(noteOns).as(midi + " note-ons").hasSize(1);
        softly.assertThat(programs).as(midi + " program changes").isNotEmpty();
        if (noteOns.size() == 1 && !programs.isEmpty()) {
            softly.assertThat(noteOns.get(0).getData1()).as(midi + " pitch").isEqualTo(note.get("midi_pitch").asInt());
            softly.assertThat(noteOns.get(0).getData2()).as(midi + " velocity").isEqualTo(note.get("velocity").asInt());
            softly.assertThat(noteOns.get(0).getChannel()).as(midi + " channel").isEqualTo(note.get("midi_channel").asInt());
            softly.assertThat(programs.get(0).getData1()).as(midi + " program").isEqualTo(note.get("midi_program").asInt());
        }
    }

    static int peak(byte[] pcm16) {
        int peak = 0;
        for (int i = 0; i + 1 < pcm16.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm16[i] & 0xFF) | (pcm16[i + 1] << 8))));
        }
        return peak;
    }
}
