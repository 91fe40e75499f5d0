package io.jgrad.autograd;

import io.jgrad.DType;
import io.jgrad.Generator;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.internal.TensorAccess;
import io.jgrad.kernel.Copy;
import io.jgrad.storage.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Compares analytical gradients (from backward) with central finite differences, PyTorch's
 * {@code torch.autograd.gradcheck} and {@code gradgradcheck}. Use FLOAT64 inputs.
 *
 * <pre>{@code
 * Tensor x = randn(new int[] {3}, DType.FLOAT64).requiresGrad_();
 * GradCheck.gradcheck(in -> in[0].sin(), x);        // torch.autograd.gradcheck(torch.sin, (x,))
 * GradCheck.gradgradcheck(in -> in[0].sin(), x);    // torch.autograd.gradgradcheck(torch.sin, (x,))
 * }</pre>
 */
public final class GradCheck {
    private GradCheck() {}

    private static final TensorAccess A = TensorAccess.get();

    /** PyTorch's defaults. */
    public static final double EPS = 1e-6;
    public static final double ATOL = 1e-5;
    public static final double RTOL = 1e-3;

    /**
     * Checks first derivatives of {@code f} at {@code inputs} (those that require grad) with the default
     * eps, atol and rtol.
     *
     * @return true
     * @throws GradcheckException naming the output, the input and both Jacobians on a mismatch
     */
    public static boolean gradcheck(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return gradcheck(f, inputs, EPS, ATOL, RTOL, true);
    }

    /**
     * {@code gradcheck(f, inputs, eps=eps, atol=atol, rtol=rtol, raise_exception=raise)}.
     *
     * @return true if the Jacobians agree; false on a mismatch when {@code raiseException} is false
     */
    public static boolean gradcheck(Function<Tensor[], Tensor> f, Tensor[] inputs, double eps, double atol,
            double rtol, boolean raiseException) {
        return check(in -> List.of(f.apply(in)), inputs, eps, atol, rtol, raiseException);
    }

    /**
     * Checks second derivatives: gradcheck of the vector-Jacobian product of {@code f} with fixed random
     * output gradients (seeded), with respect to the inputs and those gradients.
     */
    public static boolean gradgradcheck(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return gradgradcheck(f, inputs, EPS, ATOL, RTOL, true);
    }

    /** {@code gradgradcheck(f, inputs, eps=eps, atol=atol, rtol=rtol, raise_exception=raise)}. */
    public static boolean gradgradcheck(Function<Tensor[], Tensor> f, Tensor[] inputs, double eps, double atol,
            double rtol, boolean raiseException) {
        Tensor out = f.apply(inputs);
        Generator gen = new Generator(0);
        Tensor v = Torch.empty(out.shape(), out.dtype());
        if (out.dtype() == DType.FLOAT64) {
            gen.normal(A.storage(v).doubles(), 0, v.numel(), 0, 1);
        } else {
            gen.normal(A.storage(v).floats(), 0, v.numel(), 0, 1);
        }
        v.requiresGrad_();
        int n = inputs.length;
        Tensor[] all = Arrays.copyOf(inputs, n + 1);
        all[n] = v;
        Function<Tensor[], List<Tensor>> vjp = in -> {
            Tensor[] xs = Arrays.copyOf(in, n);
            Tensor o = f.apply(xs);
            List<Tensor> diff = new ArrayList<>();
            for (Tensor x : xs) {
                if (x != null && x.requiresGrad()) {
                    diff.add(x);
                }
            }
            List<Tensor> g = Autograd.grad(List.of(o), diff, List.of(in[n]), true, true, true);
            List<Tensor> res = new ArrayList<>();
            for (Tensor t : g) {
                if (t != null) {
                    res.add(t);
                }
            }
            return res;
        };
        return check(vjp, all, eps, atol, rtol, raiseException);
    }

    private static boolean check(Function<Tensor[], List<Tensor>> f, Tensor[] inputs, double eps, double atol,
            double rtol, boolean raise) {
        List<Integer> diffIdx = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != null && inputs[i].requiresGrad()) {
                diffIdx.add(i);
                if (inputs[i].dtype() != DType.FLOAT64) {
                    System.err.println("UserWarning: Input #" + i + " requires gradient and is not a double precision "
                            + "floating point or complex. This check will likely fail if all the inputs are not of "
                            + "double precision floating point or complex. ");
                }
            }
        }
        if (diffIdx.isEmpty()) {
            throw new IllegalArgumentException("gradcheck expects at least one input tensor to require gradient, but "
                    + "none of the them have requires_grad=True.");
        }
        List<Tensor> outputs = f.apply(inputs);
        for (int o = 0; o < outputs.size(); o++) {
            Tensor out = outputs.get(o);
            if (!out.dtype().isFloatingPoint()) {
                continue;
            }
            int nOut = out.numel();
            for (int k = 0; k < diffIdx.size(); k++) {
                int i = diffIdx.get(k);
                Tensor x = inputs[i];
                int nIn = x.numel();
                double[][] analytical = new double[nIn][nOut];
                double[][] numerical = new double[nIn][nOut];
                for (int c = 0; c < nOut; c++) {
                    Tensor onehot = Torch.zeros(out.shape(), out.dtype());
                    A.storage(onehot).setDouble(c, 1);
                    List<Tensor> fresh = f.apply(inputs);
                    Tensor y = fresh.get(o);
                    if (!y.requiresGrad()) {
                        continue;
                    }
                    Tensor g = Autograd.grad(List.of(y), List.of(x), List.of(onehot), false, false, true).get(0);
                    if (g != null) {
                        double[] gv = g.toDoubleArray();
                        for (int r = 0; r < nIn; r++) {
                            analytical[r][c] = gv[r];
                        }
                    }
                }
                int[] offs = new int[nIn];
                Copy.offsets(A.shape(x), A.strides(x), A.offset(x), offs);
                Storage s = A.storage(x);
                for (int r = 0; r < nIn; r++) {
                    double orig = s.getDouble(offs[r]);
                    s.setDouble(offs[r], orig - eps);
                    double[] minus = evaluate(f, inputs, o);
                    s.setDouble(offs[r], orig + eps);
                    double[] plus = evaluate(f, inputs, o);
                    s.setDouble(offs[r], orig);
                    for (int c = 0; c < nOut; c++) {
                        numerical[r][c] = (plus[c] - minus[c]) / (2 * eps);
                    }
                }
                if (!close(analytical, numerical, atol, rtol)) {
                    if (!raise) {
                        return false;
                    }
                    throw new GradcheckException("Jacobian mismatch for output " + o + " with respect to input " + k
                            + ",\nnumerical:" + matrix(numerical, x.dtype()) + "\nanalytical:"
                            + matrix(analytical, x.dtype()) + "\n");
                }
            }
        }
        return true;
    }

    private static double[] evaluate(Function<Tensor[], List<Tensor>> f, Tensor[] inputs, int o) {
        // Grad mode stays on: gradgradcheck's function itself calls autograd.grad.
        return f.apply(inputs).get(o).toDoubleArray();
    }

    private static boolean close(double[][] a, double[][] n, double atol, double rtol) {
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                double x = a[r][c];
                double y = n[r][c];
                if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Tensor matrix(double[][] m, DType dtype) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        double[] flat = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(m[r], 0, flat, r * cols, cols);
        }
        Tensor t = Torch.fromStorage(Storage.of(flat), rows, cols);
        return dtype == DType.FLOAT64 ? t : t.to(dtype);
    }
}
