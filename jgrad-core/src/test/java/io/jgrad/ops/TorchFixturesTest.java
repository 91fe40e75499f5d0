package io.jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Autograd;
import io.jgrad.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential tests against PyTorch 1.13: the fixtures under {@code fixtures/ops/} were written by
 * {@code tools/fixtures/gen_ops.py} with real PyTorch (the format is in its docstring). For every case this runs
 * the same op (by name, {@link FixtureOps}) or program ({@link FixtureProgram}) in jgrad and compares the output's
 * dtype and shape exactly, then its values, the gradients of {@code L = sum(out * w)} and the Hessian-vector
 * product {@code d/dx sum(grad * v)} (computed with {@code createGraph}) within tolerance: FLOAT64 cases to a
 * relative 1e-10 of each element (absolute floor 1e-12), cases with any FLOAT32 tensor to a relative 1e-5 of the
 * larger of the element and the tensor's largest magnitude (floor 1e-6); integer and boolean values exactly. A case where PyTorch raises must throw in jgrad too. One dynamic test per case.
 */
class TorchFixturesTest {

    static final double RTOL64 = 1e-10;
    static final double ATOL64 = 1e-12;
    static final double RTOL32 = 1e-5;
    static final double ATOL32 = 1e-6;

    @TestFactory
    Stream<DynamicTest> differentiable() {
        return tests("differentiable.txt", false);
    }

    /** The same cases with non-contiguous inputs (every other element of a wider tensor's last dimension). */
    @TestFactory
    Stream<DynamicTest> differentiableStrided() {
        return tests("differentiable.txt", true);
    }

    @TestFactory
    Stream<DynamicTest> nondifferentiable() {
        return tests("nondiff.txt", false);
    }

    @TestFactory
    Stream<DynamicTest> promotion() {
        return tests("promotion.txt", false);
    }

    @TestFactory
    Stream<DynamicTest> programs() {
        return tests("programs.txt", false);
    }

    /** Every row of the gradcheck table has fixtures, and every fixture names a known op. */
    @Test
    void fixturesCoverTheGradcheckTable() {
        Set<String> fixtureOps = new LinkedHashSet<>();
        for (String f : List.of("differentiable.txt", "nondiff.txt", "promotion.txt")) {
            for (Case c : load(f)) {
                fixtureOps.add(c.op);
            }
        }
        List<String> missing = OpGradcheckTest.OPS.stream().map(GradcheckTable.Op::name)
                .filter(n -> !fixtureOps.contains(n)).collect(Collectors.toList());
        assertTrue(missing.isEmpty(), "gradcheck rows without PyTorch fixtures: " + missing);
        List<String> unknown = fixtureOps.stream().filter(n -> !FixtureOps.OPS.containsKey(n))
                .collect(Collectors.toList());
        assertTrue(unknown.isEmpty(), "fixture ops without a jgrad call: " + unknown);
        List<String> unused = FixtureOps.OPS.keySet().stream().filter(n -> !fixtureOps.contains(n))
                .collect(Collectors.toList());
        assertTrue(unused.isEmpty(), "jgrad calls without fixtures: " + unused);
        assertTrue(load("programs.txt").size() >= 80, "programs");
    }

    // ------------------------------------------------------------------------------------------------
    // Fixture cases

    /** One tensor of a fixture: dtype, whether it requires grad (inputs only), shape, values as written. */
    record Spec(DType dtype, boolean requiresGrad, int[] shape, String[] values) {
        int numel() {
            return values.length;
        }

        double value(int i) {
            switch (values[i]) {
                case "nan": return Double.NaN;
                case "inf": return Double.POSITIVE_INFINITY;
                case "-inf": return Double.NEGATIVE_INFINITY;
                default: return Double.parseDouble(values[i]);
            }
        }

        @Override
        public String toString() {
            return dtype + Arrays.toString(shape);
        }
    }

    static final class Case {
        String name;
        String op;
        String error;
        final List<Spec> inputs = new ArrayList<>();
        final List<String> statements = new ArrayList<>();
        List<String> results;
        final List<Spec> outs = new ArrayList<>();
        final List<Spec> ws = new ArrayList<>();
        final List<Spec> grads = new ArrayList<>();
        final List<Spec> vs = new ArrayList<>();
        final List<Spec> hvps = new ArrayList<>();

        boolean anyFloat32() {
            return Stream.of(inputs, outs, grads).flatMap(List::stream).anyMatch(s -> s.dtype == DType.FLOAT32);
        }
    }

    static Stream<DynamicTest> tests(String file, boolean strided) {
        Stream<Case> cases = load(file).stream();
        if (strided) {
            cases = cases.filter(c -> c.inputs.stream().allMatch(s -> s.shape.length > 0));
        }
        return cases.map(c -> DynamicTest.dynamicTest(c.name + (strided ? " strided" : ""), () -> run(c, strided)));
    }

