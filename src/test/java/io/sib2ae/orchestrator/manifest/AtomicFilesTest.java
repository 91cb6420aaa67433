package io.sib2ae.orchestrator.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

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
}
