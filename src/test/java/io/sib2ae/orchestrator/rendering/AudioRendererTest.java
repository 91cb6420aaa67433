package io.sib2ae.orchestrator.rendering;

import io.sib2ae.orchestrator.rendering.SoundFontLocator.SoundFontException;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Renders real notes with Gervill on the small TimGM6mb SoundFont (or the built-in sounds without it). */
class AudioRendererTest {

    private static final int FLUTE = 73;
    private static final int PIANO = 0;
    private static final int A4 = 69;

    static SoundFontChoice testSoundFont() {
        // The 6 MB TimGM6mb keeps tests quick; FluidR3 (148 MB) would dominate the run time.
        return new SoundFontLocator(List.of(Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"))).locate(null);
    }

    private static SynthesizerPool pool;
    private static AudioRenderer renderer;

    @BeforeAll
    static void openPool() {
        // One synthesizer, so every render in this class reuses the same instance.
        pool = new SynthesizerPool(testSoundFont(), SynthesizerPool.Settings.defaults().withSize(1));
        renderer = new AudioRenderer(pool);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void fluteA4IsAValidWavAt440Hz(@TempDir Path dir) throws Exception {
        NoteMidiSpec a4 = NoteMidiSpec.of(A4, 100, 0, FLUTE, 120, 1.0);
        Path wav = dir.resolve("a4.wav");

        RenderedAudio audio = renderer.renderToWav(a4, wav);

        WavFile.Header header = WavFile.validate(wav);
        assertThat(header.sampleRate()).isEqualTo(44_100);
        assertThat(header.channels()).isEqualTo(2);
        assertThat(header.bitsPerSample()).isEqualTo(16);
        assertThat(header.durationSeconds()).isGreaterThanOrEqualTo(1.0);
        assertThat(header.frames()).isEqualTo(audio.frames());
        assertThat(WavFile.readPcm(wav)).isEqualTo(audio.pcm());
        assertThat(audio.peakDbfs()).isGreaterThan(-30.0);
        assertThat(audio.soundFont()).isEqualTo(pool.soundFont());

        double f0 = fundamentalHz(audio.monoSamples(), 44_100, 0.2, 0.9);
        assertThat(f0).isCloseTo(440.0, within(440.0 * 0.03));
    }

    @Test
    void releaseTailIsCutOnceTheSoundHasDecayed() {
        NoteMidiSpec note = NoteMidiSpec.of(A4, 100, 0, FLUTE, 120, 0.3);

        RenderedAudio audio = renderer.render(note);

        assertThat(audio.durationSeconds()).isGreaterThanOrEqualTo(0.3);
        // The flute releases in well under the 2 s cap: the quiet rest of the cap is not kept.
        assertThat(audio.durationSeconds()).isLessThan(0.3 + renderer.settings().maxTailSeconds());
        assertThat(audio.tailSeconds()).isGreaterThan(0.0);
        double[] mono = audio.monoSamples();
        double lastPeak = peak(mono, mono.length - 441, mono.length); // last 10 ms
        assertThat(20 * Math.log10(lastPeak + 1e-12)).isLessThan(-60.0);
    }

    @Test
    void tailIsCappedWhenTheSoundKeepsRinging() {
        // A loud low piano note held for 1 s rings on well past 0.2 s after its release: the cap cuts it.
        AudioRenderer shortTails = new AudioRenderer(pool, AudioRenderer.Settings.defaults().withMaxTailSeconds(0.2));
        NoteMidiSpec note = NoteMidiSpec.of(36, 120, 0, PIANO, 120, 1.0);

        RenderedAudio audio = shortTails.render(note);

        assertThat(audio.durationSeconds()).isGreaterThanOrEqualTo(1.0).isLessThan(1.0 + 0.2 + 0.02);
        assertThat(audio.tailSeconds()).isGreaterThanOrEqualTo(0.2); // the whole cap was used
        double[] mono = audio.monoSamples();
        assertThat(mono[mono.length - 1]).isCloseTo(0.0, within(1e-4)); // faded out, no click
    }

    @Test
    void sameNoteRenderedTwiceOnOneSynthesizerIsByteIdentical() {
        NoteMidiSpec note = NoteMidiSpec.of(A4, 90, 0, FLUTE, 100, 0.5);

        RenderedAudio first = renderer.render(note);
        RenderedAudio second = renderer.render(note);

        assertThat(pool.openedCount()).isEqualTo(1);
        assertThat(second.frames()).isEqualTo(first.frames());
        assertThat(second.pcm()).isEqualTo(first.pcm());
    }

    @Test
    void aRenderPastItsTimeoutStopsOnItsOwnThreadAndTheNextRenderIsUnharmed() {
        // Any real render outlasts a nanosecond: the first look at the deadline gives up.
        AudioRenderer impatient = new AudioRenderer(pool, AudioRenderer.Settings.defaults().withTimeoutSeconds(1e-9));
        NoteMidiSpec note = NoteMidiSpec.of(A4, 90, 0, FLUTE, 100, 0.5);
        RenderedAudio expected = renderer.render(note);

        assertThatThrownBy(() -> impatient.render(note))
                .isInstanceOf(AudioRenderer.RenderTimeoutException.class)
                .hasMessageStartingWith("still running after ")
                .hasMessageEndingWith("ms (timeout 0 ms)");

        // The abandoned synthesizer was discarded, not handed on mid-note: the same note renders as before.
        assertThat(pool.openedCount()).isZero();
        assertThat(renderer.render(note).pcm()).isEqualTo(expected.pcm());
    }

    /**
     * A service that renders score after score fills a synthesizer's banks until it starts over
     * from bank 1. With room for only two zone sets, six notes of different programs and ranges
     * wrap it twice; each then sounds exactly as on a synthesizer that never wrapped.
     */
    @Test
    void notesSoundTheSameAfterTheLoadedZoneSetsStartOverFromBankOne() {
        List<NoteMidiSpec> notes = List.of(NoteMidiSpec.of(A4, 100, 0, FLUTE, 120, 0.3),
                NoteMidiSpec.of(40, 100, 1, PIANO, 120, 0.3), NoteMidiSpec.of(84, 90, 2, PIANO, 120, 0.3),
                NoteMidiSpec.of(52, 80, 3, 40, 120, 0.3), NoteMidiSpec.of(76, 100, 4, FLUTE, 120, 0.3),
                NoteMidiSpec.of(A4, 100, 0, FLUTE, 120, 0.3));
        try (SynthesizerPool wrapping = new SynthesizerPool(testSoundFont(),
                SynthesizerPool.Settings.defaults().withSize(1).withMaxLoadedZoneSets(2))) {
            AudioRenderer wrappingRenderer = new AudioRenderer(wrapping);
            for (NoteMidiSpec note : notes) {
                RenderedAudio clean;
                try (SynthesizerPool fresh = new SynthesizerPool(testSoundFont(), SynthesizerPool.Settings.defaults().withSize(1))) {
                    clean = new AudioRenderer(fresh).render(note);
                }
                assertThat(wrappingRenderer.render(note).pcm()).as("note %s", note).isEqualTo(clean.pcm());
            }
            assertThat(wrapping.openedCount()).isEqualTo(1);
        }
    }

    @Test
    void loudNoteCutOffMidSoundDoesNotLeakIntoTheNextNote() {
        NoteMidiSpec probe = NoteMidiSpec.of(A4, 90, 0, FLUTE, 100, 0.5);
        RenderedAudio clean;
        try (SynthesizerPool fresh = new SynthesizerPool(testSoundFont(), SynthesizerPool.Settings.defaults().withSize(1))) {
            clean = new AudioRenderer(fresh).render(probe);
        }
        // Leave the shared synthesizer ringing: a loud pedalled bass note on another channel and
        // program, cut while still sounding.
        AudioRenderer noTail = new AudioRenderer(pool, AudioRenderer.Settings.defaults().withMaxTailSeconds(0.0));
        RenderedAudio loud = noTail.render(NoteMidiSpec.of(31, 127, 5, PIANO, 120, 0.3).withSoundingDuration(0.6));
        assertThat(loud.peakDbfs()).isGreaterThan(-30.0);
        double[] loudSamples = loud.monoSamples();
        assertThat(peak(loudSamples, loudSamples.length - 441, loudSamples.length)).isGreaterThan(0.001);

        RenderedAudio after = renderer.render(probe);

        assertThat(after.pcm()).isEqualTo(clean.pcm());
    }

    @Test
    void sustainPedalKeepsTheNoteSoundingUntilItsRelease() {
        NoteMidiSpec dry = NoteMidiSpec.of(A4, 100, 0, FLUTE, 120, 0.3);
        NoteMidiSpec pedalled = dry.withSoundingDuration(1.0);

        RenderedAudio withPedal = renderer.render(pedalled);
        RenderedAudio without = renderer.render(dry);

        double[] held = withPedal.monoSamples();
        double heldPeak = peak(held, (int) (0.6 * 44_100), (int) (0.9 * 44_100));
        assertThat(20 * Math.log10(heldPeak)).isGreaterThan(-30.0);
        assertThat(withPedal.soundingSeconds()).isCloseTo(1.0, within(1e-3));
        // Without the pedal the note has released long before 0.6 s.
        assertThat(without.durationSeconds()).isLessThan(0.9);
        double[] released = without.monoSamples();
        int from = Math.min(released.length, (int) (0.6 * 44_100));
        assertThat(peak(released, from, released.length)).isLessThan(heldPeak / 100);
    }

    @Test
    void renderFromTheWrittenMidiFileEqualsRenderFromTheSpec() {
        NoteMidiSpec note = NoteMidiSpec.of(64, 80, 3, 40, 90, 0.4);

        RenderedAudio fromSpec = renderer.render(note);
        RenderedAudio fromSequence = renderer.render(new NoteMidiWriter().toSequence(note));

        assertThat(fromSequence.pcm()).isEqualTo(fromSpec.pcm());
        assertThat(fromSpec.peakDbfs()).isGreaterThan(-40.0);
    }

    @Test
    void aFileSendingTheKillSwitchControllerStillSoundsItsNote() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track track = sequence.createTrack();
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, FLUTE, 0), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, A4, 100), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, SoundBankPrograms.KILL_CONTROLLER, 127), 48));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, A4, 0), 480));

        RenderedAudio audio = renderer.render(sequence);

        double[] mono = audio.monoSamples();
        double lateRms = 0;
        for (int i = (int) (0.3 * 44_100); i < (int) (0.45 * 44_100); i++) {
            lateRms += mono[i] * mono[i];
        }
        assertThat(Math.sqrt(lateRms / (0.15 * 44_100))).as("still sounding 0.3 s in").isGreaterThan(0.01);
    }

    @Test
    void sequenceWithoutProgramChangePlaysOnProgramZero() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track track = sequence.createTrack();
        track.add(new MidiEvent(
                new ShortMessage(ShortMessage.NOTE_ON, 7, 57, 100), 0));
        track.add(new MidiEvent(
                new ShortMessage(ShortMessage.NOTE_OFF, 7, 57, 0), 480)); // 0.5 s

        RenderedAudio audio = renderer.render(sequence);

        assertThat(audio.soundingSeconds()).isCloseTo(0.5, within(1e-9));
        assertThat(audio.peakDbfs()).isGreaterThan(-40.0);
        assertThat(fundamentalHz(audio.monoSamples(), 44_100, 0.05, 0.45)).isCloseTo(220.0, within(220 * 0.03));
    }

    @Test
    void corruptSoundFontFailsEveryRenderAttemptWithAClearMessage(@TempDir Path dir) throws Exception {
        // A valid RIFF 'sfbk' header of the right size over garbage passes the cheap header check
        // but cannot be parsed: the pool must fail each render, not fall back to other sounds.
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        byte[] header = {'R', 'I', 'F', 'F', (byte) (4096 - 8), (byte) ((4096 - 8) >> 8), 0, 0, 's', 'f', 'b', 'k'};
        System.arraycopy(header, 0, garbage, 0, header.length);
        Path sf2 = dir.resolve("broken.sf2");
        Files.write(sf2, garbage);

        try (SynthesizerPool broken = new SynthesizerPool(SoundFontChoice.file(sf2))) {
            AudioRenderer brokenRenderer = new AudioRenderer(broken);
            NoteMidiSpec note = NoteMidiSpec.of(A4, 100, 0, FLUTE, 120, 0.2);
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> brokenRenderer.render(note))
                        .isInstanceOf(SoundFontException.class)
                        .hasMessageContaining(sf2.toString())
                        .hasMessageContaining("corrupt");
            }
            assertThat(broken.openedCount()).isZero();
            assertThat(broken.loadFailure()).isNotNull();
        }
    }

    @Test
    void garbageFileIsRejectedAsASoundFont(@TempDir Path dir) throws Exception {
        byte[] garbage = new byte[2048];
        new Random(3).nextBytes(garbage);
        Path sf2 = dir.resolve("garbage.sf2");
        Files.write(sf2, garbage);

        assertThatThrownBy(() -> new SoundFontLocator().locate(sf2))
                .isInstanceOf(SoundFontException.class)
                .hasMessageContaining("corrupt or not a SoundFont");
        try (SynthesizerPool broken = new SynthesizerPool(SoundFontChoice.file(sf2))) {
            assertThatThrownBy(() -> new AudioRenderer(broken).render(NoteMidiSpec.of(60, 90, 0, 0, 120, 0.2)))
                    .isInstanceOf(SoundFontException.class)
                    .hasMessageContaining("garbage.sf2");
        }
    }

    @Test
    void poolNeverOpensMoreSynthesizersThanItsSizeAndClosesThemAll() throws Exception {
        SynthesizerPool two = new SynthesizerPool(testSoundFont(), SynthesizerPool.Settings.defaults().withSize(2));
        SynthesizerPool.Lease a = two.borrow();
        SynthesizerPool.Lease b = two.borrow();
        assertThat(two.openedCount()).isEqualTo(2);
        assertThatThrownBy(() -> two.borrow(10, TimeUnit.MILLISECONDS))
                .isInstanceOf(IllegalStateException.class);
        a.close();
        SynthesizerPool.Lease again = two.borrow();
        assertThat(again).isSameAs(a);
        again.close();
        b.close();
        two.close();
        assertThat(two.openedCount()).isZero();
        assertThat(a.synthesizer().isOpen()).isFalse();
        assertThatThrownBy(two::borrow).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void twoThreadsRenderingAtOnceGetTheSameBytesAsOneThread() throws Exception {
        NoteMidiSpec note = NoteMidiSpec.of(62, 100, 1, 40, 100, 0.4);
        byte[] expected = renderer.render(note).pcm();
        try (SynthesizerPool two = new SynthesizerPool(testSoundFont(), SynthesizerPool.Settings.defaults().withSize(2))) {
            AudioRenderer parallel = new AudioRenderer(two);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<RenderedAudio>> results = threads.invokeAll(List.of(
                        () -> parallel.render(note), () -> parallel.render(note),
                        () -> parallel.render(note), () -> parallel.render(note)));
                for (Future<RenderedAudio> result : results) {
                    assertThat(result.get().pcm()).isEqualTo(expected);
                }
            } finally {
                threads.shutdown();
            }
            assertThat(two.openedCount()).isBetween(1, 2);
        }
    }

    /** The lowest spectral peak at least 30 % as strong as the strongest one (the fundamental), in Hz. */
    static double fundamentalHz(double[] samples, int sampleRate, double fromSeconds, double toSeconds) {
        int from = (int) (fromSeconds * sampleRate);
        int to = Math.min(samples.length, (int) (toSeconds * sampleRate));
        int n = 1 << 15;
        double[] buffer = new double[n];
        int len = Math.min(n, to - from);
        for (int i = 0; i < len; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (len - 1));
            buffer[i] = samples[from + i] * hann;
        }
        new DoubleFFT_1D(n).realForward(buffer);
        double[] magnitude = new double[n / 2];
        for (int k = 1; k < n / 2; k++) {
            magnitude[k] = Math.hypot(buffer[2 * k], buffer[2 * k + 1]);
        }
        double max = 0;
        for (double m : magnitude) {
            max = Math.max(max, m);
        }
        int minBin = (int) (50.0 * n / sampleRate);
        for (int k = Math.max(2, minBin); k < n / 2 - 1; k++) {
            boolean localPeak = magnitude[k] >= magnitude[k - 1] && magnitude[k] >= magnitude[k + 1];
            if (localPeak && magnitude[k] >= 0.3 * max) {
                // Parabolic interpolation between bins for sub-bin accuracy.
                double a = magnitude[k - 1];
                double b = magnitude[k];
                double c = magnitude[k + 1];
                double offset = 0.5 * (a - c) / (a - 2 * b + c);
                return (k + offset) * sampleRate / n;
            }
        }
        throw new AssertionError("no spectral peak found");
    }

    static double peak(double[] samples, int from, int to) {
        double peak = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }
}
