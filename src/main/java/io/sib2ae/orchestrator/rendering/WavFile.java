package io.sib2ae.orchestrator.rendering;

import io.sib2ae.orchestrator.manifest.AtomicFiles;

import javax.sound.sampled.AudioFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes PCM audio as a RIFF/WAVE file (atomically) and reads one back only after checking that its
 * header agrees with itself and with the file's length, so a half-written or truncated WAV left by
 * a crash is recognised instead of being used.
 */
public final class WavFile {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavFile() {
    }

    /** The facts of a valid WAV file. */
    public record Header(int sampleRate, int channels, int bitsPerSample, long dataOffset, long dataBytes) {

        public int frameSize() {
            return channels * (bitsPerSample / 8);
        }

        public long frames() {
            return dataBytes / frameSize();
        }

        public double durationSeconds() {
            return frames() / (double) sampleRate;
        }

        public AudioFormat audioFormat() {
            return new AudioFormat(sampleRate, bitsPerSample, channels, bitsPerSample > 8, false);
        }
    }

    /** A file that is not a complete, consistent PCM WAV file. */
    public static final class InvalidWavException extends IOException {
        public InvalidWavException(String message) {
            super(message);
        }
    }

    /** Writes a rendered note as a WAV file. */
    public static Path write(Path target, RenderedAudio audio) {
        return write(target, audio.format(), audio.pcm());
    }

    /** Writes interleaved signed little-endian PCM (16 or 24 bits) as a canonical 44-byte-header WAV. */
    public static Path write(Path target, AudioFormat format, byte[] pcm) {
        checkWritable(format, pcm);
        AtomicFiles.write(target, out -> writeTo(out, format, pcm));
        return target;
    }

    /** The bytes of {@link #write(Path, AudioFormat, byte[])}'s file, to a stream. */
    public static void writeTo(OutputStream out, AudioFormat format, byte[] pcm) throws IOException {
        checkWritable(format, pcm);
        int bits = format.getSampleSizeInBits();
        int channels = format.getChannels();
        int blockAlign = channels * bits / 8;
        int sampleRate = Math.round(format.getSampleRate());
        boolean pad = pcm.length % 2 == 1; // RIFF chunks are padded to an even length
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt(36 + pcm.length + (pad ? 1 : 0)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16)
                .putShort((short) FORMAT_PCM).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        header.put(ascii("data")).putInt(pcm.length);
        out.write(header.array());
        out.write(pcm);
        if (pad) {
            out.write(0);
        }
    }

