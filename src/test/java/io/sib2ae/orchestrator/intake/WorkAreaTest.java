package io.sib2ae.orchestrator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new leader's recovery puts back what an earlier leader left in {@code work/}, and leaves alone
 * what its own intake has just claimed: the two run at once when leadership is taken.
 */
class WorkAreaTest {

    @TempDir
    Path root;

    @Test
    void recoveryPutsBackAnEarlierLeadersFilesButNotOneThisProcessJustClaimed() throws Exception {
        Folders folders = folders();
        WorkArea work = new WorkArea(folders);
        Files.writeString(folders.inbox().resolve("SS 9.mid"), "MThd");
        Path earlier = folders.incoming().resolve("Other.musicxml");
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "<score-partwise/>");

        WorkArea.ClaimedFile claimed = work.claim("SS 9.mid");
        int putBack = work.recoverInputs();

        assertThat(putBack).isEqualTo(1);
        assertThat(folders.inbox().resolve("Other.musicxml")).hasContent("<score-partwise/>");
        assertThat(earlier).doesNotExist();
        assertThat(claimed.path()).isEqualTo(folders.incoming().resolve("SS 9.mid")).hasContent("MThd");
        assertThat(folders.inbox().resolve("SS 9.mid")).doesNotExist();
    }

    @Test
    void aFileOnceArchivedIsNoLongerThisProcesssAndASameNamedLeftoverGoesBack() throws Exception {
        Folders folders = folders();
        WorkArea work = new WorkArea(folders);
        Files.writeString(folders.inbox().resolve("SS 9.musicxml"), "<score-partwise/>");
        WorkArea.ClaimedFile claimed = work.claim("SS 9.musicxml");
        work.archive(ScoreSet.empty(claimed.groupKey(), true).with(claimed.kind(), claimed.path()));
        assertThat(claimed.path()).doesNotExist();

        // Another leader claimed the same name meanwhile and died: its file is an earlier leader's now.
        Files.createDirectories(folders.incoming());
        Files.writeString(folders.incoming().resolve("SS 9.musicxml"), "<score-partwise version=\"4.0\"/>");

        assertThat(work.recoverInputs()).isEqualTo(1);
        assertThat(folders.inbox().resolve("SS 9.musicxml")).hasContent("<score-partwise version=\"4.0\"/>");
    }

    private Folders folders() throws Exception {
        Folders folders = Folders.of(root.resolve("inbox").toString(), root.resolve("output").toString(),
                root.resolve("archive").toString(), root.resolve("failed").toString(), root.resolve("work").toString());
        Files.createDirectories(folders.inbox());
        return folders;
    }
}
