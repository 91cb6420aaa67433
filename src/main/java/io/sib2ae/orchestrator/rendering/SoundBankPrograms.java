package io.sib2ae.orchestrator.rendering;

import com.sun.media.sound.ModelConnectionBlock;
import com.sun.media.sound.ModelDestination;
import com.sun.media.sound.ModelIdentifier;
import com.sun.media.sound.ModelInstrument;
import com.sun.media.sound.ModelPatch;
import com.sun.media.sound.ModelPerformer;
import com.sun.media.sound.ModelSource;
import com.sun.media.sound.ModelStandardTransform;

import javax.sound.midi.Instrument;
import javax.sound.midi.Soundbank;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The programs of one sound bank, cut to measure for single notes. Shared by all synthesizers of a
 * pool; thread-safe.
 *
 * <p>Two things make per-note rendering expensive with whole instruments, and this class removes
 * both:
 * <ul>
 *   <li><b>Loading.</b> A General MIDI string or piano program has 300 or more zones, and a
 *       synthesizer turns every zone into an internal performer when the instrument is loaded (and
 *       rebuilds its key index on every program change). A note sounds only the two to six zones
 *       that cover its key, so {@link Program#forKeys} hands the synthesizer just those, in the
 *       bank's order: the synthesizer picks the same zones in the same order, and the note renders
 *       to the same samples.</li>
 *   <li><b>Release tails.</b> A released voice rings until its envelope ends, up to seconds after
 *       the note's own tail was cut at -60 dBFS, and nothing in MIDI stops it: All Sound Off spares
 *       voices already released. Reading that silence away cost as much synthesis as the notes.
 *       Every zone therefore gets one extra modulation route, from an otherwise unused controller
 *       ({@link #KILL_CONTROLLER}) to the voice's "mixer active" flag: the controller at 127 ends
 *       every voice of the channel within two control blocks (about 14 ms). At 0, its value after any controller
 *       reset, it changes nothing.</li>
 * </ul>
 */
final class SoundBankPrograms {

    /** MIDI CC 102 is undefined in General MIDI; the per-note files never send it. */
    static final int KILL_CONTROLLER = 102;

    private static final ModelConnectionBlock KILL_SWITCH = new ModelConnectionBlock(
            new ModelSource(new ModelIdentifier("midi_cc", Integer.toString(KILL_CONTROLLER)),
                    ModelStandardTransform.DIRECTION_MIN2MAX, ModelStandardTransform.POLARITY_UNIPOLAR,
                    ModelStandardTransform.TRANSFORM_LINEAR),
            // The envelope holds "mixer active" at 1 while it runs; below 0.5 the voice stops.
            -1.0, new ModelDestination(new ModelIdentifier("mixer", "active", 0)));

    private final Soundbank bank;
    private final ConcurrentHashMap<Integer, Optional<Program>> programs = new ConcurrentHashMap<>();

    SoundBankPrograms(Soundbank bank) {
        this.bank = bank;
    }

    /**
     * The instrument General MIDI plays for this program: bank 0's, or for the percussion channel
     * the drum kit of that number. Another bank's instrument of the same program stands in when
     * bank 0 has none. Empty when the sound bank has no such program.
     */
    Optional<Program> program(int program, boolean percussion) {
        return programs.computeIfAbsent(percussion ? 128 + program : program,
                key -> Optional.ofNullable(find(program, percussion)).map(Program::of));
    }

    private ModelInstrument find(int program, boolean percussion) {
        ModelInstrument fallback = null;
        for (Instrument instrument : bank.getInstruments()) {
            if (!(instrument instanceof ModelInstrument model)) {
                continue;
            }
            // Gervill marks a SoundFont's drum kits (bank 128) as percussion patches.
            boolean drumKit = instrument.getPatch() instanceof ModelPatch patch && patch.isPercussion();
            if (instrument.getPatch().getProgram() != program || drumKit != percussion) {
                continue;
            }
            if (instrument.getPatch().getBank() == 0) {
                return model;
            }
            if (fallback == null) {
                fallback = model;
            }
        }
        return fallback;
    }

    /** One program's zones, each with the kill switch, in the sound bank's order. */
    static final class Program {
        private final ModelInstrument source;
        private final ModelPerformer[] zones;

        private Program(ModelInstrument source, ModelPerformer[] zones) {
            this.source = source;
            this.zones = zones;
        }

        static Program of(ModelInstrument source) {
            ModelPerformer[] original = source.getPerformers();
            ModelPerformer[] zones = new ModelPerformer[original.length];
            for (int i = 0; i < original.length; i++) {
                zones[i] = withKillSwitch(original[i]);
            }
            return new Program(source, zones);
        }

        int zoneCount() {
            return zones.length;
        }

        /** Which zones cover any of {@code keys}: the zones a note on those keys can sound. */
        BitSet zonesFor(BitSet keys) {
            BitSet selected = new BitSet(zones.length);
            for (int i = 0; i < zones.length; i++) {
                int from = Math.max(0, zones[i].getKeyFrom());
                int to = Math.min(127, zones[i].getKeyTo());
                int key = keys.nextSetBit(from);
                if (key >= 0 && key <= to) {
                    selected.set(i);
                }
            }
            return selected;
        }

        /**
         * An instrument holding just the {@code selected} zones, filed under {@code program} (the one
         * asked for, which a fallback program stands in for) in {@code bank}.
         */
        ModelInstrument instrument(BitSet selected, int program, int bank) {
            List<ModelPerformer> chosen = new ArrayList<>(selected.cardinality());
            for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
                chosen.add(zones[i]);
            }
            boolean percussion = source.getPatch() instanceof ModelPatch patch && patch.isPercussion();
            return new NoteInstrument(source, new ModelPatch(bank, program, percussion),
                    chosen.toArray(ModelPerformer[]::new));
        }

        private static ModelPerformer withKillSwitch(ModelPerformer zone) {
            ModelPerformer copy = new ModelPerformer();
            copy.setName(zone.getName());
            copy.setKeyFrom(zone.getKeyFrom());
            copy.setKeyTo(zone.getKeyTo());
            copy.setVelFrom(zone.getVelFrom());
            copy.setVelTo(zone.getVelTo());
            copy.setExclusiveClass(zone.getExclusiveClass());
            copy.setSelfNonExclusive(zone.isSelfNonExclusive());
            copy.setReleaseTriggered(zone.isReleaseTriggered());
            copy.setDefaultConnectionsEnabled(zone.isDefaultConnectionsEnabled());
            copy.setUserObject(zone.getUserObject());
            copy.getOscillators().addAll(zone.getOscillators());
            List<ModelConnectionBlock> connections = new ArrayList<>(zone.getConnectionBlocks());
            connections.add(KILL_SWITCH);
            copy.setConnectionBlocks(connections);
            return copy;
        }
    }

    /** A program reduced to some of its zones, filed under a bank of its own. */
    private static final class NoteInstrument extends ModelInstrument {
        private final ModelInstrument source;
        private final ModelPerformer[] zones;

        NoteInstrument(ModelInstrument source, ModelPatch patch, ModelPerformer[] zones) {
            super(source.getSoundbank(), patch, source.getName(), source.getDataClass());
            this.source = source;
            this.zones = zones;
        }

        @Override
        public ModelPerformer[] getPerformers() {
            return zones.clone();
        }

        @Override
        public Object getData() {
            return source.getData();
        }
    }
}
