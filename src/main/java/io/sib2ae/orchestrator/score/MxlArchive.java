package io.sib2ae.orchestrator.score;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the score out of a compressed MusicXML ({@code .mxl}) file in memory. Nothing is
 * extracted to disk, entry names that climb out of the archive are refused, and total size,
 * entry count and compression ratio are bounded against zip bombs.
 */
public final class MxlArchive {

    private static final String CONTAINER = "META-INF/container.xml";
    private static final int MAX_ENTRIES = 1000;

    private final long maxUncompressedBytes;
    private final int maxCompressionRatio;

    public MxlArchive(long maxUncompressedBytes, int maxCompressionRatio) {
        this.maxUncompressedBytes = maxUncompressedBytes;
        this.maxCompressionRatio = maxCompressionRatio;
    }

    public byte[] scoreXml(byte[] archive, String fileName) {
        Map<String, byte[]> entries = readEntries(archive, fileName);
        String rootFile = null;
        byte[] container = entries.get(CONTAINER);
        if (container != null) {
            rootFile = rootFileOf(container, fileName);
        }
        if (rootFile == null) {
            // Without a container, the first MusicXML at the archive's top level is the score.
            rootFile = entries.keySet().stream().filter(n -> !n.startsWith("META-INF/") && !n.contains("/")
                    && (n.endsWith(".xml") || n.endsWith(".musicxml"))).sorted().findFirst()
                    .orElseThrow(() -> new ScoreInputException("The .mxl archive holds no MusicXML score", fileName));
        }
        checkEntryName(rootFile, fileName);
        byte[] score = entries.get(rootFile);
        if (score == null) {
            throw new ScoreInputException("META-INF/container.xml names '" + rootFile
                    + "', which the .mxl archive does not contain", fileName);
        }
        return score;
    }

    private Map<String, byte[]> readEntries(byte[] archive, String fileName) {
        if (archive.length < 4 || archive[0] != 'P' || archive[1] != 'K') {
            throw new ScoreInputException("Not a compressed MusicXML file: an .mxl must be a ZIP archive", fileName);
        }
        Map<String, byte[]> entries = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                if (entries.size() >= MAX_ENTRIES) {
                    throw new ScoreInputException("The .mxl archive has more than " + MAX_ENTRIES + " entries", fileName);
                }
                String name = entry.getName();
                checkEntryName(name, fileName);
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    if (total > maxUncompressedBytes) {
                        throw new ScoreInputException("The .mxl archive expands beyond " + maxUncompressedBytes
                                + " bytes (sib2ae.limits.max-uncompressed-bytes): refused as a zip bomb", fileName);
                    }
                    if (total > 1_000_000 && total > (long) archive.length * maxCompressionRatio) {
                        throw new ScoreInputException("The .mxl archive's compression ratio exceeds " + maxCompressionRatio
                                + ":1 (sib2ae.limits.max-compression-ratio): refused as a zip bomb", fileName);
                    }
                    out.write(buffer, 0, read);
                }
                entries.put(name, out.toByteArray());
            }
        } catch (IOException e) {
            throw new ScoreInputException("The .mxl archive is corrupt: " + e.getMessage(), fileName);
        }
        return entries;
    }

    private static void checkEntryName(String name, String fileName) {
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.contains("../") || normalized.equals("..")
                || normalized.matches("^[A-Za-z]:.*") || normalized.indexOf('\0') >= 0) {
            throw new ScoreInputException("The .mxl archive has an entry that points outside it ('" + name
                    + "'): refused", fileName);
        }
    }

    private static String rootFileOf(byte[] container, String fileName) {
        try (InputStream in = new ByteArrayInputStream(container)) {
            XMLStreamReader xml = SecureXml.musicXmlReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("rootfile")) {
                    return xml.getAttributeValue(null, "full-path");
                }
            }
            return null;
        } catch (XMLStreamException | IOException e) {
            throw new ScoreInputException("META-INF/container.xml of the .mxl is unreadable: " + e.getMessage(), fileName);
        }
    }
}
