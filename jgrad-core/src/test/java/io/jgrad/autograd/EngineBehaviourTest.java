package io.jgrad.autograd;

import static io.jgrad.Torch.ones;
import static io.jgrad.Torch.scalar;
import static io.jgrad.Torch.tensor;
import static io.jgrad.Torch.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine's behaviour, case by case, against PyTorch 1.13.
 *
 * <p>Every expected value (printed tensors, grad_fn names, versions) was printed by real PyTorch: either in
 * {@code /work/shared/reference/torch-features.out} or by {@code tools/fixtures/gen_engine_cases.py}
 * ({@code /usr/bin/python3 tools/fixtures/gen_engine_cases.py}), whose block each test names. Nothing here was
 * copied from jgrad's own output.
 */
class EngineBehaviourTest {

    static Tensor onesRg(int... shape) {
        return ones(shape).requiresGrad_();
    }

    /** Python's repr of a tuple of tensors: {@code (tensor([1., 1.]),)} or {@code (tensor([2., 2.]), None)}. */
    static String tuple(Tensor[] ts) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < ts.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(ts[i] == null ? "None" : ts[i].toString());
        }
        return b.append(ts.length == 1 ? ",)" : ")").toString();
    }

    // ---------------------------------------------------------------------------------------------------
    // Graph structure: requires_grad, is_leaf, grad_fn, next_functions (gen_engine_cases.py "propagation")

    @Test
    void requiresGradPropagationAndIsLeaf() {
        Tensor a = ones(2);
        Tensor b = onesRg(2);
        // a+a False True
        assertFalse(a.add(a).requiresGrad());
        assertTrue(a.add(a).isLeaf());
        // a+b True False AddBackward0
        Tensor s = a.add(b);
        assertTrue(s.requiresGrad());
        assertFalse(s.isLeaf());
        assertEquals("AddBackward0", s.gradFn().name());
        // b leaf True None
        assertTrue(b.isLeaf());
        assertNull(b.gradFn());
        // is_leaf of non-requiring tensor True (torch-features.out "attrs")
        assertTrue(zeros(2).isLeaf());
        assertNull(zeros(2).gradFn());
    }

    @Test
    void gradFnNamesAndNextFunctions() {
        Tensor a = ones(2);
        Tensor b = onesRg(2);
        // x*2 MulBackward0 [('AccumulateGrad', 0), (None, 0)]
        Tensor y = b.mul(2.0);
        assertEquals("MulBackward0", y.gradFn().name());
        assertEquals("<MulBackward0>", y.gradFn().toString());
        assertEquals("[(<AccumulateGrad>, 0), (None, 0)]", y.gradFn().nextFunctions().toString());
        Edge none = y.gradFn().nextFunctions().get(1);
        assertNull(none.node());
        assertEquals(0, none.inputNr());
        assertEquals("AccumulateGrad", y.gradFn().nextFunctions().get(0).node().name());
        // sum SumBackward0 [('MulBackward0', 0)]; its next: [('AccumulateGrad', 0), (None, 0)]
        Tensor z = b.mul(a).sum();
        assertEquals("SumBackward0", z.gradFn().name());
        assertEquals("[(<MulBackward0>, 0)]", z.gradFn().nextFunctions().toString());
        assertEquals("[(<AccumulateGrad>, 0), (None, 0)]",
                z.gradFn().nextFunctions().get(0).node().nextFunctions().toString());
        // exp.mul [('ExpBackward0', 0), ('AccumulateGrad', 0)]
        assertEquals("[(<ExpBackward0>, 0), (<AccumulateGrad>, 0)]", b.exp().mul(b).gradFn().nextFunctions().toString());
        // mm MmBackward0 [('AccumulateGrad', 0), ('AccumulateGrad', 0)]
        Tensor c = onesRg(2, 2);
        Tensor m = c.mm(c);
        assertEquals("MmBackward0", m.gradFn().name());
        assertEquals("[(<AccumulateGrad>, 0), (<AccumulateGrad>, 0)]", m.gradFn().nextFunctions().toString());
        // one AccumulateGrad per leaf True
        Node p = b.mul(2.0).gradFn().nextFunctions().get(0).node();
        Node q = b.mul(3.0).gradFn().nextFunctions().get(0).node();
        assertSame(p, q);
    }

    // ---------------------------------------------------------------------------------------------------
    // Accumulation (gen_engine_cases.py "accumulation")

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Tensor x = onesRg(2);
        assertNull(x.grad());
        x.mul(3.0).sum().backward();
        assertEquals("tensor([3., 3.])", x.grad().toString()); // first
        x.mul(x).sum().backward();
        assertEquals("tensor([5., 5.])", x.grad().toString()); // second
        x.grad().zero_();
        assertEquals("tensor([0., 0.])", x.grad().toString()); // zeroed
        x.mul(4.0).sum().backward();
        assertEquals("tensor([4., 4.])", x.grad().toString()); // after zero_
        x.setGrad(tensor(10.0, 20.0));
        x.mul(1.0).sum().backward();
        assertEquals("tensor([11., 21.])", x.grad().toString()); // after set
        x.setGrad(null);
        assertNull(x.grad());
        x.mul(5.0).sum().backward();
        assertEquals("tensor([5., 5.])", x.grad().toString()); // after None
    }

    @Test
    void nonLeafGradIsNullUnlessRetained() {
        // y = x * 2; z = y * 3; y.retain_grad(); (z * z).sum().backward()
        // -> y.grad tensor([36., 36.]) z.grad None x.grad tensor([72., 72.]) True False
        Tensor x = onesRg(2);
        Tensor y = x.mul(2.0);
        Tensor z = y.mul(3.0);
        y.retainGrad();
        z.mul(z).sum().backward();
        assertEquals("tensor([36., 36.])", y.grad().toString());
        assertNull(z.grad());
        assertEquals("tensor([72., 72.])", x.grad().toString());
        assertTrue(y.retainsGrad());
        assertFalse(z.retainsGrad());
    }

    // ---------------------------------------------------------------------------------------------------
    // Tensor hooks (torch-features.out "tensor hooks"; gen_engine_cases.py "tensor hooks", "leaf hook replace")

    @Test
    void tensorHooksOnLeafAndNonLeaf() {
        List<String> log = new ArrayList<>();
        Tensor x = onesRg(2);
        Tensor y = x.mul(2.0);
        RemovableHandle hy = y.registerHook(g -> {
            log.add("y hook got " + g);
            return g.mul(10.0);
        });
        x.registerHook(g -> {
            log.add("x hook got " + g);
            return null;
        });
        y.sum().backward(null, true);
        assertEquals(List.of("y hook got tensor([1., 1.])", "x hook got tensor([20., 20.])"), log);
        assertEquals("tensor([20., 20.])", x.grad().toString());
        hy.remove();
        x.setGrad(null);
        log.clear();
        y.sum().backward();
        assertEquals(List.of("x hook got tensor([2., 2.])"), log);
        assertEquals("tensor([2., 2.])", x.grad().toString()); // after remove x.grad
    }

    @Test
    void leafHookReplacesGradientAndRemoveWorks() {
        // h = x.register_hook(lambda g: g + 100); (x * 2).sum().backward() -> replaced tensor([102., 102.])
        // h.remove(); (x * 2).sum().backward() -> removed tensor([104., 104.])
        Tensor x = onesRg(2);
        RemovableHandle h = x.registerHook(g -> g.add(100.0));
        x.mul(2.0).sum().backward();
        assertEquals("tensor([102., 102.])", x.grad().toString());
        h.remove();
        h.remove(); // a second remove does nothing
        x.mul(2.0).sum().backward();
        assertEquals("tensor([104., 104.])", x.grad().toString());
    }

    // ---------------------------------------------------------------------------------------------------
    // Node hooks (torch-features.out "Node hooks"; gen_engine_cases.py "Node hooks", "Node hooks replace")

    @Test
    void nodePreAndPostHooks() {
        List<String> log = new ArrayList<>();
        Tensor x = onesRg(2);
        Tensor y = x.mul(tensor(2.0, 2.0));
        y.gradFn().registerPrehook(go -> {
            log.add("pre hook: " + tuple(go));
            return null;
        });
        y.gradFn().registerHook((gi, go) -> {
            log.add("post hook: grad_inputs " + tuple(gi) + " grad_outputs " + tuple(go));
            return null;
        });
        Tensor loss = y.sum();
        loss.backward();
        assertEquals(List.of("pre hook: (tensor([1., 1.]),)",
                "post hook: grad_inputs (tensor([2., 2.]), None) grad_outputs (tensor([1., 1.]),)"), log);
        assertEquals("tensor([2., 2.])", x.grad().toString());
        // the saved tensors of MulBackward0 are freed: the second backward fails as in the reference
        assertEquals(ErrorMessagesTest.FREED, assertThrows(RuntimeException.class, loss::backward).getMessage());
    }

    @Test
    void nodeHooksReplaceGradients() {
        // pre hook returns (go[0] * 3,), post hook returns (gi[0] + 1, None) -> x.grad tensor([7., 7.])
        Tensor x = onesRg(2);
        Tensor y = x.mul(tensor(2.0, 2.0));
        y.gradFn().registerPrehook(go -> new Tensor[] {go[0].mul(3.0)});
        y.gradFn().registerHook((gi, go) -> new Tensor[] {gi[0].add(1.0), null});
        y.sum().backward();
        assertEquals("tensor([7., 7.])", x.grad().toString());
    }

    @Test
    void nodeHookRemove() {
        // Removing both hooks gives the plain gradient of y = x * [2., 2.]: tensor([2., 2.]) ("Node hooks").
        Tensor x = onesRg(2);
        Tensor y = x.mul(tensor(2.0, 2.0));
        RemovableHandle pre = y.gradFn().registerPrehook(go -> new Tensor[] {go[0].mul(3.0)});
        RemovableHandle post = y.gradFn().registerHook((gi, go) -> new Tensor[] {gi[0].add(1.0), null});
        pre.remove();
        post.remove();
        y.sum().backward();
        assertEquals("tensor([2., 2.])", x.grad().toString());
    }

    // ---------------------------------------------------------------------------------------------------
    // retain_graph / freeing (torch-features.out "retain_graph"; torch-errors-1.out "backward twice")

    @Test
    void retainGraphAllowsSecondBackwardWithAccumulation() {
        // y = (x * x).sum(); y.backward(retain_graph=True); y.backward() -> tensor([4., 4.])
        Tensor x = onesRg(2);
        Tensor y = x.mul(x).sum();
        y.backward(null, true);
        y.backward();
        assertEquals("tensor([4., 4.])", x.grad().toString());
        // ... and now the graph is freed
        assertEquals(ErrorMessagesTest.FREED, assertThrows(RuntimeException.class, y::backward).getMessage());
    }

    @Test
    void savedTensorsFreedAfterBackwardKeptWithRetainGraph() {
        Tensor x = onesRg(3);
        Tensor kept = x.exp().sum();
        Autograd.grad(List.of(kept), List.of(x), null, true, false, false);
        Autograd.grad(List.of(kept), List.of(x), null, true, false, false);
        kept.backward();
        assertEquals(ErrorMessagesTest.FREED, assertThrows(RuntimeException.class, kept::backward).getMessage());

        Tensor freed = x.exp().sum();
        Autograd.grad(freed, x);
        assertEquals(ErrorMessagesTest.FREED,
                assertThrows(RuntimeException.class, () -> Autograd.grad(freed, x)).getMessage());
    }

    // ---------------------------------------------------------------------------------------------------
    // create_graph (gen_engine_cases.py "create_graph", "hvp", "multi grad"; torch-errors-1.out "higher order")

    @Test
    void secondDerivativeOfSquare() {
        // g, = grad(x * x, x, create_graph=True) -> tensor(6., grad_fn=<AddBackward0>); grad(g, x) -> tensor(2.)
        Tensor x = scalar(3.0).requiresGrad_();
        Tensor g = Autograd.grad(List.of(x.mul(x)), List.of(x), null, false, true, false).get(0);
        assertEquals("tensor(6., grad_fn=<AddBackward0>)", g.toString());
        Tensor gg = Autograd.grad(g, x).get(0);
        assertEquals("tensor(2.)", gg.toString());
    }

    @Test
    void thirdDerivativeOfCube() {
        // x = 2; y = x ** 3 -> 12, 12, 6
        Tensor x = scalar(2.0).requiresGrad_();
        Tensor y = x.pow(3);
        Tensor g1 = Autograd.grad(List.of(y), List.of(x), null, false, true, false).get(0);
        Tensor g2 = Autograd.grad(List.of(g1), List.of(x), null, false, true, false).get(0);
        Tensor g3 = Autograd.grad(g2, x).get(0);
        assertEquals(12.0, g1.item());
        assertTrue(g1.requiresGrad());
        assertEquals(12.0, g2.item());
        assertTrue(g2.requiresGrad());
        assertEquals("tensor(6.)", g3.toString());
    }

    @Test
    void backwardWithCreateGraphMakesDifferentiableGrad() {
        // (x ** 3).backward(create_graph=True) -> x.grad tensor(27., grad_fn=<CopyBackwards>)
        // gx = x.grad; x.grad = None; gx.backward() -> x.grad tensor(18.)
        Tensor x = scalar(3.0).requiresGrad_();
        x.pow(3).backward(null, false, true);
        assertEquals("tensor(27., grad_fn=<CopyBackwards>)", x.grad().toString());
        Tensor gx = x.grad();
        x.setGrad(null);
        gx.backward();
        assertEquals("tensor(18.)", x.grad().toString());
    }

    @Test
    void hessianVectorProduct() {
        // f(x) = x0^2 * x1 + x1^3 at x = (1, 2), v = (1, -1).
        // By hand: grad = (2 x0 x1, x0^2 + 3 x1^2) = (4, 13); H = [[2 x1, 2 x0], [2 x0, 6 x1]] = [[4, 2], [2, 12]];
        // H v = (4 - 2, 2 - 12) = (2, -10). PyTorch: grad tensor([ 4., 13.], ...) hvp tensor([  2., -10.])
        Tensor x = tensor(1.0, 2.0).requiresGrad_();
        Tensor v = tensor(1.0, -1.0);
        Tensor f = x.get(0).pow(2).mul(x.get(1)).add(x.get(1).pow(3));
        Tensor g = Autograd.grad(List.of(f), List.of(x), null, false, true, false).get(0);
        assertArrayEquals(new double[] {4, 13}, g.toDoubleArray());
        assertTrue(g.requiresGrad());
        Tensor hv = Autograd.grad(List.of(g), List.of(x), List.of(v), false, false, false).get(0);
        assertEquals("tensor([  2., -10.])", hv.toString());
    }

    @Test
    void gradWithSeveralOutputsInputsAndGradOutputs() {
        // a = [1, 2], b = [3, 4]; y1 = a * b; y2 = (a * a).sum()
        // grad([y1, y2], [a, b], grad_outputs=[[1, 10], 2]) -> (tensor([ 7., 48.]), tensor([ 1., 20.]))
        Tensor a = tensor(1.0, 2.0).requiresGrad_();
        Tensor b = tensor(3.0, 4.0).requiresGrad_();
        Tensor y1 = a.mul(b);
        Tensor y2 = a.mul(a).sum();
        List<Tensor> gs = Autograd.grad(List.of(y1, y2), List.of(a, b), List.of(tensor(1.0, 10.0), scalar(2.0)),
                false, false, false);
        assertEquals("tensor([ 7., 48.])", gs.get(0).toString());
        assertEquals("tensor([ 1., 20.])", gs.get(1).toString());
        assertNull(a.grad(), "autograd.grad does not accumulate");
        assertNull(b.grad());
    }

    @Test
    void gradWrtNonLeaf() {
        // x = ones(2); y = x * 2; grad((y * y).sum(), y) -> (tensor([4., 4.]),)  (torch-features.out)
        Tensor x = onesRg(2);
        Tensor y = x.mul(2.0);
        List<Tensor> g = Autograd.grad(y.mul(y).sum(), y);
        assertEquals("tensor([4., 4.])", g.get(0).toString());
        assertNull(x.grad());
    }

    @Test
    void backwardInputsOnlyAccumulatesIntoInputs() {
        // z = (a + b).sum(); z.backward(inputs=[a]) -> a.grad tensor([1., 1.]) b.grad None  (torch-features.out)
        Tensor a = onesRg(2);
        Tensor b = onesRg(2);
        Autograd.backward(List.of(a.add(b).sum()), null, false, false, List.of(a));
        assertEquals("tensor([1., 1.])", a.grad().toString());
        assertNull(b.grad());
    }

    // ---------------------------------------------------------------------------------------------------
    // Grad mode (gen_engine_cases.py "grad modes", "threads")

    @Test
    void gradModesNestAsTryWithResources() {
        // with no_grad: a = x*2; with enable_grad: b = x*2; c = x*2 -> False True False
        Tensor x = onesRg(2);
        Tensor a;
        Tensor b;
        Tensor c;
        try (var g1 = Torch.noGrad()) {
            a = x.mul(2.0);
            assertFalse(Torch.isGradEnabled());
            try (var g2 = Torch.enableGrad()) {
                b = x.mul(2.0);
                assertTrue(Torch.isGradEnabled());
            }
            c = x.mul(2.0);
            assertFalse(Torch.isGradEnabled());
        }
        assertTrue(Torch.isGradEnabled());
        assertFalse(a.requiresGrad());
        assertTrue(b.requiresGrad());
        assertFalse(c.requiresGrad());
        // no_grad result is_leaf True False (torch-features.out "attrs")
        assertTrue(a.isLeaf());
    }

    @Test
    void setGradEnabledTakesEffectAtOnce() {
        // torch.set_grad_enabled(False); d = x * 2; torch.set_grad_enabled(True) -> d.requires_grad False
        Tensor x = onesRg(2);
        try {
            Torch.setGradEnabled(false);
            Tensor d = x.mul(2.0);
            assertFalse(d.requiresGrad());
        } finally {
            Torch.setGradEnabled(true);
        }
        assertTrue(Torch.isGradEnabled());
        try (var g = Torch.setGradEnabled(false)) {
            assertFalse(x.mul(2.0).requiresGrad());
        }
        assertTrue(Torch.isGradEnabled(), "closing the guard restores the previous mode");
    }

    @Test
    void gradModeLambdas() {
        Tensor x = onesRg(2);
        assertFalse(Torch.noGrad(() -> x.mul(2.0)).requiresGrad());
        AtomicBoolean inside = new AtomicBoolean(true);
        Torch.noGrad(() -> inside.set(Torch.isGradEnabled()));
        assertFalse(inside.get());
        Tensor e = Torch.noGrad(() -> Torch.enableGrad(() -> x.mul(2.0)));
        assertTrue(e.requiresGrad());
        assertTrue(Torch.isGradEnabled());
    }

    @Test
    void gradModeIsRestoredWhenBodyThrows() {
        assertThrows(IllegalStateException.class, () -> Torch.noGrad((Runnable) () -> {
            throw new IllegalStateException("boom");
        }));
        assertTrue(Torch.isGradEnabled());
    }

    @Test
    @Timeout(30)
    void gradModeIsPerThread() throws Exception {
        // with no_grad: another thread sees is_grad_enabled() True -> main False other True
        AtomicBoolean other = new AtomicBoolean(false);
        AtomicBoolean otherRecords = new AtomicBoolean(false);
        try (var g = Torch.noGrad()) {
            Thread t = new Thread(() -> {
                other.set(Torch.isGradEnabled());
                otherRecords.set(onesRg(2).mul(2.0).requiresGrad());
            });
            t.start();
            t.join();
            assertFalse(Torch.isGradEnabled());
        }
        assertTrue(other.get());
        assertTrue(otherRecords.get());
    }

    // ---------------------------------------------------------------------------------------------------
    // detach / detach_ / data / version counter (torch-features.out "attrs", "version counter")

    @Test
    void attrsBlock() {
        Tensor x = onesRg(2);
        assertEquals(0, x.version()); // x._version 0
        Tensor y = x.mul(2.0);
        assertEquals(0, y.version()); // y._version 0 y.is_leaf False y.requires_grad True
        assertFalse(y.isLeaf());
        assertTrue(y.requiresGrad());
        y.add_(1.0);
        assertEquals(1, y.version()); // after add_ y._version 1 tensor([3., 3.], grad_fn=<AddBackward0>)
        assertEquals("tensor([3., 3.], grad_fn=<AddBackward0>)", y.toString());
        y.retainGrad();
        assertTrue(y.retainsGrad()); // y.retains_grad True
        y.sum().backward();
        assertEquals("tensor([2., 2.])", x.grad().toString()); // x.grad tensor([2., 2.]) y.grad tensor([1., 1.])
        assertEquals("tensor([1., 1.])", y.grad().toString());
        x.mul(3.0).sum().backward();
        assertEquals("tensor([5., 5.])", x.grad().toString()); // x.grad accumulates tensor([5., 5.])

        // detach shares storage: True d._version 1 False True
        Tensor d = y.detach();
        assertEquals(1, d.version());
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        d.add_(1.0);
        // after d.add_ y._version 2 tensor([4., 4.], grad_fn=<AddBackward0>)  (shared storage and counter)
        assertEquals(2, y.version());
        assertEquals("tensor([4., 4.], grad_fn=<AddBackward0>)", y.toString());

        // after detach_ y2 tensor([2., 2.]) True None
        Tensor y2 = x.mul(2.0);
        assertSame(y2, y2.detach_());
        assertEquals("tensor([2., 2.])", y2.toString());
        assertTrue(y2.isLeaf());
        assertNull(y2.gradFn());
        assertFalse(y2.requiresGrad());

        // requires_grad_() tensor([0., 0.], requires_grad=True)
        assertEquals("tensor([0., 0.], requires_grad=True)", zeros(2).requiresGrad_().toString());

        // dd = y.data; dd.add_(1) -> after data add_ y._version 2 tensor([5., 5.], grad_fn=<AddBackward0>) False 1
        Tensor dd = y.data();
        dd.add_(1.0);
        assertEquals(2, y.version());
        assertEquals("tensor([5., 5.], grad_fn=<AddBackward0>)", y.toString());
        assertFalse(dd.requiresGrad());
        assertEquals(1, dd.version());
    }

    @Test
    void dataWritesAreNotSeenBySavedTensorChecks() {
        // a = x * 2; b = a * a; a.data.mul_(2); b.sum().backward() -> no error, x.grad tensor([16., 16., 16.])
        // (contrast: a.detach().mul_(2) raises, see ErrorMessagesTest.detachSharesVersionCounter)
        Tensor x = onesRg(3);
        Tensor a = x.mul(2.0);
        Tensor b = a.mul(a);
        a.data().mul_(2.0);
        b.sum().backward();
        assertEquals("tensor([16., 16., 16.])", x.grad().toString());
    }

    @Test
    void versionCounterBlock() {
        Tensor x = onesRg(3);
        Tensor c = x.clone();
        assertEquals(0, c.version()); // clone version 0
        c.set(5.0, 0);
        assertEquals(1, c.version()); // after setitem 1
        c.mul_(2.0);
        assertEquals(2, c.version()); // after mul_ 2
        Tensor v = c.slice(0, 0, 2);
        v.add_(1.0);
        assertEquals(3, c.version()); // view add_ bumps base 3 3
        assertEquals(3, v.version());
        c.data().add_(1.0);
        assertEquals(3, c.version()); // .data add_ does not bump 3
        assertEquals("tensor([12.,  4.,  3.], grad_fn=<CopySlices>)", c.toString());
    }

    // ---------------------------------------------------------------------------------------------------
    // In-place ops and autograd (torch-features.out "grad_fn after in-place")

    @Test
    void gradFnAfterInPlace() {
        // y = x + 1; print(y); y[0] = 5.; print(y); v = y[0:1]; v.mul_(2); print(y, v)
        Tensor x = onesRg(2);
        Tensor y = x.add(1.0);
        assertEquals("tensor([2., 2.], grad_fn=<AddBackward0>)", y.toString());
        y.set(5.0, 0);
        assertEquals("tensor([5., 2.], grad_fn=<CopySlices>)", y.toString());
        Tensor v = y.slice(0, 0, 1);
        v.mul_(2.0);
        assertEquals("tensor([10.,  2.], grad_fn=<CopySlices>)", y.toString());
        assertEquals("tensor([10.], grad_fn=<AsStridedBackward0>)", v.toString());
        // y.sum().backward() -> x.grad tensor([0., 1.])
        y.sum().backward();
        assertEquals("tensor([0., 1.])", x.grad().toString());
    }

    @Test
    void copySlicesGradient() {
        // x = [1., 2., 3.]; y = x * 1; y[1] = x[0] * x[2]; y.sum().backward() -> x.grad tensor([4., 0., 2.])
        Tensor x = tensor(1.0, 2.0, 3.0).requiresGrad_();
        Tensor y = x.mul(1.0);
        y.set(x.get(0).mul(x.get(2)), 1);
        y.sum().backward();
        assertEquals("tensor([4., 0., 2.])", x.grad().toString());
    }

    @Test
    void inPlaceUnderNoGradOnLeafIsAllowedAndBumpsVersion() {
        // with no_grad: x.mul_(3) -> tensor([3., 3.], requires_grad=True) 1 True None
        // (x * x).sum().backward() -> x.grad tensor([6., 6.])
        Tensor x = onesRg(2);
        try (var g = Torch.noGrad()) {
            x.mul_(3.0);
        }
        assertEquals("tensor([3., 3.], requires_grad=True)", x.toString());
        assertEquals(1, x.version());
        assertTrue(x.isLeaf());
        assertNull(x.gradFn());
        x.mul(x).sum().backward();
        assertEquals("tensor([6., 6.])", x.grad().toString());
    }

    // ---------------------------------------------------------------------------------------------------
    // A failed call changes nothing (API.md "Errors")

    @Test
    void failedInPlaceOpsChangeNothing() {
        // add_ with a shape that does not broadcast to self (PyTorch raises; messages in ErrorMessagesTest)
        Tensor x = tensor(1.0, 2.0, 3.0);
        assertThrows(RuntimeException.class, () -> x.add_(ones(2, 3)));
        assertThrows(RuntimeException.class, () -> x.add_(ones(4)));
        assertThrows(RuntimeException.class, () -> x.mul_(ones(2, 3)));
        assertThrows(RuntimeException.class, () -> x.copy_(ones(4)));
        assertArrayEquals(new double[] {1, 2, 3}, x.toDoubleArray());
        assertEquals(0, x.version());

        // in-place on a leaf that requires grad
        Tensor leaf = tensor(1.0, 2.0).requiresGrad_();
        leaf.setGrad(tensor(7.0, 8.0));
        assertThrows(RuntimeException.class, () -> leaf.add_(1.0));
        assertThrows(RuntimeException.class, () -> leaf.set(5.0, 0));
        assertThrows(RuntimeException.class, () -> leaf.slice(0, 0, 1).mul_(2.0));
        assertArrayEquals(new double[] {1, 2}, leaf.toDoubleArray());
        assertEquals(0, leaf.version());
        assertEquals("tensor([7., 8.])", leaf.grad().toString());
        assertTrue(leaf.isLeaf());

        // a failing backward argument check
        assertThrows(RuntimeException.class, () -> leaf.mul(2.0).backward(ones(3)));
        assertEquals("tensor([7., 8.])", leaf.grad().toString());
    }

    @Test
    void failedBackwardLeavesGradUnchanged() {
        // gen_engine_cases.py "failed backward, blocked leaf": y = b.exp(); loss = (y * a).sum(); y.add_(1)
        // -> error naming [2] AddBackward0; a.grad tensor([1., 1.]) b.grad None y._version 1
        Tensor a = onesRg(2);
        Tensor b = onesRg(2);
        a.setGrad(tensor(1.0, 1.0));
        Tensor y = b.exp();
        Tensor loss = y.mul(a).sum();
        y.add_(1.0);
        RuntimeException e = assertThrows(RuntimeException.class, loss::backward);
        assertEquals(ErrorMessagesTest.modified("torch.FloatTensor", "[2]", "AddBackward0", 1, 0,
                ErrorMessagesTest.HINT), e.getMessage());
        assertEquals("tensor([1., 1.])", a.grad().toString());
        assertNull(b.grad());
        assertEquals(1, y.version());
    }

    @Test
    void failedBackwardDoesNotHalfAccumulate() {
        // gen_engine_cases.py "failed backward, leaf branch last created": y = b.exp(); y.add_(1);
        // loss = y.sum() + (a * 2).sum(). PyTorch 1.13 runs a's AccumulateGrad before ExpBackward0 fails and prints
        // a.grad tensor([3., 3.]); jgrad's API.md ("A failed call changes nothing: ... no half-accumulated grad")
        // deliberately promises the pre-call value tensor([1., 1.]) instead.
        Tensor a = onesRg(2);
        Tensor b = onesRg(2);
        a.setGrad(tensor(1.0, 1.0));
        Tensor y = b.exp();
        y.add_(1.0);
        Tensor loss = y.sum().add(a.mul(2.0).sum());
        assertThrows(RuntimeException.class, loss::backward);
        assertEquals("tensor([1., 1.])", a.grad().toString());
        assertNull(b.grad());
    }

    // ---------------------------------------------------------------------------------------------------
    // More engine behaviour (gen_engine_cases.py EXTRA_CASES)

    @Test
    void retainGradThenHookSeesUnhookedGradient() {
        // PyTorch 1.13 runs retain_grad's hook in registration order:
        // y.retain_grad(); y.register_hook(lambda g: g * 10) -> y.grad tensor([1., 1.]) x.grad tensor([20., 20.])
        Tensor x = onesRg(2);
        Tensor y = x.mul(2.0);
        y.retainGrad();
        y.registerHook(g -> g.mul(10.0));
        y.sum().backward();
        assertEquals("tensor([1., 1.])", y.grad().toString());
        assertEquals("tensor([20., 20.])", x.grad().toString());
    }

    @Test
    void hookThenRetainGradSeesHookedGradient() {
        // y.register_hook(lambda g: g * 10); y.retain_grad() -> y.grad tensor([10., 10.]) x.grad tensor([20., 20.])
        Tensor x = onesRg(2);
        Tensor y = x.mul(2.0);
        y.registerHook(g -> g.mul(10.0));
        y.retainGrad();
        y.sum().backward();
        assertEquals("tensor([10., 10.])", y.grad().toString());
        assertEquals("tensor([20., 20.])", x.grad().toString());
    }

    @Test
    void retainedGradAccumulates() {
        // z = (y * y).sum(); z.backward(retain_graph=True); z.backward() -> y.grad [8., 8.] x.grad [16., 16.]
        Tensor x = onesRg(2);
        Tensor y = x.mul(2.0);
        y.retainGrad();
        Tensor z = y.mul(y).sum();
        z.backward(null, true);
        z.backward();
        assertEquals("tensor([8., 8.])", y.grad().toString());
        assertEquals("tensor([16., 16.])", x.grad().toString());
    }

    @Test
    void leafHookRunsOnceWithSummedGradient() {
        // x.register_hook(seen.append); (x * 2 + x * 3).sum().backward() -> seen [tensor([5., 5.])] x.grad [5., 5.]
        Tensor x = onesRg(2);
        List<String> seen = new ArrayList<>();
        x.registerHook(g -> {
            seen.add(g.toString());
            return null;
        });
        x.mul(2.0).add(x.mul(3.0)).sum().backward();
        assertEquals(List.of("tensor([5., 5.])"), seen);
        assertEquals("tensor([5., 5.])", x.grad().toString());
    }

    @Test
    void broadcastGradientsAreSummedToInputShape() {
        // x = ones(3); b = ones(2, 1); (x * b).sum().backward() -> x.grad [2., 2., 2.], b.grad [[3.], [3.]]
        Tensor x = onesRg(3);
        Tensor b = onesRg(2, 1);
        x.mul(b).sum().backward();
        assertEquals("tensor([2., 2., 2.])", x.grad().toString());
        assertEquals("tensor([[3.],\n        [3.]])", b.grad().toString());
    }

    @Test
    void backwardFromSeveralRoots() {
        // torch.autograd.backward([(x * 2).sum(), (x * 3).sum()]) -> x.grad tensor([5., 5.])
        Tensor x = onesRg(2);
        Autograd.backward(List.of(x.mul(2.0).sum(), x.mul(3.0).sum()));
        assertEquals("tensor([5., 5.])", x.grad().toString());
    }

    @Test
    void retainGradOnView() {
        // y = x * 1; v = y[0:2]; v.retain_grad(); (v * 3).sum().backward() -> v.grad [3., 3.] x.grad [3., 3., 0.]
        Tensor x = onesRg(3);
        Tensor y = x.mul(1.0);
        Tensor v = y.slice(0, 0, 2);
        v.retainGrad();
        v.mul(3.0).sum().backward();
        assertEquals("tensor([3., 3.])", v.grad().toString());
        assertEquals("tensor([3., 3., 0.])", x.grad().toString());
    }

    @Test
    void createGraphAccumulationStaysDifferentiable() {
        // (x ** 2).backward(create_graph=True) twice at x = 2 -> x.grad tensor(8., grad_fn=<AddBackward0>)
        Tensor x = scalar(2.0).requiresGrad_();
        x.pow(2).backward(null, false, true);
        x.pow(2).backward(null, false, true);
        assertEquals("tensor(8., grad_fn=<AddBackward0>)", x.grad().toString());
    }

    @Test
    void gradWithRepeatedInput() {
        // torch.autograd.grad((x * 3).sum(), [x, x]) -> (tensor([3., 3.]), tensor([3., 3.]))
        Tensor x = onesRg(2);
        List<Tensor> g = Autograd.grad(x.mul(3.0).sum(), x, x);
        assertEquals("tensor([3., 3.])", g.get(0).toString());
        assertEquals("tensor([3., 3.])", g.get(1).toString());
    }

    @Test
    void backwardWithExplicitAndImplicitGradient() {
        // (x * 2).backward(tensor([1., 2.])) -> tensor([2., 4.]); z = ones(1); (z * 2).backward() -> tensor([2.])
        Tensor x = onesRg(2);
        x.mul(2.0).backward(tensor(1.0, 2.0));
        assertEquals("tensor([2., 4.])", x.grad().toString());
        Tensor z = onesRg(1);
        z.mul(2.0).backward();
        assertEquals("tensor([2.])", z.grad().toString());
    }

    @Test
    void inPlaceOnViewOfNonLeafRebasesBase() {
        // y = x * 2; y.view(2, 2)[1].mul_(3) -> y tensor([2., 2., 6., 6.], grad_fn=<CopySlices>);
        // y.sum().backward() -> x.grad tensor([2., 2., 6., 6.])
        Tensor x = onesRg(4);
        Tensor y = x.mul(2.0);
        y.view(2, 2).get(1).mul_(3.0);
        assertEquals("tensor([2., 2., 6., 6.], grad_fn=<CopySlices>)", y.toString());
        y.sum().backward();
        assertEquals("tensor([2., 2., 6., 6.])", x.grad().toString());
    }

    @Test
    void inPlaceThroughDetachWritesThroughAndBumpsVersion() {
        // d = y.detach(); d.zero_() -> y tensor([0., 0.], grad_fn=<MulBackward0>) 1
        Tensor x = onesRg(2);
        Tensor y = x.mul(2.0);
        Tensor d = y.detach();
        d.zero_();
        assertEquals("tensor([0., 0.], grad_fn=<MulBackward0>)", y.toString());
        assertEquals(1, y.version());
    }

    @Test
    void requiresGradFalseOnLeafAllowsInPlace() {
        // x.requires_grad_(False) -> x tensor([1., 1.]) False; x.add_(1) -> x tensor([2., 2.]) 1
        Tensor x = onesRg(2);
        x.requiresGrad_(false);
        assertEquals("tensor([1., 1.])", x.toString());
        assertFalse(x.requiresGrad());
        x.add_(1.0);
        assertEquals("tensor([2., 2.])", x.toString());
        assertEquals(1, x.version());
    }

    @Test
    void setGradOnNonLeaf() {
        // y = x * 2; y.grad = torch.ones(2) -> y.grad tensor([1., 1.])
        Tensor x = onesRg(2);
        Tensor y = x.mul(2.0);
        y.setGrad(ones(2));
        assertEquals("tensor([1., 1.])", y.grad().toString());
    }

    @Test
    void hooksRunWithGradModeEqualToCreateGraph() {
        // modes [False, True] for backward() and backward(create_graph=True)
        Tensor x = onesRg(2);
        List<Boolean> modes = new ArrayList<>();
        x.registerHook(g -> {
            modes.add(Torch.isGradEnabled());
            return null;
        });
        x.mul(2.0).sum().backward();
        x.mul(2.0).sum().backward(null, false, true);
        assertEquals(List.of(false, true), modes);
        assertTrue(Torch.isGradEnabled(), "backward restores the caller's grad mode");
    }

    @Test
    void viewMadeAndModifiedUnderNoGrad() {
        // with no_grad: v = x[0:2]; v.mul_(2) -> x tensor([2., 2., 1.], requires_grad=True) 1 1 True
        Tensor x = onesRg(3);
        Tensor v;
        try (var g = Torch.noGrad()) {
            v = x.slice(0, 0, 2);
            v.mul_(2.0);
        }
        assertEquals("tensor([2., 2., 1.], requires_grad=True)", x.toString());
        assertEquals(1, x.version());
        assertEquals(1, v.version());
        assertTrue(v.requiresGrad());
    }

    @Test
    void inPlaceOnNonLeafRecordsNewNode() {
        // y = a.clone(); y.mul_(2) -> y tensor([2., 2.], grad_fn=<MulBackward0>) [('CloneBackward0', 0), (None, 0)]
        Tensor a = onesRg(2);
        Tensor y = a.clone();
        y.mul_(2.0);
        assertEquals("tensor([2., 2.], grad_fn=<MulBackward0>)", y.toString());
        assertEquals("[(<CloneBackward0>, 0), (None, 0)]", y.gradFn().nextFunctions().toString());
    }

    @Test
    void failedBackwardDoesNotHalfWriteRetainedGrad() {
        // gen_engine_cases.py "failed backward, retained non-leaf": e = b.exp(); e.add_(1); y = x * 2; y.retain_grad();
        // (e.sum() + y.sum()).backward() fails in ExpBackward0 after y's node ran. PyTorch 1.13 prints
        // y.grad tensor([1., 1.]) x.grad tensor([2., 2.]); API.md ("A failed call changes nothing") promises None.
        Tensor b = onesRg(2);
        Tensor x = onesRg(2);
        Tensor e = b.exp();
        e.add_(1.0);
        Tensor y = x.mul(2.0);
        y.retainGrad();
        Tensor loss = e.sum().add(y.sum());
        assertThrows(RuntimeException.class, loss::backward);
        assertNull(x.grad());
        assertNull(y.grad());
        assertNull(b.grad());
    }

    @Test
    void failingLeafHookDoesNotHalfAccumulate() {
        // b's hook returns a gradient of the wrong shape, an error (PyTorch: "hook '<lambda>' has changed the size
        // of value", see ErrorMessagesTest.leafHookChangesSize). Whichever leaf the engine reaches first, API.md's
        // "A failed call changes nothing" means a.grad stays as it was (None) -- in PyTorch it depends on the order.
        for (boolean aFirst : new boolean[] {true, false}) {
            Tensor a = onesRg(2);
            Tensor b = onesRg(3);
            b.registerHook(g -> ones(4));
            Tensor loss = aFirst ? a.mul(2.0).sum().add(b.mul(3.0).sum()) : b.mul(3.0).sum().add(a.mul(2.0).sum());
            assertThrows(RuntimeException.class, loss::backward);
            assertNull(a.grad(), "a first: " + aFirst);
            assertNull(b.grad(), "a first: " + aFirst);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Threads (gen_engine_cases.py "threads")

    @Test
    @Timeout(60)
    void concurrentBackwardOnIndependentGraphs() throws Exception {
        // 8 threads x 50 passes: x_i = full(3, i + 1); (3 * x_i ** 2).sum().backward()
        // -> [6., 6., 6.], [12., ...], ..., [48., 48., 48.]
        String[] expected = {"tensor([6., 6., 6.])", "tensor([12., 12., 12.])", "tensor([18., 18., 18.])",
            "tensor([24., 24., 24.])", "tensor([30., 30., 30.])", "tensor([36., 36., 36.])", "tensor([42., 42., 42.])",
            "tensor([48., 48., 48.])"};
        int threads = expected.length;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                final int k = i;
                Callable<List<String>> task = () -> {
                    start.await();
                    List<String> got = new ArrayList<>();
                    for (int it = 0; it < 50; it++) {
                        Tensor x = Torch.full(new int[] {3}, k + 1).requiresGrad_();
                        x.pow(2).mul(3.0).sum().backward();
                        got.add(x.grad().toString());
                    }
                    return got;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (int i = 0; i < threads; i++) {
                List<String> got = results.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(Collections.nCopies(50, expected[i]), got, "thread " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void concurrentAccumulationIntoOneLeaf() throws Exception {
        // one shared leaf x = zeros(3); 8 threads x 200 passes of (x * (i + 1)).sum().backward()
        // -> x.grad tensor([7200., 7200., 7200.])
        Tensor x = zeros(3).requiresGrad_();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                final double k = i + 1;
                results.add(pool.submit(() -> {
                    start.await();
                    for (int it = 0; it < 200; it++) {
                        x.mul(k).sum().backward();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : results) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("tensor([7200., 7200., 7200.])", x.grad().toString());
    }

    @Test
    @Timeout(60)
    void concurrentBackwardThroughOneRetainedGraph() throws Exception {
        // y = (x * x).sum() at x = ones(2), shared by 8 threads; each: 100 x autograd.grad(y, x, retain_graph=True)
        // -> always tensor([2., 2.]); then 100 x y.backward(retain_graph=True) -> x.grad tensor([1600., 1600.])
        Tensor x = onesRg(2);
        Tensor y = x.mul(x).sum();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<java.util.Set<String>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    java.util.Set<String> got = new java.util.HashSet<>();
                    for (int it = 0; it < 100; it++) {
                        got.add(Autograd.grad(List.of(y), List.of(x), null, true, false, false).get(0).toString());
                    }
                    for (int it = 0; it < 100; it++) {
                        y.backward(null, true);
                    }
                    return got;
                }));
            }
            start.countDown();
            for (Future<java.util.Set<String>> f : results) {
                assertEquals(java.util.Set.of("tensor([2., 2.])"), f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("tensor([1600., 1600.])", x.grad().toString());
    }

    @Test
    void passInsideAHookOverNodesOfTheRunningPass() {
        // x = torch.tensor([1., 2.], requires_grad=True); y = x * x; s = y.sum(); z = (y * 3).sum()
        // x.register_hook(lambda g: inner.append(torch.autograd.grad(s, x, retain_graph=True)[0]))
        // z.backward(retain_graph=True) -> inner[0] tensor([2., 4.]), x.grad tensor([ 6., 12.])
        // (the inner pass runs y's MulBackward0, whose state the outer pass holds: Note [Pass state in nodes])
        Tensor x = tensor(1.0, 2.0).requiresGrad_();
        Tensor y = x.mul(x);
        Tensor s = y.sum();
        Tensor z = y.mul(3).sum();
        List<Tensor> inner = new ArrayList<>();
        x.registerHook(g -> {
            inner.add(Autograd.grad(List.of(s), List.of(x), null, true, false, false).get(0));
            return null;
        });
        z.backward(null, true);
        assertEquals("tensor([2., 4.])", inner.get(0).toString());
        assertEquals("tensor([ 6., 12.])", x.grad().toString());
        // the nodes were released by both passes: a third pass over them works
        assertEquals("tensor([2., 4.])", Autograd.grad(List.of(s), List.of(x), null, true, false, false).get(0).toString());
    }

    // ---------------------------------------------------------------------------------------------------
    // Custom Function (gen_engine_cases.py "custom function")

    /** x ** 3 with backward g * 3 * x ** 2 written with differentiable ops. */
    static final class Cube extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return in[0].pow(3);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            Tensor x = ctx.savedTensors()[0];
            return new Tensor[] {g[0].mul(3.0).mul(x.pow(2))};
        }
    }

    static Tensor cubeInput() {
        return tensor(new double[] {0.5, -1.0, 2.0}, DType.FLOAT64).requiresGrad_();
    }

    @Test
    void customFunctionForwardAndBackward() {
        Tensor x = cubeInput();
        Tensor y = new Cube().apply(x);
        assertEquals("tensor([ 0.1250, -1.0000,  8.0000], dtype=torch.float64,\n       grad_fn=<CubeBackward>)",
                y.toString());
        assertEquals("CubeBackward", y.gradFn().name());
        y.sum().backward();
        assertNotNull(x.grad());
        assertArrayEquals(new double[] {0.75, 3.0, 12.0}, x.grad().toDoubleArray());
    }

    @Test
    void customFunctionDoubleBackward() {
        // g, = grad(y.sum(), x, create_graph=True)
        //   -> tensor([ 0.7500,  3.0000, 12.0000], dtype=torch.float64, grad_fn=<MulBackward0>)
        // gg, = grad(g.sum(), x) -> tensor([ 3., -6., 12.], dtype=torch.float64)
        Tensor x = cubeInput();
        Tensor y = new Cube().apply(x);
        Tensor g = Autograd.grad(List.of(y.sum()), List.of(x), null, false, true, false).get(0);
        assertEquals("tensor([ 0.7500,  3.0000, 12.0000], dtype=torch.float64,\n       grad_fn=<MulBackward0>)",
                g.toString());
        Tensor gg = Autograd.grad(g.sum(), x).get(0);
        assertEquals("tensor([ 3., -6., 12.], dtype=torch.float64)", gg.toString());
    }

    @Test
    void customFunctionPassesGradcheckAndGradgradcheck() {
        // gradcheck(Cube.apply, (x,)), gradgradcheck(Cube.apply, (x,)) -> True True
        Tensor x = cubeInput();
        assertTrue(GradCheck.gradcheck(in -> new Cube().apply(in[0]), x));
        assertTrue(GradCheck.gradgradcheck(in -> new Cube().apply(in[0]), x));
    }

    @Test
    void customFunctionSavedTensorIsVersionChecked() {
        // gen_engine_cases.py "custom function saved input modified": c = x * 1; y = Cube.apply(c); c.mul_(2);
        // y.sum().backward() -> "... [torch.DoubleTensor [3]], which is output 0 of MulBackward0, is at version 1 ..."
        Tensor x = cubeInput();
        Tensor c = x.mul(1.0);
        Tensor y = new Cube().apply(c);
        c.mul_(2.0);
        RuntimeException e = assertThrows(RuntimeException.class, () -> y.sum().backward());
        assertEquals(ErrorMessagesTest.modified("torch.DoubleTensor", "[3]", "MulBackward0", 1, 0,
                ErrorMessagesTest.HINT), e.getMessage());
        assertNotSame(c, y);
    }
}
