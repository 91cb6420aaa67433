package io.sib2ae.orchestrator.run;

import io.sib2ae.orchestrator.score.ScoreWarning;
import io.sib2ae.orchestrator.coordination.PlayingFacts;
import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.coordination.CoordinatedScore;
import io.sib2ae.orchestrator.manifest.AtomicFiles;
import io.sib2ae.orchestrator.manifest.FileEntry;
import io.sib2ae.orchestrator.manifest.FileRecords;
import io.sib2ae.orchestrator.manifest.HopInputs;
import io.sib2ae.orchestrator.manifest.VersionFolders;
import io.sib2ae.orchestrator.manifest.FileNames;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Plans a coordinated score's outputs: names every note's files, writes every note's predicted
 * manifest and the score index, and keeps what an earlier run of the same score verified. The
 * result is the score in work, whose notes the per-note hops then enrich.
 */
public final class ManifestPlanner {

    private final ManifestStore manifests;
    private final VersionFolders versions;

    /** Next versions are staged in {@code work/versions/} beside the output folder. */
    public ManifestPlanner(ManifestStore manifests, Path outputRoot) {
        this(manifests, new VersionFolders(outputRoot, outputRoot.toAbsolutePath().resolveSibling("work").resolve("versions")));
    }

    public ManifestPlanner(ManifestStore manifests, VersionFolders versions) {
        this.manifests = manifests;
        this.versions = versions;
    }

    /**
     * Plans the run. A score's identity is its name: when its folder already holds a version, the
     * new notes are aligned with that version's and every aligned note takes back its universal ID
     * and its files. Different inputs make the next version, built in a staging folder (kept files
     * linked into it) and committed at the close; the same inputs again are the current version,
     * worked on in place, where every hop finds its work done.
     */
    public ScoreRun plan(CoordinatedScore coordinated) {
        ScoreSet set = coordinated.source().files();
        String name = set.scoreName();
        versions.recover(name);
        Path live = versions.live(name);
        ScoreManifest previous = manifests.readPreviousIndex(live);
        String inputsHash = inputsHash(coordinated.contentHash(), set);
        List<CoordinatedNote> notes = coordinated.notes();
        Map<String, VersionAlignment.Partner> partners = Map.of();
        List<NoteManifest> removed = List.of();
        ScoreVersion version = ScoreVersion.first(notes.size());
        Path folder = live;
        if (previous != null && previous.notes != null) {
            VersionAlignment alignment = VersionAlignment.of(previous, notes);
            boolean same = inputsHash.equals(previous.inputsHash);
            folder = same ? live : versions.prepareStaging(name);
            int changed = (int) alignment.partners().values().stream().filter(VersionAlignment.Partner::soundChanged).count();
            version = new ScoreVersion(same ? previous.version : previous.version + 1, !same, same,
                    alignment.partners().size() - changed, changed, notes.size() - alignment.partners().size(),
                    alignment.removed().size());
            Renumbered renumbered = withPreviousIds(notes, alignment, previous.notes);
            notes = renumbered.notes();
            partners = renumbered.partners();
            removed = alignment.removed();
        }
        ScoreManifest index = indexFor(set, coordinated, notes);
        index.inputsHash = inputsHash;
        index.version = version.number();
        ScoreManifest.Version entry = new ScoreManifest.Version(version.number(), coordinated.source().readAt().toString(),
                inputsHash, coordinated.contentHash(), version.kept(), version.changed(), version.added(), version.removed());
        if (previous == null || previous.notes == null) {
            index.versions = List.of(entry);
        } else if (!version.staged()) {
            index.versions = previous.versions;
            index.pageLayers = previous.pageLayers;
            index.afterEffects = previous.afterEffects;
        } else {
            List<ScoreManifest.Version> all = new ArrayList<>(previous.versions);
            all.add(entry);
            index.versions = List.copyOf(all);
            index.pageLayers = keepPageLayers(previous.pageLayers, live, folder);
        }
        retire(removed, live, folder, previous == null ? 1 : previous.version);
        List<NoteManifest> predicted = predictManifests(set.scoreName(), notes, coordinated.score().warnings(),
                folder, live, set.svgPages().isEmpty(), version.number(), partners);
        ScoreRun run = new ScoreRun(folder, live, version, coordinated, index, new ArrayList<>(predicted.size()));
        for (int i = 0; i < predicted.size(); i++) {
            run.notes().add(new NoteWork(run, notes.get(i), predicted.get(i)));
        }
        // Thousands of small files: written in parallel, each still atomically.
        run.notes().parallelStream().forEach(note -> manifests.writeNote(run.folder(), note.manifest()));
        index.notes = run.manifests();
        manifests.writeIndex(folder, index);
        return run;
    }

