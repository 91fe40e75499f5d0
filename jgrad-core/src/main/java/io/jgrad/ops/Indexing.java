package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;
import io.jgrad.internal.Shapes;

/**
 * Reading and writing by index tensors and masks: index_select, gather and its adjoint scatter-add,
 * masked_fill and where.
 */
public final class Indexing {
    private Indexing() {}

    /**
     * {@code x.index_select(dim, index)}. IndexSelectBackward0: the gradient added into zeros at the indices.
     *
     * @throws IllegalArgumentException for a non-INT64 or multi-dimensional index
     * @throws IndexOutOfBoundsException for an index outside the dimension
     */
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
        }
        if (index.dim() > 1) {
            throw new IllegalArgumentException("index_select(): Index is supposed to be a vector");
        }
        int[] shape = Dispatch.A.shape(x);
        int d = Shapes.wrapDim(dim, shape.length);
        long[] idx = index.toLongArray();
        int size = shape.length == 0 ? 1 : shape[d];
        for (long i : idx) {
            if (i < -size || i >= size) {
                throw new IndexOutOfBoundsException("index out of range in self");
            }
        }
        int[] outShape = shape.length == 0 ? Shapes.SCALAR : shape.clone();
        if (shape.length > 0) {
            outShape[d] = idx.length;
        }
        int[] offs = selectOffsets(shape, d, idx);
        return OffsetOps.take(x, offs, outShape, "IndexSelectBackward0");
    }

    /**
     * {@code x.gather(dim, index)}: {@code out[i][j] = x[index[i][j]][j]} for dim 0. GatherBackward0: the
     * gradient scatter-added into zeros.
     */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        int[] shape = Dispatch.A.shape(x);
        int[] offs = gatherOffsets(shape, dim, index, "gather");
        return OffsetOps.take(x, offs, Dispatch.A.shape(index), "GatherBackward0");
    }

    /**
     * Zeros of {@code shape} with {@code src} added at {@code index} along dim (the adjoint of gather).
     * ScatterAddBackward0: {@code grad.gather(dim, index)}.
     */
    public static Tensor scatterAddIntoZeros(Tensor src, int dim, Tensor index, int[] shape) {
        int[] offs = gatherOffsets(shape, dim, index, "scatter_add");
        return OffsetOps.putAdd(src, offs, shape, "ScatterAddBackward0");
    }

    /**
     * {@code x.masked_fill(mask, value)}. MaskedFillBackward0: {@code grad.masked_fill(mask, 0)}.
     *
     * @throws IllegalArgumentException if mask is not BOOL
     */
    public static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_fill_ only supports boolean masks, but got mask with dtype "
                    + Shapes.typeName(mask.dtype()).toLowerCase());
        }
        Tensor v = Torch.scalar(value, x.dtype());
        Tensor out = Dispatch.where(mask, v, x, x.dtype());
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("MaskedFillBackward0", x) {
                final SavedTensor m = save(mask);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {where(m.unpack(), Torch.scalar(0, g[0].dtype()), g[0])};
                }
            });
        }
        return out;
    }

    /**
     * {@code torch.where(cond, a, b)}. WhereBackward0: {@code (where(cond, grad, 0), where(cond, 0, grad))}.
     *
     * @throws IllegalArgumentException if cond is not BOOL (PyTorch's message)
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor with "
                    + "dtype " + Shapes.typeName(cond.dtype()));
        }
        DType d = Dispatch.resultType(a, b);
        Tensor out = Dispatch.where(cond, a, b, d);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, new Node("WhereBackward0", cond, a, b) {
                final SavedTensor c = save(cond);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor cv = c.unpack();
                    Tensor zero = Torch.scalar(0, g[0].dtype());
                    return new Tensor[] {null,
                        needsInputGrad(1) ? where(cv, g[0], zero) : null,
                        needsInputGrad(2) ? where(cv, zero, g[0]) : null};
                }
            });
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------

    /** Offsets into a dense tensor of shape for index_select along d. */
    static int[] selectOffsets(int[] shape, int d, long[] idx) {
        if (shape.length == 0) {
            return new int[idx.length];
        }
        int outer = 1;
        int inner = 1;
        for (int i = 0; i < d; i++) {
            outer *= shape[i];
        }
        for (int i = d + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int size = shape[d];
        int[] offs = new int[outer * idx.length * inner];
        int k = 0;
        for (int p = 0; p < outer; p++) {
            for (long j : idx) {
                int base = (p * size + (int) (j < 0 ? j + size : j)) * inner;
                for (int i = 0; i < inner; i++) {
                    offs[k++] = base + i;
                }
            }
        }
        return offs;
    }

    /** Offsets into a dense tensor of shape for gather/scatter along dim with index; checks PyTorch's rules. */
    static int[] gatherOffsets(int[] shape, int dim, Tensor index, String op) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + "(): Expected dtype int64 for index");
        }
        int[] ishape = Dispatch.A.shape(index);
        int rank = Math.max(shape.length, 1);
        if (Math.max(ishape.length, 1) != rank) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as input tensor");
        }
        int d = Shapes.wrapDim(dim, shape.length);
        int[] s = shape.length == 0 ? new int[] {1} : shape;
        int[] is = ishape.length == 0 ? new int[] {1} : ishape;
        for (int i = 0; i < rank; i++) {
            if (i != d && is[i] > s[i]) {
                throw new IllegalArgumentException("Size does not match at dimension " + i + " expected index "
                        + Shapes.str(ishape) + " to be smaller than self " + Shapes.str(shape)
                        + " apart from dimension " + d);
            }
        }
        int[] strides = Shapes.contiguousStrides(s);
        long[] idx = index.toLongArray();
        int[] offs = new int[idx.length];
        int[] coord = new int[rank];
        for (int k = 0; k < idx.length; k++) {
            long j = idx[k];
            if (j < -s[d] || j >= s[d]) {
                throw new IndexOutOfBoundsException("index " + j + " is out of bounds for dimension " + d
                        + " with size " + s[d]);
            }
            int off = 0;
            for (int i = 0; i < rank; i++) {
                off += (i == d ? (int) (j < 0 ? j + s[d] : j) : coord[i]) * strides[i];
            }
            offs[k] = off;
            for (int i = rank - 1; i >= 0; i--) {
                if (++coord[i] < is[i]) {
                    break;
                }
                coord[i] = 0;
            }
        }
        return offs;
    }
}
