package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;

/**
 * A note sounds the same whatever the synthesizer rendered before it: the events of a roll (dozens
 * of strokes of one key) land on the frames of the note's own timeline, not on frames that depend on
 * how long the pooled synthesizer has been running.
 */
class RenderTimingTest {

    private static final double RATE = 44_100;
    private static final int BLOCK = 300; // 44.1 kHz at Gervill's control rate of 147 Hz

    /**
     * Gervill's own arithmetic (SoftMainMixer): its block starting at frame P runs the events whose
     * time stamp is below its start in whole microseconds plus 6,802, and starts a note inside the
     * block at the nearest frame.
     */
    private static long[] whereGervillPlays(long timeStamp, long start, long near) {
        long bufferMicros = (long) (1_000_000.0 / 147f);
        long block = near - Math.floorMod(near - start, (long) BLOCK) - 2 * BLOCK;
        while (timeStamp >= (long) (block * (1_000_000.0 / RATE)) + bufferMicros) {
            block += BLOCK;
        }
        long delay = (long) ((timeStamp - (long) (block * (1_000_000.0 / RATE))) * (RATE / 1_000_000.0) + 0.5);
        return new long[] {block, delay};
    }

    @Test
    void everyEventLandsOnItsOwnFrameWhereverTheNoteStarts() {
        long[] offsets = {0, 1, 22, 23, 6_802, 6_803, 82_353, 88_235, 172_794, 1_764_705, 29_999_977};
        for (long startBlock = 0; startBlock < 400_000; startBlock += 37) {
            // A note starts where one of the synthesizer's blocks starts (whole blocks are read), and its
            // blocks need not start at multiples of the block length: a pooled synthesizer's first read
            // may have been of any length.
            long start = startBlock * BLOCK + (startBlock % 4) * 97;
            for (long offset : offsets) {
                long frame = start + Math.round(offset * RATE / 1e6);
                long[] played = whereGervillPlays(AudioRenderer.timeStamp(start, offset, RATE, BLOCK), start, frame);
                assertThat(played[0] + played[1]).as("offset %d µs after frame %d", offset, start).isEqualTo(frame);
                assertThat(played[1]).isBetween(0L, (long) BLOCK - 1);
            }
        }
    }

    @Test
    void theSynthesizersFrameIsReadBackExactlyAfterHoursOfRendering() {
        for (long frame = 0; frame < 44_100L * 3600 * 10; frame += 299_993) {
            long micros = (long) (frame * (1_000_000.0 / 44_100f)); // SoftMainMixer.getMicrosecondPosition
            assertThat(AudioRenderer.frameAt(micros, 44_100f)).as("frame %d", frame).isEqualTo(frame);
        }
    }

    @Test
    void aRollSoundsTheSameAfterAnyEarlierNotes() throws Exception {
        SynthesizerPool pool = new SynthesizerPool(AudioRendererTest.testSoundFont(), SynthesizerPool.Settings.defaults().withSize(1));
        try {
            AudioRenderer renderer = new AudioRenderer(pool);
            Sequence roll = timpaniRoll();
            byte[] fresh = renderer.render(roll).pcm();
            // Earlier notes of different lengths move the synthesizer's clock to other frames; with the
            // time stamps taken as "start + offset", one of these eight positions already changed the roll.
            double[] fillerSeconds = {0.31, 1.7, 0.05, 2.9, 0.77, 4.1, 0.2, 1.13};
            for (double seconds : fillerSeconds) {
                renderer.render(NoteMidiSpec.of(64, 90, 0, 40, 120, seconds));
                assertThat(renderer.render(roll).pcm()).as("after a %.2f s violin note", seconds).isEqualTo(fresh);
            }
        } finally {
            pool.close();
        }
    }

    /** Timpani (program 47) E3 rolled in strokes every 120 ticks, each held 112, at 85 bpm: as ActorPrelude writes one. */
    private static Sequence timpaniRoll() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 960);
        Track track = sequence.createTrack();
        int tempo = 705_882;
        track.add(new MidiEvent(new MetaMessage(0x51, new byte[] {(byte) (tempo >> 16), (byte) (tempo >> 8), (byte) tempo}, 3), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 12, 47, 0), 0));
        List<MidiEvent> strokes = new ArrayList<>();
        for (int tick = 0; tick < 3_600; tick += 120) {
            strokes.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 12, 52, 90), tick));
            strokes.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 12, 52, 0), tick + 112));
        }
        strokes.forEach(track::add);
        return sequence;
    }
}
