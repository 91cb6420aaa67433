package io.sib2ae.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.VersionFolders;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.run.ManifestPlanner;
import io.sib2ae.orchestrator.run.NoteHops;
import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreCloser;
import io.sib2ae.orchestrator.run.ScoreResult;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.score.MidiFileReader;
import io.sib2ae.orchestrator.score.MusicXmlReader;
import io.sib2ae.orchestrator.score.MxlArchive;
import io.sib2ae.orchestrator.score.ScoreInputReader;
import io.sib2ae.orchestrator.score.ScoreReader;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress lines of a real score (Dichterliebe01, 411 notes, coordinated for real), its notes
 * finished through the real {@link NoteHops} and reported as the note-hops route does, and read beside the JMX
 * view ({@link ScoreProgress}) at the moment each line is written.
 */
class ProgressReporterTest {

    private static final Pattern PROGRESS = Pattern.compile(
            "Score 'Dichterliebe01': (\\d+)% \\((\\d+)/411 notes, (\\d+) failed\\) after \\d+ ms");

    @TempDir
    Path root;

    private final List<String> lines = new ArrayList<>();
    /** ScoreProgress.getNotesDone() each time a note finished. */
    private final List<Integer> seenByJmx = new ArrayList<>();
    private ScoreCloser closer;
    private ProgressReporter reporter;
    private NoteHops noteHops;
    private ScoreRun run;
    private ScoreProgress jmx;

    @BeforeEach
    void openScore() {
        ManifestStore manifests = new ManifestStore();
        ScoreReader reader = new ScoreReader(new ScoreInputReader(64 << 20, new MxlArchive(64 << 20, 100)),
                new MusicXmlReader(200_000), new MidiFileReader(1024, 36_000));
        closer = new ScoreCloser(manifests, new VersionFolders(root.resolve("output"), root.resolve("work")));
        run = new ManifestPlanner(manifests, root.resolve("output")).plan(new NoteCoordinator().coordinate(reader.read(
                ScoreSet.of(TestData.file("scores/Dichterliebe01.xml"), TestData.file("scores/Dichterliebe01.mid"), List.of()))));
        jmx = new ScoreProgress(run, () -> "CLOSED");
        reporter = new ProgressReporter(manifests, lines::add);
        noteHops = new NoteHops(manifests);
        reporter.addListener(new ScoreProgressListener() {
            @Override
            public void noteFinished(ScoreRun finished, int done) {
                // The JMX view at the moment the reporter is told: the line that follows must agree.
                seenByJmx.add(jmx.getNotesDone());
            }
        });
    }

    @Test
    void progressIsLoggedOncePerTenthWithCountsThatAgreeWithTheNotesDone() {
        reporter.started(run);
        List<Integer> failedSoFar = new ArrayList<>();
        int failed = 0;
        for (NoteWork note : run.notes()) {
            // Every 37th note fails its audio hop, so the failures column has something to agree with.
            if (note.note().sequence() % 37 == 0) {
                note.manifest().stages.audio.mark(StageState.FAILED, "test: rendering failed");
                failed++;
            }
            int linesBefore = lines.size();
            finish(note);
            if (lines.size() > linesBefore) {
                failedSoFar.add(failed);
            }
        }

        assertThat(lines.get(0)).isEqualTo("Score 'Dichterliebe01' started: 411 notes (359 primary), timing from midi_exact");
        List<String> progress = lines.subList(1, lines.size());
        assertThat(progress).hasSize(10).allMatch(line -> PROGRESS.matcher(line).matches());
        List<Integer> percents = new ArrayList<>();
        for (int i = 0; i < progress.size(); i++) {
            Matcher line = PROGRESS.matcher(progress.get(i));
            assertThat(line.matches()).isTrue();
            int done = Integer.parseInt(line.group(2));
            percents.add(Integer.parseInt(line.group(1)));
            // The first count that reaches the next tenth of 411, and the percent of that count.
            assertThat(done).isEqualTo((int) Math.ceil(411 * (i + 1) / 10.0));
            assertThat(Integer.parseInt(line.group(1))).isEqualTo(done * 100 / 411);
            assertThat(seenByJmx).contains(done);
            assertThat(Integer.parseInt(line.group(3))).as(progress.get(i)).isEqualTo(failedSoFar.get(i));
        }
        assertThat(percents).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(failedSoFar.get(9)).isEqualTo(failed).isPositive();
        assertThat(jmx.getNotesDone()).isEqualTo(411);
    }

    @Test
    void theCompletionLineGivesTheElapsedTimeOfTheScoreResult() {
        reporter.started(run);
        run.notes().forEach(this::finish);
        ScoreResult result = closer.close(run);

        lines.clear();
        reporter.finished(run, result);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("Score 'Dichterliebe01' completed: 411 notes, 0 failed, in "
                + result.elapsedMillis() + " ms, {");
    }

    @Test
    void aStopMidScoreSaysHowManyNotesWereAbandoned() {
        reporter.started(run);
        run.notes().subList(0, 100).forEach(this::finish);
        lines.clear();

        reporter.stopped(run);

        assertThat(lines).containsExactly(
                "Stopping: score 'Dichterliebe01' has 100 of 411 notes done, 311 notes abandoned, they resume on next start");
    }

    /** As the note-hops route ends a note: its manifest written, then counted and reported. */
    private void finish(NoteWork note) {
        reporter.noteFinished(noteHops.finish(note));
    }
}
