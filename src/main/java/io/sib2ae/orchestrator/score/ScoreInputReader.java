package io.sib2ae.orchestrator.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Loads a score set's files into memory, within size limits, unpacking compressed MusicXML. */
public final class ScoreInputReader {

    private final long maxFileBytes;
    private final MxlArchive mxlArchive;

    public ScoreInputReader(long maxFileBytes, MxlArchive mxlArchive) {
        this.maxFileBytes = maxFileBytes;
        this.mxlArchive = mxlArchive;
    }

    public byte[] musicXml(Path file) {
        byte[] bytes = read(file);
        if (bytes.length == 0) {
            throw new ScoreInputException("The MusicXML file is empty (0 bytes)", file.getFileName().toString());
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mxl")) {
            return mxlArchive.scoreXml(bytes, file.getFileName().toString());
        }
        return bytes;
    }

    public byte[] read(Path file) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw new ScoreInputException("The file is " + size + " bytes, over the limit of " + maxFileBytes
                        + " (sib2ae.limits.max-file-bytes)", name);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ScoreInputException("The file cannot be read: " + e.getMessage(), name);
        }
    }
}
