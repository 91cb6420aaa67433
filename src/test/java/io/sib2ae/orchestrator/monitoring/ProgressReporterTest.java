package io.sib2ae.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.coordination.MidiFileReader;
import io.sib2ae.orchestrator.coordination.MusicXmlReader;
import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.coordination.NoteHops;
import io.sib2ae.orchestrator.coordination.NoteWork;
import io.sib2ae.orchestrator.coordination.ScoreProcessor;
import io.sib2ae.orchestrator.coordination.ScoreResult;
import io.sib2ae.orchestrator.coordination.ScoreRun;
import io.sib2ae.orchestrator.intake.Folders;
import io.sib2ae.orchestrator.intake.MxlArchive;
import io.sib2ae.orchestrator.intake.ScoreInputReader;
import io.sib2ae.orchestrator.intake.ScoreSet;
import io.sib2ae.orchestrator.intake.WorkArea;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.StageStatus;
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
 * finished through the real {@link NoteHops} as the note-hops route does, and read beside the JMX
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
    private ScoreProcessor processor;
    private ProgressReporter reporter;
    private NoteHops noteHops;
    private ScoreRun run;
    private ScoreProgress jmx;

    @BeforeEach
    void openScore() {
        Folders folders = Folders.of(root.resolve("inbox").toString(), root.resolve("output").toString(),
                root.resolve("archive").toString(), root.resolve("failed").toString(), root.resolve("work").toString());
        ManifestStore manifests = new ManifestStore();
        processor = new ScoreProcessor(new ScoreInputReader(64 << 20, new MxlArchive(64 << 20, 100)),
                new NoteCoordinator(new MusicXmlReader(200_000), new MidiFileReader(1024, 36_000)), manifests,
                new WorkArea(folders), folders.output());
        run = processor.open(ScoreSet.of(TestData.file("scores/Dichterliebe01.xml"),
                TestData.file("scores/Dichterliebe01.mid"), List.of()));
        jmx = new ScoreProgress(run, () -> "CLOSED");
        reporter = new ProgressReporter(manifests, lines::add);
        noteHops = new NoteHops(manifests, reporter);
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
                note.manifest().stages.audio.mark(StageStatus.FAILED, "test: rendering failed");
                failed++;
            }
            int linesBefore = lines.size();
            noteHops.finish(note);
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
        run.notes().forEach(noteHops::finish);
        ScoreResult result = processor.close(run);

        lines.clear();
        reporter.finished(run, result);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("Score 'Dichterliebe01' completed: 411 notes, 0 failed, in "
                + result.elapsedMillis() + " ms, {");
    }

    @Test
    void aStopMidScoreSaysHowManyNotesWereAbandoned() {
        reporter.started(run);
        run.notes().subList(0, 100).forEach(noteHops::finish);
        lines.clear();

        reporter.stopped(run);

        assertThat(lines).containsExactly(
                "Stopping: score 'Dichterliebe01' has 100 of 411 notes done, 311 notes abandoned, they resume on next start");
    }
}
