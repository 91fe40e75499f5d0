package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.ValuesIndices;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.CompareOp;
import io.jgrad.kernel.DoubleOps;
import io.jgrad.kernel.Elementwise;
import io.jgrad.kernel.FloatOps;
import io.jgrad.kernel.LongOps;
import io.jgrad.storage.Storage;
import java.util.Arrays;

/** Sums, means and extremes, with their backward formulas; also {@link #sumTo}, used by the engine. */
public final class Reductions {
    private Reductions() {}

    /** Sum of all elements (0-d). {@code sum: grad.expand(self.sizes())}. Integers and bools sum to INT64. */
    public static Tensor sum(Tensor x) {
        DType d = sumType(x.dtype());
        int n = x.numel();
        Dispatch.Dense a = Dispatch.dense(x, d);
        Storage out = Storage.allocate(d, 1);
        switch (d) {
            case FLOAT32:
                out.floats()[0] = (float) Elementwise.sum((float[]) a.array(), a.offset(), n);
                break;
            case FLOAT64: out.doubles()[0] = DoubleOps.sumAll((double[]) a.array(), a.offset(), n); break;
            default: out.longs()[0] = LongOps.sumAll((long[]) a.array(), a.offset(), n);
        }
        Tensor r = Dispatch.wrap(out, Shapes.SCALAR);
        if (Graph.needsGrad(x)) {
            int[] shape = Dispatch.A.shape(x);
            Graph.record(r, new Node("SumBackward0", x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {Views.expand(g[0], shape)};
                }
            });
        }
        return r;
    }

    /** Sum over {@code dims}. {@code sum.dim_IntList: sum_backward(grad, sizes, dim, keepdim)}. */
    public static Tensor sum(Tensor x, int[] dims, boolean keepDim) {
        int[] shape = Dispatch.A.shape(x);
        boolean[] reduce = dimMask(dims, shape.length);
        Tensor r = sumRaw(x, reduce, keepDim);
        if (Graph.needsGrad(x)) {
            Graph.record(r, new Node("SumBackward1", x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {Views.expand(unsqueezeReduced(g[0], reduce, keepDim), shape)};
                }
            });
        }
        return r;
    }

    /** Mean of all elements. {@code mean: grad.expand(sizes) / numel}. */
    public static Tensor mean(Tensor x) {
        requireFloatingMean(x);
        int n = x.numel();
        Tensor total = sumRaw(x, dimMask(new int[0], Dispatch.A.shape(x).length), false);
        Tensor s = Dispatch.binary(io.jgrad.kernel.BinaryOp.DIV, total, Torch.scalar(n, x.dtype()), x.dtype());
        if (Graph.needsGrad(x)) {
            int[] shape = Dispatch.A.shape(x);
            Graph.record(s, new Node("MeanBackward0", x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {Views.expand(Arithmetic.div(g[0], Torch.scalar(n, g[0].dtype())), shape)};
                }
            });
        }
        return s;
    }

    /** Mean over {@code dims}. MeanBackward1. */
    public static Tensor mean(Tensor x, int[] dims, boolean keepDim) {
        requireFloatingMean(x);
        int[] shape = Dispatch.A.shape(x);
        boolean[] reduce = dimMask(dims, shape.length);
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (reduce[i]) {
                count *= shape[i];
            }
        }
        double c = count;
        Tensor s = Dispatch.binary(io.jgrad.kernel.BinaryOp.DIV, sumRaw(x, reduce, keepDim),
                Torch.scalar(c, x.dtype()), x.dtype());
        if (Graph.needsGrad(x)) {
            Graph.record(s, new Node("MeanBackward1", x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor scaled = Arithmetic.div(g[0], Torch.scalar(c, g[0].dtype()));
                    return new Tensor[] {Views.expand(unsqueezeReduced(scaled, reduce, keepDim), shape)};
                }
            });
        }
        return s;
    }

    /**
     * Max or min of all elements (0-d). MaxBackward1/MinBackward1: the gradient is shared evenly by the
     * elements equal to the result.
     *
     * @throws IllegalArgumentException on an empty tensor (PyTorch's message)
     */
    public static Tensor extremeAll(Tensor x, boolean max) {
        if (x.numel() == 0) {
            throw new IllegalArgumentException((max ? "max" : "min") + "(): Expected reduction dim to be specified "
                    + "for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        }
        Tensor flat = Dispatch.convert(x, x.dtype() == DType.BOOL ? DType.INT64 : x.dtype());
        Tensor r = extremeRaw(Views.reshapeRaw(flat, new int[] {1, x.numel()}), 1, max, false)[0];
        r = Views.reshapeRaw(r, Shapes.SCALAR);
        if (x.dtype() == DType.BOOL) {
            r = Dispatch.convert(r, DType.BOOL);
        }
        if (Graph.needsGrad(x)) {
            Tensor result = r;
            Graph.record(r, new Node(max ? "MaxBackward1" : "MinBackward1", x) {
                final SavedTensor self = save(x);
                final SavedTensor res = saveOutput(result);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor xv = self.unpack();
                    Tensor mask = Dispatch.compare(CompareOp.EQ, xv, res.unpack().detach());
                    Tensor count = sum(mask);
                    Tensor share = Arithmetic.div(g[0], Dispatch.convert(count, g[0].dtype()));
                    return new Tensor[] {Indexing.where(mask, share, Torch.scalar(0, g[0].dtype()))};
                }
            });
        }
        return r;
    }

    /**
     * Max or min along a dimension with indices. MaxBackward0/MinBackward0: the gradient goes to the
     * selected index.
     */
    public static ValuesIndices extremeDim(Tensor x, int dim, boolean keepDim, boolean max) {
        int[] shape = Dispatch.A.shape(x);
        int d = Shapes.wrapDim(dim, shape.length);
        if (shape.length > 0 && shape[d] == 0) {
            throw new IndexOutOfBoundsException((max ? "max" : "min") + "(): Expected reduction dim " + d
                    + " to have non-zero size.");
        }
        Tensor src = x.dtype() == DType.BOOL ? Dispatch.convert(x, DType.INT64) : x;
        Tensor[] vi = extremeRaw(src, d, max, keepDim);
        Tensor values = x.dtype() == DType.BOOL ? Dispatch.convert(vi[0], DType.BOOL) : vi[0];
        Tensor indices = vi[1];
        if (Graph.needsGrad(x)) {
            Graph.record(values, new Node(max ? "MaxBackward0" : "MinBackward0", x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor gg = keepDim || shape.length == 0 ? g[0] : Views.unsqueeze(g[0], d);
                    Tensor idx = keepDim || shape.length == 0 ? indices : Views.unsqueeze(indices, d);
                    return new Tensor[] {Indexing.scatterAddIntoZeros(gg, d, idx, shape)};
                }
            });
        }
        return new ValuesIndices(values, indices);
    }

    /**
     * Sums {@code grad} down to {@code shape} (PyTorch's sum_to): over leading extra dimensions and where
     * {@code shape} has 1 and grad does not. Differentiable.
     */
    public static Tensor sumTo(Tensor grad, int[] shape) {
        int[] gs = Dispatch.A.shape(grad);
        if (Arrays.equals(gs, shape)) {
            return grad;
        }
        int lead = gs.length - shape.length;
        int[] dims = new int[gs.length];
        int k = 0;
        for (int i = 0; i < gs.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && gs[i] != 1)) {
                dims[k++] = i;
            }
        }
        Tensor s = k == 0 ? grad : sum(grad, Arrays.copyOf(dims, k), true);
        return Views.reshape(s, shape);
    }

    // ------------------------------------------------------------------------------------------------

    private static DType sumType(DType d) {
        return d.isFloatingPoint() ? d : DType.INT64;
    }

    private static void requireFloatingMean(Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a "
                    + "floating point or complex dtype. Got: " + Shapes.typeName(x.dtype()));
        }
    }

    /** Which dimensions to reduce; an empty list means all (as PyTorch's sum(dim=[])). */
    static boolean[] dimMask(int[] dims, int rank) {
        boolean[] m = new boolean[Math.max(rank, 0)];
        if (dims.length == 0) {
            Arrays.fill(m, true);
            return m;
        }
        for (int dim : dims) {
            int d = Shapes.wrapDim(dim, rank);
            if (rank == 0) {
                continue;
            }
            if (m[d]) {
                throw new IllegalArgumentException("dim " + d + " appears multiple times in the list of dims");
            }
            m[d] = true;
        }
        return m;
    }

    /** The shape after reducing the masked dimensions. */
    static int[] reducedShape(int[] shape, boolean[] mask, boolean keepDim) {
        int[] s = new int[shape.length];
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            if (!mask[i]) {
                s[k++] = shape[i];
            } else if (keepDim) {
                s[k++] = 1;
            }
        }
        return Arrays.copyOf(s, k);
    }

    /** Re-inserts the reduced dimensions (size 1) that keepDim=false removed. */
    static Tensor unsqueezeReduced(Tensor g, boolean[] reduce, boolean keepDim) {
        if (keepDim) {
            return g;
        }
        Tensor r = g;
        for (int i = 0; i < reduce.length; i++) {
            if (reduce[i]) {
                r = Views.unsqueeze(r, i);
            }
        }
        return r;
    }

    /** Sum over the masked dimensions without recording. */
    static Tensor sumRaw(Tensor x, boolean[] reduce, boolean keepDim) {
        DType d = sumType(x.dtype());
        int[] shape = Dispatch.A.shape(x);
        Tensor cur = x;
        int[] curShape = shape.clone();
        for (int i = shape.length - 1; i >= 0; i--) {
            if (!reduce[i]) {
                continue;
            }
            int outer = 1;
            int inner = 1;
            for (int j = 0; j < i; j++) {
                outer *= curShape[j];
            }
            for (int j = i + 1; j < curShape.length; j++) {
                inner *= curShape[j];
            }
            int red = curShape[i];
            Storage out = Storage.allocate(d, outer * inner);
            Dispatch.Dense in = Dispatch.dense(cur, d); // no copy when already dense in d
            switch (d) {
                case FLOAT32:
                    Elementwise.sumDim((float[]) in.array(), in.offset(), outer, red, inner, out.floats());
                    break;
                case FLOAT64:
                    DoubleOps.sumDim((double[]) in.array(), in.offset(), outer, red, inner, out.doubles());
                    break;
                default: LongOps.sumDim((long[]) in.array(), in.offset(), outer, red, inner, out.longs());
            }
            curShape[i] = 1;
            cur = Dispatch.wrap(out, curShape.clone());
        }
        if (cur == x) {
            cur = Dispatch.convert(x, d); // nothing reduced (0-d input): still a new tensor, in the sum's dtype
        }
        if (!keepDim) {
            int k = 0;
            int[] s = new int[shape.length];
            for (int i = 0; i < shape.length; i++) {
                if (!reduce[i]) {
                    s[k++] = shape[i];
                }
            }
            cur = Views.reshapeRaw(cur, Arrays.copyOf(s, k));
        }
        return cur;
    }

    /** Values and INT64 indices of the max/min along dim d, without recording. */
    static Tensor[] extremeRaw(Tensor x, int d, boolean max, boolean keepDim) {
        int[] shape = Dispatch.A.shape(x);
        DType dt = x.dtype();
        Tensor c = Dispatch.convert(x, dt);
        int outer = 1;
        int inner = 1;
        int red = shape.length == 0 ? 1 : shape[d];
        for (int j = 0; j < d; j++) {
            outer *= shape[j];
        }
        for (int j = d + 1; j < shape.length; j++) {
            inner *= shape[j];
        }
        Storage vals = Storage.allocate(dt, outer * inner);
        Storage idx = Storage.allocate(DType.INT64, outer * inner);
        Storage in = Dispatch.A.storage(c);
        switch (dt) {
            case FLOAT32: FloatOps.extremeDim(in.floats(), 0, outer, red, inner, max, vals.floats(), idx.longs()); break;
            case FLOAT64:
                DoubleOps.extremeDim(in.doubles(), 0, outer, red, inner, max, vals.doubles(), idx.longs());
                break;
            default: LongOps.extremeDim(in.longs(), 0, outer, red, inner, max, vals.longs(), idx.longs());
        }
        int[] outShape;
        if (shape.length == 0) {
            outShape = Shapes.SCALAR;
        } else if (keepDim) {
            outShape = shape.clone();
            outShape[d] = 1;
        } else {
            outShape = new int[shape.length - 1];
            for (int i = 0, k = 0; i < shape.length; i++) {
                if (i != d) {
                    outShape[k++] = shape[i];
                }
            }
        }
        return new Tensor[] {Dispatch.wrap(vals, outShape), Dispatch.wrap(idx, outShape.clone())};
    }
}