    /**
     * SHA-256 over every input: what tells a new version from the current one dropped again.
     *
     * @param contentHash the MusicXML's, taken from the bytes that were read
     */
    private static String inputsHash(String contentHash, ScoreSet set) {
        List<Object> parts = new ArrayList<>();
        parts.add(contentHash);
        parts.add(set.midi() == null ? "no midi" : hashIfThere(set.midi()));
        set.svgPages().forEach(page -> parts.add(hashIfThere(page)));
        return HopInputs.fingerprint(parts.toArray());
    }

    /** A file's SHA-256; a score coordinated from memory (in tests) may name files that are not on disk. */
    private static String hashIfThere(Path file) {
        return Files.isRegularFile(file) ? FileRecords.sha256(file) : "absent " + file.getFileName();
    }

    /** The current notes with their IDs renumbered, and each note's previous record by its (kept) ID. */
    private record Renumbered(List<CoordinatedNote> notes, Map<String, VersionAlignment.Partner> partners) {
    }

    /**
     * Every aligned note takes back its previous universal ID, its tie primary's too, and its
     * tie chain's previous group ID; a chain no previous one continues gets a group number not used
     * before, so that no two chains share one. New notes keep the ID the coordinator gave them.
     */
    private static Renumbered withPreviousIds(List<CoordinatedNote> notes, VersionAlignment alignment,
                                              List<NoteManifest> previous) {
        Map<String, String> ids = new HashMap<>();
        Map<String, VersionAlignment.Partner> partners = new HashMap<>();
        alignment.partners().forEach((current, partner) -> {
            ids.put(current, partner.previous().universalId);
            partners.put(partner.previous().universalId, partner);
        });
        Map<String, String> groups = new HashMap<>();
        for (CoordinatedNote note : notes) {
            VersionAlignment.Partner partner = alignment.partners().get(note.universalId());
            if (note.tiedGroupId() != null && partner != null && partner.previous().tiedGroupId != null) {
                groups.putIfAbsent(note.tiedGroupId(), partner.previous().tiedGroupId);
            }
        }
        int next = 1 + Stream.concat(previous.stream().map(m -> m.tiedGroupId), groups.values().stream())
                .filter(g -> g != null && g.matches("tied_group_\\d+"))
                .mapToInt(g -> Integer.parseInt(g.substring("tied_group_".length()))).max().orElse(0);
        Set<String> taken = new HashSet<>(groups.values());
        List<CoordinatedNote> result = new ArrayList<>(notes.size());
        for (CoordinatedNote n : notes) {
            String group = n.tiedGroupId();
            if (group != null && !groups.containsKey(group)) {
                while (taken.contains("tied_group_" + next)) {
                    next++;
                }
                groups.put(group, "tied_group_" + next);
                taken.add("tied_group_" + next);
            }
            result.add(new CoordinatedNote(n.notated(), ids.getOrDefault(n.universalId(), n.universalId()), n.sequence(),
                    n.instrument(), n.velocity(), n.calculatedStartTime(), n.durationSeconds(), n.performances(),
                    n.timingSource(), n.timingConfidence(), n.matchMethod(), n.primary(),
                    group == null ? null : groups.get(group), n.positionInGroup(),
                    n.primaryUniversalId() == null ? null : ids.getOrDefault(n.primaryUniversalId(), n.primaryUniversalId()),
                    n.midiChannel(), n.midiProgram(), n.tempoAtOnset(), n.playing()));
        }
        return new Renumbered(List.copyOf(result), partners);
    }

