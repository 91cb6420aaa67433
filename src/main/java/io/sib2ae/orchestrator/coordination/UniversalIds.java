package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.NotatedNote;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic universal IDs: RFC 4122 name-based (version 5, SHA-1) UUIDs in a namespace of
 * our own, named by the score's content hash and the note's position in the notation. The same
 * score yields the same IDs on every run and every machine.
 */
public final class UniversalIds {

    /** The Sib2Ae namespace; changing it would change every ID ever issued. */
    private static final UUID NAMESPACE = UUID.fromString("5b1b2ae0-0c0d-4e5a-9a55-7e7f6d1b2ae0");

    private UniversalIds() {
    }

    public static String contentHash(byte[] content) {
        return HexFormat.of().formatHex(digest("SHA-256", content));
    }

    public static UUID nameBased(String name) {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[16 + nameBytes.length];
        System.arraycopy(buffer.array(), 0, input, 0, 16);
        System.arraycopy(nameBytes, 0, input, 16, nameBytes.length);
        byte[] hash = digest("SHA-1", input);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }

    /** The position of a note in the notation, which is what makes it this note and no other. */
    public static String positionKey(String contentHash, NotatedNote note) {
        return String.join("|", contentHash, note.partId(), String.valueOf(note.staff()), note.voice(),
                String.valueOf(note.measureIndex()), String.format(java.util.Locale.ROOT, "%.6f", note.onsetInMeasure()),
                note.pitchName(), String.valueOf(note.chordIndex()), note.grace() ? "grace" : "main");
    }

    private static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
