package io.sib2ae.orchestrator.run;

import io.sib2ae.orchestrator.score.ScoreWarning;
import io.sib2ae.orchestrator.coordination.PlayingFacts;
import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.coordination.CoordinatedScore;
import io.sib2ae.orchestrator.manifest.FileEntry;
import io.sib2ae.orchestrator.manifest.FileNames;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a coordinated score's outputs: names every note's files, writes every note's predicted
 * manifest and the score index, and keeps what an earlier run of the same score verified. The
 * result is the score in work, whose notes the per-note hops then enrich.
 */
public final class ManifestPlanner {

    private final ManifestStore manifests;
    private final Path outputRoot;

    public ManifestPlanner(ManifestStore manifests, Path outputRoot) {
        this.manifests = manifests;
        this.outputRoot = outputRoot;
    }

    public ScoreRun plan(CoordinatedScore coordinated) {
        ScoreSet set = coordinated.source().files();
        Path folder = outputRoot.resolve(FileNames.sanitize(set.scoreName()));
        ScoreManifest index = indexFor(set, coordinated);
        List<NoteManifest> predicted = predictManifests(set.scoreName(), coordinated.notes(), coordinated.score().warnings(),
                folder, set.svgPages().isEmpty());
        ScoreRun run = new ScoreRun(folder, coordinated, index, new ArrayList<>(predicted.size()));
        for (int i = 0; i < predicted.size(); i++) {
            run.notes().add(new NoteWork(run, coordinated.notes().get(i), predicted.get(i)));
        }
        // Thousands of small files: written in parallel, each still atomically.
        run.notes().parallelStream().forEach(note -> manifests.writeNote(folder, note.manifest()));
        index.notes = run.manifests();
        manifests.writeIndex(folder, index);
        return run;
    }

    private static ScoreManifest indexFor(ScoreSet set, CoordinatedScore coordinated) {
        ScoreManifest index = new ScoreManifest();
        index.scoreName = set.scoreName();
        index.title = coordinated.score().title();
        index.contentHash = coordinated.contentHash();
        index.createdAt = coordinated.source().readAt().toString();
        index.inputs.musicxml = set.musicXml().getFileName().toString();
        index.inputs.midi = set.midi() == null ? null : set.midi().getFileName().toString();
        index.inputs.svg = set.svgPages().stream().map(p -> p.getFileName().toString()).toList();
        index.timingSource = coordinated.timingSource();
        CoordinatedScore.MatchSummary summary = coordinated.matchSummary();
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("expected_soundings", summary.expectedSoundings());
        match.put("matched_exactly", summary.matchedExactly());
        match.put("matched_loosely", summary.matchedLoosely());
        match.put("unmatched", summary.unmatched());
        match.put("exact_ratio", Math.round(summary.exactRatio() * 1e6) / 1e6);
        match.put("midi_quarter_offset", summary.quarterOffset());
        match.put("repeats_expanded", summary.repeatsExpanded());
        index.match = match;
        Map<Integer, int[]> sound = new HashMap<>();
        for (CoordinatedNote note : coordinated.notes()) {
            sound.putIfAbsent(note.notated().partIndex(), new int[] {note.midiProgram(), note.midiChannel()});
        }
        index.parts = coordinated.score().parts().stream().map(p -> {
            int[] s = sound.getOrDefault(p.partIndex(), new int[] {Math.max(0, p.midiProgram()), Math.max(0, p.midiChannel())});
            return new ScoreManifest.Part(p.partId(), p.name(), p.instrumentName(), s[0], s[1], p.staves());
        }).toList();
        index.warnings = coordinated.score().warnings().stream()
                .map(w -> new ScoreManifest.Warning(w.kind().name().toLowerCase(java.util.Locale.ROOT), w.partId(), w.measure(), w.message()))
                .toList();
        index.jumpsFromWords = coordinated.score().jumpsFromWords().stream()
                .map(j -> new ScoreManifest.JumpFromWords(j.measure(), j.words(), j.jump().label())).toList();
        index.tempoMap = coordinated.tempoMap().changes().stream()
                .map(c -> new ScoreManifest.Tempo(c.quarter(), Math.round(coordinated.tempoMap().secondsAt(c.quarter()) * 1e6) / 1e6,
                        c.quartersPerMinute()))
                .toList();
        ScoreManifest.Counts counts = index.counts;
        counts.notes = coordinated.notes().size();
        counts.primaryNotes = (int) coordinated.notes().stream().filter(CoordinatedNote::primary).count();
        counts.tiedGroups = (int) coordinated.notes().stream().map(CoordinatedNote::tiedGroupId).filter(g -> g != null).distinct().count();
        counts.graceNotes = (int) coordinated.notes().stream().filter(n -> n.notated().grace()).count();
        counts.matchedExactly = summary.matchedExactly();
        counts.unmatched = summary.unmatched();
        return index;
    }

