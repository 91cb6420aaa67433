package io.sib2ae.orchestrator.rendering;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Runs the per-note work of a score (the note's MIDI file, its audio, the WAV, the keyframe
 * analysis, the keyframe JSON and After Effects text) on made-up notes and keeps nothing: run at
 * service start, it lets the JIT compile that path before the first real score needs it.
 *
 * <p>A rehearsal renders on the shared synthesizer pool, so it gives way as soon as a real note
 * waits for a synthesizer: it is meant to use a core the start-up leaves idle, never to delay a score.
 */
public final class NoteRehearsal {

    /**
     * Made-up notes: General MIDI piano, strings, violin, flute, trumpet and a drum kit, in the
     * lengths and registers a score plays, so the synthesizer's zone loading, resampling and
     * envelope code and the analysis of short and long notes are all exercised.
     */
    private static final int[] PROGRAMS = {0, 48, 40, 73, 56, 0};
    private static final double[] SECONDS = {0.15, 0.4, 0.8, 1.5};

    private final AudioRenderer renderer;
    private final KeyframeExtractor extractor;
    private final KeyframeJsonWriter jsonWriter = new KeyframeJsonWriter();
    private final NoteMidiWriter midiWriter = new NoteMidiWriter();
    private final double fps;

    public NoteRehearsal(AudioRenderer renderer, KeyframeExtractor extractor, double fps) {
        this.renderer = renderer;
        this.extractor = extractor;
        this.fps = fps;
    }

    /** The {@code index}th made-up note (any index): a varied program, pitch, loudness and length. */
    public static NoteMidiSpec note(int index) {
        int program = PROGRAMS[index % PROGRAMS.length];
        boolean drum = index % PROGRAMS.length == PROGRAMS.length - 1;
        int pitch = drum ? 35 + index % 47 : 36 + (index * 7) % 48;
        return NoteMidiSpec.of(pitch, 40 + (index * 13) % 80, drum ? 9 : index % 9, program, 120,
                SECONDS[index % SECONDS.length]);
    }

    /**
     * Rehearses up to {@code notes} made-up notes, stopping early once a real render waits for a
     * synthesizer.
     *
     * @return how many were rehearsed
     */
    public int rehearse(int notes) {
        for (int i = 0; i < notes; i++) {
            if (renderer.pool().hasWaitingBorrowers()) {
                return i;
            }
            rehearse(note(i));
        }
        return notes;
    }

    /** The per-note work of one note, with every file it would write thrown away. */
    public void rehearse(NoteMidiSpec spec) {
        midiWriter.toBytes(spec);
        RenderedAudio audio = renderer.render(spec);
        try {
            WavFile.writeTo(OutputStream.nullOutputStream(), audio.format(), audio.pcm());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a null stream does not fail
        }
        KeyframeRequest request = new KeyframeRequest(fps, "00000000-0000-5000-8000-000000000000",
                "C4", "rehearsal", spec.velocity(), spec.tempoBpm(), 0, "rehearsal.wav");
        KeyframeNote keyframes = extractor.extract(audio, request);
        jsonWriter.toJson(keyframes);
        AfterEffectsKeyframeText.render(keyframes);
    }
}
