package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.ValuesIndices;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.Sort;
import io.jgrad.storage.Storage;

/**
 * sort and topk: indices from a stable argsort kernel, values gathered from the input (so their backward is
 * gather's: the gradient scattered back to the chosen positions).
 */
public final class Sorting {
    private Sorting() {}

    /** {@code torch.sort(x, dim, descending)}: values and INT64 indices; NaN sorts as the largest value. */
    public static ValuesIndices sort(Tensor x, int dim, boolean descending) {
        int[] shape = Dispatch.A.shape(x);
        if (shape.length == 0) {
            Shapes.wrapDim(dim, 0);
            return new ValuesIndices(Copying.clone(x), Dispatch.empty(Shapes.SCALAR, DType.INT64));
        }
        int d = Shapes.wrapDim(dim, shape.length);
        Tensor idx = argsort(x, d, descending);
        return new ValuesIndices(Indexing.gather(x, d, idx), idx);
    }

    /**
     * {@code torch.topk(x, k, dim, largest, sorted)}: the k largest (or smallest) along dim.
     *
     * @throws IllegalArgumentException if k is outside [0, size(dim)] (PyTorch's message)
     */
    public static ValuesIndices topk(Tensor x, int k, int dim, boolean largest, boolean sorted) {
        int[] shape = Dispatch.A.shape(x);
        int d = Shapes.wrapDim(dim, shape.length);
        int size = shape.length == 0 ? 1 : shape[d];
        if (k < 0 || k > size) {
            throw new IllegalArgumentException("selected index k out of range");
        }
        if (shape.length == 0) {
            return sort(x, dim, largest);
        }
        Tensor idx = Views.narrow(argsort(x, d, largest), d, 0, k).contiguous();
        return new ValuesIndices(Indexing.gather(x, d, idx), idx);
    }

    /** INT64 positions that sort x along d. */
    static Tensor argsort(Tensor x, int d, boolean descending) {
        int[] shape = Dispatch.A.shape(x);
        int outer = 1;
        int inner = 1;
        for (int i = 0; i < d; i++) {
            outer *= shape[i];
        }
        for (int i = d + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        double[] a = Dispatch.contiguousStorage(x, DType.FLOAT64).doubles();
        Storage idx = Storage.allocate(DType.INT64, a.length);
        Sort.argsort(a, outer, shape[d], inner, descending, idx.longs());
        return Dispatch.wrap(idx, shape.clone());
    }
}
