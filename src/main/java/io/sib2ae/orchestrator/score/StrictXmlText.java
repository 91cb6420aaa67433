package io.sib2ae.orchestrator.score;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * The characters of an XML file, decoded here rather than by the JDK's parser: handed bytes, that
 * parser prints {@code [Fatal Error] :-1:-1: Invalid byte 1 of 1-byte UTF-8 sequence.} to stderr
 * before it throws, and StAX offers no error handler to stop it. A byte that is not text in the
 * file's encoding ends the read with {@link MalformedTextException}, which says where it is.
 */
final class StrictXmlText extends Reader {

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer pending = CharBuffer.allocate(2).flip();
    private boolean endOfInput;
    private long line = 1;
    private long column = 1;

    StrictXmlText(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!pending.hasRemaining() && length == 1) {
            // One character may need two chars (a surrogate pair), which would not fit the caller's one.
            pending.clear();
            int decoded = decode(pending);
            pending.flip();
            if (decoded < 0) {
                return -1;
            }
        }
        if (pending.hasRemaining()) {
            buffer[offset] = pending.get();
            advance(buffer, offset, 1);
            return 1;
        }
        int decoded = decode(CharBuffer.wrap(buffer, offset, length));
        if (decoded > 0) {
            advance(buffer, offset, decoded);
        }
        return decoded;
    }

    /** Decodes at least one character into {@code out}, which has room for two; -1 at the end. */
    private int decode(CharBuffer out) throws IOException {
        int start = out.position();
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int produced = out.position() - start;
            if (produced > 0) {
                // A bad byte after these characters is met again on the next read, with its position known.
                return produced;
            }
            if (result.isError()) {
                throw new MalformedTextException(String.format(
                        "byte 0x%02X at line %d, column %d is not %s text: not a text file, or not in the encoding it declares",
                        bytes.get(bytes.position()) & 0xFF, line, column, charset.name()));
            }
            if (endOfInput) {
                return -1;
            }
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
    }

    private void advance(char[] buffer, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            if (buffer[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * A byte that is not text. Its {@code toString} is its message alone, because the parser
     * wraps it as {@code new XMLStreamException(cause)}, whose message is the cause's toString.
     */
    static final class MalformedTextException extends IOException {

        MalformedTextException(String message) {
            super(message);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
