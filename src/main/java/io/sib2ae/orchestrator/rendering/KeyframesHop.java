package io.sib2ae.orchestrator.rendering;

import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.manifest.FileRecords;
import io.sib2ae.orchestrator.manifest.HopInputs;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import java.nio.file.Path;

/** The keyframes hop: analyses a note's WAV per video frame and writes its keyframe files. */
public final class KeyframesHop {

    static final String FOLDER = "keyframes";

    private final KeyframeExtractor extractor;
    private final KeyframeJsonWriter jsonWriter = new KeyframeJsonWriter();
    private final double fps;

    public KeyframesHop(KeyframeExtractor extractor, double fps) {
        this.extractor = extractor;
        this.fps = fps;
    }

    /** @param rendered the audio the audio hop rendered for this note just now, if it did */
    public NoteWork extract(NoteWork work, RenderedAudio rendered) {
        NoteManifest m = work.manifest();
        ScoreRun run = work.run();
        if (!m.isPrimary) {
            run.tally(Stage.KEYFRAMES, StageState.SKIPPED);
            return work;
        }
        // The audio hop vouched for the WAV in this run, by rendering it or by verifying it; a
        // second checksum here would only read the file again.
        if (!m.stages.audio.is(StageState.COMPLETED) && !m.stages.audio.is(StageState.SKIPPED)) {
            // Never analyse a WAV the audio hop did not vouch for in this run: after a failure (or an
            // open breaker) an old file may still lie where the note's WAV belongs.
            String audio = m.stages.audio.status + (m.stages.audio.error == null ? "" : " (" + m.stages.audio.error + ")");
            m.stages.keyframes.mark(StageState.SKIPPED, "no audio to analyse: audio " + audio);
            run.tally(Stage.KEYFRAMES, StageState.SKIPPED);
            return work;
        }
        // A WAV rendered in this run is new, whatever keyframes an earlier run left: analyse it again.
        boolean freshAudio = m.stages.audio.is(StageState.COMPLETED);
        KeyframeRequest request = new KeyframeRequest(fps, m.universalId, m.pitch, m.instrument, m.velocity, m.tempoBpm,
                m.calculatedStartTime, m.files.audio.actualFilename);
        // The keyframe files are the WAV analysed, with the request's facts written beside the curves
        // (a note that moved in time gets new files, read from the audio it kept).
        String inputs = HopInputs.fingerprint(Stage.KEYFRAMES, m.files.audio.sha256, request);
        if (!freshAudio && HopInputs.unchanged(m, Stage.KEYFRAMES, inputs) && FileRecords.verified(m.files.keyframes, run.folder())
                && FileRecords.verified(m.files.keyframesAe, run.folder())) {
            m.stages.keyframes.markKept("already extracted and verified");
            run.tally(Stage.KEYFRAMES, StageState.SKIPPED);
            return work;
        }
        Path wav = run.folder().resolve(m.files.audio.path);
        // The PCM the audio hop just wrote is the WAV's content; analysing it in memory saves reading
        // the file back. A skipped (verified) render leaves none, and the file is read.
        KeyframeNote keyframes = freshAudio && rendered != null && extractor.canAnalyse(rendered)
                ? extractor.extract(rendered, request)
                : extractor.extract(wav, request);
        Path json = run.folder().resolve(FOLDER).resolve(m.files.keyframes.predictedFilename);
        Path text = run.folder().resolve(FOLDER).resolve(m.files.keyframesAe.predictedFilename);
        jsonWriter.write(keyframes, json);
        AfterEffectsKeyframeText.write(keyframes, text);
        FileRecords.record(m.files.keyframes, run.folder(), json);
        FileRecords.record(m.files.keyframesAe, run.folder(), text);
        HopInputs.record(m, Stage.KEYFRAMES, inputs);
        m.stages.keyframes.mark(StageState.COMPLETED, null);
        run.tally(Stage.KEYFRAMES, StageState.COMPLETED);
        return work;
    }
}
