package io.sib2ae.orchestrator.manifest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The SHA-256 digests of the files the pipeline writes and verifies (some 390 MB of WAVs for a
 * score of 1,800 notes), from NSS's native code where the system has NSS, else from the JDK.
 *
 * <p>Why: the JDK's SHA-256 is fast only once C2 has compiled it onto the CPU's SHA instructions.
 * A one-shot run compiles with C1 alone ({@code bin/sib2ae process}), and C1 has no such intrinsic:
 * there the JDK hashed 396 MB in 2.7 s, against 0.22 s for C2's intrinsic and 0.24 s for NSS (through
 * the JDK's own SunPKCS11 provider) under either compiler; that was about a sixth of the one-shot's
 * CPU. NSS is the library Debian's {@code libnss3} installs (Chromium, curl and Firefox depend on
 * it). Where it is missing, or fails its self-test, the JDK's digest is used and nothing else changes:
 * both give the same bytes, so manifests written either way verify either way.
 *
 * <p>{@code -Dsib2ae.checksums=jdk} keeps the JDK's digest.
 */
public final class Sha256 {

    /** Where the digests come from. */
    public enum Source {
        /** NSS's {@code libsoftokn3}, through the JDK's SunPKCS11 provider. */
        NSS,
        /** The JDK's own implementation (C2 compiles it onto the CPU's SHA instructions). */
        JDK
    }

    static final String PROPERTY = "sib2ae.checksums";

    /* Where distributions put libsoftokn3.so: Debian's multiarch folders, then Fedora's and others'. */
    static final List<String> NSS_FOLDERS = List.of(
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
            "/usr/lib/x86_64-linux-gnu/nss", "/usr/lib64/nss");

    private Sha256() {
    }

    /** A new SHA-256 digest, from NSS when it is available. */
    public static MessageDigest newDigest() {
        Provider nss = Native.PROVIDER;
        try {
            return nss == null ? MessageDigest.getInstance("SHA-256") : MessageDigest.getInstance("SHA-256", nss);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Where this process's digests come from. */
    public static Source source() {
        return Native.PROVIDER == null ? Source.JDK : Source.NSS;
    }

    /** Loaded once, on first use: configuring NSS takes some 70 ms. */
    private static final class Native {
        static final Provider PROVIDER = "jdk".equalsIgnoreCase(System.getProperty(PROPERTY, "auto").trim())
                ? null : nss(NSS_FOLDERS);
    }

    /**
     * NSS's SHA-256, configured from the first of {@code folders} that holds {@code libsoftokn3.so},
     * or null when none does, the JDK cannot load it, or it fails the self-test.
     */
    static Provider nss(List<String> folders) {
        Provider pkcs11 = Security.getProvider("SunPKCS11");
        if (pkcs11 == null || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        for (String folder : folders) {
            if (!Files.isRegularFile(Path.of(folder, "libsoftokn3.so"))) {
                continue;
            }
            try {
                // noDb: NSS opens no key database; only its digests are used.
                Provider nss = pkcs11.configure("--name=Sib2AeNss\nnssLibraryDirectory=" + folder
                        + "\nnssDbMode=noDb\nattributes=compatibility\n");
                return agrees(nss) ? nss : null;
            } catch (RuntimeException | LinkageError e) {
                return null; // an NSS the JDK cannot use: the JDK's own digest
            }
        }
        return null;
    }

    /** Whether NSS's digests are the JDK's, for inputs around the 64-byte block and in pieces. */
    private static boolean agrees(Provider nss) {
        try {
            byte[] data = new byte[70_000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31 + (i >> 8));
            }
            for (int length : new int[] {0, 3, 55, 56, 64, 65, 70_000}) {
                MessageDigest ours = MessageDigest.getInstance("SHA-256", nss);
                ours.update(data, 0, length / 2);
                ours.update(data, length / 2, length - length / 2);
                if (!Arrays.equals(ours.digest(), MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(data, length)))) {
                    return false;
                }
            }
            return Arrays.equals(MessageDigest.getInstance("SHA-256", nss).digest("abc".getBytes(StandardCharsets.US_ASCII)),
                    HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            return false;
        }
    }
}
