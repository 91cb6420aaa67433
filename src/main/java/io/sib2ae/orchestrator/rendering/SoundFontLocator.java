package io.sib2ae.orchestrator.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which SoundFont renders the notes: the configured file when one is set (and it must then
 * exist and look like a sound bank), otherwise the first General MIDI SoundFont found in the usual
 * install locations, otherwise Gervill's built-in sounds.
 */
public final class SoundFontLocator {

    /**
     * Where Debian/Ubuntu (fluid-soundfont-gm, timgm6mb-soundfont, the default-GM alternative),
     * Fedora/Arch, Homebrew and user installs put a GM SoundFont, best quality first.
     */
    public static final List<Path> STANDARD_LOCATIONS = List.of(
            Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
            Path.of("/usr/share/soundfonts/FluidR3_GM.sf2"),
            Path.of("/usr/share/sounds/sf2/default-GM.sf2"),
            Path.of("/usr/share/soundfonts/default.sf2"),
            Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"),
            Path.of("/usr/share/sounds/sf2/default.sf2"),
            Path.of("/usr/local/share/soundfonts/default.sf2"),
            Path.of("/opt/homebrew/share/soundfonts/default.sf2"),
            Path.of(System.getProperty("user.home", "/nonexistent"), ".local/share/soundfonts/default.sf2"));

    /** A sound bank that is missing, unreadable, or not a SoundFont/DLS file. */
    public static final class SoundFontException extends RuntimeException {
        public SoundFontException(String message) {
            super(message);
        }

        public SoundFontException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final List<Path> candidates;

    public SoundFontLocator() {
        this(STANDARD_LOCATIONS);
    }

    /** A locator that searches {@code candidates}, in order, when nothing is configured. */
    public SoundFontLocator(List<Path> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** The places searched when no SoundFont is configured. */
    public List<Path> candidates() {
        return candidates;
    }

    /**
     * The SoundFont to use. A configured path is used as is or rejected with a
     * {@link SoundFontException} (no silent fallback: the user asked for that file). Without one,
     * the first candidate that looks like a sound bank wins, else the built-in sounds.
     */
    public SoundFontChoice locate(Path configured) {
        if (configured != null) {
            checkLooksLikeSoundBank(configured);
            return SoundFontChoice.file(configured);
        }
        List<String> rejected = new ArrayList<>();
        for (Path candidate : candidates) {
            if (!Files.exists(candidate)) {
                continue;
            }
            try {
                checkLooksLikeSoundBank(candidate);
                return SoundFontChoice.file(candidate);
            } catch (SoundFontException e) {
                rejected.add(e.getMessage()); // a broken system file should not stop the search
            }
        }
        String why = rejected.isEmpty() ? "no GM SoundFont installed" : String.join("; ", rejected);
        return new SoundFontChoice(null, "Gervill built-in sounds (" + why + ")", true);
    }

    /**
     * A cheap check that needs only the first 12 bytes: a RIFF file of form {@code sfbk} (SoundFont 2)
     * or {@code DLS }, whose RIFF size matches the file length (so a truncated copy is caught here).
     * A file that passes can still have damaged contents; loading it then fails in the pool.
     */
    public static void checkLooksLikeSoundBank(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SoundFontException("SoundFont " + file + " does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new SoundFontException("SoundFont " + file + " is not readable");
        }
        byte[] head = new byte[12];
        long length;
        try (InputStream in = Files.newInputStream(file)) {
            length = Files.size(file);
            int read = in.readNBytes(head, 0, head.length);
            if (read < head.length) {
                throw new SoundFontException("SoundFont " + file + " is corrupt: only " + length + " bytes long");
            }
        } catch (IOException e) {
            throw new SoundFontException("SoundFont " + file + " cannot be read: " + e.getMessage(), e);
        }
        String riff = new String(head, 0, 4, StandardCharsets.US_ASCII);
        String form = new String(head, 8, 4, StandardCharsets.US_ASCII);
        if (!riff.equals("RIFF") || !(form.equals("sfbk") || form.equals("DLS "))) {
            throw new SoundFontException("SoundFont " + file + " is corrupt or not a SoundFont: it does not start "
                    + "with a RIFF 'sfbk' (SF2) or 'DLS ' header");
        }
        long riffSize = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24;
        // RIFF pads odd chunks to even length; allow that single pad byte.
        if (riffSize + 8 != length && riffSize + 9 != length) {
            throw new SoundFontException("SoundFont " + file + " is corrupt or truncated: its header announces "
                    + (riffSize + 8) + " bytes but the file has " + length);
        }
    }

    /** True for the form type of a SoundFont 2 (as opposed to DLS). */
    static boolean isSf2(Path file) {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 12) == 12 && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("sfbk");
        } catch (IOException e) {
            return false;
        }
    }
}
