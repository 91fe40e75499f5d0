package io.jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import org.junit.jupiter.api.Test;

/**
 * mm, bmm and matmul read transposed, expanded and sliced operands in place (the GEMM packs them through their
 * strides); the results must be the same bits as with contiguous copies (Note [GEMM rounding] in DoubleGemm).
 */
class MatmulStridesTest {
    @Test
    void transposedAndExpandedOperandsGiveTheContiguousResult() {
        for (DType d : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Torch.manualSeed(7);
            Tensor a = Torch.randn(new int[] {70, 45}, d);
            Tensor b = Torch.randn(new int[] {70, 33}, d);
            // a.t() @ b, as MmBackward0 computes a weight gradient.
            assertSame(a.t().contiguous().mm(b), a.t().mm(b));
            // g @ b.t() with an expanded (stride 0) g, as the gradient of a sum arrives.
            Tensor g = Torch.ones(new int[] {1, 1}, d).expand(45, 33);
            assertSame(g.contiguous().mm(b.t().contiguous()), g.mm(b.t()));
            // Every other row, every third column.
            Tensor sliced = Torch.randn(new int[] {140, 90}, d).slice(0, 0, 140, 2).slice(1, 1, 90, 3);
            Tensor right = Torch.randn(new int[] {60, 17}, d).slice(0, 0, 60, 2);
            assertSame(sliced.contiguous().mm(right.contiguous()), sliced.mm(right));
            // Batched, with the second operand transposed in its last two dimensions.
            Tensor x = Torch.randn(new int[] {3, 40, 50}, d);
            Tensor y = Torch.randn(new int[] {3, 60, 50}, d);
            assertSame(x.bmm(y.transpose(1, 2).contiguous()), x.bmm(y.transpose(1, 2)));
            assertSame(x.matmul(y.transpose(1, 2).contiguous()), x.matmul(y.transpose(1, 2)));
        }
    }

    @Test
    void largeProductWithTransposedOperandsMatchesTheContiguousOne() {
        Torch.manualSeed(3);
        Tensor a = Torch.randn(300, 260);
        Tensor b = Torch.randn(300, 280);
        assertSame(a.t().contiguous().mm(b), a.t().mm(b));
        assertSame(b.t().contiguous().mm(a), b.t().mm(a));
        Tensor c = Torch.randn(280, 260);
        assertSame(a.mm(c.t().contiguous()), a.mm(c.t()));
    }

    private static void assertSame(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray());
    }
}
