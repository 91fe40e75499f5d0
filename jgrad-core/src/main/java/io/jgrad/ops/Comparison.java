package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.CompareOp;
import java.util.Arrays;

/** Comparisons (BOOL results, not differentiable) and whole-tensor equality tests. */
public final class Comparison {
    private Comparison() {}

    /** a OP b elementwise, broadcast. */
    public static Tensor compare(CompareOp op, Tensor a, Tensor b) {
        return Dispatch.compare(op, a, b);
    }

    /** {@code torch.equal(a, b)}: same shape and equal elements. */
    public static boolean equal(Tensor a, Tensor b) {
        if (!Arrays.equals(Dispatch.A.shape(a), Dispatch.A.shape(b))) {
            return false;
        }
        for (boolean v : Dispatch.compare(CompareOp.EQ, a, b).toBooleanArray()) {
            if (!v) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code torch.allclose(a, b, rtol, atol)}: |a - b| <= atol + rtol |b| everywhere (broadcast); NaNs are
     * never close.
     */
    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
        int[] shape = Shapes.broadcast(Dispatch.A.shape(a), Dispatch.A.shape(b));
        double[] x = Dispatch.expandStorage(a, shape, DType.FLOAT64).doubles();
        double[] y = Dispatch.expandStorage(b, shape, DType.FLOAT64).doubles();
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                continue;
            }
            if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) {
                return false;
            }
        }
        return true;
    }
}
