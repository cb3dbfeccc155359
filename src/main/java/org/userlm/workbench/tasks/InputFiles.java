package org.userlm.workbench.tasks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reading files a user points us at, defensively: regular files only (a FIFO, device or directory is refused
 * before it is opened, so {@code /dev/zero} or a pipe never hangs or fills memory), a size cap before and after
 * decompression, and strict UTF-8 (an invalid byte is an error naming its line and byte offset, never a silent
 * U+FFFD).
 */
public final class InputFiles {
    /** Default cap on a file's size, and on its size after decompression (256 MB; {@code userlm.maxInputBytes}). */
    public static final long DEFAULT_MAX_BYTES = Long.getLong("userlm.maxInputBytes", 256L << 20);

    private InputFiles() {
    }

    /**
     * Reads a regular file of at most {@code maxBytes}.
     *
     * @param what what the file is, for messages ("task file", "answer file")
     * @throws IOException with a one-line message saying what is wrong
     */
    public static byte[] read(Path file, String what, long maxBytes) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(what + " " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(what + " " + file + " is not a regular file ("
                    + (Files.isDirectory(file) ? "a directory" : "a FIFO, socket or device") + ")");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException(what + " " + file + " is too large: " + mb(size) + " (the limit is " + mb(maxBytes) + ")");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readCapped(in, maxBytes, what + " " + file + " grew past " + mb(maxBytes) + " while being read");
        }
    }

    /**
     * Decompresses gzip data, stopping at {@code maxBytes} of output.
     *
     * @throws IOException when corrupt or when it inflates beyond the cap
     */
    public static byte[] gunzip(byte[] gz, String name, long maxBytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return readCapped(in, maxBytes, name + ": decompresses to more than " + mb(maxBytes) + " (the limit)");
        }
    }

    private static byte[] readCapped(InputStream in, long maxBytes, String tooLarge) throws IOException {
        byte[] all = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes));
        if (in.read() >= 0) {
            throw new IOException(tooLarge);
        }
        return all;
    }

    /**
     * Decodes UTF-8 strictly.
     *
     * @throws IOException {@code NAME: invalid UTF-8 at line L, byte B (0xNN)} for the first bad byte
     */
    public static String utf8(String name, byte[] bytes) throws IOException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            throw new IOException(name + ": invalid UTF-8 at line " + lineOf(bytes, at) + ", byte " + at
                    + String.format(" (0x%02x)", bytes[at] & 0xff));
        }
        out.flip();
        return out.toString();
    }

    private static int lineOf(byte[] bytes, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String mb(long bytes) {
        return bytes >= (1 << 20) ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}
