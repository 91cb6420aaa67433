package io.sib2ae.orchestrator.run;

import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.ScoreManifest;
import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.manifest.StageStatus;
import io.sib2ae.orchestrator.manifest.VersionFolders;
import io.sib2ae.orchestrator.score.ScoreInputException;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closes a score: once every note is through the hops, decides the score's status from the notes'
 * stages and writes the final index; a score that could not be processed gets its failed result.
 */
public final class ScoreCloser {

    private final ManifestStore manifests;
    private final VersionFolders versions;

    public ScoreCloser(ManifestStore manifests, VersionFolders versions) {
        this.manifests = manifests;
        this.versions = versions;
    }

    /** Decides the status from the notes' stages and writes the final index; the inputs are archived after the announcement. */
    public ScoreResult close(ScoreRun run) {
        ScoreManifest index = run.index();
        Map<String, Map<String, Integer>> stageCounts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int failedNotes = 0;
        int assetsMade = 0;
        for (NoteManifest note : run.manifests()) {
            boolean failed = false;
            for (Stage stage : Stage.values()) {
                StageStatus status = stage.of(note);
                stageCounts.computeIfAbsent(stage.toString(), k -> new TreeMap<>()).merge(status.status.toString(), 1, Integer::sum);
                if (status.is(StageState.FAILED)) {
                    failed = true;
                    failures.add(note.universalId + " " + stage + ": " + status.error);
                } else if (stage != Stage.COORDINATION && status.hasAsset()) {
                    assetsMade++;
                }
            }
            failedNotes += failed ? 1 : 0;
        }
        int total = run.notes().size();
        // Failed means nothing usable came out; a broken SVG beside good audio is a partial success.
        index.status = failedNotes == 0 ? ScoreStatus.COMPLETED
                : assetsMade == 0 ? ScoreStatus.FAILED : ScoreStatus.COMPLETED_WITH_FAILURES;
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
                run.countsSnapshot(), run.startedAt().toString(), index.completedAt, run.version());
    }

    /**
     * Makes a new version the score's current one, once its index and After Effects files are
     * written: the staging folder takes the score folder's place in one swap. A new version that
     * failed (nothing usable came out) is discarded instead, and the previous version stays, whole.
     * A run in the score's own folder has nothing to commit.
     */
    public ScoreResult commit(ScoreRun run, ScoreResult closed) {
        if (!run.version().staged()) {
            return closed;
        }
        if (closed.status() == ScoreStatus.FAILED) {
            versions.discard(run.scoreName());
            return closed.at(run.liveFolder().resolve(ManifestStore.INDEX).toString()).failedBecause(
                    "version " + run.version().number() + " failed (" + closed.reason() + "); the previous version is kept");
        }
        versions.commit(run.scoreName());
        return closed.at(run.liveFolder().resolve(ManifestStore.INDEX).toString());
    }

    /**
     * The result of a score that could not be processed.
     *
     * @param quarantinedIn where its inputs and error report were moved
     */
    public ScoreResult failed(ScoreSet set, Throwable failure, Path quarantinedIn) {
        Path where = quarantinedIn;
        String reason = failure instanceof ScoreInputException input ? input.describe() : String.valueOf(failure.getMessage());
        String now = Instant.now().toString();
        // Only inbox files move; handed-in files (the one-shot command's) stay where they are.
        String report = set.archiveOnClose() ? " (moved to " + where + ")" : " (report in " + where + ")";
        // A new version that failed half-way leaves its staging folder: the current version stays as it was.
        versions.discard(set.scoreName());
        return new ScoreResult(set.scoreName(), ScoreStatus.FAILED, null, 0, 0, reason + report, 0, Map.of(), now, now, null);
    }
}
