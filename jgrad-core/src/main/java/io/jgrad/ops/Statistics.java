package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.CompareOp;
import io.jgrad.kernel.DoubleOps;
import io.jgrad.kernel.FloatOps;
import io.jgrad.kernel.LongOps;
import io.jgrad.storage.Storage;
import java.util.ArrayList;
import java.util.List;

/** Reductions beyond sum and mean: prod, var/std, norms, logsumexp, amax/amin, all/any, and the scans. */
public final class Statistics {
    private Statistics() {}

    // ------------------------------------------------------------------------------------------------
    // Scans

    /** {@code torch.cumsum(x, dim)}. CumsumBackward0: the reversed cumulative sum of the gradient. */
    public static Tensor cumsum(Tensor x, int dim) {
        int d = Shapes.wrapDim(dim, x.dim());
        Tensor out = scanRaw(x, d, false);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("CumsumBackward0", x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {x.dim() == 0 ? g[0] : Reshaping.flip(cumsum(Reshaping.flip(g[0], d), d), d)};
                }
            });
        }
        return out;
    }

    /**
     * {@code torch.cumprod(x, dim)}. CumprodBackward0: without zeros, reversed-cumsum(grad * result) / x;
     * with zeros, the recurrence R_i = g_i + x_(i+1) R_(i+1) times the exclusive prefix product.
     */
    public static Tensor cumprod(Tensor x, int dim) {
        int d = Shapes.wrapDim(dim, x.dim());
        Tensor out = scanRaw(x, d, true);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("CumprodBackward0", x) {
                final SavedTensor sx = save(x);
                final SavedTensor sy = saveOutput(out);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor xv = sx.unpack();
                    if (xv.dim() == 0) {
                        return new Tensor[] {g[0]};
                    }
                    return new Tensor[] {cumprodBackward(g[0], xv, sy.unpack(), d)};
                }
            });
        }
        return out;
    }

    private static Tensor cumprodBackward(Tensor g, Tensor x, Tensor y, int d) {
        boolean hasZero = !Comparison.equal(Dispatch.compare(CompareOp.NE, x, Torch.scalar(0, x.dtype())),
                Torch.onesLike(x).to(DType.BOOL));
        if (!hasZero) {
            return Reshaping.flip(cumsum(Reshaping.flip(g.mul(y), d), d), d).div(x);
        }
        int n = x.size(d);
        Tensor[] r = new Tensor[n];
        r[n - 1] = g.select(d, n - 1);
        for (int i = n - 2; i >= 0; i--) {
            r[i] = g.select(d, i).add(x.select(d, i + 1).mul(r[i + 1]));
        }
        List<Tensor> grads = new ArrayList<>(n);
        Tensor left = null;
        for (int i = 0; i < n; i++) {
            grads.add(left == null ? r[i] : left.mul(r[i]));
            left = left == null ? x.select(d, i) : left.mul(x.select(d, i));
        }
        return Joining.stack(grads, d);
    }

    // ------------------------------------------------------------------------------------------------
    // prod, var, std, norm, logsumexp

    /** {@code x.prod()}. */
    public static Tensor prod(Tensor x) {
        return prod(Views.reshape(x, new int[] {-1}), 0, false);
    }

    /**
     * {@code x.prod(dim, keepdim)}. ProdBackward1: the gradient times the product of all the other elements
     * (exclusive prefix and suffix products, safe with zeros).
     */
    public static Tensor prod(Tensor x, int dim, boolean keepDim) {
        int d = Shapes.wrapDim(dim, x.dim());
        if (x.dim() == 0) {
            return Copying.clone(x);
        }
        int n = x.size(d);
        Tensor scanned = scanRaw(x, d, true);
        Tensor out = n == 0 ? Torch.ones(withOne(x.shape(), d), scanned.dtype()) : Views.narrow(scanned, d, n - 1, 1);
        out = Views.reshapeRaw(out, keepDim ? withOne(x.shape(), d) : without(x.shape(), d));
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("ProdBackward1", x) {
                final SavedTensor sx = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor xv = sx.unpack();
                    Tensor gg = keepDim ? g[0] : Views.unsqueeze(g[0], d);
                    if (n == 0) {
                        return new Tensor[] {Torch.zerosLike(xv)};
                    }
                    int[] oneShape = withOne(xv.shape(), d);
                    Tensor ones = Torch.ones(oneShape, xv.dtype());
                    Tensor left = cumprod(Joining.cat(List.of(ones, Views.narrow(xv, d, 0, n - 1)), d), d);
                    Tensor right = Reshaping.flip(cumprod(Reshaping.flip(
                            Joining.cat(List.of(Views.narrow(xv, d, 1, n - 1), ones), d), d), d), d);
                    return new Tensor[] {gg.mul(left).mul(right)};
                }
            });
        }
        return out;
    }

    /** {@code x.var(dims, correction=c, keepdim)}: mean squared deviation over N - c. */
    public static Tensor var(Tensor x, int[] dims, double correction, boolean keepDim) {
        requireFloating(x, "var");
        boolean[] mask = Reductions.dimMask(dims, x.dim());
        long count = 1;
        int[] shape = x.shape();
        for (int i = 0; i < shape.length; i++) {
            if (mask[i]) {
                count *= shape[i];
            }
        }
        int[] reduced = dims.length == 0 ? allDims(x.dim()) : dims;
        Tensor mean = Reductions.mean(x, reduced, true);
        Tensor dev = x.sub(mean);
        Tensor sq = Reductions.sum(dev.mul(dev), reduced, keepDim);
        return sq.div(Math.max(count - correction, 0));
    }

    /** {@code x.std(dims, correction=c, keepdim)}. */
    public static Tensor std(Tensor x, int[] dims, double correction, boolean keepDim) {
        return var(x, dims, correction, keepDim).sqrt();
    }

    /**
     * {@code torch.linalg.vector_norm}-style {@code x.norm(p, dims, keepdim)} for p = 1, 2, inf, -inf or any
     * positive p ({@code "fro"} is p = 2 over all elements). NormBackward1: zero where the norm is zero.
     */
    public static Tensor norm(Tensor x, double p, int[] dims, boolean keepDim) {
        requireFloating(x, "norm");
        int[] reduced = dims.length == 0 ? allDims(x.dim()) : dims;
        Tensor out;
        try (var g = Torch.noGrad()) {
            Tensor a = x.abs();
            if (p == Double.POSITIVE_INFINITY) {
                out = amax(a, reduced, keepDim);
            } else if (p == Double.NEGATIVE_INFINITY) {
                out = amin(a, reduced, keepDim);
            } else if (p == 1) {
                out = Reductions.sum(a, reduced, keepDim);
            } else if (p == 2) {
                out = Reductions.sum(a.mul(a), reduced, keepDim).sqrt();
            } else {
                out = Reductions.sum(a.pow(p), reduced, keepDim).pow(1 / p);
            }
        }
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("NormBackward1", x) {
                final SavedTensor sx = save(x);
                final SavedTensor sy = saveOutput(out);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor xv = sx.unpack();
                    Tensor y = sy.unpack();
                    boolean[] mask = Reductions.dimMask(reduced, xv.dim());
                    Tensor gk = Reductions.unsqueezeReduced(g[0], mask, keepDim);
                    Tensor yk = Reductions.unsqueezeReduced(y, mask, keepDim);
                    Tensor zero = Torch.scalar(0, xv.dtype());
                    Tensor grad;
                    if (p == 1) {
                        grad = xv.sign().mul(gk);
                    } else if (Double.isInfinite(p)) {
                        Tensor hit = Dispatch.compare(CompareOp.EQ, xv.abs().detach(), yk.detach());
                        Tensor share = Indexing.where(hit, Torch.scalar(1, xv.dtype()), zero);
                        Tensor count = Reductions.sum(share, reduced, true);
                        grad = xv.sign().mul(share).div(count).mul(gk);
                    } else {
                        Tensor scale = p == 2 ? gk.div(yk) : gk.div(yk.pow(p - 1));
                        Tensor body = p == 2 ? xv : xv.mul(xv.abs().pow(p - 2));
                        Tensor zeroNorm = Dispatch.compare(CompareOp.EQ, yk.detach(), zero);
                        grad = Indexing.where(zeroNorm, zero, body.mul(scale));
                    }
                    return new Tensor[] {grad};
                }
            });
        }
        return out;
    }

    /** {@code torch.logsumexp(x, dims, keepdim)}, stable: the max is subtracted first. */
    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepDim) {
        requireFloating(x, "logsumexp");
        int[] reduced = dims.length == 0 ? allDims(x.dim()) : dims;
        Tensor m;
        try (var g = Torch.noGrad()) {
            m = amax(x, reduced, true);
            m = Indexing.where(Dispatch.compare(CompareOp.EQ, m.abs(), Torch.scalar(Double.POSITIVE_INFINITY, m.dtype())),
                    Torch.scalar(0, m.dtype()), m);
        }
        Tensor s = Reductions.sum(x.sub(m).exp(), reduced, keepDim).log();
        boolean[] mask = Reductions.dimMask(reduced, x.dim());
        Tensor mk = keepDim ? m : Views.reshape(m, s.shape());
        return s.add(mask.length == 0 ? m : mk);
    }

    // ------------------------------------------------------------------------------------------------
    // amax, amin, all, any

    /** {@code torch.amax(x, dims, keepdim)}. AmaxBackward0: the gradient shared evenly by ties. */
    public static Tensor amax(Tensor x, int[] dims, boolean keepDim) {
        return extreme(x, dims, keepDim, true);
    }

    /** {@code torch.amin(x, dims, keepdim)}. AminBackward0. */
    public static Tensor amin(Tensor x, int[] dims, boolean keepDim) {
        return extreme(x, dims, keepDim, false);
    }

    private static Tensor extreme(Tensor x, int[] dims, boolean keepDim, boolean max) {
        boolean[] mask = Reductions.dimMask(dims, x.dim());
        Tensor cur = x.dtype() == DType.BOOL ? Dispatch.convert(x, DType.INT64) : x;
        for (int i = mask.length - 1; i >= 0; i--) {
            if (mask[i]) {
                if (x.shape()[i] == 0) {
                    throw new IndexOutOfBoundsException((max ? "amax" : "amin") + "(): Expected reduction dim " + i
                            + " to have non-zero size.");
                }
                cur = Reductions.extremeRaw(cur, i, max, true)[0];
            }
        }
        if (!keepDim) {
            cur = Views.reshapeRaw(cur, Reductions.reducedShape(x.shape(), mask, false));
        }
        Tensor out = x.dtype() == DType.BOOL ? Dispatch.convert(cur, DType.BOOL) : cur;
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node(max ? "AmaxBackward0" : "AminBackward0", x) {
                final SavedTensor sx = save(x);
                final SavedTensor sy = saveOutput(out);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor xv = sx.unpack();
                    Tensor yk = Reductions.unsqueezeReduced(sy.unpack().detach(), mask, keepDim);
                    Tensor gk = Reductions.unsqueezeReduced(g[0], mask, keepDim);
                    Tensor hit = Dispatch.compare(CompareOp.EQ, xv.detach(), yk);
                    Tensor share = Dispatch.convert(hit, g[0].dtype());
                    Tensor count = Reductions.sumRaw(share, mask, true);
                    return new Tensor[] {share.div(count).mul(gk)};
                }
            });
        }
        return out;
    }

    /** {@code x.all()}: BOOL. */
    public static Tensor all(Tensor x) {
        return logical(x, new int[0], false, false);
    }

    /** {@code x.all(dim, keepdim)}. */
    public static Tensor all(Tensor x, int dim, boolean keepDim) {
        return logical(x, new int[] {dim}, keepDim, false);
    }

    /** {@code x.any()}: BOOL. */
    public static Tensor any(Tensor x) {
        return logical(x, new int[0], false, true);
    }

    /** {@code x.any(dim, keepdim)}. */
    public static Tensor any(Tensor x, int dim, boolean keepDim) {
        return logical(x, new int[] {dim}, keepDim, true);
    }

    private static Tensor logical(Tensor x, int[] dims, boolean keepDim, boolean any) {
        boolean[] mask = Reductions.dimMask(dims, x.dim());
        Tensor b = Dispatch.convert(Dispatch.convert(x, DType.BOOL), DType.INT64);
        if (x.numel() == 0) {
            return Torch.full(Reductions.reducedShape(x.shape(), mask, keepDim), any ? 0 : 1, DType.BOOL);
        }
        Tensor cur = b;
        for (int i = mask.length - 1; i >= 0; i--) {
            if (mask[i]) {
                cur = Reductions.extremeRaw(cur, i, any, true)[0];
            }
        }
        if (!keepDim) {
            cur = Views.reshapeRaw(cur, Reductions.reducedShape(x.shape(), mask, false));
        }
        return Dispatch.convert(cur, DType.BOOL);
    }

    // ------------------------------------------------------------------------------------------------

    /** Prefix sum or product along d without recording; integers and bools give INT64. */
    private static Tensor scanRaw(Tensor x, int d, boolean product) {
        DType dt = x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        int[] shape = x.shape();
        int outer = 1;
        int inner = 1;
        int len = shape.length == 0 ? 1 : shape[d];
        for (int i = 0; i < d; i++) {
            outer *= shape[i];
        }
        for (int i = d + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        Storage in = Dispatch.contiguousStorage(x, dt);
        Storage out = Storage.allocate(dt, in.length());
        switch (dt) {
            case FLOAT32: FloatOps.scan(in.floats(), 0, outer, len, inner, product, out.floats()); break;
            case FLOAT64: DoubleOps.scan(in.doubles(), 0, outer, len, inner, product, out.doubles()); break;
            default: LongOps.scan(in.longs(), 0, outer, len, inner, product, out.longs());
        }
        return Dispatch.wrap(out, shape);
    }

    private static void requireFloating(Tensor x, String op) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + "(): input dtype should be either floating point or complex. Got "
                    + Shapes.typeName(x.dtype()) + " instead.");
        }
    }

    private static int[] allDims(int rank) {
        int[] d = new int[rank];
        for (int i = 0; i < rank; i++) {
            d[i] = i;
        }
        return d;
    }

    private static int[] withOne(int[] shape, int d) {
        int[] s = shape.clone();
        s[d] = 1;
        return s;
    }

    private static int[] without(int[] shape, int d) {
        int[] s = new int[shape.length - 1];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (i != d) {
                s[k++] = shape[i];
            }
        }
        return s;
    }
}
