package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.nn.Parameter;
import io.jgrad.optim.OptimizerFixtures.Case;
import io.jgrad.optim.OptimizerFixtures.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer and option combination of {@code fixtures/optim/optimizers.txt} (PyTorch 1.13, float32 and
 * float64) stepped in Java: with PyTorch's recorded gradients, with gradients from jgrad's own backward, and
 * resumed half-way from a state dict; parameters and state agree with PyTorch's to 1e-6 (relative to the
 * value where it exceeds 1: float32 state such as RMSprop's momentum buffer reaches 10, where 1e-6 is a few
 * float32 ulps; PyTorch's compiled kernels fuse some multiply-adds that jgrad rounds twice).
 */
class OptimizerFixtureTest {
    static final double TOL = 1e-6;
    /** The steps at which parameter c is in the loss (C_STEPS of gen_optim.py). */
    static final Set<Integer> C_STEPS = Set.of(0, 2, 3);

    /** Largest relative difference seen, per dtype (printed at the end). */
    static final Map<DType, Double> MAX_ERR = new java.util.concurrent.ConcurrentHashMap<>();

    @AfterAll
    static void report() {
        System.out.println("OptimizerFixtureTest: largest difference from PyTorch " + MAX_ERR);
    }

    static Stream<Case> cases() {
        return OptimizerFixtures.load().stream();
    }

    static void assertClose(double[] expected, Tensor actual, String what) {
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length, what + ": size");
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs(a[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
            MAX_ERR.merge(actual.dtype(), err, Math::max);
            if (!(err <= TOL)) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but was " + a[i]);
            }
        }
    }

    /** Sets PyTorch's gradients of step {@code k} and steps. */
    static void stepWithFixtureGrads(Optimizer opt, List<Parameter> ps, Case c, int k) {
        Step s = c.steps.get(k);
        for (int i = 0; i < ps.size(); i++) {
            double[] g = s.grads().get(i);
            ps.get(i).setGrad(g == null ? null : Torch.tensor(g, c.dtype).reshape(ps.get(i).shape()));
        }
        opt.step();
    }

    static void assertAfter(List<Parameter> ps, Case c, int k) {
        for (int i = 0; i < ps.size(); i++) {
            assertClose(c.steps.get(k).after().get(i), ps.get(i), c.name + " step " + k + " param " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stepsMatchPyTorch(Case c) {
        List<Parameter> ps = c.newParams();
        Optimizer opt = c.build(ps);
        for (int k = 0; k < c.steps.size(); k++) {
            stepWithFixtureGrads(opt, ps, c, k);
            assertAfter(ps, c, k);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stateDictMatchesPyTorch(Case c) {
        List<Parameter> ps = c.newParams();
        Optimizer opt = c.build(ps);
        for (int k = 0; k < c.steps.size(); k++) {
            stepWithFixtureGrads(opt, ps, c, k);
        }
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) opt.stateDict().get("state");
        assertEquals(c.state.keySet(), state.keySet(), c.name + ": parameters with state");
        for (Map.Entry<Integer, Map<String, Object>> e : c.state.entrySet()) {
            Map<String, Object> actual = state.get(e.getKey());
            assertEquals(e.getValue().keySet(), actual.keySet(), c.name + ": state keys of " + e.getKey());
            for (Map.Entry<String, Object> kv : e.getValue().entrySet()) {
                Object want = kv.getValue();
                Object got = actual.get(kv.getKey());
                String what = c.name + " state " + e.getKey() + " " + kv.getKey();
                if (want == null) {
                    assertNull(got, what);
                } else if (want instanceof Integer) {
                    assertEquals(want, got, what);
                } else {
                    assertInstanceOf(Tensor.class, got, what);
                    assertClose((double[]) want, (Tensor) got, what);
                    if (!kv.getKey().equals("step")) {
                        assertEquals(c.dtype, ((Tensor) got).dtype(), what + " dtype");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resumesFromStateDict(Case c) {
        List<Parameter> ps = c.newParams();
        Optimizer first = c.build(ps);
        int half = c.steps.size() / 2;
        for (int k = 0; k < half; k++) {
            stepWithFixtureGrads(first, ps, c, k);
        }
        Map<String, Object> sd = first.stateDict();
        // A new run over copies of the parameters, as after loading a checkpoint.
        List<Parameter> copies = new ArrayList<>();
        for (Parameter p : ps) {
            copies.add(new Parameter(p.detach().clone()));
        }
        Optimizer second = c.build(copies);
        second.loadStateDict(sd);
        for (int k = half; k < c.steps.size(); k++) {
            stepWithFixtureGrads(second, copies, c, k);
            assertAfter(copies, c, k);
        }
    }

    /** The loss of gen_optim.py: mean((tanh(x W + b) - y)^2), plus sum(wc * c^3) at the steps of C_STEPS. */
    static Tensor loss(Case c, List<Parameter> ps, int k) {
        Tensor x = c.data.get("x").tensor(c.dtype);
        Tensor y = c.data.get("y").tensor(c.dtype);
        Tensor wc = c.data.get("wc").tensor(c.dtype);
        Tensor l = x.matmul(ps.get(0)).add(ps.get(1)).tanh().sub(y).pow(2).mean();
        if (C_STEPS.contains(k)) {
            l = l.add(wc.mul(ps.get(2).pow(3)).sum());
        }
        return l;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainsLikePyTorchWithJgradGradients(Case c) {
        List<Parameter> ps = c.newParams();
        Optimizer opt = c.build(ps);
        for (int k = 0; k < c.steps.size(); k++) {
            opt.zeroGrad();
            loss(c, ps, k).backward();
            for (int i = 0; i < ps.size(); i++) {
                double[] want = c.steps.get(k).grads().get(i);
                if (want == null) {
                    assertNull(ps.get(i).grad(), c.name + " step " + k + " grad " + i);
                } else {
                    assertNotNull(ps.get(i).grad(), c.name + " step " + k + " grad " + i);
                    assertClose(want, ps.get(i).grad(), c.name + " step " + k + " grad " + i);
                }
            }
            int before = ps.get(0).version();
            opt.step();
            assertTrue(ps.get(0).version() > before, "step updates the parameters in place");
            assertAfter(ps, c, k);
        }
    }
}
