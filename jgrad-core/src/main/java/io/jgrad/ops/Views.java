package io.jgrad.ops;

import io.jgrad.Tensor;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.internal.Shapes;
import io.jgrad.internal.TensorAccess;
import io.jgrad.kernel.Copy;
import io.jgrad.storage.Storage;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Views: tensors sharing their input's storage and version counter, each with its backward. A view made
 * under grad mode is tracked: an in-place op on it rebases its base's history (see {@link InPlace}), and
 * its grad_fn is then regenerated from the base as AsStridedBackward0 ({@link #refreshViewGradFn}).
 */
public final class Views {
    private Views() {}

    private static final TensorAccess A = TensorAccess.get();

    /** Where a view's elements are in a storage. */
    record Geometry(int offset, int[] shape, int[] strides) {}

    private static Tensor makeView(Tensor src, Geometry g, String name, UnaryOperator<Tensor> backward) {
        Tensor v = A.alias(src, g.offset(), g.shape(), g.strides());
        A.markView(v, src);
        if (Graph.needsGrad(src)) {
            Graph.record(v, new Node(name, src) {
                @Override
                protected Tensor[] apply(Tensor[] grads) {
                    return new Tensor[] {backward.apply(grads[0])};
                }
            });
        }
        return v;
    }

    private static Geometry geometry(Tensor t) {
        return new Geometry(A.offset(t), A.shape(t), A.strides(t));
    }

    // ------------------------------------------------------------------------------------------------

    /**
     * {@code x.view(shape)}. ViewBackward0: {@code grad.reshape(self.sizes())}.
     *
     * @throws IllegalArgumentException if the size does not match or the strides do not allow a view
     */
    public static Tensor view(Tensor x, int[] shape) {
        int[] s = Shapes.inferSize(shape, x.numel());
        int[] st = Shapes.viewStrides(A.shape(x), A.strides(x), s);
        if (st == null) {
            throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride (at "
                    + "least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        int[] in = A.shape(x);
        return makeView(x, new Geometry(A.offset(x), s, st), "ViewBackward0", g -> reshape(g, in));
    }

    /** {@code x.reshape(shape)}: a view when strides allow, else a contiguous copy viewed. */
    public static Tensor reshape(Tensor x, int[] shape) {
        int[] s = Shapes.inferSize(shape, x.numel());
        if (Arrays.equals(s, A.shape(x))) {
            return x;
        }
        if (Shapes.viewStrides(A.shape(x), A.strides(x), s) != null) {
            return view(x, s);
        }
        return view(Copying.clone(x), s);
    }

    /** Reshape of a fresh tensor with no history (kernel results). */
    static Tensor reshapeRaw(Tensor t, int[] shape) {
        Tensor c = t.isContiguous() ? t : Dispatch.convert(t, t.dtype());
        return A.make(A.storage(c), A.offset(c), shape, Shapes.contiguousStrides(shape));
    }

    /** {@code x.transpose(d0, d1)}. TransposeBackward0. */
    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        int[] shape = A.shape(x);
        int a = Shapes.wrapDim(dim0, shape.length);
        int b = Shapes.wrapDim(dim1, shape.length);
        if (shape.length == 0) {
            return makeView(x, geometry(x), "TransposeBackward0", g -> g);
        }
        int[] s = shape.clone();
        int[] st = A.strides(x).clone();
        swap(s, a, b);
        swap(st, a, b);
        return makeView(x, new Geometry(A.offset(x), s, st), "TransposeBackward0", g -> transpose(g, a, b));
    }

    /**
     * {@code x.t()} for at most 2 dimensions. TBackward0.
     *
     * @throws IllegalArgumentException for more than 2 dimensions (PyTorch's message)
     */
    public static Tensor t(Tensor x) {
        int rank = x.dim();
        if (rank > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + rank + "D");
        }
        if (rank < 2) {
            return makeView(x, geometry(x), "TBackward0", g -> g);
        }
        int[] s = {A.shape(x)[1], A.shape(x)[0]};
        int[] st = {A.strides(x)[1], A.strides(x)[0]};
        return makeView(x, new Geometry(A.offset(x), s, st), "TBackward0", Views::t);
    }

    /** {@code x.permute(dims)}. PermuteBackward0: the inverse permutation. */
    public static Tensor permute(Tensor x, int[] dims) {
        int rank = x.dim();
        if (dims.length != rank) {
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not "
                    + "match the length of the desired ordering of dimensions i.e. input.dim() = " + rank
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] p = new int[rank];
        boolean[] seen = new boolean[rank];
        int[] s = new int[rank];
        int[] st = new int[rank];
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = Shapes.wrapDim(dims[i], rank);
            if (seen[p[i]]) {
                throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            }
            seen[p[i]] = true;
            s[i] = A.shape(x)[p[i]];
            st[i] = A.strides(x)[p[i]];
            inverse[p[i]] = i;
        }
        return makeView(x, new Geometry(A.offset(x), s, st), "PermuteBackward0", g -> permute(g, inverse));
    }

    /** {@code x.squeeze()}. SqueezeBackward0: reshape back. */
    public static Tensor squeeze(Tensor x) {
        int[] shape = A.shape(x);
        int[] strides = A.strides(x);
        int k = 0;
        int[] s = new int[shape.length];
        int[] st = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != 1) {
                s[k] = shape[i];
                st[k++] = strides[i];
            }
        }
        return makeView(x, new Geometry(A.offset(x), Arrays.copyOf(s, k), Arrays.copyOf(st, k)), "SqueezeBackward0",
                g -> reshape(g, shape));
    }

    /** {@code x.squeeze(dim)}: removes the dimension if its size is 1. SqueezeBackward1. */
    public static Tensor squeeze(Tensor x, int dim) {
        int[] shape = A.shape(x);
        int d = Shapes.wrapDim(dim, shape.length);
        if (shape.length == 0 || shape[d] != 1) {
            return makeView(x, geometry(x), "SqueezeBackward1", g -> g);
        }
        return makeView(x, new Geometry(A.offset(x), remove(shape, d), remove(A.strides(x), d)), "SqueezeBackward1",
                g -> unsqueeze(g, d));
    }

    /** {@code x.unsqueeze(dim)}; dim ranges over [-rank-1, rank]. UnsqueezeBackward0. */
    public static Tensor unsqueeze(Tensor x, int dim) {
        int[] shape = A.shape(x);
        int d = Shapes.wrapDim(dim, shape.length + 1);
        int[] strides = A.strides(x);
        int[] s = new int[shape.length + 1];
        int[] st = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i == d) {
                s[i] = 1;
                st[i] = d < shape.length ? strides[d] * shape[d] : 1;
            } else {
                s[i] = shape[j];
                st[i] = strides[j++];
            }
        }
        return makeView(x, new Geometry(A.offset(x), s, st), "UnsqueezeBackward0", g -> squeeze(g, d));
    }

    /**
     * {@code x.expand(sizes)}; -1 keeps a size. ExpandBackward0: {@code at::sum_to(grad, self.sizes())}.
     *
     * @throws IllegalArgumentException if a non-singleton size differs (PyTorch's message)
     */
    public static Tensor expand(Tensor x, int[] sizes) {
        int[] shape = A.shape(x);
        int[] strides = A.strides(x);
        if (sizes.length < shape.length) {
            throw new IllegalArgumentException("expand(" + x.dtype().legacyTypeName() + "{" + Shapes.str(shape) + "}, size=" + Shapes.str(sizes)
                    + "): the number of sizes provided (" + sizes.length + ") must be greater or equal to the number "
                    + "of dimensions in the tensor (" + shape.length + ")");
        }
        int[] s = new int[sizes.length];
        int[] st = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            int j = i - (sizes.length - shape.length);
            int want = sizes[i];
            if (j < 0) {
                if (want < 0) {
                    throw new IllegalArgumentException("The expanded size of the tensor (" + want + ") isn't allowed in "
                            + "a leading, non-existing dimension " + i);
                }
                s[i] = want;
                st[i] = 0;
            } else {
                int have = shape[j];
                if (want == -1) {
                    want = have;
                }
                if (have == want) {
                    s[i] = have;
                    st[i] = strides[j];
                } else if (have == 1) {
                    s[i] = want;
                    st[i] = 0;
                } else {
                    throw new IllegalArgumentException("The expanded size of the tensor (" + want + ") must match the "
                            + "existing size (" + have + ") at non-singleton dimension " + i + ".  Target sizes: "
                            + Shapes.str(sizes) + ".  Tensor sizes: " + Shapes.str(shape));
                }
            }
        }
        if (Arrays.equals(s, shape)) {
            return x;
        }
        return makeView(x, new Geometry(A.offset(x), s, st), "ExpandBackward0", g -> Reductions.sumTo(g, shape));
    }

    /** {@code x.flatten(start, end)}: a reshape of that range into one dimension. */
    public static Tensor flatten(Tensor x, int start, int end) {
        int[] shape = A.shape(x);
        if (shape.length == 0) {
            return reshape(x, new int[] {1});
        }
        int a = Shapes.wrapDim(start, shape.length);
        int b = Shapes.wrapDim(end, shape.length);
        if (a > b) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (a == b) {
            return x;
        }
        int[] s = new int[shape.length - (b - a)];
        int k = 0;
        for (int i = 0; i < a; i++) {
            s[k++] = shape[i];
        }
        int m = 1;
        for (int i = a; i <= b; i++) {
            m *= shape[i];
        }
        s[k++] = m;
        for (int i = b + 1; i < shape.length; i++) {
            s[k++] = shape[i];
        }
        return reshape(x, s);
    }

    /** {@code x[i, j, ...]}: select along leading dimensions (Python's IndexError text for bad indices). */
    public static Tensor get(Tensor x, int[] index) {
        if (index.length > x.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + x.dim());
        }
        Tensor r = x;
        for (int i = 0; i < index.length; i++) {
            int size = A.shape(r)[0];
            int idx = index[i];
            if (idx < -size || idx >= size) {
                throw new IndexOutOfBoundsException("index " + idx + " is out of bounds for dimension " + i
                        + " with size " + size);
            }
            r = select(r, 0, idx);
        }
        return index.length == 0 ? makeView(x, geometry(x), "AliasBackward0", g -> g) : r;
    }

    /** {@code x.select(dim, index)}. SelectBackward0: the gradient scattered into zeros at that index. */
    public static Tensor select(Tensor x, int dim, int index) {
        int[] shape = A.shape(x);
        if (shape.length == 0) {
            throw new IndexOutOfBoundsException("select() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, shape.length);
        if (index < -shape[d] || index >= shape[d]) {
            throw new IndexOutOfBoundsException("select(): index " + index + " out of range for tensor of size "
                    + Shapes.str(shape) + " at dimension " + d);
        }
        int i = index < 0 ? index + shape[d] : index;
        Geometry g = selectGeometry(geometry(x), d, i);
        Geometry inBase = selectGeometry(contiguous(shape), d, i);
        return makeView(x, g, "SelectBackward0", grad -> scatterIntoBase(grad, shape, inBase));
    }

    /** {@code x[..., start:end:step]} along dim, bounds clamped like Python. SliceBackward0. */
    public static Tensor slice(Tensor x, int dim, int start, int end, int step) {
        int[] shape = A.shape(x);
        if (shape.length == 0) {
            throw new IndexOutOfBoundsException("slice() cannot be applied to a 0-dim tensor.");
        }
        if (step <= 0) {
            throw new IllegalArgumentException("step must be greater than zero");
        }
        int d = Shapes.wrapDim(dim, shape.length);
        int size = shape[d];
        int s = start < 0 ? Math.max(start + size, 0) : Math.min(start, size);
        int e = end < 0 ? Math.max(end + size, 0) : Math.min(end, size);
        if (e < s) {
            e = s;
        }
        Geometry g = sliceGeometry(geometry(x), d, s, e, step);
        Geometry inBase = sliceGeometry(contiguous(shape), d, s, e, step);
        return makeView(x, g, "SliceBackward0", grad -> scatterIntoBase(grad, shape, inBase));
    }

    /**
     * {@code x.narrow(dim, start, length)}: a slice of length elements.
     *
     * @throws IndexOutOfBoundsException if the range does not fit (PyTorch's message)
     */
    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        int[] shape = A.shape(x);
        int d = Shapes.wrapDim(dim, shape.length);
        int size = shape.length == 0 ? 1 : shape[d];
        int s = start == size ? start : Shapes.wrapDim(start, size); // PyTorch 1.13 wraps start like a dim
        if (length < 0 || s + length > size) {
            throw new IndexOutOfBoundsException("start (" + s + ") + length (" + length + ") exceeds dimension size ("
                    + size + ").");
        }
        return slice(x, d, s, s + length, 1);
    }

    /**
     * {@code x.diagonal(offset, dim1, dim2)}: a view of the diagonal elements, appended as the last dimension.
     * DiagonalBackward0: the gradient scattered onto the diagonal of zeros.
     */
    public static Tensor diagonal(Tensor x, int offset, int dim1, int dim2) {
        int[] shape = A.shape(x);
        int a = Shapes.wrapDim(dim1, shape.length);
        int b = Shapes.wrapDim(dim2, shape.length);
        if (a == b) {
            throw new IllegalArgumentException("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        }
        Geometry g = diagonalGeometry(geometry(x), offset, a, b);
        Geometry inBase = diagonalGeometry(contiguous(shape), offset, a, b);
        return makeView(x, g, "DiagonalBackward0", grad -> scatterIntoBase(grad, shape, inBase));
    }

    private static Geometry diagonalGeometry(Geometry g, int offset, int a, int b) {
        int[] s = g.shape();
        int[] st = g.strides();
        int len = offset >= 0 ? Math.max(Math.min(s[a], s[b] - offset), 0) : Math.max(Math.min(s[a] + offset, s[b]), 0);
        int off = g.offset();
        if (len > 0) {
            off += offset >= 0 ? offset * st[b] : -offset * st[a];
        }
        int[] ns = new int[s.length - 1];
        int[] nst = new int[s.length - 1];
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            if (i != a && i != b) {
                ns[k] = s[i];
                nst[k++] = st[i];
            }
        }
        ns[k] = len;
        nst[k] = st[a] + st[b];
        return new Geometry(off, ns, nst);
    }

    /**
     * Several views of x made by one op (unbind, split, chunk): each a view whose in-place modification is
     * refused (PyTorch's multi-output views), with one node of {@code regions.length} outputs whose backward
     * assembles the pieces' gradients (missing ones as zeros).
     */
    static Tensor[] multiOutput(Tensor x, Geometry[] regions, String name,
            java.util.function.Function<Tensor[], Tensor> backward) {
        Tensor[] outs = new Tensor[regions.length];
        for (int i = 0; i < regions.length; i++) {
            Geometry g = regions[i];
            outs[i] = A.alias(x, g.offset(), g.shape(), g.strides());
            A.markMultiOutputView(outs[i], x);
        }
        if (Graph.needsGrad(x)) {
            Node n = new Node(name, regions.length, x) {
                @Override
                protected Tensor[] apply(Tensor[] grads) {
                    Tensor[] filled = new Tensor[grads.length];
                    for (int i = 0; i < grads.length; i++) {
                        filled[i] = grads[i] != null ? grads[i]
                                : io.jgrad.Torch.zeros(regions[i].shape(), x.dtype());
                    }
                    return new Tensor[] {backward.apply(filled)};
                }
            };
            Graph.record(outs, n);
        }
        return outs;
    }

    /** {@code x.unbind(dim)}: the slices along dim as views. UnbindBackward0: stack of the gradients. */
    public static Tensor[] unbind(Tensor x, int dim) {
        int[] shape = A.shape(x);
        if (shape.length == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as 0 but tensor has no dimensions");
        }
        int d = Shapes.wrapDim(dim, shape.length);
        Geometry[] regions = new Geometry[shape[d]];
        for (int i = 0; i < regions.length; i++) {
            regions[i] = selectGeometry(geometry(x), d, i);
        }
        return multiOutput(x, regions, "UnbindBackward0", g -> Joining.stack(java.util.Arrays.asList(g), d));
    }

    /**
     * {@code x.split(sizes, dim)} with explicit sizes summing to size(dim). SplitWithSizesBackward0: cat of
     * the gradients.
     */
    public static Tensor[] splitWithSizes(Tensor x, int[] sizes, int dim, String name) {
        int[] shape = A.shape(x);
        int d = Shapes.wrapDim(dim, shape.length);
        int total = 0;
        for (int s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("split_with_sizes expects split_sizes have only non-negative entries, "
                        + "but got split_sizes=" + Shapes.str(sizes));
            }
            total += s;
        }
        if (total != shape[d]) {
            throw new IllegalArgumentException("split_with_sizes expects split_sizes to sum exactly to " + shape[d]
                    + " (input tensor's size at dimension " + d + "), but got split_sizes=" + Shapes.str(sizes));
        }
        Geometry[] regions = new Geometry[sizes.length];
        int start = 0;
        for (int i = 0; i < sizes.length; i++) {
            regions[i] = sliceGeometry(geometry(x), d, start, start + sizes[i], 1);
            start += sizes[i];
        }
        return multiOutput(x, regions, name, g -> Joining.cat(java.util.Arrays.asList(g), d));
    }

    /** {@code x.detach()}: shares storage and version counter, no history, not tracked. */
    public static Tensor detach(Tensor x) {
        return A.alias(x, A.offset(x), A.shape(x), A.strides(x));
    }

    /** A tracked view of all of x (a custom Function returning an input as-is gets one). */
    public static Tensor alias(Tensor x) {
        Tensor v = A.alias(x, A.offset(x), A.shape(x), A.strides(x));
        A.markView(v, x);
        return v;
    }

    /**
     * A view's grad_fn, regenerated as AsStridedBackward0 from its base when the shared version moved since
     * it was made (an in-place op on the base or another view changed the base's history).
     */
    public static Node refreshViewGradFn(Tensor view, Tensor base, Node current, int attrVersion) {
        int version = A.versionCounter(view).get();
        if (version == attrVersion) {
            return current;
        }
        if (current == null && !base.requiresGrad()) {
            return null;
        }
        Geometry geom = new Geometry(A.offset(view) - A.offset(base), A.shape(view), A.strides(view));
        int[] baseShape = A.shape(base);
        int[] baseStrides = A.strides(base);
        Node n = new Node("AsStridedBackward0", base) {
            @Override
            protected Tensor[] apply(Tensor[] g) {
                return new Tensor[] {scatterInto(g[0], baseShape, baseStrides, geom)};
            }
        };
        A.setHistory(view, n, 0);
        return n;
    }

    // ------------------------------------------------------------------------------------------------
    // The two adjoint primitives behind every view's backward.

    /** The contiguous layout of a shape, where forward views' backward formulas work. */
    private static Geometry contiguous(int[] shape) {
        return new Geometry(0, shape, Shapes.contiguousStrides(shape));
    }

    private static Tensor scatterIntoBase(Tensor grad, int[] baseShape, Geometry region) {
        return scatterInto(grad, baseShape, Shapes.contiguousStrides(baseShape), region);
    }

    /**
     * A tensor of {@code baseShape}, zero except for the region (a geometry in the layout given by
     * {@code baseStrides}) that holds {@code r}. Its backward is {@link #gatherFrom}.
     */
    static Tensor scatterInto(Tensor r, int[] baseShape, int[] baseStrides, Geometry region) {
        Storage tmp = Storage.allocate(r.dtype(), span(baseShape, baseStrides));
        int[] offs = new int[Shapes.numel(region.shape())];
        Copy.offsets(region.shape(), region.strides(), region.offset(), offs);
        Storage dense = Dispatch.contiguousStorage(r, r.dtype());
        Copy.scatterAdd(dense.array(), 0, tmp.array(), offs); // overlapping regions (expand) accumulate
        Tensor out = fromLayout(tmp, baseShape, baseStrides);
        if (Graph.needsGrad(r)) {
            Graph.record(out, new Node("AsStridedScatterBackward0", r) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {gatherFrom(g[0], baseStrides, region)};
                }
            });
        }
        return out;
    }

    /**
     * The region (a geometry in the layout {@code baseStrides}) of {@code t}, as a contiguous tensor of the
     * region's shape. Its backward is {@link #scatterInto}.
     */
    static Tensor gatherFrom(Tensor t, int[] baseStrides, Geometry region) {
        int[] baseShape = A.shape(t);
        Storage laid;
        int base;
        if (Arrays.equals(baseStrides, Shapes.contiguousStrides(baseShape)) && t.isContiguous()) {
            laid = A.storage(t);
            base = A.offset(t);
        } else {
            laid = Storage.allocate(t.dtype(), span(baseShape, baseStrides));
            int[] layout = new int[t.numel()];
            Copy.offsets(baseShape, baseStrides, 0, layout);
            Copy.scatter(Dispatch.contiguousStorage(t, t.dtype()).array(), 0, laid.array(), layout);
            base = 0;
        }
        int n = Shapes.numel(region.shape());
        int[] offs = new int[n];
        Copy.offsets(region.shape(), region.strides(), region.offset() + base, offs);
        Storage out = Storage.allocate(t.dtype(), n);
        Copy.gather(laid.array(), offs, out.array(), 0);
        Tensor r = Dispatch.wrap(out, region.shape());
        if (Graph.needsGrad(t)) {
            Graph.record(r, new Node("AsStridedBackward0", t) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {scatterInto(g[0], baseShape, baseStrides, region)};
                }
            });
        }
        return r;
    }

    /** The elements of a layout storage read back in row-major order as a contiguous tensor. */
    private static Tensor fromLayout(Storage laid, int[] shape, int[] strides) {
        if (Arrays.equals(strides, Shapes.contiguousStrides(shape))) {
            return Dispatch.wrap(laid, shape);
        }
        int[] offs = new int[Shapes.numel(shape)];
        Copy.offsets(shape, strides, 0, offs);
        Storage out = Storage.allocate(laid.dtype(), offs.length);
        Copy.gather(laid.array(), offs, out.array(), 0);
        return Dispatch.wrap(out, shape);
    }

    /** Storage length a layout (shape, strides, offset 0) needs. */
    static int span(int[] shape, int[] strides) {
        long s = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0) {
                return 0;
            }
            s += (long) (shape[i] - 1) * strides[i];
        }
        return Math.toIntExact(s);
    }

    static Geometry selectGeometry(Geometry g, int d, int i) {
        return new Geometry(g.offset() + i * g.strides()[d], remove(g.shape(), d), remove(g.strides(), d));
    }

    static Geometry sliceGeometry(Geometry g, int d, int start, int end, int step) {
        int[] s = g.shape().clone();
        int[] st = g.strides().clone();
        s[d] = (end - start + step - 1) / step;
        st[d] = g.strides()[d] * step;
        return new Geometry(g.offset() + (s[d] == 0 ? 0 : start * g.strides()[d]), s, st);
    }

    private static int[] remove(int[] a, int i) {
        int[] r = new int[a.length - 1];
        System.arraycopy(a, 0, r, 0, i);
        System.arraycopy(a, i + 1, r, i, a.length - i - 1);
        return r;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
