package io.sib2ae.orchestrator.rendering;

import com.sun.media.sound.AudioSynthesizer;
import com.sun.media.sound.DLSSoundbank;
import com.sun.media.sound.SF2Soundbank;
import com.sun.media.sound.SoftSynthesizer;
import io.sib2ae.orchestrator.rendering.SoundFontLocator.SoundFontException;

import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool of Gervill synthesizers opened offline (no sound card) on one SoundFont, because
 * opening a synthesizer and loading its instruments costs far more than rendering a short note.
 *
 * <p>Synthesizers are opened lazily, up to {@code size}; the SoundFont file is parsed once per pool
 * and shared, and each synthesizer loads an instrument's samples the first time a program is used.
 * A SoundFont that cannot be read does not break construction: every {@link #borrow()} retries it and
 * throws a {@link SoundFontException}, so each render attempt fails loudly (and recovers once the file
 * is fixed) instead of silently falling back to other sounds.
 */
public final class SynthesizerPool implements AutoCloseable {

    /** CD quality stereo: 44.1 kHz, 16-bit signed little-endian, 2 channels. */
    public static final AudioFormat DEFAULT_FORMAT = new AudioFormat(44_100f, 16, 2, true, false);

    /**
     * How the pool opens its synthesizers.
     *
     * @param format        output format: signed little-endian 16 or 24-bit PCM, mono or stereo
     * @param size          most synthesizers open at once (one render uses one)
     * @param interpolation Gervill resampler: "linear", "cubic", "sinc", "point" or "lanczos"
     * @param maxLoadedZoneSets zone sets a synthesizer keeps loaded before it starts over from
     *                      bank 1, replacing them. An orchestral score needs about a hundred; the
     *                      bound keeps a service that renders score after score, SoundFont after
     *                      SoundFont, from growing without limit. It must stay below bank 15360,
     *                      where General MIDI 2's reserved bank MSBs 120 and 121 begin.
     */
    public record Settings(AudioFormat format, int size, String interpolation, int maxLoadedZoneSets) {
        public Settings {
            int bits = format.getSampleSizeInBits();
            if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.isBigEndian()
                    || (bits != 16 && bits != 24) || format.getChannels() < 1 || format.getChannels() > 2) {
                throw new IllegalArgumentException("Need signed little-endian 16/24-bit mono or stereo PCM, not " + format);
            }
            if (size < 1) {
                throw new IllegalArgumentException("Pool size must be at least 1, was " + size);
            }
            if (maxLoadedZoneSets < 1 || maxLoadedZoneSets >= 15_360) {
                throw new IllegalArgumentException("Zone sets kept loaded must be in 1..15359, was " + maxLoadedZoneSets);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_FORMAT, Runtime.getRuntime().availableProcessors(), "linear", 4_096);
        }

        public Settings withSize(int newSize) {
            return new Settings(format, newSize, interpolation, maxLoadedZoneSets);
        }

        public Settings withFormat(AudioFormat newFormat) {
            return new Settings(newFormat, size, interpolation, maxLoadedZoneSets);
        }

        public Settings withMaxLoadedZoneSets(int newMax) {
            return new Settings(format, size, interpolation, newMax);
        }
    }

    private final SoundFontChoice soundFont;
    private final Settings settings;
    private final Semaphore permits;
    private final Deque<Lease> idle = new ArrayDeque<>();
    private final Object lock = new Object();
    private Soundbank soundbank;          // guarded by lock; null until loaded
    private SoundBankPrograms programs;   // guarded by lock; null until the sound bank is loaded
    private SoundFontException loadFailure; // guarded by lock
    private int opened;                    // guarded by lock
    private boolean closed;                // guarded by lock

    public SynthesizerPool(SoundFontChoice soundFont) {
        this(soundFont, Settings.defaults());
    }

    public SynthesizerPool(SoundFontChoice soundFont, Settings settings) {
        this.soundFont = soundFont;
        this.settings = settings;
        this.permits = new Semaphore(settings.size(), true);
        // The sound bank is read on first use (or by loadNow): a 140 MB SoundFont takes a
        // noticeable part of a second, which the service spends on a background thread, not at boot.
    }

    /**
     * Reads the sound bank now rather than on the first {@link #borrow()}.
     *
     * @return why it could not be read, or null when it is loaded
     */
    public SoundFontException loadNow() {
        synchronized (lock) {
            tryLoadSoundbank();
            return loadFailure;
        }
    }

    public SoundFontChoice soundFont() {
        return soundFont;
    }

    public AudioFormat format() {
        return settings.format();
    }

    public int size() {
        return settings.size();
    }

    /** How many synthesizers are open right now (idle or lent). */
    public int openedCount() {
        synchronized (lock) {
            return opened;
        }
    }

    /** True while some caller of {@link #borrow} waits for a synthesizer to come free. */
    public boolean hasWaitingBorrowers() {
        return permits.hasQueuedThreads();
    }

    /** The reason the SoundFont could not be loaded the last time it was tried, or null. */
    public SoundFontException loadFailure() {
        synchronized (lock) {
            return loadFailure;
        }
    }

    /**
     * Lends a synthesizer, waiting while all {@code size} are in use. Return it with
     * {@link Lease#close()} (try-with-resources), or {@link Lease#discard()} it if it misbehaved.
     *
     * @throws SoundFontException when the SoundFont cannot be loaded (retried on every call)
     */
    public Lease borrow() throws InterruptedException {
        return borrow(Long.MAX_VALUE, TimeUnit.DAYS);
    }

    /** Like {@link #borrow()} but gives up with an {@link IllegalStateException} after the timeout. */
    public Lease borrow(long timeout, TimeUnit unit) throws InterruptedException {
        synchronized (lock) {
            ensureOpen();
            if (soundbank == null) {
                tryLoadSoundbank();
                if (loadFailure != null) {
                    throw new SoundFontException(loadFailure.getMessage(), loadFailure.getCause());
                }
            }
        }
        if (!permits.tryAcquire(timeout, unit)) {
            throw new IllegalStateException("No synthesizer free after " + timeout + " " + unit);
        }
        try {
            synchronized (lock) {
                ensureOpen();
                Lease lease = idle.pollFirst();
                if (lease != null) {
                    lease.lent = true;
                    return lease;
                }
                opened++; // count it before the slow open so openedCount never exceeds size
            }
            try {
                Lease fresh = open();
                fresh.lent = true;
                return fresh;
            } catch (RuntimeException | Error e) {
                synchronized (lock) {
                    opened--;
                }
                throw e;
            }
        } catch (RuntimeException | Error e) {
            // Errors too: opening Gervill during JVM shutdown fails with an initializer error,
            // and a permit lost here would leave every later render waiting for ever.
            permits.release();
            throw e;
        }
    }

    /**
     * Opens every synthesizer of the pool, so that the first notes of a score do not pay for
     * opening Gervill. Meant to run in the background while the service starts.
     */
    public void warmUp() {
        List<Lease> leases = new ArrayList<>();
        try {
            for (int i = 0; i < settings.size(); i++) {
                leases.add(borrow(1, TimeUnit.SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A broken SoundFont is reported on the renders that need it, where the breaker sees it.
        } finally {
            leases.forEach(Lease::close);
        }
    }

    /** Closes every idle synthesizer now and every lent one when it comes back. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (Lease lease : idle) {
                lease.synthesizer.close();
                opened--;
            }
            idle.clear();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Synthesizer pool is closed");
        }
    }

    private void tryLoadSoundbank() {
        if (soundbank != null) {
            return;
        }
        if (soundFont.builtIn()) {
            // Gervill's own sounds (generated once per JVM), loaded per note like any sound bank's.
            soundbank = new SoftSynthesizer().getDefaultSoundbank();
            programs = new SoundBankPrograms(soundbank);
            return;
        }
        try {
            SoundFontLocator.checkLooksLikeSoundBank(soundFont.path());
            Soundbank bank = SoundFontLocator.isSf2(soundFont.path())
                    ? new SF2Soundbank(soundFont.path().toFile())
                    : new DLSSoundbank(soundFont.path().toFile());
            if (bank.getInstruments().length == 0) {
                throw new SoundFontException("SoundFont " + soundFont.path() + " is corrupt or empty: it contains no instruments");
            }
            soundbank = bank;
            programs = new SoundBankPrograms(bank);
            loadFailure = null;
        } catch (SoundFontException e) {
            loadFailure = e;
        } catch (IOException | RuntimeException e) {
            // Gervill's parsers report damage as IOExceptions or as index/format runtime errors.
            loadFailure = new SoundFontException("SoundFont " + soundFont.path() + " is corrupt and cannot be loaded: "
                    + e, e);
        }
    }

    private Lease open() {
        AudioSynthesizer synthesizer = new SoftSynthesizer();
        Map<String, Object> info = new HashMap<>();
        info.put("interpolation", settings.interpolation());
        // Reverb and chorus keep delay lines and LFO phase that no MIDI message clears, so a reused
        // synthesizer would leak the previous note into the next one; notes are rendered dry.
        info.put("reverb", false);
        info.put("chorus", false);
        // The limiter's gain state would also carry over; single notes do not come near full scale.
        info.put("auto gain control", false);
        info.put("large mode", false);
        // Instruments are loaded per note (see SoundBankPrograms), built-in sounds included.
        info.put("load default soundbank", false);
        AudioInputStream stream;
        Receiver receiver;
        try {
            stream = synthesizer.openStream(settings.format(), info);
            receiver = synthesizer.getReceiver();
        } catch (MidiUnavailableException | RuntimeException e) {
            synthesizer.close();
            throw new IllegalStateException("Could not open a Gervill synthesizer offline: " + e.getMessage(), e);
        }
        return new Lease(synthesizer, stream, receiver);
    }

    private void giveBack(Lease lease) {
        synchronized (lock) {
            lease.lent = false;
            if (closed) {
                lease.synthesizer.close();
                opened--;
            } else {
                idle.addFirst(lease); // the most recently used synthesizer has warm caches
            }
        }
        permits.release();
    }

    private void throwAway(Lease lease) {
        synchronized (lock) {
            lease.lent = false;
            lease.synthesizer.close();
            opened--;
        }
        permits.release();
    }

    /** Some zones of one program (identity of the program, not of the zone objects). */
    private record LoadedZones(SoundBankPrograms.Program program, BitSet zones) {
    }

    /** One lent synthesizer with its offline output stream. Not for use by two threads at once. */
    public final class Lease implements AutoCloseable {
        private final AudioSynthesizer synthesizer;
        private final AudioInputStream stream;
        private final Receiver receiver;
        /** The bank each loaded set of zones is filed under in this synthesizer. */
        private final Map<LoadedZones, Integer> bankOf = new HashMap<>();
        private final BitSet usedChannels = new BitSet(16);
        private boolean lent;

        private Lease(AudioSynthesizer synthesizer, AudioInputStream stream, Receiver receiver) {
            this.synthesizer = synthesizer;
            this.stream = stream;
            this.receiver = receiver;
        }

        public AudioSynthesizer synthesizer() {
            return synthesizer;
        }

        /** The synthesizer's output; reading it advances the synthesizer's clock. */
        public AudioInputStream stream() {
            return stream;
        }

        /** Receives timestamped events (microseconds on the synthesizer's clock). */
        public Receiver receiver() {
            return receiver;
        }

        public SoundFontChoice soundFont() {
            return soundFont;
        }

        /** The MIDI channels the last note played on, which the next render resets. */
        public BitSet usedChannels() {
            return usedChannels;
        }

        /**
         * Makes sure this synthesizer holds, for each program, an instrument with just the zones
         * that can sound these keys (see {@link SoundBankPrograms}), and tells under which bank
         * each is filed. Select that bank before the program change and the synthesizer plays it.
         *
         * <p>Every distinct set of zones gets a bank of its own and stays loaded, so a later note
         * needing the same zones (the same program and a nearby key, typically) loads nothing: a
         * synthesizer builds its internal performer of a zone in one of the largest methods of
         * the JDK, and compiling that again and again cost more than the synthesis.
         *
         * <p>A program the sound bank lacks plays General MIDI's fallback, program 0 (or drum kit 0).
         *
         * @param keysByProgram for each program the keys played on it: melodic programs 0–127,
         *                      drum kits 128 + kit number
         * @return for each program of {@code keysByProgram}, the bank to select for it
         * @throws SoundFontException when the sound bank has neither the program nor its fallback,
         *                            or its samples cannot be read
         */
        public Map<Integer, Integer> prepare(Map<Integer, BitSet> keysByProgram) {
            SoundBankPrograms bankPrograms;
            synchronized (lock) {
                bankPrograms = programs;
            }
            Map<Integer, Integer> banks = new HashMap<>();
            for (Map.Entry<Integer, BitSet> entry : keysByProgram.entrySet()) {
                boolean percussion = entry.getKey() >= 128;
                int number = entry.getKey() & 127;
                SoundBankPrograms.Program program = bankPrograms.program(number, percussion)
                        .or(() -> bankPrograms.program(0, percussion))
                        .orElseThrow(() -> new SoundFontException("SoundFont " + soundFont.description()
                                + " has no " + (percussion ? "drum kit " : "program ") + number
                                + " and no " + (percussion ? "kit" : "program") + " 0 to fall back on"));
                LoadedZones zones = new LoadedZones(program, program.zonesFor(entry.getValue()));
                Integer bank = bankOf.get(zones);
                if (bank == null) {
                    if (bankOf.size() >= settings.maxLoadedZoneSets()) {
                        bankOf.clear(); // the banks are refilled from 1, replacing what they held
                    }
                    bank = bankOf.size() + 1;
                    if (!synthesizer.loadInstrument(program.instrument(zones.zones(), number, bank))) {
                        throw new SoundFontException("SoundFont " + soundFont.description() + " is corrupt: the samples of "
                                + (percussion ? "drum kit " : "program ") + number + " cannot be loaded");
                    }
                    bankOf.put(zones, bank);
                }
                banks.put(entry.getKey(), bank);
            }
            return banks;
        }

        /** Returns the synthesizer to the pool. */
        @Override
        public void close() {
            if (lent) {
                giveBack(this);
            }
        }

        /** Closes the synthesizer instead of returning it (after an error left it in doubt). */
        public void discard() {
            if (lent) {
                throwAway(this);
            }
        }
    }
}