    /** The previous version's page layers, linked into the staged version, so an unchanged page is not drawn again. */
    private static ScoreManifest.PageLayers keepPageLayers(ScoreManifest.PageLayers layers, Path live, Path folder) {
        if (layers == null) {
            return null;
        }
        for (String file : layers.files().keySet()) {
            Path source = live.resolve(file).normalize();
            if (source.startsWith(live) && Files.isRegularFile(source)) {
                VersionFolders.link(source, folder.resolve(file));
            }
        }
        return layers;
    }

    /**
     * The files and manifests of notes the new version no longer has go to
     * {@code retired/v<N>/} (N: the version they were last part of), at the same paths as before.
     * A staged version gets links (the current version stays whole until the commit); a version
     * worked on in place moves them.
     */
    private void retire(List<NoteManifest> removed, Path live, Path folder, int previousVersion) {
        Path retired = folder.resolve(VersionFolders.RETIRED).resolve("v" + previousVersion);
        boolean inPlace = folder.equals(live);
        for (NoteManifest note : removed) {
            for (FileEntry entry : entries(note.files)) {
                if (entry == null || entry.path == null) {
                    continue;
                }
                Path source = live.resolve(entry.path).normalize();
                if (!source.startsWith(live) || !Files.isRegularFile(source)) {
                    continue;
                }
                moveOrLink(source, retired.resolve(entry.path), inPlace);
            }
            Path manifest = manifests.notePath(live, note.universalId);
            if (inPlace && Files.isRegularFile(manifest)) {
                moveOrLink(manifest, manifests.notePath(retired, note.universalId), true);
            } else {
                manifests.writeNote(retired, note);
            }
        }
    }

    private static void moveOrLink(Path source, Path target, boolean move) {
        if (!move) {
            VersionFolders.link(source, target);
            return;
        }
        try {
            AtomicFiles.moveAtomically(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not retire " + source + ": " + e.getMessage(), e);
        }
    }

    private static List<FileEntry> entries(NoteManifest.Files files) {
        return Arrays.asList(files.midi, files.audio, files.keyframes, files.keyframesAe, files.noteheadSvg);
    }

    private static ScoreManifest indexFor(ScoreSet set, CoordinatedScore coordinated, List<CoordinatedNote> notes) {
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
        for (CoordinatedNote note : notes) {
            sound.putIfAbsent(note.notated().partIndex(), new int[] {note.midiProgram(), note.midiChannel()});
        }
        index.parts = coordinated.score().parts().stream().map(p -> {
            int[] s = sound.getOrDefault(p.partIndex(), new int[] {Math.max(0, p.midiProgram()), Math.max(0, p.midiChannel())});
            return new ScoreManifest.Part(p.partId(), p.name(), p.instrumentName(), s[0], s[1], p.staves());
        }).toList();
        index.warnings = coordinated.score().warnings().stream()
                .map(w -> new ScoreManifest.Warning(w.kind().name().toLowerCase(Locale.ROOT), w.partId(), w.measure(), w.message()))
                .toList();
        index.jumpsFromWords = coordinated.score().jumpsFromWords().stream()
                .map(j -> new ScoreManifest.JumpFromWords(j.measure(), j.words(), j.jump().label())).toList();
        index.tempoMap = coordinated.tempoMap().changes().stream()
                .map(c -> new ScoreManifest.Tempo(c.quarter(), Math.round(coordinated.tempoMap().secondsAt(c.quarter()) * 1e6) / 1e6,
                        c.quartersPerMinute()))
                .toList();
        ScoreManifest.Counts counts = index.counts;
        counts.notes = notes.size();
        counts.primaryNotes = (int) notes.stream().filter(CoordinatedNote::primary).count();
        counts.tiedGroups = (int) notes.stream().map(CoordinatedNote::tiedGroupId).filter(g -> g != null).distinct().count();
        counts.graceNotes = (int) notes.stream().filter(n -> n.notated().grace()).count();
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
                                                Path folder, Path live, boolean noSvg, int version,
                                                Map<String, VersionAlignment.Partner> partners) {
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
            VersionAlignment.Partner partner = partners.get(m.universalId);
            if (partner == null) {
                m.addedInVersion = version;
                m.changedInVersion = version;
                m.changes = List.of("added");
            } else {
                m.addedInVersion = partner.previous().addedInVersion;
                m.changedInVersion = partner.changes().isEmpty() ? partner.previous().changedInVersion : version;
                m.changes = partner.changes().isEmpty() ? partner.previous().changes
                        : partner.changes().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList();
            }
            if (folder.equals(live)) {
                // The same version again (or resumed): what this folder's manifest recorded last.
                carryOver(manifests.readNote(folder, m.universalId), m, folder, folder);
            } else if (partner != null) {
                carryOver(partner.previous(), m, live, folder);
            }
            result.add(m);
        }
        return result;
    }

