package io.sib2ae.orchestrator.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sib2ae.orchestrator.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compressed MusicXML read in memory: the container decides, and hostile archives are refused. */
class MxlArchiveTest {

    private static final String SCORE = "<score-partwise version=\"4.0\"><part-list><score-part id=\"P1\"/></part-list>"
            + "<part id=\"P1\"><measure number=\"1\"><note><pitch><step>A</step><octave>4</octave></pitch>"
            + "<duration>1</duration></note></measure></part></score-partwise>";

    private final MxlArchive archive = new MxlArchive(64 << 20, 100);

    private static String container(String rootFile) {
        return "<?xml version=\"1.0\"?><container><rootfiles><rootfile full-path=\"" + rootFile
                + "\" media-type=\"application/vnd.recordare.musicxml+xml\"/></rootfiles></container>";
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(String... namesAndTexts) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            entries.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return zip(entries);
    }

    @Test
    void theContainerNamesTheScore() {
        // A decoy that would sort first at the top level must not be taken instead of the rootfile.
        byte[] mxl = zipOf("META-INF/container.xml", container("scores/real.musicxml"),
                "aaa.xml", "<decoy/>", "scores/real.musicxml", SCORE);
        assertThat(new String(archive.scoreXml(mxl, "s.mxl"), StandardCharsets.UTF_8)).isEqualTo(SCORE);
    }

    @Test
    void withoutAContainerTheTopLevelMusicXmlIsTheScore() {
        byte[] mxl = zipOf("nested/other.xml", "<other/>", "score.xml", SCORE);
        assertThat(new String(archive.scoreXml(mxl, "s.mxl"), StandardCharsets.UTF_8)).isEqualTo(SCORE);
    }

    @Test
    void realCompressedScoresAreRead() {
        for (String file : new String[] {"Saltarello.mxl", "BrookeWestSample.mxl"}) {
            byte[] xml = archive.scoreXml(TestData.bytes("scores/" + file), file);
            assertThat(new MusicXmlReader(1_000_000).read(xml, file).notes()).as(file).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.xml", "a/../../evil.xml", "/etc/evil.xml", "..\\evil.xml", "C:/evil.xml", "C:\\evil.xml"})
    void entryNamesThatClimbOutAreRefused(String name) {
        byte[] mxl = zipOf("score.xml", SCORE, name, "<evil/>");
        assertThatThrownBy(() -> archive.scoreXml(mxl, "slip.mxl"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("points outside");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../score.xml", "/score.xml", "sub/../../score.xml"})
    void aContainerPointingOutsideTheArchiveIsRefused(String rootFile) {
        byte[] mxl = zipOf("META-INF/container.xml", container(rootFile), "score.xml", SCORE);
        assertThatThrownBy(() -> archive.scoreXml(mxl, "out.mxl"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("points outside");
    }

    @Test
    void aContainerNamingAMissingRootfileIsRefused() {
        byte[] mxl = zipOf("META-INF/container.xml", container("missing.musicxml"), "score.xml", SCORE);
        assertThatThrownBy(() -> archive.scoreXml(mxl, "missing.mxl"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("missing.musicxml")
                .hasMessageContaining("does not contain");
    }

    @Test
    void anArchiveWithoutAnyScoreIsRefused() {
        byte[] mxl = zipOf("META-INF/container.xml", "<container><rootfiles/></container>", "readme.txt", "hi");
        assertThatThrownBy(() -> archive.scoreXml(mxl, "none.mxl"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("no MusicXML score");
    }

    @Test
    void aContainerWithAnExternalEntityIsNotResolved() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<container><rootfiles><rootfile full-path=\"&x;\"/></rootfiles></container>";
        byte[] mxl = zipOf("META-INF/container.xml", hostile, "score.xml", SCORE);
        assertThatThrownBy(() -> archive.scoreXml(mxl, "xxe.mxl")).isInstanceOf(ScoreInputException.class)
                .hasMessageContaining("container.xml");
    }

    @Test
    void aHighlyCompressedArchiveIsRefusedByRatio() {
        // 8 MB of one repeated byte deflates to a few kilobytes: far beyond 100:1.
        byte[] mxl = zip(Map.of("score.xml", new byte[8 << 20]));
        assertThat(mxl.length).isLessThan(100_000);
        assertThatThrownBy(() -> archive.scoreXml(mxl, "bomb.mxl"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("compression ratio");
    }

    @Test
    void anArchiveExpandingBeyondTheSizeLimitIsRefused() {
        // With the ratio check out of the way, the absolute limit of 1 MiB stops a 2 MiB entry.
        MxlArchive small = new MxlArchive(1 << 20, 1_000_000);
        byte[] mxl = zip(Map.of("score.xml", new byte[2 << 20]));
        assertThatThrownBy(() -> small.scoreXml(mxl, "big.mxl"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("expands beyond 1048576 bytes");
    }

    @Test
    void tooManyEntriesAreRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i <= 1000; i++) {
            entries.put("e" + i + ".txt", new byte[0]);
        }
        assertThatThrownBy(() -> archive.scoreXml(zip(entries), "many.mxl"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("more than 1000 entries");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        assertThatThrownBy(() -> archive.scoreXml(SCORE.getBytes(StandardCharsets.UTF_8), "plain.mxl"))
                .isInstanceOf(ScoreInputException.class).hasMessageContaining("ZIP");
        assertThatThrownBy(() -> archive.scoreXml(new byte[0], "empty.mxl")).isInstanceOf(ScoreInputException.class);
    }
}
