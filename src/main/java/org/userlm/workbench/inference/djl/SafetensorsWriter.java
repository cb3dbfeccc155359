package org.userlm.workbench.inference.djl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes a safetensors file from float32 values, stored as F32, F16 or BF16 (test models, the benchmark).
 * Values are written in the order tensors are added.
 */
public final class SafetensorsWriter {
    /** Produces a tensor's values in order, one at a time (so huge random tensors never sit in memory). */
    @FunctionalInterface
    public interface Source {
        float next();
    }

    /** A tensor to write. */
    public record Tensor(long[] shape, long numel, Supplier<Source> values) {
    }

    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    /** Adds a tensor. */
    public SafetensorsWriter add(String name, long[] shape, float[] values) {
        return add(name, shape, () -> {
            int[] i = {0};
            return () -> values[i[0]++];
        }, values.length);
    }

    /** Adds a tensor whose values are produced when the file is written. */
    public SafetensorsWriter add(String name, long[] shape, Supplier<Source> values, long numel) {
        tensors.put(name, new Tensor(shape, numel, values));
        return this;
    }

    /** Writes all tensors as {@code dtype}. */
    public void write(Path file, StDType dtype) throws IOException {
        ObjectNode header = new ObjectMapper().createObjectNode();
        long off = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", dtype.name());
            var sh = t.putArray("shape");
            for (long d : e.getValue().shape()) {
                sh.add(d);
            }
            long len = e.getValue().numel() * dtype.bytes();
            t.putArray("data_offsets").add(off).add(off + len);
            off += len;
        }
        header.putObject("__metadata__").put("format", "pt");
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (h.length + 7) / 8 * 8;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, padded);
            os.write(len.array());
            os.write(h);
            for (int i = h.length; i < padded; i++) {
                os.write(' ');
            }
            ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                Source src = t.values().get();
                for (long i = 0; i < t.numel(); i++) {
                    if (buf.remaining() < 4) {
                        os.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    put(buf, src.next(), dtype);
                }
            }
            os.write(buf.array(), 0, buf.position());
        }
    }

    /** Encodes values little-endian in {@code dtype}. */
    public static byte[] encode(float[] v, StDType dtype) {
        ByteBuffer b = ByteBuffer.allocate(v.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            put(b, f, dtype);
        }
        return b.array();
    }

    private static void put(ByteBuffer b, float f, StDType dtype) {
        switch (dtype) {
            case F32 -> b.putFloat(f);
            case F16 -> b.putShort(HalfFloats.floatToF16(f));
            case BF16 -> b.putShort(HalfFloats.floatToBf16(f));
        }
    }
}