    /** What a note's file names call its sound: the drum's name for a drum, else the written pitch. */
    private static String soundName(CoordinatedNote note) {
        return note.playing().drum() != null ? note.playing().drum().name() : note.notated().pitchName();
    }

    /**
     * Keeps what a previous run recorded about the note's files. In the same folder, a file still
     * predicted under the same name; from the previous version, every file still there as recorded,
     * linked into the new version under the name predicted now (names carry sequence numbers and
     * instrument names, which an edit elsewhere may change). The hops then verify each file and
     * compare what it was made from before they keep it.
     */
    private static void carryOver(NoteManifest previous, NoteManifest current, Path from, Path to) {
        if (previous == null) {
            return;
        }
        current.files.midi = keptFile(previous.files.midi, current.files.midi, from, to);
        current.files.audio = keptFile(previous.files.audio, current.files.audio, from, to);
        current.files.keyframes = keptFile(previous.files.keyframes, current.files.keyframes, from, to);
        current.files.keyframesAe = keptFile(previous.files.keyframesAe, current.files.keyframesAe, from, to);
        current.files.noteheadSvg = keptFile(previous.files.noteheadSvg, current.files.noteheadSvg, from, to);
        current.audio = previous.audio;
        current.svg = previous.svg;
        current.hopInputs = previous.hopInputs == null ? new TreeMap<>() : new TreeMap<>(previous.hopInputs);
    }

    private static FileEntry keptFile(FileEntry previous, FileEntry current, Path from, Path to) {
        if (previous == null || previous.path == null || !previous.fileExists) {
            return current;
        }
        if (from.equals(to)) {
            return current.predictedFilename.equals(previous.predictedFilename) ? previous : current;
        }
        Path source = from.resolve(previous.path).normalize();
        try {
            // Size only: the hop verifies the checksum of what it keeps, once.
            if (!source.startsWith(from) || !Files.isRegularFile(source) || Files.size(source) != previous.fileSize) {
                return current;
            }
        } catch (IOException e) {
            return current;
        }
        String path = Path.of(previous.path).resolveSibling(current.predictedFilename).toString();
        VersionFolders.link(source, to.resolve(path));
        FileEntry kept = new FileEntry(current.predictedFilename);
        kept.actualFilename = current.predictedFilename;
        kept.path = path;
        kept.fileExists = true;
        kept.fileSize = previous.fileSize;
        kept.sha256 = previous.sha256;
        kept.createdAt = previous.createdAt;
        return kept;
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
