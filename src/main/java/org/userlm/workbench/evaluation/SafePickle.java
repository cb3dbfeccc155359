package org.userlm.workbench.evaluation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes LiveCodeBench {@code private_test_cases} blobs ({@code base64(zlib(pickle(str)))}) without
 * unpickling: a tiny reader that accepts only the opcodes of a pickled {@code str} (PROTO, FRAME, the
 * BINUNICODE family, memo puts, STOP) and refuses everything else.
 */
public final class SafePickle {
    private static final int MAX_INFLATED = 256 << 20;

    private SafePickle() {
    }

    /**
     * Decodes a blob to the JSON text it carries.
     *
     * @param blob base64 text
     * @return the pickled string
     * @throws IllegalArgumentException when the blob is not base64/zlib or the pickle is anything but one str
     */
    public static String decodeBlob(String blob) {
        byte[] zipped;
        try {
            zipped = Base64.getMimeDecoder().decode(blob.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + e.getMessage(), e);
        }
        return readString(inflate(zipped));
    }

    private static byte[] inflate(byte[] zipped) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(zipped);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 << 10];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new IllegalArgumentException("truncated zlib data");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new IllegalArgumentException("zlib data inflates beyond " + (MAX_INFLATED >> 20) + " MB");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not zlib data: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    /** Reads a pickle that holds exactly one str; refuses any other opcode. */
    static String readString(byte[] p) {
        String value = null;
        int i = 0;
        while (i < p.length) {
            int op = p[i++] & 0xff;
            switch (op) {
                case 0x80 -> i = skip(p, i, 1);       // PROTO n
                case 0x95 -> i = skip(p, i, 8);       // FRAME len
                case 0x94 -> { }                      // MEMOIZE
                case 'q' -> i = skip(p, i, 1);        // BINPUT
                case 'r' -> i = skip(p, i, 4);        // LONG_BINPUT
                case 0x8c, 'X', 0x8d -> {             // SHORT_BINUNICODE, BINUNICODE, BINUNICODE8
                    int width = op == 0x8c ? 1 : op == 'X' ? 4 : 8;
                    long len = little(p, i, width);
                    i += width;
                    if (value != null || len < 0 || len > p.length - i) {
                        throw new IllegalArgumentException("pickle is not a single str");
                    }
                    value = new String(p, i, (int) len, StandardCharsets.UTF_8);
                    i += (int) len;
                }
                case '.' -> {
                    if (value == null || i != p.length) {
                        throw new IllegalArgumentException("pickle is not a single str");
                    }
                    return value;
                }
                default -> throw new IllegalArgumentException(
                        String.format("refusing pickle opcode 0x%02x at byte %d (only a pickled str is accepted)", op, i - 1));
            }
        }
        throw new IllegalArgumentException("pickle has no STOP opcode");
    }

    private static int skip(byte[] p, int at, int n) {
        if (n > p.length - at) {
            throw new IllegalArgumentException("truncated pickle");
        }
        return at + n;
    }

    private static long little(byte[] p, int at, int width) {
        if (at + width > p.length) {
            throw new IllegalArgumentException("truncated pickle");
        }
        long v = 0;
        for (int k = width - 1; k >= 0; k--) {
            v = (v << 8) | (p[at + k] & 0xff);
        }
        return v;
    }
}
