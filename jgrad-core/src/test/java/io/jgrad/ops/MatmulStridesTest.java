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

    @Test
    void expandedOperandsRepeatOneRowOrColumnWithTheFullProductsBits() {
        // Note [Repeated rows and columns]: a zero row step in A or column step in B computes one row or column
        // and copies it; the contiguous copies below go through the full (packed, threaded) product.
        for (DType d : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Torch.manualSeed(11);
            int n = 300;
            int k = 257;
            int p = 310;
            Tensor b = Torch.randn(new int[] {k, p}, d);
            Tensor row = Torch.randn(new int[] {1, k}, d);
            Tensor rows = row.expand(n, k);
            assertSame(rows.contiguous().mm(b), rows.mm(b));
            Tensor a = Torch.randn(new int[] {n, k}, d);
            Tensor column = Torch.randn(new int[] {k, 1}, d);
            Tensor columns = column.expand(k, p);
            assertSame(a.mm(columns.contiguous()), a.mm(columns));
            // Both: every entry is the same dot product.
            assertSame(rows.contiguous().mm(columns.contiguous()), rows.mm(columns));
            // Batched: each product's rows repeat (a different row per product).
            Tensor x = Torch.randn(new int[] {2, 1, 50}, d).expand(2, 40, 50);
            Tensor y = Torch.randn(new int[] {2, 50, 60}, d);
            assertSame(x.contiguous().bmm(y), x.bmm(y));
        }
    }

    @Test
    void gradientOfASumThroughMatmulIsTheFullProducts() {
        // (a @ b).sum().backward(): both gradients are products with the expanded ones gradient.
        Torch.manualSeed(5);
        Tensor a = Torch.randn(260, 300).requiresGrad_();
        Tensor b = Torch.randn(300, 270).requiresGrad_();
        a.matmul(b).sum().backward();
        Tensor ones = Torch.ones(260, 270);
        assertSame(ones.mm(b.detach().t().contiguous()), a.grad());
        assertSame(a.detach().t().contiguous().mm(ones), b.grad());
        // and against float64 sums of b's rows (a.grad[i, j] = sum_p b[j, p]) to 1e-4 relative
        double[] bd = b.detach().toDoubleArray();
        double[] ga = a.grad().toDoubleArray();
        for (int j = 0; j < 300; j++) {
            double sum = 0;
            for (int q = 0; q < 270; q++) {
                sum += bd[j * 270 + q];
            }
            for (int i = 0; i < 260; i += 37) {
                org.junit.jupiter.api.Assertions.assertEquals(sum, ga[i * 300 + j], 1e-4 * (1 + Math.abs(sum)));
            }
        }
    }

    private static void assertSame(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray());
    }
}
