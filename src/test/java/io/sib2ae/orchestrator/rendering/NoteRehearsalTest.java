package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up rehearsal of the per-note work, on the real Gervill synthesizer with TimGM6mb. */
class NoteRehearsalTest {

    @Test
    void aRehearsalLeavesTheNotesRenderedAfterItByteIdentical() {
        NoteMidiSpec violin = NoteMidiSpec.of(67, 90, 0, 40, 100, 0.6);
        NoteMidiSpec drum = NoteMidiSpec.of(38, 100, 9, 0, 100, 0.2);
        byte[] violinFresh;
        byte[] drumFresh;
        try (SynthesizerPool fresh = onePool()) {
            AudioRenderer renderer = new AudioRenderer(fresh);
            violinFresh = renderer.render(violin).pcm();
            drumFresh = renderer.render(drum).pcm();
        }

        try (SynthesizerPool rehearsed = onePool()) {
            AudioRenderer renderer = new AudioRenderer(rehearsed);
            int done = new NoteRehearsal(renderer, new KeyframeExtractor(), 30).rehearse(12);

            assertThat(done).isEqualTo(12);
            assertThat(renderer.render(violin).pcm()).isEqualTo(violinFresh);
            assertThat(renderer.render(drum).pcm()).isEqualTo(drumFresh);
        }
    }

    @Test
    void theRehearsalGivesWayToARealNoteWaitingForASynthesizer() throws Exception {
        ExecutorService realWork = Executors.newSingleThreadExecutor();
        try (SynthesizerPool pool = onePool()) {
            AudioRenderer renderer = new AudioRenderer(pool);
            NoteRehearsal rehearsal = new NoteRehearsal(renderer, new KeyframeExtractor(), 30);
            Future<RenderedAudio> real;
            try (SynthesizerPool.Lease busy = pool.borrow()) {
                real = realWork.submit(() -> renderer.render(NoteRehearsal.note(1)));
                await().atMost(Duration.ofSeconds(10)).until(pool::hasWaitingBorrowers);

                assertThat(rehearsal.rehearse(60)).isZero();
            }
            assertThat(real.get().frames()).isPositive();
            assertThat(pool.hasWaitingBorrowers()).isFalse();
        } finally {
            realWork.shutdownNow();
        }
    }

    @Test
    void aWavWrittenToAStreamHasTheFilesBytes(@TempDir Path dir) throws Exception {
        try (SynthesizerPool pool = onePool()) {
            RenderedAudio audio = new AudioRenderer(pool).render(NoteRehearsal.note(3));
            Path wav = WavFile.write(dir.resolve("n.wav"), audio);
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();

            WavFile.writeTo(streamed, audio.format(), audio.pcm());

            assertThat(streamed.toByteArray()).isEqualTo(Files.readAllBytes(wav));
        }
    }

    private static SynthesizerPool onePool() {
        return new SynthesizerPool(AudioRendererTest.testSoundFont(), SynthesizerPool.Settings.defaults().withSize(1));
    }
}
