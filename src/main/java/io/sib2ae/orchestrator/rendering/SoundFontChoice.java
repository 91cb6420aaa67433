package io.sib2ae.orchestrator.rendering;

import java.nio.file.Path;

/**
 * The instrument sounds a render uses: a SoundFont (SF2) or DLS file, or Gervill's built-in
 * emergency sounds when no file is available.
 *
 * @param path        the sound bank file, or null for the built-in sounds
 * @param description what to show in logs and manifests (file name, or "Gervill built-in sounds")
 * @param builtIn     true when {@code path} is null and the synthesizer's own sounds are used
 */
public record SoundFontChoice(Path path, String description, boolean builtIn) {

    public SoundFontChoice {
        if (builtIn != (path == null)) {
            throw new IllegalArgumentException("A built-in choice has no path and a file choice needs one");
        }
        if (description == null || description.isBlank()) {
            description = builtIn ? "Gervill built-in sounds" : path.getFileName().toString();
        }
    }

    /** A sound bank file, described by its file name. */
    public static SoundFontChoice file(Path path) {
        return new SoundFontChoice(path, null, false);
    }

    /** Gervill's built-in sounds (generated in memory, no file needed). */
    public static SoundFontChoice builtInSounds() {
        return new SoundFontChoice(null, "Gervill built-in sounds", true);
    }
}
