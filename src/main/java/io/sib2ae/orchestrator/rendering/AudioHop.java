package io.sib2ae.orchestrator.rendering;

import io.sib2ae.orchestrator.coordination.NoteWork;
import io.sib2ae.orchestrator.coordination.ScoreRun;
import io.sib2ae.orchestrator.manifest.FileRecords;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.StageStatus;
import java.nio.file.Path;

/**
 * The audio hop: renders a note offline with Gervill into its WAV. It throws on failure, so
 * that the circuit breaker around it counts the failure; the breaker's fallback records it.
 */
public final class AudioHop {

    public static final String HOP = "audio";
    static final String FOLDER = "audio";

    private final AudioRenderer renderer;
    private final String soundFontDescription;
    private final RenderObserver observer;

    public AudioHop(AudioRenderer renderer, String soundFontDescription, RenderObserver observer) {
        this.renderer = renderer;
        this.soundFontDescription = soundFontDescription;
        this.observer = observer;
    }

    /** True when this note needs no rendering: a tied secondary, or audio a previous run verified. */
    public boolean alreadyDone(NoteWork work) {
        NoteManifest m = work.manifest();
        if (!m.isPrimary) {
            return true;
        }
        return FileRecords.verified(m.files.audio, work.run().folder());
    }

    public NoteWork skip(NoteWork work) {
        NoteManifest m = work.manifest();
        if (m.isPrimary) {
            m.stages.audio.mark(StageStatus.SKIPPED, "already rendered and verified");
        }
        work.run().count(HOP, StageStatus.SKIPPED);
        return work;
    }

    public NoteWork render(NoteWork work) {
        NoteManifest m = work.manifest();
        ScoreRun run = work.run();
        long started = System.nanoTime();
        Path target = run.folder().resolve(FOLDER).resolve(m.files.audio.predictedFilename);
        RenderedAudio audio = renderer.renderToWav(MidiHop.spec(work), target);
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
        m.stages.audio.mark(StageStatus.COMPLETED, null);
        long took = System.nanoTime() - started;
        m.stages.audio.durationMs = took / 1_000_000;
        observer.rendered(java.time.Duration.ofNanos(took));
        run.count(HOP, StageStatus.COMPLETED);
        return work;
    }

    /**
     * The circuit breaker's fallback: the note is recorded as failed, never as rendered, and
     * keeps no audio file record, so the next run of the score renders it again.
     */
    public NoteWork recordFailure(NoteWork work, Throwable failure, Boolean shortCircuited, Boolean timedOut) {
        NoteManifest m = work.manifest();
        String reason;
        if (Boolean.TRUE.equals(shortCircuited)) {
            reason = "circuit breaker open: audio rendering is failing, note not attempted";
        } else if (Boolean.TRUE.equals(timedOut)) {
            reason = "render timed out";
        } else {
            reason = failure == null ? "render failed" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
        m.stages.audio.mark(StageStatus.FAILED, reason);
        m.stages.audio.breakerOpen = Boolean.TRUE.equals(shortCircuited) ? Boolean.TRUE : null;
        m.files.audio.fileExists = false;
        m.files.audio.sha256 = null;
        observer.failed();
        work.run().count(HOP, StageStatus.FAILED);
        return work;
    }
}
