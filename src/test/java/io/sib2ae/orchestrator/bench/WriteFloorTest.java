package io.sib2ae.orchestrator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sib2ae.orchestrator.manifest.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write floor writes back exactly the per-note files a run left, through the hops' own writer. */
class WriteFloorTest {

    @TempDir
    Path root;

    @Test
    void writesEveryPerNoteFileBackByteForByteAndLeavesNoTemporaryFile() throws Exception {
        Path score = root.resolve("score");
        byte[] wav = new byte[300_000];
        new Random(7).nextBytes(wav);
        write(score.resolve("audio/Flute_C4_vel80_abcd.wav"), wav);
        write(score.resolve("midi/note_001_Flute_C4_vel80.mid"), "MThd".getBytes(StandardCharsets.US_ASCII));
        write(score.resolve("keyframes/Flute_C4_vel80_abcd_keyframes.json"), "{\"frames\":[]}".getBytes(StandardCharsets.UTF_8));
        write(score.resolve("manifests/abcd.json"), "{\"universal_id\":\"abcd\"}".getBytes(StandardCharsets.UTF_8));
        write(score.resolve("svg/noteheads/notehead_abcd.svg"), "<svg/>".getBytes(StandardCharsets.UTF_8));
        write(score.resolve("manifest.json"), "{}".getBytes(StandardCharsets.UTF_8)); // the index: not a per-note file

        List<WriteFloor.OutputFile> files = WriteFloor.read(score);
        assertThat(files).extracting(f -> f.folder() + "/" + f.name()).containsExactly(
                "audio/Flute_C4_vel80_abcd.wav", "midi/note_001_Flute_C4_vel80.mid",
                "keyframes/Flute_C4_vel80_abcd_keyframes.json", "manifests/abcd.json", "svg/noteheads/notehead_abcd.svg");
        assertThat(files).filteredOn(WriteFloor.OutputFile::recorded).hasSize(4);

        Path target = root.resolve("out/pass-1");
        WriteFloor.Pass pass = WriteFloor.write(files, target, 2);

        assertThat(pass.wallMillis()).isNotNegative();
        for (WriteFloor.OutputFile file : files) {
            assertThat(target.resolve(file.folder()).resolve(file.name())).hasBinaryContent(file.bytes());
            // The recorded files' checksums were taken, as a hop takes them: nothing is left remembered.
            assertThat(AtomicFiles.takeWritten(target.resolve(file.folder()).resolve(file.name()))).isNull();
        }
        try (Stream<Path> written = Files.walk(target)) {
            assertThat(written.filter(Files::isRegularFile)).hasSize(files.size())
                    .noneMatch(p -> AtomicFiles.isTemporaryName(p.getFileName().toString()));
        }
    }

    @Test
    void aFolderWithoutPerNoteFilesIsRefusedByName() throws Exception {
        Files.createDirectories(root.resolve("empty/audio"));
        assertThatThrownBy(() -> WriteFloor.read(root.resolve("empty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(root.resolve("empty").toString()).hasMessageContaining("no per-note files");
    }

    private static void write(Path file, byte[] bytes) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
