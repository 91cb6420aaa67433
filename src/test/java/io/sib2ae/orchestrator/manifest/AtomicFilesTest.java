package io.sib2ae.orchestrator.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedWriteIsTakenOnceWithItsSizeAndChecksum() throws Exception {
        byte[] bytes = "keyframes".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("a/b.json");

        AtomicFiles.write(file, bytes);

        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        AtomicFiles.Written written = AtomicFiles.takeWritten(file);
        assertThat(written.size()).isEqualTo(bytes.length);
        assertThat(written.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(AtomicFiles.takeWritten(file)).isNull();
    }

    @Test
    void unrecordedWritesAndCopiesLeaveNothingBehindButTheFile() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Path copy = dir.resolve("delivery/manifest.json");

        AtomicFiles.writeUnrecorded(manifest, "{}".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.copyUnrecorded(manifest, copy);

        assertThat(Files.readString(copy)).isEqualTo("{}");
        assertThat(AtomicFiles.takeWritten(manifest)).isNull();
        assertThat(AtomicFiles.takeWritten(copy)).isNull();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("manifest.json", "delivery");
        }
    }

    @Test
    void writesNobodyRecordsAreForgottenInsteadOfPilingUp() {
        Path first = dir.resolve("first.mid");
        AtomicFiles.write(first, new byte[] {1});
        for (int i = 0; i < 5_000; i++) {
            AtomicFiles.write(dir.resolve("n" + i + ".mid"), new byte[] {2});
        }

        assertThat(AtomicFiles.takeWritten(first)).isNull();
        assertThat(AtomicFiles.takeWritten(dir.resolve("n4999.mid"))).isNotNull();
    }

    @Test
    void theTemporarySiblingIsAHiddenNameRecoveryRecognises() throws Exception {
        Path file = dir.resolve("notes/C4.wav");
        List<String> during = new java.util.ArrayList<>();

        AtomicFiles.write(file, out -> {
            try (Stream<Path> files = Files.list(file.getParent())) {
                files.forEach(f -> during.add(f.getFileName().toString()));
            }
            out.write(1);
        });

        assertThat(during).singleElement().satisfies(name -> {
            assertThat(name).startsWith(".C4.wav.").endsWith(AtomicFiles.TEMP_SUFFIX);
            assertThat(AtomicFiles.isTemporaryName(name)).isTrue();
        });
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("C4.wav");
        }
        // the names earlier versions gave their temporary files are still recognised, and no others
        assertThat(AtomicFiles.isTemporaryName(".C4.wav." + UUID.randomUUID() + ".tmp")).isTrue();
        assertThat(AtomicFiles.isTemporaryName("C4.wav")).isFalse();
        assertThat(AtomicFiles.isTemporaryName(".C4.wav.part.tmp")).isFalse();
    }

    @Test
    void aFolderRemovedBetweenWritesIsMadeAgain() throws Exception {
        Path file = dir.resolve("manifests/n.json");
        AtomicFiles.writeUnrecorded(file, new byte[] {1});
        Files.delete(file);
        Files.delete(file.getParent());

        AtomicFiles.writeUnrecorded(file, new byte[] {2});
        Path moved = dir.resolve("elsewhere/deeper/n.json");
        AtomicFiles.moveAtomically(file, moved);

        assertThat(Files.readAllBytes(moved)).containsExactly(2);
        assertThat(file).doesNotExist();
    }
}
