package io.sib2ae.orchestrator.rendering;

import io.sib2ae.orchestrator.score.TempoMap;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Track;
import javax.sound.midi.VoiceStatus;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Renders one note offline, much faster than real time, on a synthesizer borrowed from a
 * {@link SynthesizerPool}: the note's sounding duration plus its release tail, which is cut once the
 * level stays below a threshold (-60 dBFS by default) or at a maximum tail length.
 *
 * <p>Before every note the synthesizer is reset (GM System On, all sound off, controllers reset)
 * and its output read away until no voice is active and the output is digital silence, so nothing of
 * the previous note reaches the next one and the same note always renders to the same bytes.
 *
 * <p>A render that runs past its timeout (waiting for a synthesizer included) stops itself with a
 * {@link RenderTimeoutException}: the deadline is checked between blocks of synthesis, on the
 * calling thread, so enforcing it costs no thread of its own.
 */
public final class AudioRenderer {

    /** General MIDI plays channel 10 (index 9) from the drum kits of bank 128. */
    private static final int PERCUSSION_CHANNEL = 9;


    /** GM System On: resets every channel, program, controller and master setting in one message. */
    private static final byte[] GM_SYSTEM_ON = {(byte) 0xF0, 0x7E, 0x7F, 0x09, 0x01, (byte) 0xF7};
    /** Gervill computes audio in blocks of sampleRate / controlRate frames (147 Hz by default). */
    private static final float GERVILL_CONTROL_RATE = 147f;
    /** Blocks synthesized between two looks at the deadline: about a fifth of a second of audio. */
    private static final int BLOCKS_PER_DEADLINE_CHECK = 32;

    /**
     * How tails are cut and how long a reset may take.
     *
     * @param maxTailSeconds       longest release tail kept after the sounding end
     * @param silenceDbfs          a tail window peaking below this level ends the note
     * @param levelWindowSeconds   length of the windows the tail level is measured over; 50 ms
     *                             holds a full period of any audible pitch, so a slow low note is
     *                             not cut at a zero crossing
     * @param maxDrainSeconds      longest a reset may wait for silence before the synthesizer is
     *                             thrown away
     * @param timeoutSeconds       longest one note's render may take, the wait for a synthesizer
     *                             included, before it gives up with a {@link RenderTimeoutException}
     */
    public record Settings(double maxTailSeconds, double silenceDbfs, double levelWindowSeconds,
                           double maxDrainSeconds, double timeoutSeconds) {
        public Settings {
            if (maxTailSeconds < 0 || !(levelWindowSeconds > 0) || !(maxDrainSeconds > 0) || silenceDbfs >= 0
                    || !(timeoutSeconds > 0)) {
                throw new IllegalArgumentException("Invalid render settings: " + maxTailSeconds + " s tail, "
                        + silenceDbfs + " dBFS, " + levelWindowSeconds + " s window, " + maxDrainSeconds + " s drain, "
                        + timeoutSeconds + " s timeout");
            }
        }

        public static Settings defaults() {
            return new Settings(2.0, -60.0, 0.05, 10.0, 30.0);
        }

        public Settings withMaxTailSeconds(double seconds) {
            return new Settings(seconds, silenceDbfs, levelWindowSeconds, maxDrainSeconds, timeoutSeconds);
        }

        public Settings withTimeoutSeconds(double seconds) {
            return new Settings(maxTailSeconds, silenceDbfs, levelWindowSeconds, maxDrainSeconds, seconds);
        }
    }

    /** A render given up because it ran past {@link Settings#timeoutSeconds()}. */
    public static final class RenderTimeoutException extends RuntimeException {
        RenderTimeoutException(String message) {
            super(message);
        }
    }

    private final SynthesizerPool pool;
    private final Settings settings;
    private final NoteMidiWriter midiWriter = new NoteMidiWriter();

    public AudioRenderer(SynthesizerPool pool) {
        this(pool, Settings.defaults());
    }

