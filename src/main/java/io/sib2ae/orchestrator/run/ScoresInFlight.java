package io.sib2ae.orchestrator.run;

import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The leader's side of distributed mode: the scores whose notes are out on the queue, each under a
 * run id of its own, with its {@link SharedRun} file for the workers; and the Aggregator by score
 * of the workers' reports, which lets a score go on to its close once every note has reported. Reports
 * are counted by universal ID, so a note that reports twice (redelivered after its report was
 * sent) counts once, and reports of a run this leader does not hold (an earlier leader's) are
 * ignored: a new leader plans its scores again under new run ids.
 */
public final class ScoresInFlight {

    private static final String SUFFIX = ".json";
    /** How often a score waiting for its notes looks whether the service is stopping (milliseconds). */
    private static final long WAIT_STEP_MS = 200;

    private final ManifestStore manifests;
    private final Path runsFolder;
    private final BooleanSupplier stopping;
    private final Map<String, InFlight> runs = new ConcurrentHashMap<>();

    /**
     * @param runsFolder {@code work/runs} on the shared folder
     * @param stopping   true once the service is stopping: a score waiting for its notes stops waiting
     */
    public ScoresInFlight(ManifestStore manifests, Path runsFolder, BooleanSupplier stopping) {
        this.manifests = manifests;
        this.runsFolder = runsFolder;
        this.stopping = stopping;
    }

    private record InFlight(String runId, ScoreRun run, Map<String, Integer> positions, Set<String> reported,
                            CountDownLatch unreported) {
    }

    /** Gives a planned score a run id, writes its file for the workers, and returns its notes' tasks. */
    public List<NoteTask> register(ScoreRun run) {
        String runId = UUID.randomUUID().toString();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < run.notes().size(); i++) {
            positions.put(run.notes().get(i).manifest().universalId, i);
        }
        manifests.write(runFile(runId), SharedRun.of(runId, run));
        runs.put(runId, new InFlight(runId, run, positions, ConcurrentHashMap.newKeySet(), new CountDownLatch(positions.size())));
        return run.notes().stream()
                .map(n -> new NoteTask(runId, manifests.notePath(run.folder(), n.manifest().universalId).toAbsolutePath().toString()))
                .toList();
    }

    /**
     * Takes a worker's report: the note's manifest is read back from the shared folder into the
     * leader's run and its hops are counted.
     *
     * @return the note as it now stands, or null for a run not held here or a note that reported already
     */
    public NoteWork record(NoteReport report) {
        InFlight flight = runs.get(report.runId());
        Integer position = flight == null ? null : flight.positions().get(report.universalId());
        if (position == null || !flight.reported().add(report.universalId())) {
            return null;
        }
        ScoreRun run = flight.run();
        NoteWork predicted = run.notes().get(position);
        NoteManifest done = manifests.readNote(run.folder(), report.universalId());
        NoteWork note = done == null ? predicted : new NoteWork(run, predicted.note(), done);
        synchronized (run) {
            run.notes().set(position, note);
        }
        for (Stage hop : List.of(Stage.MIDI, Stage.AUDIO, Stage.KEYFRAMES, Stage.SVG)) {
            StageState state = hop.of(note.manifest()).status;
            if (state != StageState.PENDING) {
                run.tally(hop, state);
            }
        }
        return note;
    }

    /** The note's report is taken and counted: once the last one is, its score goes on to the close. */
    public void counted(NoteWork note) {
        InFlight flight = flightOf(note.run());
        if (flight != null) {
            flight.unreported().countDown();
        }
    }

    /**
     * Waits until every note of the run has reported, then lets the run go (its file is deleted, so
     * late duplicate tasks are dropped). A stop of the service ends the wait with notes unreported:
     * the run's file stays, and the next leader plans the score again.
     *
     * @return the run, its manifests as the workers left them
     */
    public ScoreRun awaitReports(ScoreRun run) throws InterruptedException {
        InFlight flight = flightOf(run);
        if (flight == null) {
            return run;
        }
        while (!flight.unreported().await(WAIT_STEP_MS, TimeUnit.MILLISECONDS)) {
            if (stopping.getAsBoolean()) {
                return run;
            }
        }
        runs.remove(flight.runId());
        delete(runFile(flight.runId()));
        return run;
    }

    /**
     * On taking the leadership over: the runs of an earlier leader are forgotten (their files
     * deleted, so their tasks still queued are dropped); their scores are planned again from
     * {@code work/} as crash recovery puts them back.
     *
     * @return how many runs were forgotten
     */
    public int forgetEarlierRuns() {
        if (!Files.isDirectory(runsFolder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(runsFolder)) {
            List<Path> earlier = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !runs.containsKey(runIdOf(f))).toList();
            earlier.forEach(ScoresInFlight::delete);
            return earlier.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared file of a run, or null once the run is closed or forgotten. */
    public SharedRun sharedRun(String runId) {
        Path file = runFile(runId);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return manifests.mapper().readValue(file.toFile(), SharedRun.class);
        } catch (IOException e) {
            // Gone between the check and the read: closed meanwhile.
            return null;
        }
    }

    public boolean holds(String runId) {
        return Files.isRegularFile(runFile(runId));
    }

    private InFlight flightOf(ScoreRun run) {
        return runs.values().stream().filter(f -> f.run() == run).findFirst().orElse(null);
    }

    private Path runFile(String runId) {
        // The run id comes off the queue: only a UUID names a file.
        return runsFolder.resolve(UUID.fromString(runId) + SUFFIX);
    }

    private static String runIdOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file + ": " + e.getMessage(), e);
        }
    }
}
