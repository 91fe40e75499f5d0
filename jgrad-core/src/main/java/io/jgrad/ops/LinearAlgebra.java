package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.DoubleGemm;
import io.jgrad.kernel.FloatGemm;
import io.jgrad.kernel.Parallel;
import io.jgrad.storage.Storage;
import java.util.Arrays;

/** Matrix products: mm, bmm, dot, mv and matmul's dispatch among them, with their backward. */
public final class LinearAlgebra {
    private LinearAlgebra() {}

    /**
     * {@code torch.mm(a, b)}. MmBackward0: {@code (grad.mm(b.t()), a.t().mm(grad))}.
     *
     * @throws IllegalArgumentException for non-matrices or mismatched inner sizes (PyTorch's messages)
     */
    public static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2) {
            throw new IllegalArgumentException("self must be a matrix");
        }
        if (b.dim() != 2) {
            throw new IllegalArgumentException("mat2 must be a matrix");
        }
        int[] sa = Dispatch.A.shape(a);
        int[] sb = Dispatch.A.shape(b);
        if (sa[1] != sb[0]) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + sa[0] + "x" + sa[1]
                    + " and " + sb[0] + "x" + sb[1] + ")");
        }
        checkSameDtype(a, b);
        Tensor out = gemm(a, b, 1, sa[0], sa[1], sb[1]);
        if (Graph.needsGrad(a, b)) {
            boolean ga = a.requiresGrad();
            boolean gb = b.requiresGrad();
            Graph.record(out, new Node("MmBackward0", a, b) {
                final SavedTensor sA = gb ? save(a) : null;
                final SavedTensor sB = ga ? save(b) : null;

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {
                        needsInputGrad(0) ? mm(g[0], Views.t(sB.unpack())) : null,
                        needsInputGrad(1) ? mm(Views.t(sA.unpack()), g[0]) : null};
                }
            });
        }
        return out;
    }

    /** {@code torch.bmm(a, b)} for [B, n, m] x [B, m, p]. BmmBackward0. */
    public static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3) {
            throw new IllegalArgumentException("batch1 must be a 3D tensor");
        }
        if (b.dim() != 3) {
            throw new IllegalArgumentException("batch2 must be a 3D tensor");
        }
        int[] sa = Dispatch.A.shape(a);
        int[] sb = Dispatch.A.shape(b);
        if (sa[0] != sb[0] || sa[2] != sb[1]) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + sa[0] + ", " + sa[2] + "] but got: [" + sb[0] + ", " + sb[1] + "].");
        }
        checkSameDtype(a, b);
        Tensor out = gemm(a, b, sa[0], sa[1], sa[2], sb[2]);
        if (Graph.needsGrad(a, b)) {
            boolean ga = a.requiresGrad();
            boolean gb = b.requiresGrad();
            Graph.record(out, new Node("BmmBackward0", a, b) {
                final SavedTensor sA = gb ? save(a) : null;
                final SavedTensor sB = ga ? save(b) : null;

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {
                        needsInputGrad(0) ? bmm(g[0], Views.transpose(sB.unpack(), 1, 2)) : null,
                        needsInputGrad(1) ? bmm(Views.transpose(sA.unpack(), 1, 2), g[0]) : null};
                }
            });
        }
        return out;
    }

    /** {@code torch.dot(a, b)} of 1-D tensors. DotBackward0: {@code (grad * b, grad * a)}. */
    public static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("1D tensors expected, but got " + a.dim() + "D and " + b.dim()
                    + "D tensors");
        }
        if (a.numel() != b.numel()) {
            throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a.numel() + "] and src ["
                    + b.numel() + "] to have the same number of elements, but got " + a.numel() + " and "
                    + b.numel() + " elements respectively");
        }
        checkSameDtype(a, b);
        int n = a.numel();
        Tensor out = Views.reshapeRaw(gemm(Views.reshapeRaw(a, new int[] {1, n}), Views.reshapeRaw(b, new int[] {n, 1}),
                1, 1, n, 1), Shapes.SCALAR);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, new Node("DotBackward0", a, b) {
                final SavedTensor sA = save(a);
                final SavedTensor sB = save(b);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {
                        needsInputGrad(0) ? Arithmetic.mul(g[0], sB.unpack()) : null,
                        needsInputGrad(1) ? Arithmetic.mul(g[0], sA.unpack()) : null};
                }
            });
        }
        return out;
    }

    /** {@code torch.mv(m, v)}. MvBackward0: {@code (grad.ger(v), m.t().mv(grad))}. */
    public static Tensor mv(Tensor m, Tensor v) {
        if (m.dim() != 2 || v.dim() != 1) {
            throw new IllegalArgumentException("vector + matrix @ vector expected, got 1, " + m.dim() + ", " + v.dim());
        }
        int[] sm = Dispatch.A.shape(m);
        if (sm[1] != v.numel()) {
            throw new IllegalArgumentException("size mismatch, got " + sm[0] + ", " + sm[0] + "x" + sm[1] + ","
                    + v.numel());
        }
        checkSameDtype(m, v);
        Tensor out = Views.reshapeRaw(gemm(m, Views.reshapeRaw(v, new int[] {v.numel(), 1}), 1, sm[0], sm[1], 1),
                new int[] {sm[0]});
        if (Graph.needsGrad(m, v)) {
            Graph.record(out, new Node("MvBackward0", m, v) {
                final SavedTensor sM = save(m);
                final SavedTensor sV = save(v);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {
                        needsInputGrad(0) ? mm(Views.unsqueeze(g[0], 1), Views.unsqueeze(sV.unpack(), 0)) : null,
                        needsInputGrad(1) ? mv(Views.t(sM.unpack()), g[0]) : null};
                }
            });
        }
        return out;
    }

    /**
     * {@code torch.matmul(a, b)}: dot (1-D x 1-D), mv (2-D x 1-D), mm (2-D x 2-D), and broadcast batched
     * products built from them with views, as PyTorch does.
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are " + da
                    + "D and " + db + "D");
        }
        if (da == 1 && db == 1) {
            return dot(a, b);
        }
        if (da == 2 && db == 1) {
            return mv(a, b);
        }
        if (da == 1 && db == 2) {
            return Views.squeeze(mm(Views.unsqueeze(a, 0), b), 0);
        }
        if (da == 2 && db == 2) {
            return mm(a, b);
        }
        int[] sa = Dispatch.A.shape(a);
        int[] sb = Dispatch.A.shape(b);
        if (da >= 3 && db <= 2) {
            // Fold a's batch dimensions into the rows of one mm.
            Tensor b2 = db == 1 ? Views.unsqueeze(b, 1) : b;
            int m = sa[da - 1];
            int rows = a.numel() / Math.max(m, 1);
            Tensor prod = mm(Views.reshape(a, new int[] {rows, m}), b2);
            int[] outShape = Arrays.copyOf(sa, db == 1 ? da - 1 : da);
            if (db == 2) {
                outShape[da - 1] = sb[1];
            }
            return Views.reshape(prod, outShape);
        }
        // Broadcast batched product.
        Tensor a3 = da == 1 ? Views.unsqueeze(a, 0) : a;
        Tensor b3 = db == 1 ? Views.unsqueeze(b, 1) : b;
        int[] as = Dispatch.A.shape(a3);
        int[] bs = Dispatch.A.shape(b3);
        int n = as[as.length - 2];
        int k = as[as.length - 1];
        int p = bs[bs.length - 1];
        if (bs[bs.length - 2] != k) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: [?, "
                    + k + "] but got: [?, " + bs[bs.length - 2] + "].");
        }
        int[] batch = Shapes.broadcast(Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
        int nb = Shapes.numel(batch);
        int[] ea = Arrays.copyOf(batch, batch.length + 2);
        ea[batch.length] = n;
        ea[batch.length + 1] = k;
        int[] eb = Arrays.copyOf(batch, batch.length + 2);
        eb[batch.length] = k;
        eb[batch.length + 1] = p;
        Tensor prod = bmm(Views.reshape(Views.expand(a3, ea), new int[] {nb, n, k}),
                Views.reshape(Views.expand(b3, eb), new int[] {nb, k, p}));
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = n;
        outShape[batch.length + 1] = p;
        Tensor r = Views.reshape(prod, outShape);
        if (da == 1) {
            r = Views.squeeze(r, -2);
        }
        if (db == 1) {
            r = Views.squeeze(r, -1);
        }
        return r;
    }

    private static void checkSameDtype(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + Shapes.typeName(a.dtype()) + " but found "
                    + Shapes.typeName(b.dtype()));
        }
    }

    /**
     * batch x ([n, k] x [k, p]) products of the last two dimensions of a and b, computed in the inputs' dtype
     * (INT64 through FLOAT64). Floating-point operands are read in place through their strides (transposed and
     * expanded views included, as backward passes them); the kernels pack them (see {@link DoubleGemm}).
     */
    private static Tensor gemm(Tensor a, Tensor b, int batch, int n, int k, int p) {
        DType d = a.dtype();
        DType compute = d.isFloatingPoint() ? d : DType.FLOAT64;
        Operand oa = operand(a, compute, n, k);
        Operand ob = operand(b, compute, k, p);
        Storage out = Storage.allocate(compute, batch * n * p);
        long work = (long) n * k * p;
        if (batch > 1 && batch >= Parallel.getNumThreads() && work * batch >= 1_000_000L) {
            // Products handed out to the threads; a worker does not fork again (a product's result does not
            // depend on its thread split either way, Note [GEMM rounding]).
            Parallel.forChunks(batch, c -> gemmOne(compute, oa, ob, c, out, n, k, p));
        } else {
            for (int c = 0; c < batch; c++) gemmOne(compute, oa, ob, c, out, n, k, p);
        }
        int[] shape = batch > 1 || Dispatch.A.shape(a).length == 3 ? new int[] {batch, n, p} : new int[] {n, p};
        Tensor r = Dispatch.wrap(out, shape);
        return compute == d ? r : Dispatch.convert(r, d);
    }

    /** A matrix operand: element (batch q, row i, column j) at {@code array[offset + q*bs + i*rs + j*cs]}. */
    private record Operand(Object array, int offset, int bs, int rs, int cs) {}

    private static Operand operand(Tensor t, DType compute, int rows, int cols) {
        if (t.dtype() == compute) {
            int[] st = Dispatch.A.strides(t);
            int r = st.length;
            return new Operand(Dispatch.A.storage(t).array(), Dispatch.A.offset(t), r == 3 ? st[0] : 0, st[r - 2],
                    st[r - 1]);
        }
        Dispatch.Dense dd = Dispatch.dense(t, compute);
        return new Operand(dd.array(), dd.offset(), rows * cols, cols, 1);
    }

    /**
     * Product q of the batch into c. c is freshly allocated (zeros), so accumulating into it gives the same bits
     * as overwriting (Note [GEMM rounding]: the chains start from +0 either way) and spares zeroing C again.
     *
     * <p>Note [Repeated rows and columns]: an operand expanded along a side of C makes that side's entries all
     * equal. If A's rows step by 0 (every row of A is the same, as the gradient of a sum arrives: ones expanded
     * to [n, k]), every row of C is the same, and if B's columns step by 0, every column is. Then one row (or
     * column) is computed, a matrix-vector product, and copied: each copy is the very fma chain the full product
     * computes for that entry (Note [GEMM rounding]), so the bits are the same, for O(kp + np) work instead of
     * O(nkp). {@code (a @ b).sum().backward()} does one full product and two matrix-vector products this way.
     */
    private static void gemmOne(DType d, Operand a, Operand b, int q, Storage c, int n, int k, int p) {
        int ao = a.offset() + q * a.bs();
        int bo = b.offset() + q * b.bs();
        int co = q * n * p;
        int rows = a.rs() == 0 ? Math.min(n, 1) : n;
        if (b.cs() == 0 && p > 1) {
            // One column, computed contiguously, then spread along each row.
            Storage col = Storage.allocate(d, rows);
            kernel(d, rows, 1, k, a, ao, b, bo, col.array(), 0, 1);
            for (int i = 0; i < rows; i++) {
                if (d == DType.FLOAT32) {
                    Arrays.fill(c.floats(), co + i * p, co + (i + 1) * p, col.floats()[i]);
                } else {
                    Arrays.fill(c.doubles(), co + i * p, co + (i + 1) * p, col.doubles()[i]);
                }
            }
        } else {
            kernel(d, rows, p, k, a, ao, b, bo, c.array(), co, p);
        }
        for (int i = rows; i < n; i++) {
            System.arraycopy(c.array(), co, c.array(), co + i * p, p);
        }
    }

    /** {@code C[m, n] += A B} by the dtype's GEMM, C at {@code c[co + i*ldc + j]}. */
    private static void kernel(DType d, int m, int n, int k, Operand a, int ao, Operand b, int bo, Object c, int co,
            int ldc) {
        if (d == DType.FLOAT32) {
            FloatGemm.gemm(m, n, k, (float[]) a.array(), ao, a.rs(), a.cs(), (float[]) b.array(), bo, b.rs(), b.cs(),
                    (float[]) c, co, ldc, true);
        } else {
            DoubleGemm.gemm(m, n, k, (double[]) a.array(), ao, a.rs(), a.cs(), (double[]) b.array(), bo, b.rs(),
                    b.cs(), (double[]) c, co, ldc, true);
        }
    }
}
