package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.intake.ScoreInputReader;
import io.sib2ae.orchestrator.intake.ScoreSet;
import io.sib2ae.orchestrator.intake.WorkArea;
import io.sib2ae.orchestrator.manifest.FileEntry;
import io.sib2ae.orchestrator.manifest.FileNames;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import io.sib2ae.orchestrator.manifest.StageStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opens and closes a score: loads its inputs, coordinates its notes, writes the predicted
 * manifests, and at the end decides the score's status, writes the final index and archives
 * the inputs. The per-note hops run in between, driven by the routes.
 */
public final class ScoreProcessor {

    private final ScoreInputReader inputReader;
    private final NoteCoordinator coordinator;
    private final ManifestStore manifests;
    private final WorkArea workArea;
    private final Path outputRoot;

    public ScoreProcessor(ScoreInputReader inputReader, NoteCoordinator coordinator, ManifestStore manifests,
                          WorkArea workArea, Path outputRoot) {
        this.inputReader = inputReader;
        this.coordinator = coordinator;
        this.manifests = manifests;
        this.workArea = workArea;
        this.outputRoot = outputRoot;
    }

    /** Coordinates a complete score set and writes every note's predicted manifest. */
    public ScoreRun open(ScoreSet set) {
        Instant started = Instant.now();
        if (set.musicXml() == null) {
            Path any = set.allFiles().isEmpty() ? null : set.allFiles().get(0);
            throw new ScoreInputException("No MusicXML (.musicxml, .xml or .mxl) arrived for this score within the quiet period",
                    any == null ? set.scoreName() : any.getFileName().toString());
        }
        if (!set.unsupported().isEmpty()) {
            throw new ScoreInputException("Unsupported or duplicate input file for score '" + set.scoreName()
                    + "'; expected one MusicXML, at most one MIDI and SVG pages", set.unsupported().get(0).getFileName().toString());
        }
        byte[] musicXml = inputReader.musicXml(set.musicXml());
        byte[] midi = set.midi() == null ? null : inputReader.read(set.midi());
        CoordinatedScore coordinated = coordinator.coordinate(musicXml, set.musicXml().getFileName().toString(), midi,
                set.midi() == null ? null : set.midi().getFileName().toString());

        Path folder = outputRoot.resolve(FileNames.sanitize(set.scoreName()));
        ScoreManifest index = indexFor(set, coordinated, started);
        List<NoteManifest> predicted = predictManifests(set.scoreName(), coordinated.notes(), folder, set.svgPages().isEmpty());
        ScoreRun run = new ScoreRun(set, folder, coordinated, index, new ArrayList<>(predicted.size()), started);
        run.share(io.sib2ae.orchestrator.notehead.NoteheadHop.SourceXml.class,
                new io.sib2ae.orchestrator.notehead.NoteheadHop.SourceXml(musicXml));
        for (int i = 0; i < predicted.size(); i++) {
            run.notes().add(new NoteWork(run, coordinated.notes().get(i), predicted.get(i)));
        }
        // Thousands of small files: written in parallel, each still atomically.
        run.notes().parallelStream().forEach(note -> manifests.writeNote(folder, note.manifest()));
        index.notes = run.manifests();
        manifests.writeIndex(folder, index);
        return run;
    }

    /** The notes the splitter sends, one exchange each, through the per-note hops. */
    public List<NoteWork> notes(ScoreRun run) {
        return run.notes();
    }

    /** Decides the status from the notes' stages, writes the final index and archives the inputs. */
    public ScoreResult close(ScoreRun run) {
        ScoreManifest index = run.index();
        Map<String, Map<String, Integer>> stageCounts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int failedNotes = 0;
        int assetsMade = 0;
        for (NoteManifest note : run.manifests()) {
            boolean failed = false;
            for (Map.Entry<String, StageStatus> stage : stagesOf(note).entrySet()) {
                stageCounts.computeIfAbsent(stage.getKey(), k -> new TreeMap<>()).merge(stage.getValue().status, 1, Integer::sum);
                if (stage.getValue().is(StageStatus.FAILED)) {
                    failed = true;
                    failures.add(note.universalId + " " + stage.getKey() + ": " + stage.getValue().error);
                } else if (!stage.getKey().equals("coordination") && (stage.getValue().is(StageStatus.COMPLETED)
                        || stage.getValue().is(StageStatus.SKIPPED) && stage.getValue().reason != null
                        && stage.getValue().reason.startsWith("already"))) {
                    assetsMade++;
                }
            }
            failedNotes += failed ? 1 : 0;
        }
        int total = run.notes().size();
        // Failed means nothing usable came out; a broken SVG beside good audio is a partial success.
        index.status = failedNotes == 0 ? ScoreManifest.COMPLETED
                : assetsMade == 0 ? ScoreManifest.FAILED : ScoreManifest.COMPLETED_WITH_FAILURES;
        index.counts.stages = stageCounts;
        // Always a list, empty when nothing failed, so a studio script can loop over it as it is;
        // the first 200 are listed, and the counts per hop give every one.
        index.failures = List.copyOf(failures.subList(0, Math.min(200, failures.size())));
        index.completedAt = Instant.now().toString();
        index.notes = run.manifests();
        manifests.writeIndex(run.folder(), index);
        long elapsed = Duration.between(run.startedAt(), Instant.now()).toMillis();
        return new ScoreResult(run.scoreName(), index.status, run.folder().resolve(ManifestStore.INDEX).toString(), total,
                failedNotes, failedNotes == 0 ? null : failedNotes + " of " + total + " notes failed a hop", elapsed,
                run.countsSnapshot(), run.startedAt().toString(), index.completedAt);
    }