    static List<Case> load(String file) {
        String path = "/fixtures/ops/" + file;
        List<Case> cases = new ArrayList<>();
        try (InputStream in = TorchFixturesTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Case c = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int sp = line.indexOf(' ');
                String key = sp < 0 ? line : line.substring(0, sp);
                String rest = sp < 0 ? "" : line.substring(sp + 1);
                switch (key) {
                    case "case": c = new Case(); c.name = rest; break;
                    case "op": c.op = rest; break;
                    case "in": c.inputs.add(spec(rest, true)); break;
                    case "do": c.statements.add(rest); break;
                    case "result": c.results = Arrays.asList(rest.split(" ")); break;
                    case "out": c.outs.add(spec(rest, false)); break;
                    case "error": c.error = rest; break;
                    case "w": c.ws.add(spec(rest, false)); break;
                    case "grad": c.grads.add(spec(rest, false)); break;
                    case "v": c.vs.add(spec(rest, false)); break;
                    case "hvp": c.hvps.add(spec(rest, false)); break;
                    case "end": cases.add(c); c = null; break;
                    default: throw new IllegalStateException(path + ": bad line " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** "DTYPE [REQ] SHAPE : v v v". */
    static Spec spec(String text, boolean withReq) {
        int colon = text.indexOf(" : ");
        String[] head = text.substring(0, colon).split(" ");
        String body = text.substring(colon + 3).trim();
        DType dtype = DType.valueOf(head[0]);
        boolean req = withReq && head[1].equals("1");
        String sh = head[withReq ? 2 : 1];
        sh = sh.substring(1, sh.length() - 1);
        int[] shape = sh.isEmpty() ? new int[0] : Arrays.stream(sh.split(",")).mapToInt(Integer::parseInt).toArray();
        String[] values = body.isEmpty() ? new String[0] : body.split(" ");
        return new Spec(dtype, req, shape, values);
    }

    // ------------------------------------------------------------------------------------------------
    // Running a case

    /** A leaf with the spec's exact values; strided: every other element of a tensor twice as wide. */
    static Tensor leaf(Spec s, boolean strided) {
        int n = s.numel();
        int[] shape = s.shape.clone();
        int last = shape.length - 1;
        boolean wide = strided && shape.length > 0;
        int[] storageShape = shape.clone();
        if (wide) {
            storageShape[last] *= 2;
        }
        int stride = wide ? 2 : 1;
        Storage st;
        switch (s.dtype) {
            case FLOAT64: {
                double[] a = new double[n * stride];
                for (int i = 0; i < n; i++) {
                    a[i * stride] = s.value(i);
                }
                st = Storage.of(a);
                break;
            }
            case FLOAT32: {
                float[] a = new float[n * stride];
                for (int i = 0; i < n; i++) {
                    a[i * stride] = (float) s.value(i);
                }
                st = Storage.of(a);
                break;
            }
            case INT64: {
                long[] a = new long[n * stride];
                for (int i = 0; i < n; i++) {
                    a[i * stride] = Long.parseLong(s.values[i]);
                }
                st = Storage.of(a);
                break;
            }
            default: {
                boolean[] a = new boolean[n * stride];
                for (int i = 0; i < n; i++) {
                    a[i * stride] = s.values[i].equals("1");
                }
                st = Storage.of(a);
            }
        }
        Tensor t = Torch.fromStorage(st, storageShape);
        if (wide) {
            t = t.slice(last, 0, storageShape[last], 2).detach();
            assertTrue(t.numel() <= 1 || !t.isContiguous(), "strided input is contiguous");
        }
        return s.requiresGrad ? t.requiresGrad_() : t;
    }

    static void run(Case c, boolean strided) {
        try {
            check(c, strided);
        } catch (RuntimeException e) {
            throw new AssertionError(c.name + ": jgrad throws " + e, e);
        }
    }

    static void check(Case c, boolean strided) {
        Tensor[] xs = c.inputs.stream().map(s -> leaf(s, strided)).toArray(Tensor[]::new);
        List<String> problems = new ArrayList<>();
        Function<Tensor[], List<Tensor>> body;
        if (c.op != null) {
            Function<Tensor[], Tensor> op = FixtureOps.OPS.get(c.op);
            assertTrue(op != null, "no jgrad call for op " + c.op);
            body = in -> List.of(op.apply(in));
        } else {
            body = in -> FixtureProgram.run(c.statements, c.results, in);
        }
        if (c.error != null) {
            try {
                List<Tensor> got = body.apply(xs);
                fail(c.name + ": PyTorch raises \"" + c.error + "\"; jgrad returned " + got);
            } catch (RuntimeException expected) {
                return;
            }
        }
        double rtol = c.anyFloat32() ? RTOL32 : RTOL64;
        double atol = c.anyFloat32() ? ATOL32 : ATOL64;

        List<Tensor> outs = body.apply(xs);
        assertEquals(c.outs.size(), outs.size(), "number of outputs");
        for (int k = 0; k < outs.size(); k++) {
            compare("out" + (outs.size() > 1 ? "[" + k + "]" : ""), c.outs.get(k), outs.get(k), rtol, atol, problems);
        }
        boolean expectGrad = !c.ws.isEmpty();
        for (int k = 0; k < outs.size(); k++) {
            if (outs.get(k).requiresGrad() != expectGrad) {
                problems.add("out" + k + ".requiresGrad(): PyTorch " + expectGrad + ", jgrad " + outs.get(k).requiresGrad());
            }
        }
        if (!expectGrad || !problems.isEmpty()) {
            report(c, problems);
            return;
        }

        // L = sum_k sum(out_k * w_k); first-order gradients with createGraph, then the Hessian-vector product
        List<Tensor> diff = new ArrayList<>();
        for (Tensor x : xs) {
            if (x.requiresGrad()) {
                diff.add(x);
            }
        }
        Tensor loss = null;
        for (int k = 0; k < outs.size(); k++) {
            Tensor term = outs.get(k).mul(leaf(c.ws.get(k), false)).sum();
            loss = loss == null ? term : loss.add(term);
        }
        List<Tensor> grads = Autograd.grad(List.of(loss), diff, null, true, true, true);
        Tensor hvTarget = null;
        for (int i = 0; i < diff.size(); i++) {
            Tensor g = grads.get(i) == null ? Torch.zerosLike(diff.get(i)) : grads.get(i);
            compare("grad[" + i + "]", c.grads.get(i), g, rtol, atol, problems);
            if (g.requiresGrad()) {
                Tensor term = g.mul(leaf(c.vs.get(i), false)).sum();
                hvTarget = hvTarget == null ? term : hvTarget.add(term);
            }
        }
        if (!problems.isEmpty()) {
            report(c, problems);
            return;
        }
        List<Tensor> hvps = hvTarget == null ? null : Autograd.grad(List.of(hvTarget), diff, null, false, false, true);
        for (int i = 0; i < diff.size(); i++) {
            Tensor h = hvps == null || hvps.get(i) == null ? Torch.zerosLike(diff.get(i)) : hvps.get(i);
            compare("hvp[" + i + "]", c.hvps.get(i), h, rtol, atol, problems);
        }
        report(c, problems);
    }

    static void report(Case c, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(c.name + ":\n  " + String.join("\n  ", problems));
        }
    }

    /** Exact dtype and shape; exact integer/bool values; floating values within rtol/atol. */
    static void compare(String what, Spec expected, Tensor actual, double rtol, double atol, List<String> problems) {
        if (actual.dtype() != expected.dtype || !Arrays.equals(actual.shape(), expected.shape)) {
            problems.add(what + ": expected " + expected + ", got " + actual.dtype() + Arrays.toString(actual.shape()));
            return;
        }
        int n = expected.numel();
        List<String> bad = new ArrayList<>();
        switch (expected.dtype) {
            case INT64: {
                long[] a = actual.toLongArray();
                for (int i = 0; i < n; i++) {
                    if (a[i] != Long.parseLong(expected.values[i])) {
                        bad.add("[" + i + "] expected " + expected.values[i] + ", got " + a[i]);
                    }
                }
                break;
            }
            case BOOL: {
                boolean[] a = actual.toBooleanArray();
                for (int i = 0; i < n; i++) {
                    if (a[i] != expected.values[i].equals("1")) {
                        bad.add("[" + i + "] expected " + expected.values[i].equals("1") + ", got " + a[i]);
                    }
                }
                break;
            }
            default: {
                double[] a = actual.toDoubleArray();
                // FLOAT32: relative to the larger of the element and the tensor's largest magnitude, since an
                // element that is a sum of larger terms (a Hessian-vector product, a reduction) carries their
                // rounding; FLOAT64 (six orders of magnitude above its epsilon): relative to the element.
                double scale = 0;
                if (rtol == RTOL32) {
                    for (int i = 0; i < n; i++) {
                        double e = expected.value(i);
                        if (Double.isFinite(e)) {
                            scale = Math.max(scale, Math.abs(e));
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    double e = expected.value(i);
                    boolean ok = Double.isNaN(e) ? Double.isNaN(a[i])
                            : e == a[i] || Math.abs(a[i] - e) <= atol + rtol * Math.max(Math.abs(e), scale);
                    if (!ok) {
                        bad.add("[" + i + "] expected " + e + ", got " + a[i]);
                    }
                }
            }
        }
        if (!bad.isEmpty()) {
            problems.add(what + " " + expected + ": " + bad.size() + " of " + n + " differ: "
                    + String.join(", ", bad.subList(0, Math.min(bad.size(), 6))) + (bad.size() > 6 ? ", ..." : ""));
        }
    }
}