    /**
     * The prediction for every note. Where a previous run of the same score left a manifest
     * with the same predictions, its file records and stages are kept, so the hops can verify
     * the files against them and skip work that is already done.
     */
    private List<NoteManifest> predictManifests(String scoreName, List<CoordinatedNote> notes, List<ScoreWarning> warnings,
                                                Path folder, boolean noSvg) {
        Map<String, String> audioSuffix = uniquePrefixes(notes.stream().filter(CoordinatedNote::primary).map(CoordinatedNote::universalId).toList(), 4);
        Map<String, String> noteheadSuffix = uniquePrefixes(notes.stream().map(CoordinatedNote::universalId).toList(), 8);
        Map<String, CoordinatedNote> byId = new HashMap<>();
        notes.forEach(n -> byId.put(n.universalId(), n));
        Map<String, List<String>> warningsByBar = new HashMap<>();
        for (ScoreWarning w : warnings) {
            warningsByBar.computeIfAbsent(w.partId() + "\u0000" + w.measureIndex(), k -> new ArrayList<>()).add(w.message());
        }
        List<NoteManifest> result = new ArrayList<>(notes.size());
        for (CoordinatedNote note : notes) {
            NotatedNote notated = note.notated();
            NoteManifest m = new NoteManifest();
            m.universalId = note.universalId();
            m.universalIdShort = note.universalId().substring(0, 4);
            m.sequence = note.sequence();
            m.scoreName = scoreName;
            m.partId = notated.partId();
            m.instrument = note.instrument();
            m.staff = notated.staff();
            m.voice = notated.voice();
            m.measure = notated.measureNumber();
            m.measureIndex = notated.measureIndex();
            m.chordIndex = notated.chordIndex();
            m.pitch = notated.pitchName();
            m.midiPitch = notated.soundingPitch();
            m.velocity = note.velocity();
            m.onsetQuarters = notated.notatedOnset();
            m.onsetInMeasureQuarters = notated.onsetInMeasure();
            m.durationQuarters = notated.durationQuarters();
            m.calculatedStartTime = note.calculatedStartTime();
            m.durationSeconds = note.durationSeconds();
            m.performances = note.performances();
            m.timingSource = note.timingSource();
            m.timingConfidence = note.timingConfidence();
            m.matchMethod = note.matchMethod();
            m.isPrimary = note.primary();
            m.tiedGroupId = note.tiedGroupId();
            m.positionInGroup = note.positionInGroup();
            m.primaryUniversalId = note.primaryUniversalId();
            m.isGrace = notated.grace();
            m.midiChannel = note.midiChannel();
            m.midiProgram = note.midiProgram();
            m.tempoBpm = note.tempoAtOnset();
            m.defaultX = notated.defaultX();
            PlayingFacts playing = note.playing();
            m.graceTiming = playing.graceTiming();
            m.arpeggio = playing.arpeggio() == null ? null : new NoteManifest.Arpeggio(playing.arpeggio().delaySeconds(),
                    playing.arpeggio().spreadSeconds(), playing.arpeggio().order());
            if (playing.drum() != null) {
                m.drumKey = playing.drum().key();
                m.drumName = playing.drum().name();
                m.drumMappingSource = playing.drum().source();
            }
            m.tremolo = playing.strokes().isEmpty() ? null : new NoteManifest.Tremolo(playing.strokes().size(),
                    playing.strokes().stream().map(PlayingFacts.Stroke::offsetSeconds).toList(),
                    playing.strokes().stream().map(PlayingFacts.Stroke::durationSeconds).toList());
            m.warnings = List.copyOf(warningsByBar.getOrDefault(notated.partId() + "\u0000" + notated.measureIndex(), List.of()));

            if (playing.drum() != null) {
                // A drum sounds its drum key on the percussion channel, whatever line it is drawn on.
                m.midiPitch = playing.drum().key();
            }
            CoordinatedNote sounding = note.primary() ? note : byId.get(note.primaryUniversalId());
            String stem = FileNames.audioStem(note.instrument(), soundName(sounding), sounding.velocity(),
                    audioSuffix.get(sounding.universalId()));
            m.files.midi = new FileEntry(FileNames.midi(sounding.sequence(), note.instrument(), soundName(sounding), sounding.velocity()));
            m.files.audio = new FileEntry(stem + ".wav");
            m.files.keyframes = new FileEntry(stem + "_keyframes.json");
            m.files.keyframesAe = new FileEntry(stem + "_keyframes_ae.txt");
            m.files.noteheadSvg = new FileEntry(FileNames.notehead(noteheadSuffix.get(note.universalId()),
                    notated.partId(), soundName(note), notated.measureNumber()));
            m.stages.coordination.mark(StageState.COMPLETED, null);
            if (!note.primary()) {
                String why = "tied secondary: sounds in primary " + note.primaryUniversalId();
                m.stages.midi.mark(StageState.SKIPPED, why);
                m.stages.audio.mark(StageState.SKIPPED, why);
                m.stages.keyframes.mark(StageState.SKIPPED, why);
            }
            if (noSvg) {
                m.stages.svg.mark(StageState.SKIPPED, "the score came without an SVG export");
            }
            carryOver(manifests.readNote(folder, m.universalId), m);
            result.add(m);
        }
        return result;
    }

