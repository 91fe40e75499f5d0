package io.jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import org.junit.jupiter.api.Test;

/** Sums over dimensions read a dense input in place: the result is still a new tensor of the sum's dtype. */
class SumDimInputTest {
    @Test
    void nothingToReduceStillGivesANewTensor() {
        Tensor x = Torch.tensor(3.0).reshape().detach().requiresGrad_();
        Tensor s = x.sum(new int[] {0}, false);
        assertNotSame(x, s);
        assertTrue(x.isLeaf());
        assertNull(x.gradFn());
        assertEquals("SumBackward1", s.gradFn().name());
        Tensor b = Torch.tensor(new boolean[] {true}).reshape();
        assertEquals(DType.INT64, b.sum(new int[] {0}, false).dtype());
    }

    @Test
    void viewsWithOffsetsAndStridesSumRight() {
        float[] v = new float[4 * 70];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 13 - 6;
        }
        Tensor m = Torch.tensor(v).reshape(4, 70);
        Tensor rows = m.narrow(0, 1, 3);           // offset 70, contiguous
        Tensor cols = m.t();                       // strided
        float[] expectRows = new float[70];
        float[] expectCols = new float[4];
        for (int r = 1; r < 4; r++) {
            for (int c = 0; c < 70; c++) {
                expectRows[c] += v[r * 70 + c];
            }
        }
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 70; c++) {
                expectCols[r] += v[r * 70 + c];
            }
        }
        assertArrayEquals(expectRows, rows.sum(new int[] {0}, false).toFloatArray());
        assertArrayEquals(expectCols, cols.sum(new int[] {0}, false).toFloatArray());
    }
}
