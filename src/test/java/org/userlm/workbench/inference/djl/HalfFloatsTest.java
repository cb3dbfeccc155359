package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HalfFloatsTest {
    @Test
    void bf16ToF16MatchesKnownValues() {
        float[] in = {1f, -2.5f, 3.140625f, 1e30f};
        float[] want = {1f, -2.5f, 3.140625f, Float.POSITIVE_INFINITY};
        for (int i = 0; i < in.length; i++) {
            float bf = HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(in[i]));
            assertEquals(want[i], HalfFloats.f16ToFloat(HalfFloats.floatToF16(bf)));
        }
        assertEquals(3.140625f, HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(3.14159f)));
    }

    @Test
    void everyF16RoundTrips() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloats.f16ToFloat((short) h);
            if (Float.isNaN(f)) {
                continue;
            }
            assertEquals(h, HalfFloats.floatToF16(f) & 0xffff, "bits " + Integer.toHexString(h));
        }
    }

    @Test
    void f16RoundsToNearestEven() {
        assertEquals(0x3c00, HalfFloats.floatToF16(1f + 1f / 2048) & 0xffff);            // halfway, even down
        assertEquals(0x3c02, HalfFloats.floatToF16(1f + 3f / 2048) & 0xffff);            // halfway, even up
        assertEquals(0x7bff, HalfFloats.floatToF16(65504f) & 0xffff);
        assertEquals(0x7c00, HalfFloats.floatToF16(65536f) & 0xffff);
        assertEquals(0x0001, HalfFloats.floatToF16(5.9604645e-8f) & 0xffff);             // smallest subnormal
    }

    @Test
    void bf16IsExactUpperHalf() {
        assertEquals(Float.intBitsToFloat(0x3f810000), HalfFloats.bf16ToFloat((short) 0x3f81));
    }
}
