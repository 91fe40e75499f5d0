package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.Copy;
import io.jgrad.storage.Storage;
import java.util.ArrayList;
import java.util.List;

/**
 * Indexing by tensors: {@code x[idx0, idx1]} and its assignment, masked_select, scatter, scatter_add and
 * index_add. Each builds an offset map once and moves elements with {@link OffsetOps}, whose backward is
 * the adjoint move.
 */
public final class AdvancedIndexing {
    private AdvancedIndexing() {}

    /** Where the elements of {@code x[indices]} come from, and the result's shape. */
    record Plan(int[] offsets, int[] shape) {}

    /**
     * {@code x[i0, i1, ...]} with INT64 or BOOL index tensors; null entries mean a full slice {@code :}.
     * IndexBackward0: the gradient added back at the indexed positions.
     */
    public static Tensor index(Tensor x, Tensor... indices) {
        Plan p = plan(x, indices);
        return OffsetOps.take(x, p.offsets(), p.shape(), "IndexBackward0");
    }

    /**
     * {@code x[indices] = values} (or {@code +=} when accumulate) out of place; values broadcast to the
     * indexed shape. IndexPutBackward0: the gradient with the written positions zeroed (kept when
     * accumulating) for x; the gradient at those positions for values.
     */
    public static Tensor indexPut(Tensor x, Tensor[] indices, Tensor values, boolean accumulate) {
        Plan p = plan(x, indices);
        int[] vs = Shapes.broadcast(values.shape(), p.shape());
        if (!java.util.Arrays.equals(vs, p.shape())) {
            throw new IllegalArgumentException("shape mismatch: value tensor of shape " + Shapes.str(values.shape())
                    + " cannot be broadcast to indexing result of shape " + Shapes.str(p.shape()));
        }
        return put(x, p.offsets(), p.shape(), values, accumulate, "IndexPutBackward0");
    }

