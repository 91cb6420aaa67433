package io.sib2ae.orchestrator.rendering;

import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.manifest.FileEntry;
import io.sib2ae.orchestrator.manifest.FileRecords;
import io.sib2ae.orchestrator.manifest.HopInputs;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.manifest.StageStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The audio hop: renders a note offline with Gervill into its WAV. It throws on failure, so
 * that the circuit breaker around it counts the failure; the breaker's fallback records it.
 *
 * <p>The audio stage tells the fallback what happened: a render marks it {@code running} before it
 * starts, so a fallback that finds it still {@code pending} knows the breaker never let the call
 * through. A render that runs past the render timeout stops itself and throws (see
 * {@link AudioRenderer}). Should a studio turn on the breaker's own timeout, which runs every call
 * on a thread of its own, a render it gave up on may still finish on that thread; it then finds the
 * stage already failed and leaves the note alone (no file, no record), so a late result can neither
 * contradict the recorded failure nor change a manifest being written.
 */
public final class AudioHop {

    static final String FOLDER = "audio";

    private final AudioRenderer renderer;
    private final String soundFontDescription;
    private final RenderObserver observer;

    public AudioHop(AudioRenderer renderer, String soundFontDescription, RenderObserver observer) {
        this.renderer = renderer;
        this.soundFontDescription = soundFontDescription;
        this.observer = observer;
    }

    /**
     * True when this note needs no rendering: a tied secondary, or audio a previous run verified
     * and made with the SoundFont configured now (a studio that switches SoundFonts wants the new sounds).
     */
    public boolean alreadyDone(NoteWork work) {
        NoteManifest m = work.manifest();
        if (!m.isPrimary) {
            return true;
        }
        return HopInputs.unchanged(m, Stage.AUDIO, inputs(work)) && FileRecords.verified(m.files.audio, work.run().folder());
    }

    /**
     * What the WAV is made from: what sounds (pitch, velocity, channel, program, how long it is held
     * and sounds with the pedal, a tremolo's strokes), the SoundFont, the format and how tails are
     * cut. Not the tempo nor where the note stands in the score: a note that only moved keeps its audio.
     */
    String inputs(NoteWork work) {
        NoteMidiSpec spec = MidiHop.spec(work);
        AudioRenderer.Settings settings = renderer.settings();
        return HopInputs.fingerprint(Stage.AUDIO, spec.soundFacts(), soundFontDescription,
                renderer.format(), settings.maxTailSeconds(), settings.silenceDbfs(), settings.levelWindowSeconds());
    }

    public NoteWork skip(NoteWork work) {
        NoteManifest m = work.manifest();
        if (m.isPrimary) {
            m.stages.audio.markKept("already rendered with " + soundFontDescription + " and verified");
            HopInputs.record(m, Stage.AUDIO, inputs(work));
        }
        work.run().tally(Stage.AUDIO, StageState.SKIPPED);
        return work;
    }

    /**
     * Renders the note and writes its WAV.
     *
     * @return the rendered audio, which the keyframes hop analyses in memory; null when the
     *         breaker's timeout gave up on this render and the failure is recorded
     */
    public RenderedAudio render(NoteWork work) {
        NoteManifest m = work.manifest();
        ScoreRun run = work.run();
        synchronized (m) {
            if (!m.stages.audio.is(StageState.PENDING)) {
                // The breaker's timeout fired before this call even began, and the failure is recorded.
                return null;
            }
            m.stages.audio.mark(StageState.RUNNING, null);
        }
        long started = System.nanoTime();
        RenderedAudio audio = renderer.render(MidiHop.spec(work));
        synchronized (m) {
            if (!m.stages.audio.is(StageState.RUNNING)) {
                return null; // timed out meanwhile: the fallback recorded the failure
            }
            Path target = run.folder().resolve(FOLDER).resolve(m.files.audio.predictedFilename);
            WavFile.write(target, audio);
            FileRecords.record(m.files.audio, run.folder(), target);
            NoteManifest.AudioFacts facts = new NoteManifest.AudioFacts();
            facts.soundfont = soundFontDescription;
            facts.sampleRate = (int) audio.format().getSampleRate();
            facts.channels = audio.format().getChannels();
            facts.bits = audio.format().getSampleSizeInBits();
            facts.soundingSeconds = audio.soundingSeconds();
            facts.lengthSeconds = audio.durationSeconds();
            facts.peakDbfs = Double.isFinite(audio.peakDbfs()) ? audio.peakDbfs() : -120.0;
            m.audio = facts;
            HopInputs.record(m, Stage.AUDIO, inputs(work));
            m.stages.audio.mark(StageState.COMPLETED, null);
            long took = System.nanoTime() - started;
            m.stages.audio.durationMs = took / 1_000_000;
            observer.rendered(java.time.Duration.ofNanos(took));
            run.tally(Stage.AUDIO, StageState.COMPLETED);
        }
        return audio;
    }

    /**
     * The circuit breaker's fallback: the note is recorded as failed, never as rendered, and
     * keeps no audio file record, so the next run of the score renders it again.
     *
     * <p>Camel's fallback marks every call it handles as short-circuited, so that flag cannot tell
     * an open breaker from a failed render; the audio stage can. A render that threw left its
     * exception (a {@link AudioRenderer.RenderTimeoutException} when it ran past the render
     * timeout); one still {@code running} without one was given up on by the breaker's own
     * timeout, should a studio enable it; one still
     * {@code pending} was never let through, because the breaker was open (or half-open and out of
     * trial calls): only those are marked {@code breaker_open}.
     *
     * @param failure      the exception the render threw, if it threw
     * @param breakerState the breaker's state when the fallback ran
     */
    public NoteWork recordFailure(NoteWork work, Throwable failure, String breakerState) {
        NoteManifest m = work.manifest();
        synchronized (m) {
            StageStatus stage = m.stages.audio;
            if (stage.is(StageState.COMPLETED)) {
                return work; // finished and recorded just as the timeout fired: the WAV is real and verified
            }
            boolean attempted = stage.is(StageState.RUNNING);
            boolean shortCircuited = false;
            String reason;
            if (failure instanceof AudioRenderer.RenderTimeoutException) {
                reason = "render timed out: " + failure.getMessage();
            } else if (failure != null) {
                reason = "render failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
            } else if (attempted) {
                reason = "render timed out: still running after " + sinceMillis(stage.timestamp) + " ms";
            } else if (breakerState == null || "CLOSED".equals(breakerState)) {
                reason = "render timed out before it started";
            } else {
                shortCircuited = true;
                reason = "circuit breaker " + breakerState + ": audio rendering is failing, note not attempted";
            }
            stage.mark(StageState.FAILED, reason);
            stage.breakerOpen = shortCircuited ? Boolean.TRUE : null;
            m.files.audio = new FileEntry(m.files.audio.predictedFilename);
            m.audio = null;
            HopInputs.forget(m, Stage.AUDIO);
            observer.failed();
            work.run().tally(Stage.AUDIO, StageState.FAILED);
        }
        return work;
    }

    private static long sinceMillis(String timestamp) {
        try {
            return Duration.between(Instant.parse(timestamp), Instant.now()).toMillis();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
