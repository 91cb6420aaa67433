package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CoordinationProbeTest {
    @Test
    void probe() throws Exception {
        NoteCoordinator c = new NoteCoordinator(new MusicXmlReader(1_000_000), new MidiFileReader(1024, 36000));
        try (Stream<Path> files = Files.list(TestData.file("scores"))) {
            for (Path xml : files.filter(p -> !p.toString().endsWith(".mid") && !p.toString().endsWith(".mxl")).sorted().toList()) {
                String base = xml.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                Path mid = xml.resolveSibling(base + ".mid");
                CoordinatedScore s = c.coordinate(Files.readAllBytes(xml), xml.toString(), Files.readAllBytes(mid), mid.toString());
                System.out.println(base + " notes=" + s.notes().size() + " " + s.matchSummary() + " ratio=" + s.matchSummary().exactRatio()
                        + " midiNotes=" + s.midi().notes().size());
            }
        }
        CoordinatedScore s = c.coordinate(TestData.bytes("sib2ae/SS 9.musicxml"), "SS 9", TestData.bytes("sib2ae/SS 9.mid"), "SS 9.mid");
        s.notes().forEach(n -> System.out.println(n.sequence() + " " + n.instrument() + " " + n.notated().pitchName() + " M" + n.notated().measureNumber()
                + " t=" + n.calculatedStartTime() + " d=" + n.durationSeconds() + " v=" + n.velocity() + " " + n.timingSource() + " " + n.matchMethod()
                + " prim=" + n.primary() + " " + n.tiedGroupId() + " ch=" + n.midiChannel() + " prog=" + n.midiProgram() + " " + n.universalId()));
        System.out.println(s.matchSummary());
    }
}