    /** {@code x.masked_select(mask)}: the elements where mask (broadcast with x) is true, as a 1-D tensor. */
    public static Tensor maskedSelect(Tensor x, Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_select: expected BoolTensor for mask");
        }
        int[] shape = Shapes.broadcast(x.shape(), mask.shape());
        int n = Shapes.numel(shape);
        int[] xOffs = new int[n];
        Copy.offsets(shape, Dispatch.expandedStrides(x.shape(), Shapes.contiguousStrides(x.shape()), shape), 0, xOffs);
        boolean[] m = Dispatch.expandStorage(mask, shape, DType.BOOL).bools();
        int count = 0;
        for (boolean b : m) {
            count += b ? 1 : 0;
        }
        int[] offs = new int[count];
        for (int i = 0, k = 0; i < n; i++) {
            if (m[i]) {
                offs[k++] = xOffs[i];
            }
        }
        return OffsetOps.take(x, offs, new int[] {count}, "MaskedSelectBackward0");
    }

    /**
     * {@code x.scatter(dim, index, src)}: x with {@code x[index[i][j]][j] = src[i][j]} (dim 0).
     * ScatterBackward0: the gradient zeroed at the written positions for x, gathered there for src.
     */
    public static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src) {
        int[] offs = Indexing.gatherOffsets(x.shape(), dim, index, "scatter");
        Tensor vals = OffsetOps.take(src, srcOffsets(index, src), index.shape(), "ScatterBackward0");
        return put(x, offs, index.shape(), vals, false, "ScatterBackward0");
    }

    /** {@code x.scatter(dim, index, value)} with a number. */
    public static Tensor scatter(Tensor x, int dim, Tensor index, double value) {
        return scatter(x, dim, index, Torch.full(index.shape(), value, x.dtype()));
    }

    /** {@code x.scatter_add(dim, index, src)}: x plus src added at the indexed positions. */
    public static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src) {
        int[] offs = Indexing.gatherOffsets(x.shape(), dim, index, "scatter_add");
        Tensor vals = OffsetOps.take(src, srcOffsets(index, src), index.shape(), "ScatterAddBackward0");
        return x.add(OffsetOps.putAdd(vals, offs, x.shape(), "ScatterAddBackward0"));
    }

    /** {@code x.index_add(dim, index, source, alpha=alpha)}. */
    public static Tensor indexAdd(Tensor x, int dim, Tensor index, Tensor source, double alpha) {
        int d = Shapes.wrapDim(dim, x.dim());
        if (index.dtype() != DType.INT64 || index.dim() > 1) {
            throw new IllegalArgumentException("index_add_(): Index is supposed to be a vector");
        }
        int[] expect = x.shape().clone();
        if (expect.length > 0) {
            expect[d] = index.numel();
        }
        if (!java.util.Arrays.equals(expect, source.shape())) {
            throw new IllegalArgumentException("index_add_(): Source/destination tensor must have same slice shapes. "
                    + "Destination slice shape: " + Shapes.str(x.shape()) + " at dimension " + d
                    + " and source slice shape: " + Shapes.str(source.shape()) + " at dimension 0.");
        }
        long[] idx = index.toLongArray();
        for (long i : idx) {
            if (i < -x.size(d) || i >= x.size(d)) {
                throw new IndexOutOfBoundsException("index out of range in self");
            }
        }
        int[] offs = Indexing.selectOffsets(x.shape(), d, idx);
        Tensor added = OffsetOps.putAdd(alpha == 1 ? source : source.mul(alpha), offs, x.shape(), "IndexAddBackward0");
        return x.add(added);
    }

    // ------------------------------------------------------------------------------------------------

    /** Offsets into src's row-major layout of each position of index (scatter takes src where index is). */
    private static int[] srcOffsets(Tensor index, Tensor src) {
        int[] is = index.shape();
        int[] ss = src.shape();
        if (is.length != ss.length && !(is.length <= 1 && ss.length <= 1)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as src tensor");
        }
        for (int i = 0; i < is.length && i < ss.length; i++) {
            if (is[i] > ss[i]) {
                throw new IllegalArgumentException("Expected index " + Shapes.str(is) + " to be smaller than self "
                        + "apart from dimension and to be smaller size than src " + Shapes.str(ss));
            }
        }
        int[] offs = new int[index.numel()];
        Copy.offsets(is, Shapes.contiguousStrides(ss.length == 0 ? new int[] {1} : ss), 0, offs);
        return offs;
    }

    /** x with values written (or added) at offs; the shared forward and backward of index_put and scatter. */
    private static Tensor put(Tensor x, int[] offs, int[] valueShape, Tensor values, boolean accumulate, String name) {
        DType d = x.dtype();
        Storage out = Dispatch.contiguousStorage(x, d);
        Storage v = Dispatch.expandStorage(values, valueShape, d);
        if (accumulate) {
            Copy.scatterAdd(v.array(), 0, out.array(), offs);
        } else {
            Copy.scatter(v.array(), 0, out.array(), offs);
        }
        Tensor r = Dispatch.wrap(out, x.shape());
        if (Graph.needsGrad(x, values)) {
            int[] shape = x.shape();
            Graph.record(r, new Node(name, x, values) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor gx = null;
                    if (needsInputGrad(0)) {
                        gx = g[0];
                        if (!accumulate) {
                            Tensor hit = OffsetOps.putAdd(Torch.ones(valueShape, g[0].dtype()), offs, shape, name);
                            gx = Indexing.where(Dispatch.compare(io.jgrad.kernel.CompareOp.GT, hit,
                                    Torch.scalar(0, hit.dtype())), Torch.scalar(0, g[0].dtype()), g[0]);
                        }
                    }
                    Tensor gv = needsInputGrad(1) ? OffsetOps.take(g[0], offs, valueShape, name) : null;
                    return new Tensor[] {gx, gv};
                }
            });
        }
        return r;
    }

    /**
     * The offset map of {@code x[indices]}: boolean masks become index tensors over the dimensions they
     * cover, index tensors broadcast together, and the indexed dimensions are replaced by the broadcast
     * shape (in place when they are adjacent, at the front otherwise), as NumPy and PyTorch do.
     */
    static Plan plan(Tensor x, Tensor[] indices) {
        int[] shape = x.shape();
        int rank = shape.length;
        List<Integer> dims = new ArrayList<>();
        List<long[]> idx = new ArrayList<>();
        List<int[]> idxShapes = new ArrayList<>();
        int d = 0;
        for (Tensor t : indices) {
            if (t == null) {
                d++;
                continue;
            }
            if (t.dtype() == DType.BOOL) {
                int[] ms = t.shape();
                for (int j = 0; j < ms.length; j++) {
                    if (d + j >= rank || ms[j] != shape[d + j]) {
                        throw new IndexOutOfBoundsException("The shape of the mask " + Shapes.str(ms) + " at index " + j
                                + " does not match the shape of the indexed tensor " + Shapes.str(shape) + " at index "
                                + (d + j));
                    }
                }
                boolean[] m = t.toBooleanArray();
                int count = 0;
                for (boolean b : m) {
                    count += b ? 1 : 0;
                }
                int[] mst = Shapes.contiguousStrides(ms);
                for (int j = 0; j < ms.length; j++) {
                    long[] coords = new long[count];
                    for (int i = 0, k = 0; i < m.length; i++) {
                        if (m[i]) {
                            coords[k++] = (i / mst[j]) % ms[j];
                        }
                    }
                    dims.add(d + j);
                    idx.add(coords);
                    idxShapes.add(new int[] {count});
                }
                if (ms.length == 0) {
                    throw new IllegalArgumentException("0-d boolean masks are not supported");
                }
                d += ms.length;
            } else if (t.dtype() == DType.INT64) {
                if (d >= rank) {
                    throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + rank);
                }
                long[] v = t.toLongArray();
                for (long i : v) {
                    if (i < -shape[d] || i >= shape[d]) {
                        throw new IndexOutOfBoundsException("index " + i + " is out of bounds for dimension " + d
                                + " with size " + shape[d]);
                    }
                }
                dims.add(d);
                idx.add(v);
                idxShapes.add(t.shape());
                d++;
            } else {
                throw new IllegalArgumentException("tensors used as indices must be long, int, byte or bool tensors");
            }
        }
        if (d > rank) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + rank);
        }
        int[] b = Shapes.SCALAR;
        for (int[] s : idxShapes) {
            try {
                b = Shapes.broadcast(b, s);
            } catch (IllegalArgumentException e) {
                StringBuilder m = new StringBuilder("shape mismatch: indexing tensors could not be broadcast together "
                        + "with shapes ");
                for (int i = 0; i < idxShapes.size(); i++) {
                    m.append(i == 0 ? "" : ", ").append(Shapes.str(idxShapes.get(i)));
                }
                throw new IndexOutOfBoundsException(m.toString());
            }
        }
        int nb = Shapes.numel(b);
        int[] strides = Shapes.contiguousStrides(shape);
        int[] bOff = new int[nb];
        for (int k = 0; k < dims.size(); k++) {
            int dim = dims.get(k);
            int[] is = idxShapes.get(k);
            int[] pos = new int[nb];
            Copy.offsets(b, Dispatch.expandedStrides(is, Shapes.contiguousStrides(is), b), 0, pos);
            long[] v = idx.get(k);
            for (int i = 0; i < nb; i++) {
                long j = v[pos[i]];
                bOff[i] += (int) (j < 0 ? j + shape[dim] : j) * strides[dim];
            }
        }
        boolean adjacent = true;
        for (int k = 1; k < dims.size(); k++) {
            adjacent &= dims.get(k) == dims.get(k - 1) + 1;
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            if (!dims.contains(i)) {
                rest.add(i);
            }
        }
        int first = dims.isEmpty() ? rank : dims.get(0);
        List<Integer> pre = new ArrayList<>();
        List<Integer> post = new ArrayList<>();
        for (int i : rest) {
            (adjacent && i < first ? pre : post).add(i);
        }
        int[] preOffs = layoutOffsets(pre, shape, strides);
        int[] postOffs = layoutOffsets(post, shape, strides);
        int[] outShape = new int[pre.size() + b.length + post.size()];
        int k = 0;
        for (int i : pre) {
            outShape[k++] = shape[i];
        }
        for (int s : b) {
            outShape[k++] = s;
        }
        for (int i : post) {
            outShape[k++] = shape[i];
        }
        int[] offs = new int[preOffs.length * nb * postOffs.length];
        int o = 0;
        for (int a : preOffs) {
            for (int bo : bOff) {
                for (int c : postOffs) {
                    offs[o++] = a + bo + c;
                }
            }
        }
        return new Plan(offs, outShape);
    }

    /** Offsets of every combination of the given dimensions' indices, row-major over those dimensions. */
    private static int[] layoutOffsets(List<Integer> dims, int[] shape, int[] strides) {
        int[] s = new int[dims.size()];
        int[] st = new int[dims.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[dims.get(i)];
            st[i] = strides[dims.get(i)];
        }
        int[] offs = new int[Shapes.numel(s)];
        Copy.offsets(s, st, 0, offs);
        return offs;
    }
}
