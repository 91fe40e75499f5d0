package io.jgrad;

import io.jgrad.autograd.GradMode;
import io.jgrad.autograd.ModeGuard;
import io.jgrad.internal.Shapes;
import io.jgrad.internal.TensorAccess;
import io.jgrad.kernel.Parallel;
import io.jgrad.ops.Arithmetic;
import io.jgrad.ops.Comparison;
import io.jgrad.ops.Indexing;
import io.jgrad.ops.Joining;
import io.jgrad.ops.LinearAlgebra;
import io.jgrad.ops.Pointwise;
import io.jgrad.ops.Reductions;
import io.jgrad.storage.Storage;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * PyTorch's {@code torch} namespace: tensor creation, functions, grad mode. Use it with
 * {@code import static io.jgrad.Torch.*;} so Java lines read like their PyTorch originals.
 *
 * <pre>{@code
 * Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
 * Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
 * Tensor y = mul(add(w, x), add(w, 1));     // y = torch.mul(torch.add(w, x), torch.add(w, 1))
 * }</pre>
 */
public final class Torch {
    private Torch() {}

    private static final TensorAccess A = TensorAccess.get();

    // ------------------------------------------------------------------------------------------------
    // Creation

    /** A 1-D FLOAT32 tensor, {@code torch.tensor([1., 2.])}; one value still gives a 1-D tensor. */
    public static Tensor tensor(double... values) {
        float[] a = new float[values.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) values[i];
        }
        return fromStorage(Storage.of(a), values.length);
    }

    /** A 1-D FLOAT32 tensor from floats. */
    public static Tensor tensor(float... values) {
        return fromStorage(Storage.of(values.clone()), values.length);
    }

    /** A 1-D INT64 tensor, {@code torch.tensor([1, 2, 3])}. */
    public static Tensor tensor(long... values) {
        return fromStorage(Storage.of(values.clone()), values.length);
    }

    /** A 1-D BOOL tensor, {@code torch.tensor([True, False])}. */
    public static Tensor tensor(boolean... values) {
        return fromStorage(Storage.of(values.clone()), values.length);
    }

    /** A 1-D tensor of the given dtype, {@code torch.tensor([1., 2.], dtype=torch.float64)}. */
    public static Tensor tensor(double[] values, DType dtype) {
        // From the doubles themselves: going through FLOAT32 would round float64 values.
        return fromStorage(Storage.of(values.clone()), values.length).to(dtype);
    }

    /**
     * A 2-D FLOAT32 tensor, {@code torch.tensor([[1., 2.], [3., 4.]])}.
     *
     * @throws IllegalArgumentException if the rows have different lengths
     */
    public static Tensor tensor(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] a = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("expected sequence of length " + cols + " at dim 1 (got "
                        + rows[i].length + ")");
            }
            for (int j = 0; j < cols; j++) {
                a[i * cols + j] = (float) rows[i][j];
            }
        }
        return fromStorage(Storage.of(a), rows.length, cols);
    }

    /** A 3-D FLOAT32 tensor from nested arrays. */
    public static Tensor tensor(double[][][] blocks) {
        if (blocks.length == 0) {
            return zeros(0, 0, 0);
        }
        Tensor[] parts = new Tensor[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            parts[i] = tensor(blocks[i]);
        }
        return noGrad(() -> stack(Arrays.asList(parts), 0));
    }

    /** A 2-D tensor of the given dtype. */
    public static Tensor tensor(double[][] rows, DType dtype) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] a = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("expected sequence of length " + cols + " at dim 1 (got "
                        + rows[i].length + ")");
            }
            System.arraycopy(rows[i], 0, a, i * cols, cols);
        }
        return fromStorage(Storage.of(a), rows.length, cols).to(dtype);
    }

    /** A 0-d FLOAT32 tensor, {@code torch.tensor(5.)}. */
    public static Tensor scalar(double value) {
        return fromStorage(Storage.of(new float[] {(float) value}));
    }

    /** A 0-d tensor of the given dtype, {@code torch.tensor(5., dtype=dtype)}. */
    public static Tensor scalar(double value, DType dtype) {
        Storage s = Storage.allocate(dtype, 1);
        s.setDouble(0, value);
        return fromStorage(s);
    }

    /** A new tensor over existing storage (not copied), contiguous with the given shape. */
    public static Tensor fromStorage(Storage storage, int... shape) {
        int n = Shapes.numel(shape);
        if (n > storage.length()) {
            throw new IllegalArgumentException("storage of " + storage.length() + " elements is too small for shape "
                    + Shapes.str(shape));
        }
        return A.make(storage, 0, shape.clone(), Shapes.contiguousStrides(shape));
    }

    /** An uninitialised-in-PyTorch, zero-filled here, tensor of a dtype, {@code torch.empty(shape, dtype=dtype)}. */
    public static Tensor empty(int[] shape, DType dtype) {
        checkShape(shape);
        return fromStorage(Storage.allocate(dtype, Shapes.numel(shape)), shape);
    }

    /** {@code torch.zeros(shape)}, FLOAT32. */
    public static Tensor zeros(int... shape) {
        return empty(shape, DType.FLOAT32);
    }

    /** {@code torch.zeros(shape, dtype=dtype)}. */
    public static Tensor zeros(int[] shape, DType dtype) {
        return empty(shape, dtype);
    }

    /** {@code torch.ones(shape)}, FLOAT32. */
    public static Tensor ones(int... shape) {
        return full(shape, 1.0);
    }

    /** {@code torch.ones(shape, dtype=dtype)}. */
    public static Tensor ones(int[] shape, DType dtype) {
        return full(shape, 1.0, dtype);
    }

    /** {@code torch.full(shape, value)}, FLOAT32. */
    public static Tensor full(int[] shape, double value) {
        return full(shape, value, DType.FLOAT32);
    }

    /** {@code torch.full(shape, value, dtype=dtype)}. */
    public static Tensor full(int[] shape, double value, DType dtype) {
        Tensor t = empty(shape, dtype);
        if (value != 0) {
            io.jgrad.ops.Dispatch.fillInPlace(t, value);
        }
        return t;
    }

    /** {@code torch.zeros_like(t)}: same shape and dtype. */
    public static Tensor zerosLike(Tensor t) {
        return empty(A.shape(t), t.dtype());
    }

    /** {@code torch.ones_like(t)}. */
    public static Tensor onesLike(Tensor t) {
        return full(A.shape(t), 1.0, t.dtype());
    }

    /** {@code torch.full_like(t, value)}. */
    public static Tensor fullLike(Tensor t, double value) {
        return full(A.shape(t), value, t.dtype());
    }

    /** {@code torch.eye(n)}, FLOAT32. */
    public static Tensor eye(int n) {
        Tensor t = zeros(n, n);
        float[] a = A.storage(t).floats();
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1;
        }
        return t;
    }

    /**
     * {@code torch.arange(start, end, step)}, FLOAT32.
     *
     * @throws IllegalArgumentException if step is zero or has the wrong sign (PyTorch's messages)
     */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0) {
            throw new IllegalArgumentException("step must be nonzero");
        }
        if ((end - start) / step < 0) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        int n = (int) Math.ceil((end - start) / step);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (start + i * step);
        }
        return fromStorage(Storage.of(a), n);
    }

    /** {@code torch.arange(end)} with a float end, e.g. {@code torch.arange(12.)}: FLOAT32. */
    public static Tensor arange(double end) {
        return arange(0, end, 1);
    }

    /** {@code torch.arange(end)} with an integer end, e.g. {@code torch.arange(12)}: INT64. */
    public static Tensor arange(long end) {
        if (end < 0) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        long[] a = new long[Math.toIntExact(end)];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        return fromStorage(Storage.of(a), a.length);
    }

    /**
     * {@code torch.linspace(start, end, steps)}, FLOAT32, bit for bit as PyTorch's AVX2 CPU kernel computes
     * it: the first half counts up from start and the second half down from end, in blocks of 8 whose base
     * is a fused multiply-add.
     *
     * @throws IllegalArgumentException if steps is negative
     */
    public static Tensor linspace(double start, double end, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be non-negative");
        }
        float[] a = new float[steps];
        float s = (float) start;
        float e = (float) end;
        if (steps == 1) {
            a[0] = s;
        } else if (steps > 1) {
            float step = (e - s) / (steps - 1);
            int half = steps / 2;
            int idx = 0;
            for (; idx + 8 <= steps; idx += 8) {
                float base = linspaceAt(idx, steps, half, s, e, step);
                for (int i = 0; i < 8; i++) {
                    a[idx + i] = base + i * step;
                }
            }
            for (; idx < steps; idx++) {
                a[idx] = linspaceAt(idx, steps, half, s, e, step);
            }
        }
        return fromStorage(Storage.of(a), steps);
    }

    private static float linspaceAt(int idx, int steps, int half, float s, float e, float step) {
        return idx < half ? Math.fma(step, (float) idx, s) : Math.fma(-step, (float) (steps - idx - 1), e);
    }

    /** Seeds the default generator, {@code torch.manual_seed(seed)}. */
    public static void manualSeed(long seed) {
        Generator.defaultGenerator().manualSeed(seed);
    }

    /** Uniform [0, 1) samples, {@code torch.rand(shape)}, FLOAT32. */
    public static Tensor rand(int... shape) {
        return rand(shape, DType.FLOAT32);
    }

    /** {@code torch.rand(shape, dtype=dtype)} for a floating dtype. */
    public static Tensor rand(int[] shape, DType dtype) {
        return uniform(shape, dtype, 0, 1);
    }

    /** Standard normal samples, {@code torch.randn(shape)}, FLOAT32. */
    public static Tensor randn(int... shape) {
        return randn(shape, DType.FLOAT32);
    }

    /** {@code torch.randn(shape, dtype=dtype)} for a floating dtype. */
    public static Tensor randn(int[] shape, DType dtype) {
        Tensor t = empty(shape, requireFloating(dtype, "normal_"));
        fillNormal(t, 0, 1);
        return t;
    }

    /** {@code torch.randn_like(t)}. */
    public static Tensor randnLike(Tensor t) {
        return randn(A.shape(t), t.dtype());
    }

    /** {@code torch.rand_like(t)}. */
    public static Tensor randLike(Tensor t) {
        return rand(A.shape(t), t.dtype());
    }

    /**
     * Integers uniform in [low, high), {@code torch.randint(low, high, shape)}, INT64.
     *
     * @throws IllegalArgumentException if low >= high (PyTorch's message)
     */
    public static Tensor randint(long low, long high, int... shape) {
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + low
                    + " >= to=" + high);
        }
        Tensor t = empty(shape, DType.INT64);
        Generator.defaultGenerator().randint(A.storage(t).longs(), 0, t.numel(), low, high);
        return t;
    }

    /**
     * Samples with per-element means and one standard deviation, {@code torch.normal(mean, std)}; the result
     * has mean's shape and dtype.
     */
    public static Tensor normal(Tensor mean, double std) {
        if (std < 0) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        }
        Tensor out = empty(A.shape(mean), requireFloating(mean.dtype(), "normal"));
        fillNormal(out, 0, std);
        return noGrad(() -> out.add_(mean.detach()));
    }

    /** {@code torch.normal(mean, std, size)} with scalar mean and std, FLOAT32. */
    public static Tensor normal(double mean, double std, int... shape) {
        Tensor out = empty(shape, DType.FLOAT32);
        fillNormal(out, mean, std);
        return out;
    }

    /** Fills with uniform samples in [from, to) in place under no-grad, {@code t.uniform_(from, to)}. */
    public static Tensor uniform_(Tensor t, double from, double to) {
        Tensor dense = t.isContiguous() ? t : empty(A.shape(t), t.dtype());
        int n = dense.numel();
        Storage s = A.storage(dense);
        if (dense.dtype() == DType.FLOAT32) {
            Generator.defaultGenerator().uniform(s.floats(), A.offset(dense), n, from, to);
        } else {
            Generator.defaultGenerator().uniform(requireFloating(dense.dtype(), "uniform_") == DType.FLOAT64
                    ? s.doubles() : null, A.offset(dense), n, from, to);
        }
        if (dense != t) {
            noGrad(() -> t.copy_(dense));
        } else {
            A.versionCounter(t).bump();
        }
        return t;
    }

    /** Fills with normal samples in place under no-grad, {@code t.normal_(mean, std)}. */
    public static Tensor normal_(Tensor t, double mean, double std) {
        if (!t.isContiguous()) {
            Tensor dense = empty(A.shape(t), t.dtype());
            fillNormal(dense, mean, std);
            noGrad(() -> t.copy_(dense));
            return t;
        }
        fillNormal(t, mean, std);
        A.versionCounter(t).bump();
        return t;
    }

    private static Tensor uniform(int[] shape, DType dtype, double from, double to) {
        Tensor t = empty(shape, requireFloating(dtype, "uniform_"));
        return uniform_(t, from, to);
    }

    private static void fillNormal(Tensor t, double mean, double std) {
        Storage s = A.storage(t);
        int n = t.numel();
        if (t.dtype() == DType.FLOAT32) {
            Generator.defaultGenerator().normal(s.floats(), A.offset(t), n, mean, std);
        } else {
            Generator.defaultGenerator().normal(s.doubles(), A.offset(t), n, mean, std);
        }
    }

    private static DType requireFloating(DType d, String op) {
        if (!d.isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + op + "\" not implemented for '" + Shapes.typeName(d) + "'");
        }
        return d;
    }

    private static void checkShape(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("Trying to create tensor with negative dimension " + s + ": "
                        + Shapes.str(shape));
            }
        }
    }

    /**
     * A Python float as an operand: a 0-d tensor of {@code like}'s dtype if floating, else FLOAT32 (PyTorch's
     * wrapped-number promotion). Not tracked.
     */
    static Tensor wrapScalar(double v, Tensor like) {
        DType d = like.dtype().isFloatingPoint() ? like.dtype() : DType.FLOAT32;
        return scalar(v, d);
    }

    /** A Python int as an operand: keeps {@code like}'s dtype if floating or INT64, else INT64. */
    static Tensor wrapScalar(long v, Tensor like) {
        DType d = like.dtype().isFloatingPoint() ? like.dtype() : DType.INT64;
        Storage s = Storage.allocate(d, 1);
        if (d == DType.INT64) {
            s.longs()[0] = v;
        } else {
            s.setDouble(0, v);
        }
        return fromStorage(s);
    }

    // ------------------------------------------------------------------------------------------------
    // Functions (same as the Tensor methods)

    /** {@code torch.add(a, b)}. */
    public static Tensor add(Tensor a, Tensor b) {
        return a.add(b);
    }

    /** {@code torch.add(a, 2.5)}. */
    public static Tensor add(Tensor a, double b) {
        return a.add(b);
    }

    /** {@code torch.add(a, 2)}. */
    public static Tensor add(Tensor a, long b) {
        return a.add(b);
    }

    /** {@code torch.sub(a, b)}. */
    public static Tensor sub(Tensor a, Tensor b) {
        return a.sub(b);
    }

    /** {@code torch.sub(a, 2.5)}. */
    public static Tensor sub(Tensor a, double b) {
        return a.sub(b);
    }

    /** {@code torch.mul(a, b)}. */
    public static Tensor mul(Tensor a, Tensor b) {
        return a.mul(b);
    }

    /** {@code torch.mul(a, 2.5)}. */
    public static Tensor mul(Tensor a, double b) {
        return a.mul(b);
    }

    /** {@code torch.div(a, b)}. */
    public static Tensor div(Tensor a, Tensor b) {
        return a.div(b);
    }

    /** {@code torch.div(a, 2.5)}. */
    public static Tensor div(Tensor a, double b) {
        return a.div(b);
    }

    /** {@code torch.pow(a, 2)}. */
    public static Tensor pow(Tensor a, double exponent) {
        return a.pow(exponent);
    }

    /** {@code torch.pow(a, b)}. */
    public static Tensor pow(Tensor a, Tensor exponent) {
        return a.pow(exponent);
    }

    /** {@code torch.pow(2.0, x)}: a number raised to a tensor. */
    public static Tensor pow(double base, Tensor exponent) {
        return Arithmetic.pow(wrapScalar(base, exponent), exponent);
    }

    /** {@code torch.neg(a)}. */
    public static Tensor neg(Tensor a) {
        return a.neg();
    }

    /** {@code torch.exp(a)}. */
    public static Tensor exp(Tensor a) {
        return a.exp();
    }

    /** {@code torch.log(a)}. */
    public static Tensor log(Tensor a) {
        return a.log();
    }

    /** {@code torch.sqrt(a)}. */
    public static Tensor sqrt(Tensor a) {
        return a.sqrt();
    }

    /** {@code torch.abs(a)}. */
    public static Tensor abs(Tensor a) {
        return a.abs();
    }

    /** {@code torch.sin(a)}. */
    public static Tensor sin(Tensor a) {
        return a.sin();
    }

    /** {@code torch.cos(a)}. */
    public static Tensor cos(Tensor a) {
        return a.cos();
    }

    /** {@code torch.tanh(a)}. */
    public static Tensor tanh(Tensor a) {
        return a.tanh();
    }

    /** {@code torch.sigmoid(a)}. */
    public static Tensor sigmoid(Tensor a) {
        return a.sigmoid();
    }

    /** {@code torch.relu(a)}. */
    public static Tensor relu(Tensor a) {
        return a.relu();
    }

    /** {@code torch.clamp(a, min, max)}. */
    public static Tensor clamp(Tensor a, double min, double max) {
        return a.clamp(min, max);
    }

    /** {@code torch.sum(a)}. */
    public static Tensor sum(Tensor a) {
        return a.sum();
    }

    /** {@code torch.sum(a, dim, keepdim)}. */
    public static Tensor sum(Tensor a, int dim, boolean keepDim) {
        return a.sum(dim, keepDim);
    }

    /** {@code torch.mean(a)}. */
    public static Tensor mean(Tensor a) {
        return a.mean();
    }

    /** {@code torch.mean(a, dim, keepdim)}. */
    public static Tensor mean(Tensor a, int dim, boolean keepDim) {
        return a.mean(dim, keepDim);
    }

    /** {@code torch.max(a)}. */
    public static Tensor max(Tensor a) {
        return a.max();
    }

    /** {@code torch.min(a)}. */
    public static Tensor min(Tensor a) {
        return a.min();
    }

    /** {@code torch.mm(a, b)}. */
    public static Tensor mm(Tensor a, Tensor b) {
        return LinearAlgebra.mm(a, b);
    }

    /** {@code torch.matmul(a, b)}, {@code a @ b}. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return LinearAlgebra.matmul(a, b);
    }

    /** {@code torch.bmm(a, b)}. */
    public static Tensor bmm(Tensor a, Tensor b) {
        return LinearAlgebra.bmm(a, b);
    }

    /** {@code torch.dot(a, b)}. */
    public static Tensor dot(Tensor a, Tensor b) {
        return LinearAlgebra.dot(a, b);
    }

    /** {@code torch.mv(a, v)}. */
    public static Tensor mv(Tensor a, Tensor v) {
        return LinearAlgebra.mv(a, v);
    }

    /** {@code torch.cat(tensors, dim)}. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Joining.cat(tensors, dim);
    }

    /** {@code torch.cat((a, b, ...))} along dim 0. */
    public static Tensor cat(Tensor... tensors) {
        return Joining.cat(Arrays.asList(tensors), 0);
    }

    /** {@code torch.stack(tensors, dim)}. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Joining.stack(tensors, dim);
    }

    /** {@code torch.stack((a, b, ...))} along dim 0. */
    public static Tensor stack(Tensor... tensors) {
        return Joining.stack(Arrays.asList(tensors), 0);
    }

    /** {@code torch.where(cond, a, b)}: a where cond is true, else b; all broadcast. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return Indexing.where(cond, a, b);
    }

    /** {@code torch.maximum(a, b)}. */
    public static Tensor maximum(Tensor a, Tensor b) {
        return a.maximum(b);
    }

    /** {@code torch.minimum(a, b)}. */
    public static Tensor minimum(Tensor a, Tensor b) {
        return a.minimum(b);
    }

    /** {@code torch.allclose(a, b)} (rtol 1e-5, atol 1e-8). */
    public static boolean allclose(Tensor a, Tensor b) {
        return a.allclose(b);
    }

    /** {@code torch.allclose(a, b, rtol, atol)}. */
    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
        return a.allclose(b, rtol, atol);
    }

    /** {@code torch.equal(a, b)}. */
    public static boolean equal(Tensor a, Tensor b) {
        return Comparison.equal(a, b);
    }

    /** {@code torch.zeros_like}-style clone helper: {@code torch.clone(a)}. */
    public static Tensor clone(Tensor a) {
        return a.clone();
    }

    /** {@code torch.t(a)}. */
    public static Tensor t(Tensor a) {
        return a.t();
    }

    /** {@code torch.squeeze(a)}. */
    public static Tensor squeeze(Tensor a) {
        return a.squeeze();
    }

    /** {@code torch.unsqueeze(a, dim)}, e.g. {@code torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1)}. */
    public static Tensor unsqueeze(Tensor a, int dim) {
        return a.unsqueeze(dim);
    }

    /** {@code torch.reshape(a, shape)}. */
    public static Tensor reshape(Tensor a, int... shape) {
        return a.reshape(shape);
    }

    /** {@code torch.transpose(a, d0, d1)}. */
    public static Tensor transpose(Tensor a, int dim0, int dim1) {
        return a.transpose(dim0, dim1);
    }

    /** {@code torch.flatten(a)}. */
    public static Tensor flatten(Tensor a) {
        return a.flatten();
    }

    /** {@code torch.gather(a, dim, index)}. */
    public static Tensor gather(Tensor a, int dim, Tensor index) {
        return a.gather(dim, index);
    }

    /** {@code torch.index_select(a, dim, index)}. */
    public static Tensor indexSelect(Tensor a, int dim, Tensor index) {
        return a.indexSelect(dim, index);
    }

    /** {@code torch.argmax(a, dim)}. */
    public static Tensor argmax(Tensor a, int dim) {
        return a.argmax(dim);
    }

    /** Sum of a tensor's elements over some dims, {@code torch.sum(a, dims, keepdim)}. */
    public static Tensor sum(Tensor a, int[] dims, boolean keepDim) {
        return Reductions.sum(a, dims, keepDim);
    }

    /** Elementwise {@code torch.sign(a)}. */
    public static Tensor sign(Tensor a) {
        return Pointwise.sign(a);
    }

    // ------------------------------------------------------------------------------------------------
    // Grad mode (per thread)

    /**
     * Disables gradient recording until closed, {@code with torch.no_grad():}.
     *
     * <pre>{@code
     * try (var g = noGrad()) {          // with torch.no_grad():
     *     w.sub_(w.grad().mul(lr));     //     w -= lr * w.grad
     * }
     * }</pre>
     */
    public static ModeGuard noGrad() {
        return GradMode.set(false);
    }

    /** Runs {@code body} with grad mode off and returns its result. */
    public static <T> T noGrad(Supplier<T> body) {
        try (ModeGuard g = GradMode.set(false)) {
            return body.get();
        }
    }

    /** Runs {@code body} with grad mode off. */
    public static void noGrad(Runnable body) {
        try (ModeGuard g = GradMode.set(false)) {
            body.run();
        }
    }

    /** Enables gradient recording until closed, {@code with torch.enable_grad():}. */
    public static ModeGuard enableGrad() {
        return GradMode.set(true);
    }

    /** Runs {@code body} with grad mode on and returns its result. */
    public static <T> T enableGrad(Supplier<T> body) {
        try (ModeGuard g = GradMode.set(true)) {
            return body.get();
        }
    }

    /**
     * Sets grad mode at once, {@code torch.set_grad_enabled(mode)}; closing the returned guard restores the
     * previous mode.
     */
    public static ModeGuard setGradEnabled(boolean enabled) {
        return GradMode.set(enabled);
    }

    /** {@code torch.is_grad_enabled()}. */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    // ------------------------------------------------------------------------------------------------
    // Threads

    /** Threads used by large kernels, {@code torch.set_num_threads(n)}. */
    public static void setNumThreads(int n) {
        Parallel.setNumThreads(n);
    }

    /** {@code torch.get_num_threads()}. */
    public static int getNumThreads() {
        return Parallel.getNumThreads();
    }
}