    /** What a note's file names call its sound: the drum's name for a drum, else the written pitch. */
    private static String soundName(CoordinatedNote note) {
        return note.playing().drum() != null ? note.playing().drum().name() : note.notated().pitchName();
    }

    /** Keeps what a previous run recorded about files that are still predicted the same. */
    private static void carryOver(NoteManifest previous, NoteManifest current) {
        if (previous == null) {
            return;
        }
        current.files.midi = sameFile(previous.files.midi, current.files.midi);
        current.files.audio = sameFile(previous.files.audio, current.files.audio);
        current.files.keyframes = sameFile(previous.files.keyframes, current.files.keyframes);
        current.files.keyframesAe = sameFile(previous.files.keyframesAe, current.files.keyframesAe);
        current.files.noteheadSvg = sameFile(previous.files.noteheadSvg, current.files.noteheadSvg);
        current.audio = previous.audio;
        current.svg = previous.svg;
    }

    private static FileEntry sameFile(FileEntry previous, FileEntry current) {
        return previous != null && current.predictedFilename.equals(previous.predictedFilename) ? previous : current;
    }

    /**
     * The shortest hex prefix, at least {@code minimum} long, that tells each ID apart from the
     * others: IDs whose short prefixes collide get longer ones, so no two files share a name.
     */
    static Map<String, String> uniquePrefixes(List<String> ids, int minimum) {
        Map<String, String> result = new HashMap<>();
        Map<String, List<String>> byPrefix = new HashMap<>();
        ids.forEach(id -> byPrefix.computeIfAbsent(hex(id).substring(0, minimum), k -> new ArrayList<>()).add(id));
        byPrefix.forEach((prefix, group) -> {
            if (group.size() == 1) {
                result.put(group.get(0), prefix);
                return;
            }
            int length = minimum + 1;
            while (length < 32 && distinctPrefixes(group, length) < group.size()) {
                length++;
            }
            for (String id : group) {
                result.put(id, hex(id).substring(0, Math.min(32, length)));
            }
        });
        return result;
    }

    private static long distinctPrefixes(List<String> ids, int length) {
        return ids.stream().map(id -> hex(id).substring(0, length)).distinct().count();
    }

    private static String hex(String uuid) {
        return uuid.replace("-", "");
    }
}
