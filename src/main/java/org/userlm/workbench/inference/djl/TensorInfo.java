package org.userlm.workbench.inference.djl;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One tensor entry of a safetensors header, validated.
 *
 * @param name    tensor name
 * @param dtype   stored dtype
 * @param shape   shape
 * @param file    the shard that holds it
 * @param offset  absolute byte offset of the data in the file
 * @param length  byte length (numel * dtype size)
 */
public record TensorInfo(String name, StDType dtype, long[] shape, Path file, long offset, long length) {
    /** Number of elements. */
    public long numel() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The shape as {@code [a, b]}. */
    public String shapeString() {
        return Arrays.toString(shape);
    }
}
