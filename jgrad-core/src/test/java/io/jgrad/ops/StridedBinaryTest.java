package io.jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.kernel.BinaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Binary ops on broadcast and strided operands, which run row by row through the operands' strides
 * ({@code Dispatch.binaryRows}) instead of copying them: every result must equal, bit for bit, the same op on
 * dense copies of the operands (the plain elementwise loop, whose values the PyTorch fixtures check).
 */
class StridedBinaryTest {

    /** A random layout: a permuted or sliced view, or a tensor broadcast along some dimensions. */
    static Tensor layout(int[] shape, int kind, DType dtype, Random r) {
        switch (kind) {
            case 0: { // transposed (last two dims swapped) view
                int n = shape.length;
                int[] swapped = shape.clone();
                if (n >= 2) {
                    swapped[n - 1] = shape[n - 2];
                    swapped[n - 2] = shape[n - 1];
                }
                Tensor t = Torch.randn(swapped).to(dtype);
                return n >= 2 ? t.transpose(n - 2, n - 1) : t;
            }
            case 1: { // every other element of a larger tensor along the last dim
                int[] big = shape.clone();
                big[big.length - 1] = 2 * shape[shape.length - 1];
                Tensor t = Torch.randn(big).to(dtype);
                return t.slice(shape.length - 1, 0, big[big.length - 1], 2);
            }
            case 2: { // size 1 on random dims, broadcast by the op
                int[] small = shape.clone();
                for (int i = 0; i < small.length; i++) {
                    if (r.nextBoolean()) {
                        small[i] = 1;
                    }
                }
                return Torch.randn(small).to(dtype);
            }
            case 3: // fewer dims (trailing), broadcast by the op
                return Torch.randn(java.util.Arrays.copyOfRange(shape, shape.length - 1, shape.length)).to(dtype);
            default: // dense
                return Torch.randn(shape).to(dtype);
        }
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int[][] shapes = {{7}, {3, 5}, {130, 3}, {2, 3, 4}, {4, 1, 33}, {2, 3, 2, 5}, {3, 300}};
        for (DType d : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int s = 0; s < shapes.length; s++) {
                for (int ka = 0; ka < 5; ka++) {
                    for (int kb = 0; kb < 5; kb++) {
                        out.add(Arguments.of(d, shapes[s], ka, kb));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1} layouts {2}/{3}")
    @MethodSource("cases")
    void equalsTheOpOnDenseCopies(DType dtype, int[] shape, int ka, int kb) {
        Torch.manualSeed(ka * 31 + kb * 7 + shape.length);
        Random r = new Random(ka * 131 + kb);
        Tensor a = layout(shape, ka, dtype, r);
        Tensor b = layout(shape, kb, dtype, r);
        for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV}) {
            Tensor got = Dispatch.binary(op, a, b, dtype);
            int[] full = io.jgrad.internal.Shapes.broadcast(a.shape(), b.shape());
            Tensor want = Dispatch.binary(op, a.expand(full).contiguous(), b.expand(full).contiguous(), dtype);
            assertArrayEquals(want.shape(), got.shape());
            assertArrayEquals(want.toDoubleArray(), got.toDoubleArray(), 0.0, op + " " + dtype);
        }
        // in-place accumulation of a broadcast or strided source into a dense tensor
        int[] full = io.jgrad.internal.Shapes.broadcast(a.shape(), b.shape());
        Tensor dst = a.expand(full).contiguous();
        Tensor want = Dispatch.binary(BinaryOp.ADD, dst, b.expand(full).contiguous(), dtype);
        Dispatch.addInto(dst, b);
        assertArrayEquals(want.toDoubleArray(), dst.toDoubleArray(), 0.0);
        assertEquals(dtype, dst.dtype());
    }
}
