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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a note's hops ran, as the manifests record it: only in distributed mode, and on the hops decided there. */
class NoteHopsNodeTest {

    @TempDir
    Path root;

    private final ManifestStore manifests = new ManifestStore();
    private NoteWork note;

    @BeforeEach
    void planSs9() {
        ScoreReader reader = new ScoreReader(new ScoreInputReader(64 << 20, new MxlArchive(64 << 20, 100)),
                new MusicXmlReader(200_000), new MidiFileReader(1024, 36_000));
        ScoreRun run = new ManifestPlanner(manifests, root.resolve("output")).plan(new NoteCoordinator().coordinate(reader.read(
                ScoreSet.of(TestData.file("sib2ae/SS 9.musicxml"), TestData.file("sib2ae/SS 9.mid"),
                        List.of(TestData.file("sib2ae/SS 9.svg"))))));
        note = run.notes().stream().filter(n -> n.note().primary()).findFirst().orElseThrow();
    }

    @Test
    void aDistributedWorkerRecordsItselfOnEveryHopItDecided() {
        note.manifest().stages.midi.mark(StageState.COMPLETED, null);
        note.manifest().stages.audio.mark(StageState.FAILED, "render timed out");

        new NoteHops(manifests, "node-b").finish(note);

        NoteManifest written = manifests.readNote(note.run().folder(), note.manifest().universalId);
        assertThat(written.stages.midi.node).isEqualTo("node-b");
        assertThat(written.stages.audio.node).isEqualTo("node-b");
        assertThat(written.stages.keyframes.node).as("still pending: not decided anywhere").isNull();
        assertThat(written.stages.coordination.node).as("the leader's, not a hop").isNull();
    }

    @Test
    void inProcessTheManifestsNameNoNode() throws Exception {
        note.manifest().stages.midi.mark(StageState.COMPLETED, null);

        new NoteHops(manifests).finish(note);

        assertThat(Files.readString(manifests.notePath(note.run().folder(), note.manifest().universalId))).doesNotContain("\"node\"");
    }

    @Test
    void anUndeliverableNoteIsRecordedFailedOnEveryHopItHadNotGotThrough() {
        note.manifest().stages.midi.mark(StageState.COMPLETED, null);
        manifests.writeNote(note.run().folder(), note.manifest());

        assertThat(new NoteHops(manifests, "node-a").recordUndeliverable(note.run().folder(), note.manifest().universalId,
                "dead-lettered after 4 deliveries: IllegalStateException: no score")).isTrue();

        NoteManifest written = manifests.readNote(note.run().folder(), note.manifest().universalId);
        assertThat(written.stages.midi.status).isEqualTo(StageState.COMPLETED);
        for (var stage : List.of(written.stages.audio, written.stages.keyframes, written.stages.svg)) {
            assertThat(stage.status).isEqualTo(StageState.FAILED);
            assertThat(stage.error).isEqualTo("dead-lettered after 4 deliveries: IllegalStateException: no score");
            assertThat(stage.node).isEqualTo("node-a");
        }
        assertThat(new NoteHops(manifests, "node-a").recordUndeliverable(note.run().folder(), "no-such-note", "x")).isFalse();
    }
}
