package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Autograd;
import io.jgrad.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * jgrad's nn functions against real PyTorch 1.13: every case of {@code fixtures/nn/cases.txt} (written by
 * {@code tools/fixtures/gen_nn.py}, format in its docstring) is run in Java and its output, input gradients
 * and updated running statistics compared with PyTorch's, to rtol 1e-10 in FLOAT64 and 1e-5 in FLOAT32; and
 * the seeded draws (Linear's init, dropout masks, nn.init) and a module's state_dict keys and repr are compared
 * exactly.
 */
class NnDifferentialTest {

    /** One "case" block of the fixture. */
    static final class Case {
        String op;
        String dtype;
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, Tensor> inputs = new LinkedHashMap<>();
        final List<String> grads = new ArrayList<>();
        Tensor out;
        final Map<String, Tensor> dx = new LinkedHashMap<>();
        final Map<String, Tensor> after = new LinkedHashMap<>();

        @Override
        public String toString() {
            return op + " " + dtype + " " + params;
        }
    }

    @TestFactory
    Stream<DynamicTest> pytorchCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Case cur = null;
        for (String line : read()) {
            String[] w = line.split(" ");
            switch (w[0]) {
                case "case":
                    cur = new Case();
                    cur.op = w[1];
                    cur.dtype = w[2];
                    for (int i = 3; i < w.length; i++) {
                        String[] kv = w[i].split("=", 2);
                        cur.params.put(kv[0], kv[1]);
                    }
                    break;
                case "in":
                    cur.inputs.put(w[1], parse(w[2], w[3], values(line)));
                    break;
                case "grad":
                    cur.grads.add(w[1]);
                    break;
                case "out":
                    cur.out = parse(cur.dtype, w[1], values(line));
                    break;
                case "dx":
                    cur.dx.put(w[1], parse(cur.dtype, w[2], values(line)));
                    break;
                case "after":
                    cur.after.put(w[1], parse(cur.dtype, w[2], values(line)));
                    break;
                case "end": {
                    Case c = cur;
                    tests.add(DynamicTest.dynamicTest(c.toString(), () -> check(c)));
                    break;
                }
                case "linear":
                    tests.add(DynamicTest.dynamicTest(line.substring(0, line.indexOf(':')), () -> checkLinear(line)));
                    break;
                case "dropout":
                    tests.add(DynamicTest.dynamicTest(line.substring(0, line.indexOf(':')), () -> checkDropout(line)));
                    break;
                case "init":
                    tests.add(DynamicTest.dynamicTest(line.substring(0, line.indexOf(':')), () -> checkInit(line)));
                    break;
                case "keys":
                    tests.add(DynamicTest.dynamicTest("state_dict keys", () ->
                            assertEquals(values(line), String.join(" ", new LR().stateDict().keySet()))));
                    break;
                case "repr":
                    tests.add(DynamicTest.dynamicTest("repr", () ->
                            assertEquals(values(line).replace("\\n", "\n"), new LR().toString())));
                    break;
                default:
                    if (!line.startsWith("#")) {
                        fail("unknown fixture line: " + line);
                    }
            }
        }
        return tests.stream();
    }

    /** The module whose state_dict keys and repr gen_nn.py records. */
    static class LR extends Module {
        Parameter x = new Parameter(Torch.zeros(2));
        Linear lin = new Linear(2, 2);
        BatchNorm1d bn = new BatchNorm1d(2);
        Sequential seq = new Sequential(new Linear(2, 3), new ReLU(), new LayerNorm(3), new Embedding(4, 3));
    }

    private static void check(Case c) {
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : c.inputs.entrySet()) {
            Tensor t = e.getValue().clone();
            in.put(e.getKey(), c.grads.contains(e.getKey()) ? t.requiresGrad_() : t);
        }
        Tensor out = run(c, in);
        assertClose(c.out, out, c.dtype, "output");
        if (!c.grads.isEmpty()) {
            List<Tensor> wrt = new ArrayList<>();
            for (String g : c.grads) {
                wrt.add(in.get(g));
            }
            List<Tensor> gs = Autograd.grad(List.of(out), wrt, List.of(in.get("gout")), false, false, true);
            for (int i = 0; i < wrt.size(); i++) {
                Tensor g = gs.get(i) == null ? Torch.zerosLike(wrt.get(i)) : gs.get(i);
                assertClose(c.dx.get(c.grads.get(i)), g, c.dtype, "grad of " + c.grads.get(i));
            }
        }
        for (Map.Entry<String, Tensor> e : c.after.entrySet()) {
            assertClose(e.getValue(), in.get(e.getKey()), c.dtype, e.getKey() + " after the call");
        }
    }

    private static Tensor run(Case c, Map<String, Tensor> in) {
        Map<String, String> p = c.params;
        Tensor x = in.get("x");
        Tensor t = in.get("t");
        Tensor w = p.containsKey("weight") ? in.get(p.get("weight")) : null;
        Tensor pw = p.containsKey("posWeight") ? in.get(p.get("posWeight")) : null;
        String red = p.getOrDefault("reduction", "mean");
        switch (c.op) {
            case "softmax": return Functional.softmax(x, Integer.parseInt(p.get("dim")));
            case "logSoftmax": return Functional.logSoftmax(x, Integer.parseInt(p.get("dim")));
            case "gelu": return Functional.gelu(x, p.get("approximate"));
            case "silu": return Functional.silu(x);
            case "softplus": return Functional.softplus(x, d(p, "beta"), d(p, "threshold"));
            case "mish": return Functional.mish(x);
            case "leakyRelu": return Functional.leakyRelu(x, d(p, "slope"));
            case "elu": return Functional.elu(x, d(p, "alpha"));
            case "selu": return Functional.selu(x);
            case "hardtanh": return Functional.hardtanh(x, d(p, "min"), d(p, "max"));
            case "logSigmoid": return Functional.logsigmoid(x);
            case "erf": return x.erf();
            case "sigmoid": return Functional.sigmoid(x);
            case "mse": return Functional.mseLoss(x, t, red);
            case "l1": return Functional.l1Loss(x, t, red);
            case "smoothL1": return Functional.smoothL1Loss(x, t, red, d(p, "beta"));
            case "huber": return Functional.huberLoss(x, t, red, d(p, "delta"));
            case "bce": return Functional.binaryCrossEntropy(x, t, w, red);
            case "bceLogits": return Functional.binaryCrossEntropyWithLogits(x, t, w, pw, red);
            case "crossEntropy":
                return Functional.crossEntropy(x, t, w, Long.parseLong(p.getOrDefault("ignoreIndex", "-100")), red,
                        Double.parseDouble(p.getOrDefault("labelSmoothing", "0")));
            case "nllLoss":
                return Functional.nllLoss(x, t, w, Long.parseLong(p.getOrDefault("ignoreIndex", "-100")), red);
            case "layerNorm":
                return Functional.layerNorm(x, dims(p.get("shape")), in.get("w"), in.get("b"),
                        Double.parseDouble(p.getOrDefault("eps", "1e-5")));
            case "batchNorm":
                return Functional.batchNorm(x, in.get("rm"), in.get("rv"), in.get("w"), in.get("b"),
                        Boolean.parseBoolean(p.get("training")), d(p, "momentum"), 1e-5);
            case "embedding":
                return Functional.embedding(in.get("idx"), in.get("w"),
                        p.containsKey("paddingIdx") ? Integer.valueOf(p.get("paddingIdx")) : null);
            case "linear": return Functional.linear(x, in.get("w"), in.get("b"));
            default: throw new AssertionError("no such op in the test: " + c.op);
        }
    }

    private static void checkLinear(String line) {
        String[] w = line.split(" ");
        Torch.manualSeed(Long.parseLong(w[1]));
        Linear fc = new Linear(Integer.parseInt(w[2]), Integer.parseInt(w[3]));
        String[] parts = values(line).split(" \\| ");
        assertArrayEquals(floats(parts[0]), fc.weight.toFloatArray(), "weight");
        assertArrayEquals(floats(parts[1]), fc.bias.toFloatArray(), "bias");
    }

    private static void checkDropout(String line) {
        String[] w = line.split(" ");
        Torch.manualSeed(Long.parseLong(w[1]));
        DType d = dtype(w[3]);
        Tensor out = Functional.dropout(Torch.ones(new int[] {Integer.parseInt(w[4])}, d), Double.parseDouble(w[2]));
        assertArrayEquals(doubles(values(line)), out.toDoubleArray(), 0.0);
    }

    private static void checkInit(String line) {
        String[] w = line.split(" ");
        Torch.manualSeed(Long.parseLong(w[2]));
        Tensor t = Torch.empty(new int[] {3, 4}, DType.FLOAT32);
        switch (w[1]) {
            case "xavierUniform": Init.xavierUniform_(t); break;
            case "xavierNormal": Init.xavierNormal_(t); break;
            case "kaimingUniform": Init.kaimingUniform_(t); break;
            default: Init.kaimingNormal_(t);
        }
        assertArrayEquals(floats(values(line)), t.toFloatArray(), w[1]);
    }

    // ------------------------------------------------------------------------------------------------

    private static void assertClose(Tensor expected, Tensor actual, String dtype, String what) {
        assertNotNull(actual, what);
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        boolean f64 = dtype.equals("f64");
        assertEquals(f64 ? DType.FLOAT64 : DType.FLOAT32, actual.dtype(), what + " dtype");
        double rtol = f64 ? 1e-10 : 1e-5;
        double atol = f64 ? 1e-12 : 1e-6;
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i]) : Double.isInfinite(e[i]) ? e[i] == a[i]
                    : Math.abs(a[i] - e[i]) <= atol + rtol * Math.abs(e[i]);
            if (!ok) {
                fail(what + " differs at " + i + ": expected " + e[i] + " but was " + a[i] + "\nexpected "
                        + Arrays.toString(e) + "\nactual   " + Arrays.toString(a));
            }
        }
    }

    private static List<String> read() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                NnDifferentialTest.class.getResourceAsStream("/fixtures/nn/cases.txt"), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank()) {
                    lines.add(l);
                }
            }
        }
        return lines;
    }

    private static String values(String line) {
        int i = line.indexOf(" : ");
        return i < 0 ? "" : line.substring(i + 3).trim();
    }

    private static Tensor parse(String dtype, String shape, String vals) {
        int[] s = shape.equals("-") ? new int[0] : dims(shape);
        if (dtype.equals("i64")) {
            long[] v = vals.isEmpty() ? new long[0] : Arrays.stream(vals.split(" ")).mapToLong(Long::parseLong).toArray();
            return Torch.tensor(v).reshape(s);
        }
        // Exact FLOAT64 values (Torch.tensor(double[], dtype) goes through FLOAT32), then the case's dtype.
        return Torch.fromStorage(Storage.of(doubles(vals)), s).to(dtype(dtype));
    }

    private static DType dtype(String d) {
        return d.equals("f64") ? DType.FLOAT64 : DType.FLOAT32;
    }

    private static int[] dims(String shape) {
        return Arrays.stream(shape.split("x")).mapToInt(Integer::parseInt).toArray();
    }

    private static double[] doubles(String vals) {
        return vals.isEmpty() ? new double[0] : Arrays.stream(vals.split(" "))
                .mapToDouble(v -> v.equals("inf") ? Double.POSITIVE_INFINITY : v.equals("-inf")
                        ? Double.NEGATIVE_INFINITY : v.equals("nan") ? Double.NaN : Double.parseDouble(v)).toArray();
    }

    private static float[] floats(String vals) {
        double[] d = doubles(vals);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static double d(Map<String, String> p, String key) {
        return Double.parseDouble(p.get(key));
    }
}
