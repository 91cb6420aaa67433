package io.sib2ae.orchestrator.manifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprints of what a hop's output is made from, recorded per hop in the note's manifest
 * ({@code hop_inputs}). A hop decides from them, not from the note's ID: it does its work again
 * exactly when what its file is made from changed, or the file no longer verifies.
 */
public final class HopInputs {

    private HopInputs() {
    }

    /** A SHA-256 of the parts, each written out and separated so that ("ab", "c") differs from ("a", "bc"). */
    public static String fingerprint(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** True when the hop's recorded fingerprint is this one: its output was made from the same inputs. */
    public static boolean unchanged(NoteManifest note, Stage hop, String fingerprint) {
        return fingerprint.equals(note.hopInputs.get(hop.toString()));
    }

    /** Records what the hop's output was made from, once the hop has made or kept it. */
    public static void record(NoteManifest note, Stage hop, String fingerprint) {
        note.hopInputs.put(hop.toString(), fingerprint);
    }

    /** Forgets it, when the hop failed: the next run does the work again. */
    public static void forget(NoteManifest note, Stage hop) {
        note.hopInputs.remove(hop.toString());
    }
}
