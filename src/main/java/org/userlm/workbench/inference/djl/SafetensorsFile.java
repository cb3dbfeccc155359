package org.userlm.workbench.inference.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the header of one safetensors file with strict validation and maps tensors read-only. Offsets are longs
 * (no 2 GiB limit per file); one tensor must be under 2 GiB to be mapped, which every Llama-3 tensor is.
 *
 * <p>Checked: the 8-byte header length fits in the file, the header is a JSON object, every entry has a known
 * dtype, a non-negative shape and {@code data_offsets} with {@code end - begin == numel * dtype size}, the
 * entries sorted by offset start at 0, do not overlap, leave no gaps and end exactly at the end of the file.
 */
public final class SafetensorsFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private final Path file;
    private final Map<String, TensorInfo> tensors;

    private SafetensorsFile(Path file, Map<String, TensorInfo> tensors) {
        this.file = file;
        this.tensors = tensors;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Tensors by name, in header order. */
    public Map<String, TensorInfo> tensors() {
        return tensors;
    }

    /** Opens and validates the header. */
    public static SafetensorsFile open(Path file) throws ModelLoadException {
        String fn = file.getFileName().toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new ModelLoadException(fn + ": file is " + size + " bytes, too short for a safetensors header");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long hlen = lenBuf.getLong(0);
            if (hlen <= 0 || hlen > MAX_HEADER || 8 + hlen > size) {
                throw new ModelLoadException(fn + ": header length " + hlen + " does not fit in a file of " + size
                        + " bytes (truncated or not a safetensors file)");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) hlen);
            readFully(ch, hb, 8);
            JsonNode root;
            try {
                root = JSON.readTree(new String(hb.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ModelLoadException(fn + ": header is not valid JSON: " + firstLine(e.getMessage()), e);
            }
            if (root == null || !root.isObject()) {
                throw new ModelLoadException(fn + ": header is not a JSON object");
            }
            return new SafetensorsFile(file, parseEntries(fn, file, root, 8 + hlen, size));
        } catch (IOException e) {
            throw new ModelLoadException(fn + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Map<String, TensorInfo> parseEntries(String fn, Path file, JsonNode root, long dataStart,
                                                        long size) throws ModelLoadException {
        List<TensorInfo> list = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            list.add(parseEntry(fn, file, e.getKey(), e.getValue(), dataStart));
        }
        List<TensorInfo> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingLong(TensorInfo::offset));
        long expected = dataStart;
        for (TensorInfo t : sorted) {
            if (t.offset() < expected) {
                throw new ModelLoadException(fn + ": tensor " + t.name() + " overlaps the previous tensor");
            }
            if (t.offset() > expected) {
                throw new ModelLoadException(fn + ": gap in the data before tensor " + t.name());
            }
            expected = t.offset() + t.length();
        }
        if (expected != size) {
            if (expected > size) {
                throw new ModelLoadException(fn + ": truncated: the header needs " + expected + " bytes, the file has "
                        + size);
            }
            throw new ModelLoadException(fn + ": " + (size - expected)
                    + " bytes after the last tensor: the header does not cover the data exactly");
        }
        Map<String, TensorInfo> map = new LinkedHashMap<>();
        for (TensorInfo t : list) {
            map.put(t.name(), t);
        }
        return map;
    }

    private static TensorInfo parseEntry(String fn, Path file, String name, JsonNode n, long dataStart)
            throws ModelLoadException {
        String where = fn + ": tensor " + name;
        if (!n.isObject()) {
            throw new ModelLoadException(where + ": entry is not an object");
        }
        String ds = n.path("dtype").asText(null);
        StDType dtype = StDType.parse(ds);
        if (dtype == null) {
            throw new ModelLoadException(where + ": unsupported dtype " + ds + " (supported: F32, F16, BF16)");
        }
        JsonNode sh = n.get("shape");
        JsonNode off = n.get("data_offsets");
        if (sh == null || !sh.isArray() || off == null || !off.isArray() || off.size() != 2) {
            throw new ModelLoadException(where + ": needs a shape array and data_offsets [begin, end]");
        }
        long[] shape = new long[sh.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!sh.get(i).canConvertToLong() || sh.get(i).asLong() < 0) {
                throw new ModelLoadException(where + ": invalid shape " + sh);
            }
            shape[i] = sh.get(i).asLong();
            numel = Math.multiplyExact(numel, shape[i]);
        }
        if (!off.get(0).canConvertToLong() || !off.get(1).canConvertToLong()) {
            throw new ModelLoadException(where + ": invalid data_offsets " + off);
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin) {
            throw new ModelLoadException(where + ": invalid data_offsets " + off);
        }
        long want = Math.multiplyExact(numel, dtype.bytes());
        if (end - begin != want) {
            throw new ModelLoadException(where + ": data_offsets span " + (end - begin) + " bytes but shape "
                    + sh + " of " + dtype + " needs " + want);
        }
        return new TensorInfo(name, dtype, shape, file, dataStart + begin, end - begin);
    }

    /** Maps one tensor's bytes read-only, little-endian. */
    public static ByteBuffer map(TensorInfo t) throws ModelLoadException {
        if (t.length() > Integer.MAX_VALUE) {
            throw new ModelLoadException(t.file().getFileName() + ": tensor " + t.name()
                    + " is larger than 2 GiB and cannot be mapped");
        }
        try (FileChannel ch = FileChannel.open(t.file(), StandardOpenOption.READ)) {
            if (t.offset() + t.length() > ch.size()) {
                throw new ModelLoadException(t.file().getFileName() + ": truncated at tensor " + t.name());
            }
            MappedByteBuffer mb = ch.map(FileChannel.MapMode.READ_ONLY, t.offset(), t.length());
            mb.order(ByteOrder.LITTLE_ENDIAN);
            return mb;
        } catch (IOException e) {
            throw new ModelLoadException(t.file().getFileName() + ": cannot map tensor " + t.name() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position());
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
