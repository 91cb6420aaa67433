package io.sib2ae.orchestrator.rendering;

import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.manifest.FileRecords;
import io.sib2ae.orchestrator.manifest.HopInputs;
import io.sib2ae.orchestrator.manifest.NoteManifest;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The MIDI hop: writes a note's own Standard MIDI File (tempo, program, channel, velocity,
 * full tie-merged duration, sustain pedal) and records it in the manifest.
 */
public final class MidiHop {

    static final String FOLDER = "midi";

    /** A note longer than this is a corrupt score, not music: rendering it would take minutes and gigabytes. */
    static final double MAX_NOTE_SECONDS = 600;

    /** A note shorter than this still gets a sound: a 0-length note would be no note at all. */
    private static final double MIN_SECONDS = 0.01;

    /**
     * A drum is struck, not held: its sound is its decay, whatever value it is written with. It is
     * played this long, and the audio (and so the keyframes) runs on only while the decay is audible.
     */
    static final double DRUM_STRIKE_SECONDS = 0.05;

    public NoteWork render(NoteWork work) {
        NoteManifest m = work.manifest();
        ScoreRun run = work.run();
        if (!m.isPrimary) {
            run.tally(Stage.MIDI, StageState.SKIPPED);
            return work;
        }
        NoteMidiSpec spec = spec(work);
        // The file is exactly the spec written out: the same spec, the same file.
        String inputs = HopInputs.fingerprint(Stage.MIDI, spec.midiFacts());
        if (HopInputs.unchanged(m, Stage.MIDI, inputs) && FileRecords.verified(m.files.midi, run.folder())) {
            m.stages.midi.markKept("already rendered and verified");
            run.tally(Stage.MIDI, StageState.SKIPPED);
            return work;
        }
        Path target = run.folder().resolve(FOLDER).resolve(m.files.midi.predictedFilename);
        new NoteMidiWriter().write(spec, target);
        FileRecords.record(m.files.midi, run.folder(), target);
        HopInputs.record(m, Stage.MIDI, inputs);
        m.stages.midi.mark(StageState.COMPLETED, null);
        run.tally(Stage.MIDI, StageState.COMPLETED);
        return work;
    }

    /** What the note sounds like; the audio hop renders exactly this. */
    public static NoteMidiSpec spec(NoteWork work) {
        NoteManifest m = work.manifest();
        // A drum roll (a tremolo) lasts as written; a single stroke as long as its decay.
        boolean struckOnce = m.drumKey != null && m.tremolo == null;
        double duration = Math.max(MIN_SECONDS, struckOnce ? Math.min(DRUM_STRIKE_SECONDS, m.durationSeconds) : m.durationSeconds);
        if (duration > MAX_NOTE_SECONDS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the note lasts %.0f s, over the %.0f s a single note may last", duration, MAX_NOTE_SECONDS));
        }
        double sounding = duration;
        var midi = work.run().coordinated().midi();
        if (midi != null) {
            double end = midi.pedals().soundingEndSeconds(m.midiChannel, m.calculatedStartTime + duration);
            sounding = Math.max(duration, end - m.calculatedStartTime);
        }
        NoteMidiSpec spec = new NoteMidiSpec(m.midiPitch, Math.max(1, Math.min(127, m.velocity)), m.midiChannel, m.midiProgram,
                m.tempoBpm > 0 ? m.tempoBpm : 120, duration, sounding, List.of());
        if (m.tremolo == null || m.tremolo.strokes() < 2) {
            return spec;
        }
        List<NoteMidiSpec.Stroke> strokes = new ArrayList<>(m.tremolo.strokes());
        for (int i = 0; i < m.tremolo.strokes(); i++) {
            double seconds = m.tremolo.strokeSeconds().get(i);
            strokes.add(new NoteMidiSpec.Stroke(m.tremolo.strokeOffsetsSeconds().get(i), Math.max(MIN_SECONDS, seconds), spec.velocity()));
        }
        return spec.withStrokes(strokes);
    }
}
