package io.sib2ae.orchestrator.score;

import java.nio.file.Path;

/** Groups dropped files into scores: by sub-folder when they come in one, else by base name. */
public final class ScoreNames {

    private static final String FOLDER_PREFIX = "folder:";
    private static final String NAME_PREFIX = "name:";

    private ScoreNames() {
    }

    /** The name without its extension and without a Sibelius page suffix such as {@code _0002}. */
    public static String baseName(String fileName) {
        String base = fileName;
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            base = base.replaceFirst("_\\d{4}$", "");
        }
        return base;
    }

    /**
     * @param relativePath the file's path relative to the inbox
     */
    public static String groupKey(Path relativePath) {
        if (relativePath.getNameCount() > 1) {
            return FOLDER_PREFIX + relativePath.getName(0);
        }
        return NAME_PREFIX + baseName(relativePath.getFileName().toString());
    }

    public static String fromGroupKey(String groupKey) {
        int colon = groupKey.indexOf(':');
        return colon >= 0 ? groupKey.substring(colon + 1) : groupKey;
    }
}
