package io.sib2ae.orchestrator.e2e;

import io.sib2ae.orchestrator.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile corpus of {@code src/test/resources/hostile/}: the small files committed there,
 * and the big or binary ones (10^6 notes, zip bombs, 65,536-track MIDI, 10^5 nested SVG
 * groups...) generated into a staging folder at test time. {@code hostile/README.md} lists
 * every case with its expected outcome.
 */
final class HostileCorpus {

    /** Where the committed part of the corpus lives. */
    static final Path RESOURCES = Path.of("src/test/resources/hostile").toAbsolutePath();

    static final String SS9 = "sib2ae/SS 9";

    /** FAILED: quarantined in failed/ with an error report; the others: the manifest's final status. */
    enum Outcome { FAILED, COMPLETED, COMPLETED_WITH_FAILURES }

    /**
     * One hostile score: the files dropped under one base name and what must become of them.
     *
     * @param keyword   for a failed score, a word its error reason must hold; for a score that
     *                  completes with failures, a word of the SVG stage's error
     */
    record HostileCase(String name, List<Path> files, Outcome outcome, String keyword) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Path staging;
    private final int port;
    /** Appears in the absolute zip-slip entry, so the test can look for exactly that file. */
    private final String slipMarker;
    private final List<HostileCase> cases = new ArrayList<>();

    HostileCorpus(Path staging, int port, String slipMarker) {
        this.staging = staging;
        this.port = port;
        this.slipMarker = slipMarker;
    }

    List<HostileCase> build() throws IOException {
        Files.createDirectories(staging);
        byte[] ss9 = TestData.bytes(SS9 + ".musicxml");
        byte[] ss9Midi = TestData.bytes(SS9 + ".mid");
        byte[] ss9Svg = TestData.bytes(SS9 + ".svg");

        // --- XML parser attacks: entities and DTDs (committed, local server port filled in) ---
        failed("xxe-file", "xxefile", committed("xxe-file.musicxml"));
        failed("xxe-http", "xxehttp", committed("xxe-http.musicxml"));
        completed("xxe-parameter", committed("xxe-parameter.musicxml"));
        failed("billion-laughs", "lol9", committed("billion-laughs.musicxml"));
        completed("dtd-fetch", committed("dtd-fetch.musicxml"), write("dtd-fetch.mid", ss9Midi), write("dtd-fetch.svg", ss9Svg));

        // --- Nonsense values in otherwise valid MusicXML ---
        failed("divisions-zero", "divisions", committed("divisions-zero.musicxml"));
        failed("divisions-negative", "divisions", committed("divisions-negative.musicxml"));
        failed("alter-1000", "alter", committed("alter-1000.musicxml"));
        failed("duration-negative", "negative", committed("duration-negative.musicxml"));
        failed("notes-million", "max-notes", write("notes-million.musicxml", this::millionNotes));

        // --- Part names: paths, NUL, 10,000 characters ---
        completed("part-slash", committed("part-slash.musicxml"));
        completed("part-backslash", committed("part-backslash.musicxml"));
        completed("part-dotdot", committed("part-dotdot.musicxml"));
        failed("part-nul", "invalid XML character", committed("part-nul.musicxml"));
        completed("part-long", write("part-long.musicxml", Files.readString(RESOURCES.resolve("part-long.template.musicxml"))
                .replace("@LONG_PART_NAME@", longPartName()).getBytes(StandardCharsets.UTF_8)));

        // --- Not XML at all, or XML in another encoding ---
        failed("empty", "empty", committed("empty.musicxml"));
        failed("junk", "Not well-formed", write("junk.musicxml", junk(4096, 7)));
        completed("utf16-bom", write("utf16-bom.musicxml", utf16WithBom(ss9)));

        // --- Compressed MusicXML (.mxl) ---
        byte[] tiny = Files.readAllBytes(RESOURCES.resolve("part-slash.musicxml"));
        failed("zip-slip", "points outside", write("zip-slip.mxl", zip(
                entry("META-INF/container.xml", container("score.musicxml")), entry("score.musicxml", tiny),
                entry("../../x", "zip slip".getBytes(StandardCharsets.UTF_8)),
                entry("../../../../../../../../../../tmp/" + slipMarker, "zip slip".getBytes(StandardCharsets.UTF_8)))));
        failed("container-outside", "points outside", write("container-outside.mxl", zip(
                entry("META-INF/container.xml", container("../../outside.musicxml")), entry("score.musicxml", tiny))));
        failed("container-absolute", "points outside", write("container-absolute.mxl", zip(
                entry("META-INF/container.xml", container("/etc/passwd")), entry("score.musicxml", tiny))));
        failed("container-missing", "does not contain", write("container-missing.mxl", zip(
                entry("META-INF/container.xml", container("elsewhere.musicxml")), entry("score.musicxml", tiny))));
        failed("container-laughs", "lol9", write("container-laughs.mxl", zip(
                entry("META-INF/container.xml", laughingContainer()), entry("score.musicxml", tiny))));
        failed("zip-bomb-ratio", "compression ratio", write("zip-bomb-ratio.mxl", zipBomb(50 << 20, 0)));
        failed("zip-bomb-size", "expands beyond", write("zip-bomb-size.mxl", zipBomb(70 << 20, 24)));
        failed("mxl-junk", "ZIP archive", write("mxl-junk.mxl", junk(2048, 11)));

        // --- MIDI beside a valid MusicXML of the same base name ---
        failed("midi-truncated", "truncated", write("midi-truncated.musicxml", ss9), write("midi-truncated.mid", truncatedMidi()));
        failed("midi-ticks-2pow31", "max-midi-seconds", write("midi-ticks-2pow31.musicxml", ss9),
                write("midi-ticks-2pow31.mid", longMidi()));
        failed("midi-tracks-65535", "max-midi-tracks", write("midi-tracks-65535.musicxml", ss9),
                write("midi-tracks-65535.mid", manyTracks(65_535, 65_535)));
        failed("midi-tracks-65536", "65536", write("midi-tracks-65536.musicxml", ss9),
                write("midi-tracks-65536.mid", manyTracks(65_536, 0)));
        failed("midi-empty", "empty", write("midi-empty.musicxml", ss9), write("midi-empty.mid", new byte[0]));

        // --- SVG beside a valid MusicXML and MIDI: only the SVG hop fails ---
        completedWithFailures("svg-nested", "deeper", write("svg-nested.musicxml", ss9), write("svg-nested.mid", ss9Midi),
                write("svg-nested.svg", this::nestedSvg));
        completedWithFailures("svg-xxe", "entities", write("svg-xxe.musicxml", ss9), write("svg-xxe.mid", ss9Midi),
                write("svg-xxe.svg", svgWithEntity(ss9Svg)));
        return List.copyOf(cases);
    }

