package org.userlm.workbench.inference.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Weight-streaming bandwidth of a device: a matrix-vector product over a 256 MiB float32 matrix ([1, 8192] x
 * [8192, 8192]), which reads the matrix once, exactly like a decode step reads weights. On a GPU one product takes
 * about as long as the synchronisation that ends the timing (tens of microseconds), so 20 products are timed back to
 * back before one synchronisation. Made, measured and closed on the thread that owns the manager it is made from.
 */
final class Bandwidth implements AutoCloseable {
    /** Products timed for the bound at the end of a bench run (after one untimed). */
    static final int BOUND_TRIES = 5;
    /** Products timed right after each timed decode run, to judge that run by the bandwidth of its own minute. */
    static final int PAIRED_TRIES = 3;
    private static final int N = 8192;
    private final NDManager m;
    private final NDArray w;
    private final NDArray x;
    private final int reps;

    Bandwidth(NDManager base) {
        m = base.newSubManager();
        w = m.ones(new Shape(N, N), DataType.FLOAT32);
        x = m.ones(new Shape(1, N), DataType.FLOAT32);
        reps = base.getDevice().isGpu() ? 20 : 1;
    }

    /** GB/s of the fastest of {@code tries} timed products, after one untimed. */
    double best(int tries) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i <= tries; i++) {
            long t0 = System.nanoTime();
            NDArray y = x.matMul(w);
            for (int k = 1; k < reps; k++) {
                y.close();
                y = x.matMul(w);
            }
            y.get(0, 0).getFloat(); // synchronise (GPU)
            long t = System.nanoTime() - t0;
            y.close();
            if (i > 0) {
                best = Math.min(best, t);
            }
        }
        return (double) N * N * 4 * reps / best;
    }

    @Override
    public void close() {
        m.close();
    }
}
