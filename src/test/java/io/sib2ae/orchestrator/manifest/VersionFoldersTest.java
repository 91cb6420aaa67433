package io.sib2ae.orchestrator.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A score's versions on a real file system: staged apart, swapped in whole, put back after a crash. */
class VersionFoldersTest {

    @TempDir
    Path root;

    private VersionFolders versions;
    private Path live;

    @BeforeEach
    void currentVersion() throws Exception {
        versions = new VersionFolders(root.resolve("output"), root.resolve("work").resolve("versions"));
        live = versions.live("Score");
        write(live.resolve("manifest.json"), "v1");
        write(live.resolve("audio/a.wav"), "a1");
        write(live.resolve("audio/gone.wav"), "gone");
        write(live.resolve("retired/v0/audio/old.wav"), "old");
    }

    @Test
    void aCommittedVersionReplacesTheWholeFolderAndKeepsWhatWasRetiredBefore() throws Exception {
        Path staging = versions.prepareStaging("Score");
        write(staging.resolve("manifest.json"), "v2");
        VersionFolders.link(live.resolve("audio/a.wav"), staging.resolve("audio/a-renamed.wav"));

        versions.commit("Score");

        assertThat(read(live.resolve("manifest.json"))).isEqualTo("v2");
        assertThat(read(live.resolve("audio/a-renamed.wav"))).isEqualTo("a1");
        assertThat(live.resolve("audio/a.wav")).doesNotExist();
        assertThat(live.resolve("audio/gone.wav")).as("what the new version does not list").doesNotExist();
        assertThat(read(live.resolve("retired/v0/audio/old.wav"))).isEqualTo("old");
        assertThat(staging).doesNotExist();
        assertThat(root.resolve("output/.Score.previous")).doesNotExist();
    }

    @Test
    void aDiscardedVersionLeavesTheCurrentOneUntouched() throws Exception {
        Path staging = versions.prepareStaging("Score");
        write(staging.resolve("manifest.json"), "v2");

        versions.discard("Score");

        assertThat(staging).doesNotExist();
        assertThat(read(live.resolve("manifest.json"))).isEqualTo("v1");
        assertThat(read(live.resolve("audio/gone.wav"))).isEqualTo("gone");
    }

    @Test
    void aKeptFileIsALinkThatARenderInTheStagedVersionReplacesWithoutTouchingTheCurrentOne() throws Exception {
        Path staging = versions.prepareStaging("Score");
        Path kept = staging.resolve("audio/a.wav");
        VersionFolders.link(live.resolve("audio/a.wav"), kept);
        assertThat(Files.isSameFile(kept, live.resolve("audio/a.wav"))).as("no copy: one file, two names").isTrue();

        AtomicFiles.write(kept, "a2".getBytes(StandardCharsets.UTF_8));

        assertThat(read(kept)).isEqualTo("a2");
        assertThat(read(live.resolve("audio/a.wav"))).as("the current version's file").isEqualTo("a1");
    }

    @Test
    void aSwapACrashInterruptedIsUndoneOrFinished() throws Exception {
        Path outgoing = root.resolve("output/.Score.previous");
        // The crash came after the current version moved out and before the new one moved in.
        Files.move(live, outgoing);
        versions.recover("Score");
        assertThat(read(live.resolve("manifest.json"))).isEqualTo("v1");
        assertThat(outgoing).doesNotExist();

        // It came after the new one moved in, before the old one was deleted.
        write(outgoing.resolve("manifest.json"), "v0");
        versions.recover("Score");
        assertThat(read(live.resolve("manifest.json"))).isEqualTo("v1");
        assertThat(outgoing).doesNotExist();
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file);
    }
}