    public AudioRenderer(SynthesizerPool pool, Settings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    /** The PCM format every render has: sample rate, bits, channels. */
    public javax.sound.sampled.AudioFormat format() {
        return pool.format();
    }

    public Settings settings() {
        return settings;
    }

    /** The synthesizers this renderer borrows from. */
    public SynthesizerPool pool() {
        return pool;
    }

    /** Renders one note. */
    public RenderedAudio render(NoteMidiSpec spec) {
        return render(midiWriter.toSequence(spec));
    }

    /** Renders one note and writes it as a WAV file (atomically). */
    public RenderedAudio renderToWav(NoteMidiSpec spec, Path wav) {
        RenderedAudio audio = render(spec);
        WavFile.write(wav, audio);
        return audio;
    }

    /**
     * Renders a short sequence, such as the one {@link NoteMidiWriter} builds, from its tick 0: every
     * channel event is played at its time, and the sound is read until the end of the sequence plus
     * the release tail.
     */
    public RenderedAudio render(Sequence sequence) {
        Deadline deadline = new Deadline(System.nanoTime(), Math.round(settings.timeoutSeconds() * 1e9));
        List<TimedMessage> messages = timedMessages(sequence);
        double soundingSeconds = TempoMap.of(sequence).seconds(sequence.getTickLength());
        SynthesizerPool.Lease lease;
        try {
            lease = pool.borrow(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a synthesizer", e);
        } catch (IllegalStateException e) {
            deadline.check(); // no synthesizer came free in time: a timeout, not a broken pool
            throw e;
        }
        boolean healthy = false;
        try {
            RenderedAudio audio = render(lease, messages, soundingSeconds, deadline);
            healthy = true;
            return audio;
        } finally {
            if (healthy) {
                lease.close();
            } else {
                lease.discard(); // its state is unknown after a failure; a fresh one is cheap enough
            }
        }
    }

    private RenderedAudio render(SynthesizerPool.Lease lease, List<TimedMessage> messages, double soundingSeconds,
                                 Deadline deadline) {
        AudioFormat format = pool.format();
        int frameSize = format.getFrameSize();
        int bytesPerSample = format.getSampleSizeInBits() / 8;
        // Reading whole blocks keeps the synthesizer's clock on block boundaries, so a note always
        // starts at the same phase of Gervill's control cycle and renders identically.
        int blockFrames = (int) (format.getSampleRate() / GERVILL_CONTROL_RATE);
        int blockBytes = blockFrames * frameSize;
        try {
            resetAndDrain(lease, blockBytes, deadline);
            Map<Integer, Integer> banks = lease.prepare(keysByProgram(messages));
            Receiver receiver = lease.receiver();
            // Each program plays from the bank its zones were loaded into. Channels that play before
            // any program change play program 0 (the reset's) and select it explicitly. Selections
            // at the start go out at once, so the timed events keep their exact timestamps.
            boolean[] programChanged = new boolean[16];
            for (TimedMessage m : messages) {
                if (m.message() instanceof ShortMessage sm) {
                    int ch = sm.getChannel();
                    if (sm.getCommand() == ShortMessage.NOTE_ON && !programChanged[ch]) {
                        selectProgram(receiver, ch, 0, banks, -1);
                    }
                    if (sm.getCommand() == ShortMessage.PROGRAM_CHANGE || sm.getCommand() == ShortMessage.NOTE_ON) {
                        programChanged[ch] = true;
                    }
                }
            }
            long startFrame = frameAt(lease.synthesizer().getMicrosecondPosition(), format.getSampleRate());
            for (TimedMessage m : messages) {
                if (m.message() instanceof ShortMessage sm) {
                    lease.usedChannels().set(sm.getChannel());
                    if (sm.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                        selectProgram(receiver, sm.getChannel(), sm.getData1(), banks,
                                m.micros() == 0 ? -1 : timeStamp(startFrame, m.micros(), format.getSampleRate(), blockFrames));
                        continue;
                    }
                }
                receiver.send(m.message(), timeStamp(startFrame, m.micros(), format.getSampleRate(), blockFrames));
            }

            int soundingBlocks = blocksFor(soundingSeconds, format, blockFrames);
            int windowBlocks = Math.max(1, blocksFor(settings.levelWindowSeconds(), format, blockFrames));
            int maxTailBlocks = blocksFor(settings.maxTailSeconds(), format, blockFrames);
            byte[] pcm = new byte[Math.multiplyExact(soundingBlocks + maxTailBlocks, blockBytes)];
            AudioInputStream stream = lease.stream();
            synthesize(stream, pcm, 0, soundingBlocks * blockBytes, blockBytes, deadline);

            int end = soundingBlocks * blockBytes;
            // The note's peak is gathered as the audio is read, so no sample is scanned twice: the
            // sounding part, then each tail window but the last, which the fade may still lower.
            long peakBefore = RenderedAudio.peak(pcm, 0, end, bytesPerSample);
            long lastWindowPeak = 0;
            int tailBlocks = 0;
            int windowStart = end;
            while (tailBlocks < maxTailBlocks) {
                peakBefore = Math.max(peakBefore, lastWindowPeak); // the previous window was not the last
                int blocks = Math.min(windowBlocks, maxTailBlocks - tailBlocks);
                windowStart = end;
                synthesize(stream, pcm, end, blocks * blockBytes, blockBytes, deadline);
                end += blocks * blockBytes;
                tailBlocks += blocks;
                lastWindowPeak = RenderedAudio.peak(pcm, windowStart, end, bytesPerSample);
                if (RenderedAudio.dbfs(lastWindowPeak, bytesPerSample) < settings.silenceDbfs()) {
                    break;
                }
            }
            if (tailBlocks > 0) {
                // Whether the tail went quiet or hit the cap, ramp its last window to zero: no click.
                fadeOut(pcm, windowStart, end, frameSize, bytesPerSample);
                lastWindowPeak = RenderedAudio.peak(pcm, windowStart, end, bytesPerSample);
            }
            byte[] kept = Arrays.copyOf(pcm, end);
            return new RenderedAudio(kept, format, end / frameSize, soundingSeconds,
                    RenderedAudio.dbfs(Math.max(peakBefore, lastWindowPeak), bytesPerSample), pool.soundFont());
        } catch (IOException e) {
            throw new IllegalStateException("Synthesizer output failed: " + e.getMessage(), e);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e); // bank and program numbers are in range by construction
        }
    }

    /**
     * Silences the synthesizer and reads its output away until a whole read is digital silence
     * after a read that ended with no active voice (Gervill keeps one block of delayed output).
     */
    private void resetAndDrain(SynthesizerPool.Lease lease, int blockBytes, Deadline deadline) throws IOException {
        Receiver receiver = lease.receiver();
        try {
            // All sound off leaves voices already in their release ringing, and reading them away
            // cost as much synthesis as the notes: the kill switch every loaded zone carries ends
            // them all within two blocks. Controllers are reset only once the voices are gone.
            // Only the channels the last note played on can hold voices or changed controllers;
            // sweeping all sixteen costs Gervill a loop over every controller and key of each.
            BitSet used = lease.usedChannels();
            for (int ch = used.nextSetBit(0); ch >= 0; ch = used.nextSetBit(ch + 1)) {
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, SoundBankPrograms.KILL_CONTROLLER, 127), -1);
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 120, 0), -1); // all sound off
            }
            drainUntilSilent(lease, blockBytes, deadline);
            receiver.send(new SysexMessage(GM_SYSTEM_ON, GM_SYSTEM_ON.length), -1);
            for (int ch = used.nextSetBit(0); ch >= 0; ch = used.nextSetBit(ch + 1)) {
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 120, 0), -1); // all sound off
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 121, 0), -1); // reset controllers
            }
            used.clear();
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e); // constant, valid messages
        }
        drainUntilSilent(lease, blockBytes, deadline);
    }

    private void drainUntilSilent(SynthesizerPool.Lease lease, int blockBytes, Deadline deadline) throws IOException {
        int chunkBlocks = 1; // voices end within two blocks of the kill switch; read no more than needed
        byte[] chunk = new byte[chunkBlocks * blockBytes];
        double drained = 0;
        double chunkSeconds = chunkBlocks * blockBytes / (double) pool.format().getFrameSize()
                / pool.format().getSampleRate();
        boolean voicesStoppedBefore = false;
        while (true) {
            readFully(lease.stream(), chunk, 0, chunk.length);
            drained += chunkSeconds;
            if (voicesStoppedBefore && isDigitalSilence(chunk)) {
                return;
            }
            voicesStoppedBefore = noActiveVoice(lease);
            deadline.check();
            if (drained > settings.maxDrainSeconds()) {
                throw new IllegalStateException("Synthesizer still sounding " + settings.maxDrainSeconds()
                        + " s after all sound off; discarding it");
            }
        }
    }

    private static boolean noActiveVoice(SynthesizerPool.Lease lease) {
        for (VoiceStatus voice : lease.synthesizer().getVoiceStatus()) {
            if (voice.active) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigitalSilence(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void fadeOut(byte[] pcm, int from, int to, int frameSize, int bytesPerSample) {
        int frames = (to - from) / frameSize;
        for (int f = 0; f < frames; f++) {
            double gain = (frames - 1 - f) / (double) frames;
            for (int s = from + f * frameSize; s < from + (f + 1) * frameSize; s += bytesPerSample) {
                RenderedAudio.putSample(pcm, s, bytesPerSample,
                        (int) Math.round(RenderedAudio.sample(pcm, s, bytesPerSample) * gain));
            }
        }
    }

    private static int blocksFor(double seconds, AudioFormat format, int blockFrames) {
        long frames = (long) Math.ceil(seconds * format.getSampleRate() - 1e-6);
        return (int) Math.max(0, (frames + blockFrames - 1) / blockFrames);
    }

    /**
     * Reads {@code length} bytes of synthesis, whole blocks at a time, looking at the deadline
     * between chunks. Chunks of whole blocks leave the output exactly as one long read would.
     */
    private static void synthesize(AudioInputStream stream, byte[] buffer, int offset, int length, int blockBytes,
                                   Deadline deadline) throws IOException {
        int chunk = BLOCKS_PER_DEADLINE_CHECK * blockBytes;
        for (int done = 0; done < length; done += chunk) {
            deadline.check();
            readFully(stream, buffer, offset + done, Math.min(chunk, length - done));
        }
    }

    private static void readFully(AudioInputStream stream, byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = stream.read(buffer, offset + done, length - done);
            if (n < 0) {
                throw new IOException("Synthesizer stream ended");
            }
            done += n;
        }
    }

    /**
     * The time stamp that makes Gervill play an event {@code offsetMicros} after a note that starts at
     * the synthesizer's frame {@code startFrame}, at the frame nearest that time, whatever the frame.
     *
     * <p>Gervill runs an event in the control block whose range of microseconds holds its time stamp,
     * and starts a note inside that block at the frame nearest it; it measures both from its absolute
     * frame position, truncated to whole microseconds. "Note start plus offset" therefore put an event
     * near a block's edge in one block or the next depending on how long the synthesizer had been
     * running, and a note with many events (a roll, a tremolo) sounded different after different
     * earlier notes: in ActorPrelude a splash cymbal roll differed by up to 3,754 in sample value (its
     * peak 5,635), a timpani roll by 565, run to run. Here the frame is decided from the note's own
     * start, and the time stamp chosen so that Gervill's own arithmetic lands on it: the start of that
     * frame's block as Gervill computes it, plus the frame's offset in the block, rounded.
     */
    static long timeStamp(long startFrame, long offsetMicros, double sampleRate, int blockFrames) {
        long frame = startFrame + Math.round(offsetMicros * sampleRate / 1e6);
        // The synthesizer stands at the start of one of its blocks (whole blocks are read), which need
        // not be a multiple of the block length from its very first frame.
        long blockStart = frame - Math.floorMod(frame - startFrame, (long) blockFrames);
        long blockMicros = (long) (blockStart * (1000000.0 / sampleRate)); // as SoftMainMixer computes it
        return blockMicros + Math.round((frame - blockStart) * 1e6 / sampleRate);
    }

    /**
     * The frame Gervill stands at, from its position in whole microseconds: exact, as a frame is some
     * 22.7 of them. In double: a float product was off by a frame or more once a pooled synthesizer
     * had run a few minutes, which moved every note it rendered by that much.
     */
    static long frameAt(long micros, float sampleRate) {
        return Math.round(micros * (double) sampleRate / 1e6);
    }

    /** Bank select (MSB, LSB) and program change, for a program {@link SynthesizerPool.Lease#prepare} loaded. */
    private static void selectProgram(Receiver receiver, int channel, int program, Map<Integer, Integer> banks,
                                      long timestamp) throws InvalidMidiDataException {
        Integer bank = banks.get(programKey(channel, program));
        if (bank != null) {
            receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, 0, bank >> 7), timestamp);
            receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, 32, bank & 127), timestamp);
        }
        receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0), timestamp);
    }

    /** A program as {@link SynthesizerPool.Lease#prepare} keys it: drum kits, on the percussion channel, from 128. */
    private static int programKey(int channel, int program) {
        return channel == PERCUSSION_CHANNEL ? 128 + program : program;
    }

    /**
     * The keys each program plays, keyed as {@link SynthesizerPool.Lease#prepare} wants them: a
     * channel plays program 0 (the reset's) until a program change, and the percussion channel
     * plays drum kits.
     */
    private static Map<Integer, BitSet> keysByProgram(List<TimedMessage> messages) {
        int[] programs = new int[16];
        Map<Integer, BitSet> keys = new HashMap<>();
        for (TimedMessage m : messages) {
            if (m.message() instanceof ShortMessage sm) {
                if (sm.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                    programs[sm.getChannel()] = sm.getData1();
                } else if (sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0) {
                    keys.computeIfAbsent(programKey(sm.getChannel(), programs[sm.getChannel()]), p -> new BitSet(128))
                            .set(sm.getData1());
                }
            }
        }
        return keys;
    }

    private record TimedMessage(long micros, long tick, int order, MidiMessage message) {
    }

    /** When one render started and how long it may take. */
    private record Deadline(long startNanos, long timeoutNanos) {

        long remainingNanos() {
            return Math.max(0, timeoutNanos - (System.nanoTime() - startNanos));
        }

        void check() {
            long elapsed = System.nanoTime() - startNanos;
            if (elapsed >= timeoutNanos) {
                throw new RenderTimeoutException("still running after " + elapsed / 1_000_000 + " ms (timeout "
                        + timeoutNanos / 1_000_000 + " ms)");
            }
        }
    }

    /** Channel and system-exclusive events of all tracks, in time order, with their times in microseconds. */
    private static List<TimedMessage> timedMessages(Sequence sequence) {
        TempoMap tempo = TempoMap.of(sequence);
        List<TimedMessage> messages = new ArrayList<>();
        int order = 0;
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                MidiMessage message = event.getMessage();
                if (message instanceof ShortMessage sm && sm.getCommand() == ShortMessage.CONTROL_CHANGE
                        && sm.getData1() == SoundBankPrograms.KILL_CONTROLLER) {
                    continue; // the renderer's own kill switch; a file must not silence its own notes
                }
                if (message instanceof ShortMessage || message instanceof SysexMessage) {
                    long micros = Math.round(tempo.seconds(event.getTick()) * 1_000_000.0);
                    messages.add(new TimedMessage(micros, event.getTick(), order++, message));
                }
            }
        }
        messages.sort(Comparator.comparingLong(TimedMessage::tick).thenComparingInt(TimedMessage::order));
        return messages;
    }
}
