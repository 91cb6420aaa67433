package io.sib2ae.orchestrator.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    @TempDir
    Path dir;

    @Test
    void theDigestIsTheJdksWhateverItsSourceForInputsAroundTheBlockSizeAndInPieces() throws Exception {
        Random random = new Random(42);
        for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 4_095, 65_536, 1_000_003}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            MessageDigest digest = Sha256.newDigest();
            // WAVs go out as a header and the PCM in one piece; JSON in pieces of any size
            int at = 0;
            for (int piece = 1; at < length; piece = piece * 3 + 1) {
                int n = Math.min(piece, length - at);
                digest.update(data, at, n);
                at += n;
            }
            assertThat(digest.digest()).as("%d bytes", length)
                    .isEqualTo(MessageDigest.getInstance("SHA-256", "SUN").digest(data));
        }
    }

    @Test
    void filesWrittenAndVerifiedCarryTheStandardSha256() throws Exception {
        byte[] pcm = new byte[300_000];
        new Random(7).nextBytes(pcm);
        Path wav = dir.resolve("audio/note.wav");
        AtomicFiles.write(wav, out -> {
            out.write(pcm, 0, 44);
            out.write(pcm, 44, pcm.length - 44);
        });
        FileEntry entry = new FileEntry("note.wav");
        FileRecords.record(entry, dir, wav);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256", "SUN").digest(pcm));
        assertThat(entry.sha256).isEqualTo(expected);
        assertThat(FileRecords.sha256(wav)).isEqualTo(expected);
        assertThat(FileRecords.verified(entry, dir)).isTrue();

        byte[] edited = pcm.clone();
        edited[150_000] ^= 1;
        Files.write(wav, edited);
        assertThat(FileRecords.verified(entry, dir)).isFalse();
    }

    @Test
    void withoutNssTheJdksDigestIsUsed() {
        assertThat(Sha256.nss(List.of(dir.toString(), "/no/such/folder"))).isNull();
    }

    @Test
    void nssIsUsedWhereTheSystemHasIt() {
        // libnss3 is there when Chromium is (the test command installs it for the preview page test)
        boolean installed = Sha256.NSS_FOLDERS.stream().anyMatch(folder -> Files.isRegularFile(Path.of(folder, "libsoftokn3.so")));
        boolean forcedOff = "jdk".equalsIgnoreCase(System.getProperty(Sha256.PROPERTY, ""));

        assertThat(Sha256.source()).isEqualTo(installed && !forcedOff ? Sha256.Source.NSS : Sha256.Source.JDK);
    }
}
