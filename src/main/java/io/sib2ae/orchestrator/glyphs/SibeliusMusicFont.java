package io.sib2ae.orchestrator.glyphs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Sibelius music font as named in an SVG {@code font-family}: its family (Helsinki, Opus,
 * Lelandia, ...), the member used, and the open SMuFL font that draws it without Sibelius.
 *
 * @param family      the font family as written in the page, unquoted ("Helsinki Special Std")
 * @param role        which member of the family it is
 * @param replacement the SMuFL font drawn in its place
 */
public record SibeliusMusicFont(String family, FontRole role, SmuflFont replacement) {

    /**
     * The first words of the music fonts Sibelius ships. Only these are taken for music: a text
     * font that merely ends in "Std" (Minion Std, Palatino Linotype Std) must keep its text.
     */
    private static final List<String> MUSIC_FAMILIES = List.of(
            "helsinki", "opus", "lelandia", "inkpen2", "reprise", "norfolk", "pori", "petrucci");

    /** Recognises a Sibelius music font in a (possibly quoted, possibly listed) font-family value. */
    public static Optional<SibeliusMusicFont> of(String fontFamily) {
        if (fontFamily == null || fontFamily.isBlank()) {
            return Optional.empty();
        }
        String family = unquote(fontFamily);
        String lower = family.toLowerCase(Locale.ROOT).trim();
        String first = lower.split("\\s+")[0];
        if (!MUSIC_FAMILIES.contains(first)) {
            return Optional.empty();
        }
        // "Opus Std" since the OpenType fonts of Sibelius 6; "Opus" and "Opus Special" before.
        String member = lower.substring(first.length()).trim();
        if (member.equals("std") || member.endsWith(" std")) {
            member = member.substring(0, member.length() - "std".length()).trim();
        }
        FontRole role = switch (member) {
            case "" -> FontRole.MAIN;
            case "special" -> FontRole.SPECIAL;
            case "text" -> FontRole.TEXT;
            default -> FontRole.OTHER;
        };
        SmuflFont replacement = "lelandia".equals(first) ? SmuflFont.LELAND : SmuflFont.BRAVURA;
        return Optional.of(new SibeliusMusicFont(family, role, replacement));
    }

    /** True when the font-family names a Sibelius music font, which no workstation without Sibelius has. */
    public static boolean isMusicFont(String fontFamily) {
        return of(fontFamily).isPresent();
    }

    private static String unquote(String family) {
        String first = family.split(",")[0].trim();
        if (first.length() >= 2 && (first.startsWith("'") || first.startsWith("\""))) {
            first = first.substring(1, first.length() - 1).trim();
        }
        return first;
    }
}