    /**
     * Moves the inputs to the archive, last of all: a crash before this point leaves them in
     * {@code work/}, and the restart runs the score again (every hop skipped) and announces it again.
     */
    public ScoreResult archive(ScoreRun run, ScoreResult result) {
        workArea.archive(run.scoreSet());
        return result;
    }

    /** Quarantines a score that could not be processed and reports it as failed. */
    public ScoreResult fail(ScoreSet set, Throwable failure) {
        Path where = workArea.quarantine(set, failure);
        String reason = failure instanceof ScoreInputException input ? input.describe() : String.valueOf(failure.getMessage());
        String now = Instant.now().toString();
        // Only inbox files move; handed-in files (the one-shot command's) stay where they are.
        String report = set.archiveOnClose() ? " (moved to " + where + ")" : " (report in " + where + ")";
        return new ScoreResult(set.scoreName(), ScoreManifest.FAILED, null, 0, 0, reason + report, 0, Map.of(), now, now);
    }

    public static Map<String, StageStatus> stagesOf(NoteManifest note) {
        Map<String, StageStatus> stages = new LinkedHashMap<>();
        stages.put("coordination", note.stages.coordination);
        stages.put("midi", note.stages.midi);
        stages.put("audio", note.stages.audio);
        stages.put("keyframes", note.stages.keyframes);
        stages.put("svg", note.stages.svg);
        return stages;
    }

    private ScoreManifest indexFor(ScoreSet set, CoordinatedScore coordinated, Instant started) {
        ScoreManifest index = new ScoreManifest();
        index.scoreName = set.scoreName();
        index.title = coordinated.score().title();
        index.contentHash = coordinated.contentHash();
        index.createdAt = started.toString();
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
    private List<NoteManifest> predictManifests(String scoreName, List<CoordinatedNote> notes, Path folder, boolean noSvg) {
        Map<String, String> audioSuffix = uniquePrefixes(notes.stream().filter(CoordinatedNote::primary).map(CoordinatedNote::universalId).toList(), 4);
        Map<String, String> noteheadSuffix = uniquePrefixes(notes.stream().map(CoordinatedNote::universalId).toList(), 8);
        Map<String, CoordinatedNote> byId = new HashMap<>();
        notes.forEach(n -> byId.put(n.universalId(), n));
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

            CoordinatedNote sounding = note.primary() ? note : byId.get(note.primaryUniversalId());
            String stem = FileNames.audioStem(note.instrument(), sounding.notated().pitchName(), sounding.velocity(),
                    audioSuffix.get(sounding.universalId()));
            m.files.midi = new FileEntry(FileNames.midi(sounding.sequence(), note.instrument(), sounding.notated().pitchName(), sounding.velocity()));
            m.files.audio = new FileEntry(stem + ".wav");
            m.files.keyframes = new FileEntry(stem + "_keyframes.json");
            m.files.keyframesAe = new FileEntry(stem + "_keyframes_ae.txt");
            m.files.noteheadSvg = new FileEntry(FileNames.notehead(noteheadSuffix.get(note.universalId()),
                    notated.partId(), notated.pitchName(), notated.measureNumber()));
            m.stages.coordination.mark(StageStatus.COMPLETED, null);
            if (!note.primary()) {
                String why = "tied secondary: sounds in primary " + note.primaryUniversalId();
                m.stages.midi.mark(StageStatus.SKIPPED, why);
                m.stages.audio.mark(StageStatus.SKIPPED, why);
                m.stages.keyframes.mark(StageStatus.SKIPPED, why);
            }
            if (noSvg) {
                m.stages.svg.mark(StageStatus.SKIPPED, "the score came without an SVG export");
            }
            carryOver(manifests.readNote(folder, m.universalId), m);
            result.add(m);
        }
        return result;
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
