package io.sib2ae.orchestrator.rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a 16-bit PCM WAV (any channel count and sample rate) into a mono float mix. Parsed by
 * hand rather than through javax.sound.sampled so that the bytes land in a reused buffer and a
 * note costs no stream or converter objects.
 */
final class KeyframeWavReader {

    private static final int WAVE_FORMAT_PCM = 1;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;

    private KeyframeWavReader() {
    }

    static KeyframePcm read(Path wav, KeyframeWorkspace workspace) {
        ByteBuffer bytes = readWhole(wav, workspace);
        if (bytes.limit() < 12 || !fourCc(bytes, 0, "RIFF") || !fourCc(bytes, 8, "WAVE")) {
            throw new IllegalArgumentException(wav + " is not a RIFF/WAVE file");
        }
        int channels = 0;
        int sampleRate = 0;
        int bits = 0;
        int blockAlign = 0;
        int dataOffset = -1;
        int dataLength = 0;
        int pos = 12;
        while (pos + 8 <= bytes.limit()) {
            long size = Integer.toUnsignedLong(bytes.getInt(pos + 4));
            int body = pos + 8;
            if (fourCc(bytes, pos, "fmt ")) {
                if (size < 16 || body + 16 > bytes.limit()) {
                    throw new IllegalArgumentException(wav + " has a truncated fmt chunk");
                }
                int format = Short.toUnsignedInt(bytes.getShort(body));
                if (format == WAVE_FORMAT_EXTENSIBLE && size >= 26 && body + 26 <= bytes.limit()) {
                    // the real format code is the first field of the SubFormat GUID
                    format = Short.toUnsignedInt(bytes.getShort(body + 24));
                }
                if (format != WAVE_FORMAT_PCM) {
                    throw new IllegalArgumentException(wav + " is not PCM (format " + format + ")");
                }
                channels = Short.toUnsignedInt(bytes.getShort(body + 2));
                sampleRate = bytes.getInt(body + 4);
                blockAlign = Short.toUnsignedInt(bytes.getShort(body + 12));
                bits = Short.toUnsignedInt(bytes.getShort(body + 14));
            } else if (fourCc(bytes, pos, "data")) {
                dataOffset = body;
                // writers that stream often leave the size at 0 or 0xFFFFFFFF: trust the file end
                long available = bytes.limit() - (long) body;
                dataLength = (int) (size == 0 || size > available ? available : size);
                break;
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are word-aligned
        }
        if (channels == 0) {
            throw new IllegalArgumentException(wav + " has no fmt chunk before its data");
        }
        if (dataOffset < 0) {
            throw new IllegalArgumentException(wav + " has no data chunk");
        }
        if (bits != 16 || blockAlign != channels * 2 || sampleRate <= 0) {
            throw new IllegalArgumentException(wav + " is not 16-bit PCM (bits " + bits + ", channels "
                    + channels + ", block " + blockAlign + ", rate " + sampleRate + ")");
        }
        int frames = dataLength / blockAlign;
        float[] mono = workspace.mono(frames);
        decode(bytes, dataOffset, frames, channels, mono);
        return new KeyframePcm(sampleRate, channels, mono, frames);
    }

    /** The mono mix of interleaved 16-bit little-endian PCM, as {@link #read} makes of a WAV's data. */
    static KeyframePcm fromPcm(byte[] pcm, int sampleRate, int channels, KeyframeWorkspace workspace) {
        int frames = pcm.length / (channels * 2);
        float[] mono = workspace.mono(frames);
        if (channels == 2) {
            decodeStereo(pcm, frames, mono);
        } else {
            decode(ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN), 0, frames, channels, mono);
        }
        return new KeyframePcm(sampleRate, channels, mono, frames);
    }

    /*
     * Every rendered note passes here, and a profile of a running service caught this loop
     * interpreted, between compilations, in one sample of six when it read through a ByteBuffer:
     * plain array reads cost the interpreter and the first JIT tier a fraction of getShort's
     * bounds, scope and byte-order calls. The samples and the sum are exactly decode's.
     */
    private static void decodeStereo(byte[] pcm, int frames, float[] mono) {
        float scale = 1f / 65536f;
        for (int i = 0, p = 0; i < frames; i++, p += 4) {
            int left = (short) ((pcm[p] & 0xFF) | (pcm[p + 1] << 8));
            int right = (short) ((pcm[p + 2] & 0xFF) | (pcm[p + 3] << 8));
            mono[i] = (left + right) * scale;
        }
    }

    private static void decode(ByteBuffer bytes, int offset, int frames, int channels, float[] mono) {
        if (channels == 1) {
            float scale = 1f / 32768f;
            for (int i = 0, p = offset; i < frames; i++, p += 2) {
                mono[i] = bytes.getShort(p) * scale;
            }
        } else if (channels == 2) {
            float scale = 1f / 65536f;
            for (int i = 0, p = offset; i < frames; i++, p += 4) {
                mono[i] = (bytes.getShort(p) + bytes.getShort(p + 2)) * scale;
            }
        } else {
            float scale = 1f / (32768f * channels);
            int block = channels * 2;
            for (int i = 0, p = offset; i < frames; i++, p += block) {
                int sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += bytes.getShort(p + 2 * c);
                }
                mono[i] = sum * scale;
            }
        }
    }

    private static ByteBuffer readWhole(Path wav, KeyframeWorkspace workspace) {
        try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(wav + " is too large for a note (" + size + " bytes)");
            }
            ByteBuffer buffer = workspace.fileBytes((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // FileChannel.read may return short counts; keep going until the file is in
            }
            buffer.flip();
            return buffer;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + wav + ": " + e.getMessage(), e);
        }
    }

    private static boolean fourCc(ByteBuffer bytes, int pos, String id) {
        for (int i = 0; i < 4; i++) {
            if (bytes.get(pos + i) != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
