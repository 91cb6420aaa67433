package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.coordination.Fixtures;
import io.sib2ae.orchestrator.run.ManifestPlanner;
import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the MIDI and audio hops make of a drum and a tremolo, from the manifests a real score opens
 * with: a drum is its drum key on the percussion channel, struck and left to decay; a tremolo is
 * its strokes on one note.
 */
class PlayingFactsRenderTest {

    private static SynthesizerPool pool;
    private static AudioRenderer renderer;

    @TempDir
    Path root;

    @BeforeAll
    static void openPool() {
        pool = new SynthesizerPool(AudioRendererTest.testSoundFont(), SynthesizerPool.Settings.defaults().withSize(1));
        renderer = new AudioRenderer(pool);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    private ScoreRun open(String fixture) throws IOException {
        byte[] xml;
        try (InputStream in = getClass().getResourceAsStream("/fidelity/" + fixture)) {
            xml = in.readAllBytes();
        }
        return new ManifestPlanner(new ManifestStore(), root.resolve("output"))
                .plan(Fixtures.coordinator().coordinate(xml, fixture, null, null));
    }

    @Test
    void aSnareIsStruckOnTheDrumChannelAndSoundsAsLongAsItsDecay() throws IOException {
        NoteWork snare = open("drums.musicxml").notes().stream()
                .filter(w -> "snare".equals(w.manifest().drumName) && "P1".equals(w.manifest().partId)).findFirst().orElseThrow();
        NoteMidiSpec spec = MidiHop.spec(snare);
        assertThat(spec.channel()).isEqualTo(9);
        assertThat(spec.midiPitch()).isEqualTo(38);
        assertThat(spec.program()).isZero();
        // Written as a quarter (0.5 s), struck for 50 ms: the audio is the drum's own decay.
        assertThat(spec.durationSeconds()).isEqualTo(MidiHop.DRUM_STRIKE_SECONDS);
        RenderedAudio audio = renderer.render(spec);
        assertThat(audio.peakDbfs()).isGreaterThan(-40.0);
        // The tail is cut where the decay falls below -60 dBFS, well before a written quarter plus its tail.
        assertThat(audio.durationSeconds()).isLessThan(1.0);
    }

    @Test
    void aTremoloNoteIsRenderedAsItsStrokes() throws IOException {
        NoteWork c5 = open("tremolos.musicxml").notes().stream()
                .filter(w -> "C5".equals(w.manifest().pitch)).findFirst().orElseThrow();
        assertThat(c5.manifest().tremolo.strokes()).isEqualTo(8);
        NoteMidiSpec spec = MidiHop.spec(c5);
        assertThat(spec.strokes()).hasSize(8);
        assertThat(spec.strokes()).extracting(NoteMidiSpec.Stroke::offsetSeconds)
                .containsExactly(0.0, 0.0625, 0.125, 0.1875, 0.25, 0.3125, 0.375, 0.4375);
        RenderedAudio audio = renderer.render(spec);
        assertThat(audio.peakDbfs()).isGreaterThan(-40.0);
        assertThat(audio.soundingSeconds()).isGreaterThanOrEqualTo(0.5);
    }
}
