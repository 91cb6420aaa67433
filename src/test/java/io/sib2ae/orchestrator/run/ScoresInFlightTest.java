package io.sib2ae.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.score.MidiFileReader;
import io.sib2ae.orchestrator.score.MusicXmlReader;
import io.sib2ae.orchestrator.score.MxlArchive;
import io.sib2ae.orchestrator.score.ScoreInputReader;
import io.sib2ae.orchestrator.score.ScoreReader;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leader's bookkeeping of distributed mode on SS 9 (9 notes), planned for real: the shared run
 * file, one task per note, the reports counted once per note with the manifests read back, the
 * score let go on once all have reported (or the service stops), and the runs an earlier leader left
 * forgotten.
 */
class ScoresInFlightTest {

    @TempDir
    Path root;

    private final ManifestStore manifests = new ManifestStore();
    private ScoreRun run;
    private ScoresInFlight flight;

    @BeforeEach
    void planSs9() {
        ScoreReader reader = new ScoreReader(new ScoreInputReader(64 << 20, new MxlArchive(64 << 20, 100)),
                new MusicXmlReader(200_000), new MidiFileReader(1024, 36_000));
        run = new ManifestPlanner(manifests, root.resolve("output")).plan(new NoteCoordinator().coordinate(reader.read(
                ScoreSet.of(TestData.file("sib2ae/SS 9.musicxml"), TestData.file("sib2ae/SS 9.mid"), List.of()))));
        flight = new ScoresInFlight(manifests, root.resolve("work/runs"), () -> false);
    }

    @Test
    void aRegisteredRunHasItsSharedFileAndOneTaskPerNote() {
        List<NoteTask> tasks = flight.register(run);

        assertThat(tasks).hasSize(9).extracting(NoteTask::universalId)
                .containsExactlyElementsOf(run.notes().stream().map(n -> n.manifest().universalId).toList());
        SharedRun shared = flight.sharedRun(tasks.get(0).runId());
        assertThat(shared.folder()).isEqualTo(run.folder().toAbsolutePath());
        assertThat(shared.scoreSet().musicXml()).isEqualTo(TestData.file("sib2ae/SS 9.musicxml").toAbsolutePath());
        assertThat(Path.of(tasks.get(0).manifestPath())).exists();
    }

    @Test
    void theScoreGoesOnOnceEveryNoteHasReportedEachCountedOnce() throws Exception {
        List<NoteTask> tasks = flight.register(run);
        String runId = tasks.get(0).runId();
        // A worker's manifest on the shared folder: the leader reads it back.
        NoteManifest rendered = manifests.readNote(run.folder(), tasks.get(0).universalId());
        rendered.stages.midi.mark(StageState.COMPLETED, null);
        rendered.stages.midi.node = "node-b";
        manifests.writeNote(run.folder(), rendered);
        CompletableFuture<ScoreRun> waiting = CompletableFuture.supplyAsync(this::awaitReports);

        NoteWork first = flight.record(new NoteReport(runId, tasks.get(0).universalId(), "node-b", NoteReport.Outcome.THROUGH_HOPS));
        flight.counted(first);
        assertThat(first.manifest().stages.midi.node).isEqualTo("node-b");
        assertThat(run.notes().get(0).manifest().stages.midi.is(StageState.COMPLETED)).isTrue();
        assertThat(flight.record(new NoteReport(runId, tasks.get(0).universalId(), "node-a", NoteReport.Outcome.THROUGH_HOPS)))
                .as("a second report of the same note").isNull();
        assertThat(waiting).as("eight notes have not reported").isNotDone();

        for (NoteTask task : tasks.subList(1, tasks.size())) {
            flight.counted(flight.record(new NoteReport(runId, task.universalId(), "node-a", NoteReport.Outcome.THROUGH_HOPS)));
        }
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isSameAs(run);
        assertThat(flight.holds(runId)).as("the run file goes once the score goes on").isFalse();
    }

    @Test
    void aStopEndsTheWaitAndKeepsTheRunForTheNextLeader() throws Exception {
        ScoresInFlight stopped = new ScoresInFlight(manifests, root.resolve("work/runs"), () -> true);
        String runId = stopped.register(run).get(0).runId();

        assertThat(stopped.awaitReports(run)).isSameAs(run);
        assertThat(stopped.holds(runId)).isTrue();
    }

    private ScoreRun awaitReports() {
        try {
            return flight.awaitReports(run);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reportsOfARunNotHeldHereAreIgnoredAndAnEarlierLeadersRunsAreForgotten() throws Exception {
        ScoresInFlight earlierLeader = new ScoresInFlight(manifests, root.resolve("work/runs"), () -> false);
        String earlierRun = earlierLeader.register(run).get(0).runId();

        assertThat(flight.record(new NoteReport(earlierRun, run.notes().get(0).manifest().universalId, "node-a",
                NoteReport.Outcome.THROUGH_HOPS))).isNull();
        String ownRun = flight.register(run).get(0).runId();
        assertThat(flight.forgetEarlierRuns()).isEqualTo(1);
        assertThat(flight.holds(earlierRun)).isFalse();
        assertThat(flight.holds(ownRun)).isTrue();
        try (var files = Files.list(root.resolve("work/runs"))) {
            assertThat(files.toList()).hasSize(1);
        }
    }
}
