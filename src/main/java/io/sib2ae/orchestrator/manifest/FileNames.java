package io.sib2ae.orchestrator.manifest;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Builds the asset file names of the Sib2Ae convention from score text, which is untrusted:
 * path separators, {@code ..}, control and reserved characters are removed, Unicode letters
 * such as {@code Flûte} are kept, and the length is bounded.
 */
public final class FileNames {

    /** Longest name component taken from the score; file systems allow 255 bytes per name. */
    static final int MAX_COMPONENT_CHARS = 64;

    private FileNames() {
    }

    /** A file-name-safe version of text from a score, never empty and never a path. */
    public static String sanitize(String text) {
        if (text == null) {
            return "unnamed";
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder safe = new StringBuilder(Math.min(normalized.length(), MAX_COMPONENT_CHARS));
        normalized.codePoints().forEach(cp -> {
            if (safe.length() >= MAX_COMPONENT_CHARS) {
                return;
            }
            if (Character.isISOControl(cp) || cp == '/' || cp == '\\' || cp == ':' || cp == '*' || cp == '?'
                    || cp == '"' || cp == '<' || cp == '>' || cp == '|' || Character.getType(cp) == Character.FORMAT) {
                return;
            }
            safe.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
        });
        String result = safe.toString().replace("..", "").trim().replaceAll(" +", " ");
        // A name of dots only would still mean "here" or "up".
        result = result.replaceAll("^\\.+", "").replaceAll("\\.+$", "").trim();
        return result.isEmpty() ? "unnamed" : result;
    }

    /** {@code note_{seq:03d}_{instrument}_{pitch}_vel{velocity}.mid} */
    public static String midi(int sequence, String instrument, String pitch, int velocity) {
        return String.format(Locale.ROOT, "note_%03d_%s_%s_vel%d.mid", sequence, sanitize(instrument), sanitize(pitch), velocity);
    }

    /** {@code {instrument}_{pitch}_vel{velocity}_{uuid prefix}} — the stem shared by audio and keyframes. */
    public static String audioStem(String instrument, String pitch, int velocity, String idPrefix) {
        return String.format(Locale.ROOT, "%s_%s_vel%d_%s", sanitize(instrument), sanitize(pitch), velocity, idPrefix);
    }

    /** {@code notehead_{uuid_first8}_{part_id}_{pitch}_M{measure}.svg} */
    public static String notehead(String idPrefix, String partId, String pitch, String measure) {
        return String.format(Locale.ROOT, "notehead_%s_%s_%s_M%s.svg", idPrefix, sanitize(partId),
                sanitize(pitch), sanitize(measure));
    }

    /** {@code {instrument}_{part_id}.svg} */
    public static String instrumentLayer(String instrument, String partId) {
        return sanitize(instrument) + "_" + sanitize(partId) + ".svg";
    }
}