    private static void checkWritable(AudioFormat format, byte[] pcm) {
        int bits = format.getSampleSizeInBits();
        if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.isBigEndian()
                || (bits != 16 && bits != 24)) {
            throw new IllegalArgumentException("WAV output needs signed little-endian 16 or 24-bit PCM, not " + format);
        }
        int blockAlign = format.getChannels() * bits / 8;
        if (pcm.length % blockAlign != 0) {
            throw new IllegalArgumentException(pcm.length + " PCM bytes are not whole frames of " + blockAlign);
        }
    }

    /**
     * Checks a WAV file: RIFF/WAVE signature, RIFF size equal to the file length minus 8, chunks that
     * tile the file exactly, a PCM 'fmt ' chunk whose block align and byte rate follow from its
     * channels, rate and bits, and a 'data' chunk of whole frames that lies inside the file.
     */
    public static Header validate(Path file) throws IOException {
        long length = Files.size(file);
        if (length < 12) {
            throw new InvalidWavException(file + ": " + length + " bytes is too short for a WAV file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer riff = read(channel, 0, 12, file);
            if (!tag(riff, 0).equals("RIFF") || !tag(riff, 8).equals("WAVE")) {
                throw new InvalidWavException(file + ": not a RIFF/WAVE file");
            }
            long riffSize = Integer.toUnsignedLong(riff.getInt(4));
            if (riffSize + 8 != length) {
                throw new InvalidWavException(file + ": RIFF size says " + (riffSize + 8)
                        + " bytes but the file has " + length + " (truncated or still being written?)");
            }
            ByteBuffer fmt = null;
            long dataOffset = -1;
            long dataBytes = -1;
            long pos = 12;
            while (pos < length) {
                if (pos + 8 > length) {
                    throw new InvalidWavException(file + ": chunk header at byte " + pos + " runs past the end");
                }
                ByteBuffer chunk = read(channel, pos, 8, file);
                String id = tag(chunk, 0);
                long size = Integer.toUnsignedLong(chunk.getInt(4));
                long body = pos + 8;
                if (body + size > length) {
                    throw new InvalidWavException(file + ": chunk '" + id + "' of " + size
                            + " bytes runs past the end of the file");
                }
                if (id.equals("fmt ")) {
                    if (size < 16) {
                        throw new InvalidWavException(file + ": 'fmt ' chunk is only " + size + " bytes");
                    }
                    fmt = read(channel, body, 16, file);
                } else if (id.equals("data")) {
                    if (fmt == null) {
                        throw new InvalidWavException(file + ": 'data' chunk comes before 'fmt '");
                    }
                    dataOffset = body;
                    dataBytes = size;
                }
                pos = body + size + (size % 2);
            }
            if (pos != length) {
                throw new InvalidWavException(file + ": chunks end at byte " + pos + ", the file at " + length);
            }
            if (fmt == null || dataOffset < 0) {
                throw new InvalidWavException(file + ": missing " + (fmt == null ? "'fmt '" : "'data'") + " chunk");
            }
            int formatTag = Short.toUnsignedInt(fmt.getShort(0));
            int channels = Short.toUnsignedInt(fmt.getShort(2));
            long sampleRate = Integer.toUnsignedLong(fmt.getInt(4));
            long byteRate = Integer.toUnsignedLong(fmt.getInt(8));
            int blockAlign = Short.toUnsignedInt(fmt.getShort(12));
            int bits = Short.toUnsignedInt(fmt.getShort(14));
            if (formatTag != FORMAT_PCM && formatTag != FORMAT_EXTENSIBLE) {
                throw new InvalidWavException(file + ": format tag " + formatTag + " is not PCM");
            }
            if (channels < 1 || sampleRate < 1 || bits < 8 || bits % 8 != 0 || bits > 32) {
                throw new InvalidWavException(file + ": impossible format: " + channels + " channels, "
                        + sampleRate + " Hz, " + bits + " bits");
            }
            if (blockAlign != channels * bits / 8 || byteRate != sampleRate * blockAlign) {
                throw new InvalidWavException(file + ": block align " + blockAlign + " / byte rate " + byteRate
                        + " do not match " + channels + " channels of " + bits + " bits at " + sampleRate + " Hz");
            }
            if (dataBytes % blockAlign != 0) {
                throw new InvalidWavException(file + ": data size " + dataBytes + " is not whole frames of "
                        + blockAlign + " bytes");
            }
            return new Header((int) sampleRate, channels, bits, dataOffset, dataBytes);
        }
    }

    /** The PCM bytes of a valid WAV file (validated first). */
    public static byte[] readPcm(Path file) throws IOException {
        Header header = validate(file);
        if (header.dataBytes() > Integer.MAX_VALUE - 16) {
            throw new InvalidWavException(file + ": data too large to read into memory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(header.dataOffset());
            return in.readNBytes((int) header.dataBytes());
        }
    }

    /** True when {@code file} is a complete, consistent WAV file (for recovery scans). */
    public static boolean isValid(Path file) {
        try {
            validate(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int bytes, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new InvalidWavException(file + ": unexpected end of file at byte " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }

    private static String tag(ByteBuffer buffer, int offset) {
        byte[] b = new byte[4];
        buffer.get(offset, b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
