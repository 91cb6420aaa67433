package io.sib2ae.orchestrator.glyphs;

/**
 * The open SMuFL fonts the project draws music with, vendored under {@code fonts/} on the
 * classpath (see src/main/resources/fonts/README.md for the npm package and version of each).
 */
public enum SmuflFont {
    /** Steinberg's Bravura, standing in for Helsinki, Opus and the other Sibelius fonts. */
    BRAVURA("Bravura", "fonts/bravura.otf"),
    /** MuseScore's Leland, standing in for Lelandia, which Sibelius drew after it. */
    LELAND("Leland", "fonts/leland.otf");

    private final String displayName;
    private final String resource;

    SmuflFont(String displayName, String resource) {
        this.displayName = displayName;
        this.resource = resource;
    }

    public String displayName() {
        return displayName;
    }

    /** The classpath resource of the font's .otf file. */
    public String resource() {
        return resource;
    }
}
