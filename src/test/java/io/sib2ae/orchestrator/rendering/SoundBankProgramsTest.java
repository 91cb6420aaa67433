package io.sib2ae.orchestrator.rendering;

import com.sun.media.sound.AudioSynthesizer;
import com.sun.media.sound.ModelInstrument;
import com.sun.media.sound.ModelPatch;
import com.sun.media.sound.SF2Soundbank;
import com.sun.media.sound.SoftSynthesizer;
import org.junit.jupiter.api.Test;

import javax.sound.midi.Instrument;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.VoiceStatus;
import javax.sound.sampled.AudioInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The per-note instruments are an optimisation, so they must not change a single sample: a note
 * played on just the zones covering its key sounds exactly as on the whole program, and the kill
 * switch stops a ringing release at once.
 */
class SoundBankProgramsTest {

    private static final Path TIM_GM = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");
    private static final int STRINGS = 48;
    private static final int PIANO = 0;
    private static final int BLOCK_BYTES = 300 * 4; // one Gervill control block of 16-bit stereo

    @Test
    void aNoteOnItsOwnZonesSoundsExactlyAsOnTheWholeProgram() throws Exception {
        assumeTrue(Files.isRegularFile(TIM_GM), "needs the TimGM6mb SoundFont (scripts/install-soundfont.sh)");
        SF2Soundbank bank = new SF2Soundbank(TIM_GM.toFile());
        for (int[] note : new int[][] {{STRINGS, 43}, {STRINGS, 76}, {PIANO, 33}, {PIANO, 96}}) {
            int program = note[0];
            int key = note[1];
            ModelInstrument whole = melodic(bank, program);
            SoundBankPrograms.Program perNote = new SoundBankPrograms(bank).program(program, false).orElseThrow();
            BitSet keys = new BitSet();
            keys.set(key);
            BitSet zones = perNote.zonesFor(keys);
            assertThat(zones.cardinality()).as("zones of key %d", key).isPositive().isLessThan(perNote.zoneCount());

            byte[] expected = play(whole, 0, program, key);
            byte[] actual = play(perNote.instrument(zones, program, 7), 7, program, key);
            assertThat(actual).as("program %d key %d", program, key).isEqualTo(expected);
        }
    }

    @Test
    void theKillSwitchEndsAReleasingVoiceWithinTwoBlocks() throws Exception {
        assumeTrue(Files.isRegularFile(TIM_GM), "needs the TimGM6mb SoundFont (scripts/install-soundfont.sh)");
        SF2Soundbank bank = new SF2Soundbank(TIM_GM.toFile());
        SoundBankPrograms.Program strings = new SoundBankPrograms(bank).program(STRINGS, false).orElseThrow();
        BitSet keys = new BitSet();
        keys.set(60);
        AudioSynthesizer synth = open();
        try {
            AudioInputStream out = synth.openStream(SynthesizerPool.DEFAULT_FORMAT, Map.of("reverb", false, "chorus", false,
                    "auto gain control", false, "load default soundbank", false));
            synth.loadInstrument(strings.instrument(strings.zonesFor(keys), STRINGS, 1));
            Receiver receiver = synth.getReceiver();
            selectBank(receiver, 1, STRINGS);
            receiver.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100), -1);
            read(out, 100);
            receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0), -1);
            read(out, 5);
            assertThat(activeVoices(synth)).as("the release still rings").isPositive();
            assertThat(isSilent(read(out, 1))).isFalse();

            receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, SoundBankPrograms.KILL_CONTROLLER, 127), -1);
            read(out, 1); // the voices play this block out and are marked to stop
            read(out, 1); // and are gone before the next

            assertThat(activeVoices(synth)).isZero();
            assertThat(isSilent(read(out, 1))).isTrue();
        } finally {
            synth.close();
        }
    }

    @Test
    void aMissingProgramIsEmptyAndTheFallbackBankIsUsedOnlyWithoutBankZero() throws Exception {
        assumeTrue(Files.isRegularFile(TIM_GM), "needs the TimGM6mb SoundFont (scripts/install-soundfont.sh)");
        SoundBankPrograms programs = new SoundBankPrograms(new SF2Soundbank(TIM_GM.toFile()));
        assertThat(programs.program(STRINGS, false)).isPresent();
        assertThat(programs.program(0, true)).as("the standard drum kit").isPresent();
        assertThat(programs.program(126, true)).as("no drum kit 126 in a GM SoundFont").isEmpty();
    }

    private static ModelInstrument melodic(SF2Soundbank bank, int program) {
        for (Instrument instrument : bank.getInstruments()) {
            if (instrument.getPatch().getProgram() == program && instrument.getPatch().getBank() == 0
                    && !(instrument.getPatch() instanceof ModelPatch patch && patch.isPercussion())) {
                return (ModelInstrument) instrument;
            }
        }
        throw new AssertionError("no program " + program);
    }

    /** One second of the key held and half a second of release, on a fresh synthesizer. */
    private static byte[] play(ModelInstrument instrument, int bank, int program, int key) throws Exception {
        AudioSynthesizer synth = open();
        try {
            AudioInputStream out = synth.openStream(SynthesizerPool.DEFAULT_FORMAT, Map.of("reverb", false, "chorus", false,
                    "auto gain control", false, "load default soundbank", false));
            synth.loadInstrument(instrument);
            Receiver receiver = synth.getReceiver();
            selectBank(receiver, bank, program);
            receiver.send(new ShortMessage(ShortMessage.NOTE_ON, 0, key, 90), -1);
            byte[] held = read(out, 147);
            receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, key, 0), -1);
            byte[] released = read(out, 74);
            byte[] all = Arrays.copyOf(held, held.length + released.length);
            System.arraycopy(released, 0, all, held.length, released.length);
            return all;
        } finally {
            synth.close();
        }
    }

    private static AudioSynthesizer open() {
        return new SoftSynthesizer();
    }

    private static void selectBank(Receiver receiver, int bank, int program) throws Exception {
        receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 0, bank >> 7), -1);
        receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 32, bank & 127), -1);
        receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, program, 0), -1);
    }

    private static byte[] read(AudioInputStream out, int blocks) throws Exception {
        byte[] bytes = new byte[blocks * BLOCK_BYTES];
        int done = 0;
        while (done < bytes.length) {
            done += out.read(bytes, done, bytes.length - done);
        }
        return bytes;
    }

    private static int activeVoices(AudioSynthesizer synth) {
        int active = 0;
        for (VoiceStatus voice : synth.getVoiceStatus()) {
            active += voice.active ? 1 : 0;
        }
        return active;
    }

    private static boolean isSilent(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