    // ------------------------------------------------------------------ cases

    private void failed(String name, String keyword, Path... files) {
        cases.add(new HostileCase(name, List.of(files), Outcome.FAILED, keyword));
    }

    private void completed(String name, Path... files) {
        cases.add(new HostileCase(name, List.of(files), Outcome.COMPLETED, null));
    }

    private void completedWithFailures(String name, String svgKeyword, Path... files) {
        cases.add(new HostileCase(name, List.of(files), Outcome.COMPLETED_WITH_FAILURES, svgKeyword));
    }

    /** A committed corpus file, copied to staging with the local server's port filled in. */
    private Path committed(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(RESOURCES.resolve(name));
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.contains("127.0.0.1:9/")) {
            bytes = text.replace("127.0.0.1:9/", "127.0.0.1:" + port + "/").getBytes(StandardCharsets.UTF_8);
        }
        return write(name, bytes);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = staging.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private Path write(String name, Body body) throws IOException {
        Path file = staging.resolve(name);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            body.writeTo(out);
        }
        return file;
    }

    // ------------------------------------------------------------------ MusicXML

    /** 10^6 notes: well over the default limit of 200,000 (sib2ae.limits.max-notes), about 20 MB. */
    private void millionNotes(OutputStream out) throws IOException {
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<score-partwise version=\"3.1\">\n"
                + "<part-list><score-part id=\"P1\"><part-name>Flute</part-name></score-part></part-list>\n"
                + "<part id=\"P1\"><measure number=\"1\"><attributes><divisions>1</divisions></attributes>\n");
        for (int i = 0; i < 1_000_000; i++) {
            w.write("<note><rest/></note>\n");
        }
        w.write("</measure></part></score-partwise>\n");
        w.flush();
    }

    /** 10,000 characters, with non-ASCII letters so that a byte-length limit is tested too. */
    static String longPartName() {
        return "Flûte/".repeat(10_000 / 6) + "Flûte".substring(0, 10_000 % 6);
    }

    /** The same score in UTF-16 (big-endian, with a byte order mark), as some editors save it. */
    private static byte[] utf16WithBom(byte[] utf8Score) {
        String text = new String(utf8Score, StandardCharsets.UTF_8).replace("encoding='UTF-8'", "encoding='UTF-16'");
        if (!text.contains("encoding='UTF-16'")) {
            throw new IllegalStateException("SS 9's prolog changed: the UTF-16 case no longer declares its encoding");
        }
        return text.getBytes(StandardCharsets.UTF_16); // Java's UTF-16 encoder writes the BOM FE FF
    }

    /** Random bytes that are not XML: a fixed seed keeps the case the same on every run. */
    private static byte[] junk(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0x9c; // neither '<', 'P' nor a byte order mark
        return bytes;
    }

    // ------------------------------------------------------------------ .mxl

    private record Entry(String name, byte[] bytes) {
    }

    private static Entry entry(String name, byte[] bytes) {
        return new Entry(name, bytes);
    }

    private static byte[] container(String rootFile) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container><rootfiles>"
                + "<rootfile full-path=\"" + rootFile + "\" media-type=\"application/vnd.recordare.musicxml+xml\"/>"
                + "</rootfiles></container>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] laughingContainer() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE container [\n <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + dtd
                + "<container><rootfiles><rootfile full-path=\"score.musicxml&lol9;\"/></rootfiles></container>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Entry e : entries) {
                zip.putNextEntry(new ZipEntry(e.name()));
                zip.write(e.bytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A score entry of {@code size} bytes. With {@code randomEvery} 0 it is all spaces (about
     * 1000:1, a ratio bomb); otherwise one random byte in every {@code randomEvery} keeps the
     * ratio near 20:1, under the ratio limit, so only the size limit can stop it.
     */
    private static byte[] zipBomb(int size, int randomEvery) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
            zip.write(container("score.musicxml"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("score.musicxml"));
            byte[] chunk = new byte[1 << 16];
            Random random = new Random(3);
            for (int written = 0; written < size; written += chunk.length) {
                Arrays.fill(chunk, (byte) ' ');
                if (randomEvery > 0) {
                    for (int i = 0; i < chunk.length; i += randomEvery) {
                        chunk[i] = (byte) ('a' + random.nextInt(26));
                    }
                }
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    // ------------------------------------------------------------------ MIDI

    private static byte[] header(int format, int tracks) {
        return new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, (byte) format, (byte) (tracks >> 8), (byte) tracks, 0x01, (byte) 0xE0};
    }

    private static void track(ByteArrayOutputStream out, byte[] events) {
        out.writeBytes(new byte[] {'M', 'T', 'r', 'k'});
        out.writeBytes(new byte[] {(byte) (events.length >>> 24), (byte) (events.length >>> 16), (byte) (events.length >>> 8),
                (byte) events.length});
        out.writeBytes(events);
    }

    /** A header and a track chunk that declares 100 bytes of which only 9 arrived. */
    private static byte[] truncatedMidi() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(1, 1));
        out.writeBytes(new byte[] {'M', 'T', 'r', 'k', 0, 0, 0, 100});
        out.writeBytes(new byte[] {0x00, (byte) 0x90, 0x3C, 0x40, 0x60, (byte) 0x80, 0x3C, 0x00, 0x00});
        return out.toByteArray();
    }

    /** One note held for exactly 2^31 ticks: eight of the largest delta times SMF allows, then 8 more. */
    private static byte[] longMidi() {
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        events.writeBytes(new byte[] {0x00, (byte) 0xFF, 0x51, 0x03, 0x07, (byte) 0xA1, 0x20}); // 120 bpm
        events.writeBytes(new byte[] {0x00, (byte) 0x90, 0x48, 0x50});
        for (int i = 0; i < 8; i++) {
            // delta 0x0FFFFFFF, then an empty text event
            events.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, (byte) 0xFF, 0x01, 0x00});
        }
        events.writeBytes(new byte[] {0x08, (byte) 0x80, 0x48, 0x00});
        events.writeBytes(new byte[] {0x00, (byte) 0xFF, 0x2F, 0x00});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(0, 1));
        track(out, events.toByteArray());
        return out.toByteArray();
    }

    /**
     * {@code chunks} empty track chunks under a header that declares {@code declared} tracks.
     * The header's count is 16 bits: 65,536 tracks can only be declared as 0.
     */
    private static byte[] manyTracks(int chunks, int declared) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(14 + chunks * 12);
        out.writeBytes(header(1, declared));
        byte[] endOfTrack = {0x00, (byte) 0xFF, 0x2F, 0x00};
        for (int i = 0; i < chunks; i++) {
            track(out, endOfTrack);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ SVG

    /** 10^5 nested groups: far deeper than any page (SvgLimits allows 256 levels), about 0.8 MB. */
    private void nestedSvg(OutputStream out) throws IOException {
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2592 3455\">\n");
        for (int i = 0; i < 100_000; i++) {
            w.write("<g>");
        }
        w.write("<path d=\"M0 0 L1 1\"/>");
        for (int i = 0; i < 100_000; i++) {
            w.write("</g>");
        }
        w.write("\n</svg>\n");
        w.flush();
    }

    /** SS 9's page with an external entity that points at the local server, used in its text. */
    private byte[] svgWithEntity(byte[] svg) {
        String text = new String(svg, StandardCharsets.UTF_8);
        int root = text.indexOf("<svg");
        String doctype = "<!DOCTYPE svg [ <!ENTITY svgxxe SYSTEM \"http://127.0.0.1:" + port + "/svg-entity\"> ]>\n";
        String withEntity = text.substring(0, root) + doctype + text.substring(root).replaceFirst("<desc>", "<desc>&svgxxe;");
        return withEntity.getBytes(StandardCharsets.UTF_8);
    }
}
