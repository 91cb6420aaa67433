package io.sib2ae.orchestrator.score;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises playback jumps written only as words: "D.S. al Coda", "To Coda", "D.C. al Fine",
 * "Fine" and their Italian spellings, in any case, with or without dots. Many files carry them as
 * {@code <words>} beside a segno or coda sign without the {@code <sound>} that plays them; a player,
 * and MuseScore's importer, perform them. Words count only where a player would read them as a
 * jump: a D.C., D.S., Fine or To Coda where no note of the bar begins after it (at a bar end) or,
 * for To Coda, beside a coda sign; a "Coda" heading at the start of a bar or beside a coda sign.
 */
public final class JumpWords {

    /** What the words tell the player to do. */
    public enum Jump {
        DA_CAPO, DAL_SEGNO, TO_CODA, FINE, CODA;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern DA_CAPO = Pattern.compile("(dc|da capo)( al (fine|coda))?( e poi (la )?coda)?");
    private static final Pattern DAL_SEGNO = Pattern.compile("(ds|dal segno)( al (fine|coda))?( e poi (la )?coda)?");
    private static final Pattern TO_CODA = Pattern.compile("(to|al|alla|vai alla|go to|to the) coda");

    private JumpWords() {
    }

    /**
     * @param words       the direction's words, as written
     * @param atBarEnd    no note of the bar begins after the words
     * @param atBarStart  the words stand at the bar's first position
     * @param besideCoda  a coda sign stands in the same direction
     */
    public static Optional<Jump> recognise(String words, boolean atBarEnd, boolean atBarStart, boolean besideCoda) {
        String text = normalise(words);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (DA_CAPO.matcher(text).matches() && atBarEnd) {
            return Optional.of(Jump.DA_CAPO);
        }
        if (DAL_SEGNO.matcher(text).matches() && atBarEnd) {
            return Optional.of(Jump.DAL_SEGNO);
        }
        if (TO_CODA.matcher(text).matches() && (atBarEnd || besideCoda)) {
            return Optional.of(Jump.TO_CODA);
        }
        if (text.equals("fine") && atBarEnd) {
            return Optional.of(Jump.FINE);
        }
        if (text.equals("coda") && (atBarStart || besideCoda)) {
            return Optional.of(Jump.CODA);
        }
        return Optional.empty();
    }

    /** Lower case, accents, dots and signs dropped, spaces single: "D. S. al Coda ⊕" is "ds al coda". */
    static String normalise(String words) {
        if (words == null) {
            return "";
        }
        String plain = Normalizer.normalize(words, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        // "D. S." and "D.S." both become "ds": letters joined by dots are one abbreviation.
        plain = plain.replaceAll("\\b([a-z])\\s*\\.\\s*(?=[a-z]\\b\\s*\\.)", "$1");
        plain = plain.replaceAll("[^a-z ]", " ").trim().replaceAll(" +", " ");
        return plain;
    }
}
