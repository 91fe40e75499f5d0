package io.jgrad.autograd;

import static io.jgrad.Torch.ones;
import static io.jgrad.Torch.scalar;
import static io.jgrad.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every misuse in {@code /work/shared/reference/torch-errors-1.out} and {@code torch-errors-2.out} that applies
 * to jgrad, written in Java: the exception must be unchecked and carry PyTorch's message verbatim (with
 * {@code torch.Size([3])} written {@code [3]}).
 *
 * <p>Expected texts come from those reference files and from {@code tools/fixtures/gen_engine_cases.py}, run
 * with real PyTorch 1.13 ({@code /usr/bin/python3 tools/fixtures/gen_engine_cases.py}); the Python case each
 * test mirrors is named in its comment. Cases left out: complex dtypes, numpy(), inference mode, forward AD,
 * legacy non-static Function, once_differentiable, Python-only TypeErrors.
 */
class ErrorMessagesTest {

    // ---------------------------------------------------------------------------------------------------
    // PyTorch 1.13's messages (reference/torch-errors-*.out, gen_engine_cases.py)

    static final String FREED = "Trying to backward through the graph a second time (or directly access saved "
            + "tensors after they have already been freed). Saved intermediate values of the graph are freed when "
            + "you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
            + "graph a second time or if you need to access saved tensors after calling backward.";
    static final String NON_SCALAR = "grad can be implicitly created only for scalar outputs";
    static final String LEAF_INPLACE = "a leaf Variable that requires grad is being used in an in-place operation.";
    static final String VIEW_OF_LEAF_INPLACE =
            "a view of a leaf Variable that requires grad is being used in an in-place operation.";
    static final String HINT = " Hint: enable anomaly detection to find the operation that failed to compute its "
            + "gradient, with torch.autograd.set_detect_anomaly(True).";
    static final String ANOMALY_HINT = " Hint: the backtrace further above shows the operation that failed to "
            + "compute its gradient. The variable in question was changed in there or anywhere later. Good luck!";
    static final String NO_GRAD_FN = "element 0 of tensors does not require grad and does not have a grad_fn";
    static final String UNUSED = "One of the differentiated Tensors appears to not have been used in the graph. "
            + "Set allow_unused=True if this is the desired behavior.";
    static final String VIEW_IN_NO_GRAD = "A view was created in no_grad mode and is being modified inplace with "
            + "grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can "
            + "clarify your code by moving both the view and the inplace either both inside the no_grad block (if "
            + "you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).";

    static String modified(String type, String shape, String node, int version, int expected, String hint) {
        return "one of the variables needed for gradient computation has been modified by an inplace operation: ["
                + type + " " + shape + "], which is output 0 of " + node + ", is at version " + version
                + "; expected version " + expected + " instead." + hint;
    }

    /** Runs {@code body}, which must throw an unchecked exception whose message is exactly {@code expected}. */
    static RuntimeException assertError(String expected, Executable body) {
        Throwable t = assertThrows(Throwable.class, body);
        assertTrue(t instanceof RuntimeException, () -> "expected an unchecked exception, got " + t);
        assertEquals(expected, t.getMessage());
        return (RuntimeException) t;
    }

    static Tensor onesRg(int... shape) {
        return ones(shape).requiresGrad_();
    }

    // ---------------------------------------------------------------------------------------------------
    // Backward twice

    @Test
    void backwardTwiceMul() {
        // x = torch.ones(3, requires_grad=True); y = (x * x).sum(); y.backward(); y.backward()
        Tensor x = onesRg(3);
        Tensor y = x.mul(x).sum();
        y.backward();
        assertError(FREED, y::backward);
    }

    @Test
    void backwardTwiceExp() {
        // y = x.exp().sum(); y.backward(); y.backward()
        Tensor x = onesRg(3);
        Tensor y = x.exp().sum();
        y.backward();
        assertError(FREED, y::backward);
    }

    @Test
    void backwardTwiceAddHasNoSavedTensorsAndDoesNotThrow() {
        // y = (x + 1).sum(); y.backward(); y.backward()  -> (no error), x.grad tensor([2., 2., 2.])
        Tensor x = onesRg(3);
        Tensor y = x.add(1.0).sum();
        y.backward();
        y.backward();
        assertEquals("tensor([2., 2., 2.])", x.grad().toString());
    }

    // ---------------------------------------------------------------------------------------------------
    // Implicit gradients

    @Test
    void nonScalarBackward() {
        // (x * 2).backward()
        Tensor x = onesRg(3);
        assertError(NON_SCALAR, () -> x.mul(2.0).backward());
        assertNull(x.grad());
    }

    @Test
    void nonScalarAutogradGrad() {
        // torch.autograd.grad(x * 2, x)
        Tensor x = onesRg(3);
        assertError(NON_SCALAR, () -> Autograd.grad(x.mul(2.0), x));
    }

    // ---------------------------------------------------------------------------------------------------
    // In-place on leaves and views

    @Test
    void inPlaceOnLeaf() {
        // x.add_(1)
        Tensor x = onesRg(3);
        assertError(LEAF_INPLACE, () -> x.add_(1.0));
    }

    @Test
    void setitemOnLeaf() {
        // x[0] = 5.
        Tensor x = onesRg(3);
        assertError(VIEW_OF_LEAF_INPLACE, () -> x.set(5.0, 0));
        assertError(VIEW_OF_LEAF_INPLACE, () -> x.set(scalar(5.0), 0));
    }

    @Test
    void inPlaceOnViewOfLeaf() {
        // x[0:2].mul_(2)
        Tensor x = onesRg(3);
        assertError(VIEW_OF_LEAF_INPLACE, () -> x.slice(0, 0, 2).mul_(2.0));
    }

    @Test
    void inPlaceOnViewCreatedInNoGrad() {
        // with torch.no_grad(): v = x[0:2]
        // v.mul_(2)
        Tensor x = onesRg(3);
        Tensor v;
        try (var g = Torch.noGrad()) {
            v = x.slice(0, 0, 2);
        }
        assertError(VIEW_IN_NO_GRAD, () -> v.mul_(2.0));
    }

    // ---------------------------------------------------------------------------------------------------
    // Saved tensors modified in place

    @Test
    void modifiedSavedExpOutput() {
        // y = x.exp(); y.add_(1); y.sum().backward()
        Tensor x = onesRg(3);
        Tensor y = x.exp();
        y.add_(1.0);
        assertError(modified("torch.FloatTensor", "[3]", "ExpBackward0", 1, 0, HINT), () -> y.sum().backward());
    }

    @Test
    void modifiedSavedMulInput() {
        // a = x * 2; b = a * a; a.mul_(2); b.sum().backward()
        Tensor x = onesRg(3);
        Tensor a = x.mul(2.0);
        Tensor b = a.mul(a);
        a.mul_(2.0);
        assertError(modified("torch.FloatTensor", "[3]", "MulBackward0", 1, 0, HINT), () -> b.sum().backward());
    }

    @Test
    void modifiedSavedMm() {
        // w = torch.ones(2, 3, requires_grad=True); m = torch.ones(3, 4, requires_grad=True)
        // a = w + 0; c = a.mm(m); a.add_(1); c.sum().backward()
        Tensor w = onesRg(2, 3);
        Tensor m = onesRg(3, 4);
        Tensor a = w.add(0.0);
        Tensor c = a.mm(m);
        a.add_(1.0);
        assertError(modified("torch.FloatTensor", "[2, 3]", "AddBackward0", 1, 0, HINT), () -> c.sum().backward());
    }

    @Test
    void detachSharesVersionCounter() {
        // a = x * 2; b = a * a; a.detach().mul_(2); b.sum().backward()   (torch-errors-2.out)
        Tensor x = onesRg(3);
        Tensor a = x.mul(2.0);
        Tensor b = a.mul(a);
        a.detach().mul_(2.0);
        assertError(modified("torch.FloatTensor", "[3]", "MulBackward0", 1, 0, HINT), () -> b.sum().backward());
    }

    @Test
    void modifiedSavedFloat64NamesDoubleTensor() {
        // Same as "modified saved (exp output)" with dtype=torch.float64: PyTorch names the type
        // torch.DoubleTensor (ExpBackward0 saves its result).
        Tensor x = Torch.ones(new int[] {2}, DType.FLOAT64).requiresGrad_();
        Tensor y = x.exp();
        y.add_(1.0);
        assertError(modified("torch.DoubleTensor", "[2]", "ExpBackward0", 1, 0, HINT), () -> y.sum().backward());
    }

    // ---------------------------------------------------------------------------------------------------
    // Tensors that do not require grad

    @Test
    void backwardOnNoGradTensor() {
        // torch.ones(3).sum().backward()
        assertError(NO_GRAD_FN, () -> ones(3).sum().backward());
    }

    @Test
    void autogradGradOnNoGradTensor() {
        // x = torch.ones(3); torch.autograd.grad(x.sum(), x)
        Tensor x = ones(3);
        assertError(NO_GRAD_FN, () -> Autograd.grad(x.sum(), x));
    }

    @Test
    void backwardOfNoGradOutput() {
        // with torch.no_grad(): y = x * 2
        // y.sum().backward()
        Tensor x = onesRg(3);
        Tensor y = Torch.noGrad(() -> x.mul(2.0));
        assertError(NO_GRAD_FN, () -> y.sum().backward());
    }

    @Test
    void gradWrtTensorNotRequiringGrad() {
        // torch.autograd.grad((x * 2).sum(), z) with z = torch.ones(3)
        Tensor x = onesRg(3);
        Tensor z = ones(3);
        assertError("One of the differentiated Tensors does not require grad", () -> Autograd.grad(x.mul(2.0).sum(), z));
    }

    // ---------------------------------------------------------------------------------------------------
    // Unused inputs

    @Test
    void unusedInput() {
        // torch.autograd.grad((x * 2).sum(), [x, z])
        Tensor x = onesRg(3);
        Tensor z = onesRg(3);
        assertError(UNUSED, () -> Autograd.grad(x.mul(2.0).sum(), x, z));
    }

    @Test
    void singleUnusedInput() {
        // torch.autograd.grad((x * 2).sum(), z)   (torch-errors-2.out "grad single unused input")
        Tensor x = onesRg(3);
        Tensor z = onesRg(3);
        assertError(UNUSED, () -> Autograd.grad(x.mul(2.0).sum(), z));
    }

    @Test
    void unusedInputAllowUnused() {
        // torch.autograd.grad((x * 2).sum(), [x, z], allow_unused=True) -> (tensor([2., 2., 2.]), None)
        Tensor x = onesRg(3);
        Tensor z = onesRg(3);
        List<Tensor> g = Autograd.grad(List.of(x.mul(2.0).sum()), List.of(x, z), null, false, false, true);
        assertEquals(2, g.size());
        assertEquals("tensor([2., 2., 2.])", g.get(0).toString());
        assertNull(g.get(1));
    }

    // ---------------------------------------------------------------------------------------------------
    // Given gradients

    @Test
    void gradTensorsShapeMismatch() {
        // (x * 2).backward(torch.ones(4))
        Tensor x = onesRg(3);
        assertError("Mismatch in shape: grad_output[0] has a shape of [4] and output[0] has a shape of [3].",
                () -> x.mul(2.0).backward(ones(4)));
        assertNull(x.grad());
    }

    @Test
    void gradTensorsShapeMismatch2d() {
        // (x * 2).backward(torch.ones(2, 3))
        Tensor x = onesRg(3);
        assertError("Mismatch in shape: grad_output[0] has a shape of [2, 3] and output[0] has a shape of [3].",
                () -> x.mul(2.0).backward(ones(2, 3)));
    }

    @Test
    void moreGradientsThanTensorsIsAllowed() {
        // torch.autograd.backward([x * 2], [torch.ones(3), torch.ones(3)]) -> (no error), x.grad tensor([2., 2., 2.])
        Tensor x = onesRg(3);
        Autograd.backward(List.of(x.mul(2.0)), List.of(ones(3), ones(3)), false, false);
        assertEquals("tensor([2., 2., 2.])", x.grad().toString());
    }

    @Test
    void fewerGradientsThanTensors() {
        // torch.autograd.backward([x * 2, x * 3], [torch.ones(3)])
        Tensor x = onesRg(3);
        assertError("got 2 tensors and 1 gradients",
                () -> Autograd.backward(List.of(x.mul(2.0), x.mul(3.0)), List.of(ones(3)), false, false));
        assertNull(x.grad());
    }

    // ---------------------------------------------------------------------------------------------------
    // requires_grad, retain_grad, hooks

    @Test
    void intTensorRequiresGrad() {
        // torch.tensor([1, 2, 3]).requires_grad_()
        Tensor i = tensor(1L, 2L, 3L);
        assertError("only Tensors of floating point dtype can require gradients", i::requiresGrad_);
        assertFalse(i.requiresGrad());
    }

    @Test
    void nonLeafRequiresGradFalse() {
        // (x * 2).requires_grad_(False)
        Tensor x = onesRg(3);
        Tensor y = x.mul(2.0);
        assertError("you can only change requires_grad flags of leaf variables. If you want to use a computed "
                + "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
                () -> y.requiresGrad_(false));
        assertTrue(y.requiresGrad());
        // requires_grad_(True) on a non-leaf is allowed (no error in PyTorch)
        assertSame(y, y.requiresGrad_(true));
    }

    @Test
    void retainGradOnLeafIsNoOp() {
        // x.retain_grad(); print("leaf retain ok", x.retains_grad) -> leaf retain ok False
        Tensor x = onesRg(3);
        x.retainGrad();
        assertFalse(x.retainsGrad());
    }

    @Test
    void retainGradOnNoGradTensor() {
        // torch.ones(3).retain_grad()
        assertError("can't retain_grad on Tensor that has requires_grad=False", () -> ones(3).retainGrad());
    }

    @Test
    void registerHookOnNoGradTensor() {
        // torch.ones(3).register_hook(lambda g: g)
        assertError("cannot register a hook on a tensor that doesn't require gradient",
                () -> ones(3).registerHook(g -> g));
    }

    // ---------------------------------------------------------------------------------------------------
    // Saved tensors of a custom Function after the graph was freed

    static final class Saver extends Function {
        FunctionCtx ctx;

        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            this.ctx = ctx;
            ctx.saveForBackward(in[0]);
            return in[0].mul(2.0);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0].mul(2.0)};
        }
    }

    @Test
    void accessSavedTensorsAfterFree() {
        // y = Saver.apply(x * 1); y.sum().backward(); y.grad_fn.saved_tensors
        Tensor x = onesRg(3);
        Saver fn = new Saver();
        Tensor y = fn.apply(x.mul(1.0));
        assertEquals(1, fn.ctx.savedTensors().length, "saved tensors readable before backward");
        y.sum().backward();
        assertError(FREED, () -> fn.ctx.savedTensors());
    }

    // ---------------------------------------------------------------------------------------------------
    // item

    @Test
    void itemOnNonScalar() {
        // torch.ones(3).item() -> ValueError: only one element tensors can be converted to Python scalars
        // (torch-errors-1.out; src/main adopted this text in 8ba9144, replacing the C++ "a Tensor with 3 elements
        // cannot be converted to Scalar")
        assertError("only one element tensors can be converted to Python scalars", () -> ones(3).item());
    }

    // ---------------------------------------------------------------------------------------------------
    // Higher order

    @Test
    void higherOrder() {
        // x = torch.tensor(3., requires_grad=True); y = x ** 3
        // g, = torch.autograd.grad(y, x, create_graph=True)  -> g = tensor(27., grad_fn=<MulBackward0>)
        // g2, = torch.autograd.grad(g, x)                    -> g2 = tensor(18.)
        Tensor x = scalar(3.0).requiresGrad_();
        Tensor y = x.pow(3);
        Tensor g = Autograd.grad(List.of(y), List.of(x), null, false, true, false).get(0);
        assertEquals("tensor(27., grad_fn=<MulBackward0>)", g.toString());
        Tensor g2 = Autograd.grad(g, x).get(0);
        assertEquals("tensor(18.)", g2.toString());
    }

    @Test
    void gradOfGradWithoutCreateGraph() {
        // g, = torch.autograd.grad(x ** 3, x) -> g = tensor(27.) False; torch.autograd.grad(g, x)
        Tensor x = scalar(3.0).requiresGrad_();
        Tensor g = Autograd.grad(x.pow(3), x).get(0);
        assertEquals("tensor(27.)", g.toString());
        assertFalse(g.requiresGrad());
        assertError(NO_GRAD_FN, () -> Autograd.grad(g, x));
    }

    // ---------------------------------------------------------------------------------------------------
    // backward(inputs=...)

    @Test
    void backwardInputsNonLeaf() {
        // y = x * 2; y.sum().backward(inputs=[y]) -> y.grad tensor([1., 1., 1.]) x.grad None
        Tensor x = onesRg(3);
        Tensor y = x.mul(2.0);
        Autograd.backward(List.of(y.sum()), null, false, false, List.of(y));
        assertEquals("tensor([1., 1., 1.])", y.grad().toString());
        assertNull(x.grad());
    }

    @Test
    void backwardInputsEmpty() {
        // (x * 2).sum().backward(inputs=[])
        Tensor x = onesRg(3);
        assertError("'inputs' argument to backward() cannot be empty.",
                () -> Autograd.backward(List.of(x.mul(2.0).sum()), null, false, false, List.of()));
        assertNull(x.grad());
    }

    // ---------------------------------------------------------------------------------------------------
    // Anomaly mode

    /** forward: x.clone(); backward: g * nan. */
    static final class F extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            return in[0].clone();
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0].mul(Double.NaN)};
        }
    }

    @Test
    void anomalyNan() {
        // with torch.autograd.detect_anomaly(): F.apply(x).sum().backward()
        Tensor x = onesRg(3);
        try (var a = Autograd.detectAnomaly()) {
            assertError("Function 'FBackward' returned nan values in its 0th output.",
                    () -> new F().apply(x).sum().backward());
        }
        assertFalse(Autograd.isAnomalyEnabled());
        assertNull(x.grad());
    }

    @Test
    void anomalyInPlaceHint() {
        // with torch.autograd.detect_anomaly(): y = x * 2; z = y.exp(); z.add_(1); z.sum().backward()
        Tensor x = onesRg(3);
        try (var a = Autograd.detectAnomaly()) {
            Tensor y = x.mul(2.0);
            Tensor z = y.exp();
            z.add_(1.0);
            assertError(modified("torch.FloatTensor", "[3]", "ExpBackward0", 1, 0, ANOMALY_HINT),
                    () -> z.sum().backward());
        }
    }

    @Test
    void nanWithoutAnomalyModeIsNotAnError() {
        // Without detect_anomaly, F.apply(x).sum().backward() succeeds and x.grad is nan.
        Tensor x = onesRg(3);
        new F().apply(x).sum().backward();
        assertEquals("tensor([nan, nan, nan])", x.grad().toString());
    }

    // ---------------------------------------------------------------------------------------------------
    // Custom Function misuse

    /** backward returns two gradients for one input. */
    static final class Bad extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            return in[0].mul(2.0);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0].mul(2.0), g[0].mul(2.0)};
        }
    }

    /** backward returns a gradient of the wrong shape. */
    static final class BadShape extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            return in[0].mul(2.0);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {ones(4)};
        }
    }

    @Test
    void functionBackwardReturnsTooMany() {
        // Bad.apply(x).sum().backward()
        Tensor x = onesRg(3);
        assertError("function BadBackward returned an incorrect number of gradients (expected 1, got 2)",
                () -> new Bad().apply(x).sum().backward());
        assertNull(x.grad());
    }

    @Test
    void functionBackwardWrongShape() {
        // BadShape.apply(x).sum().backward()
        Tensor x = onesRg(3);
        assertError("Function BadShapeBackward returned an invalid gradient at index 0 - got [4] but expected shape "
                + "compatible with [3]", () -> new BadShape().apply(x).sum().backward());
        assertNull(x.grad());
    }

    /** forward: x.mul_(2); ctx.mark_dirty(x); return x. backward: g * 2. */
    static final class Dirty extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            in[0].mul_(2.0);
            ctx.markDirty(in[0]);
            return in[0];
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0].mul(2.0)};
        }
    }

    @Test
    void markDirtyOnLeaf() {
        // Dirty.apply(x) with x a leaf that requires grad
        Tensor x = onesRg(3);
        assertError("a leaf Variable that requires grad has been used in an in-place operation.",
                () -> new Dirty().apply(x));
    }

    @Test
    void markDirtyOnNonLeaf() {
        // y = x.clone(); out = Dirty.apply(y); print(out, out is y, type(out.grad_fn).__name__, y._version)
        // -> tensor([2., 2., 2.], grad_fn=<DirtyBackward>) True DirtyBackward 2
        // out.sum().backward() -> x.grad tensor([2., 2., 2.])
        Tensor x = onesRg(3);
        Tensor y = x.clone();
        Tensor out = new Dirty().apply(y);
        assertEquals("tensor([2., 2., 2.], grad_fn=<DirtyBackward>)", out.toString());
        assertSame(y, out);
        assertEquals("DirtyBackward", out.gradFn().name());
        assertEquals(2, y.version());
        out.sum().backward();
        assertEquals("tensor([2., 2., 2.])", x.grad().toString());
    }

    /** Returns argmax, marked non-differentiable. */
    static final class NonDiff extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            Tensor idx = in[0].argmax();
            ctx.markNonDifferentiable(idx);
            return idx;
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {null};
        }
    }

    /** Returns x * 2, marked non-differentiable. */
    static final class NonDiffFloat extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            Tensor r = in[0].mul(2.0);
            ctx.markNonDifferentiable(r);
            return r;
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0]};
        }
    }

    @Test
    void markNonDifferentiable() {
        // idx = NonDiff.apply(x) -> idx tensor(1) False None
        Tensor x = tensor(1.0, 3.0, 2.0).requiresGrad_();
        Tensor idx = new NonDiff().apply(x);
        assertEquals("tensor(1)", idx.toString());
        assertFalse(idx.requiresGrad());
        assertNull(idx.gradFn());
        // r = NonDiffFloat.apply(x) -> r tensor([2., 6., 4.]) False True
        Tensor r = new NonDiffFloat().apply(x);
        assertEquals("tensor([2., 6., 4.])", r.toString());
        assertFalse(r.requiresGrad());
        assertTrue(r.isLeaf());
    }

    /** clone, recording the gradient its backward receives. */
    static final class Mat extends Function {
        final Boolean materialize;
        final List<Tensor> seen = Collections.synchronizedList(new ArrayList<>());

        Mat(Boolean materialize) {
            this.materialize = materialize;
        }

        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            if (materialize != null) {
                ctx.setMaterializeGrads(materialize);
            }
            return in[0].clone();
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            seen.add(g[0]);
            return new Tensor[] {g[0]};
        }
    }

    /** sum whose backward gives no gradient (None). */
    static final class Drop extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            return in[0].sum();
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {null};
        }
    }

    @Test
    void setMaterializeGradsFalse() {
        // Drop.apply(Mat.apply(x)).backward() with ctx.set_materialize_grads(False) -> g None x.grad None
        Tensor x = onesRg(2);
        Mat mat = new Mat(false);
        new Drop().apply(mat.apply(x)).backward();
        assertEquals(1, mat.seen.size(), "Mat's backward runs once");
        assertNull(mat.seen.get(0));
        assertNull(x.grad());
    }

    @Test
    void materializeGradsDefault() {
        // Drop.apply(Mat.apply(x)).backward() -> g tensor([0., 0.]) x.grad tensor([0., 0.])
        Tensor x = onesRg(2);
        Mat mat = new Mat(null);
        new Drop().apply(mat.apply(x)).backward();
        assertEquals(1, mat.seen.size(), "Mat's backward runs once");
        assertEquals("tensor([0., 0.])", String.valueOf(mat.seen.get(0)));
        assertEquals("tensor([0., 0.])", String.valueOf(x.grad()));
    }

    static final class Needs extends Function {
        boolean[] seen;

        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            return in[0].mul(in[1]).mul(in[2]);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            seen = new boolean[] {ctx.needsInputGrad(0), ctx.needsInputGrad(1), ctx.needsInputGrad(2)};
            return new Tensor[] {g[0], null, null};
        }
    }

    @Test
    void needsInputGrad() {
        // Needs.apply(a, b, c).sum().backward() with only a requiring grad -> (True, False, False)
        Needs fn = new Needs();
        fn.apply(onesRg(2), ones(2), ones(2)).sum().backward();
        assertNotNull(fn.seen);
        assertArrayEquals(new boolean[] {true, false, false}, fn.seen);
    }

    // ---------------------------------------------------------------------------------------------------
    // gradcheck

    /** forward x * 2, backward g * 3 (wrong). */
    static final class Wrong extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {
            return in[0].mul(2.0);
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0].mul(3.0)};
        }
    }

    static Tensor gcInput() {
        // GC_X in gen_engine_cases.py
        return tensor(new double[] {0.5, -1.25}, DType.FLOAT64).requiresGrad_();
    }

    @Test
    void gradcheckFailureMessage() {
        // torch.autograd.gradcheck(Wrong.apply, (x,)) with x = tensor([0.5, -1.25], float64)
        Tensor x = gcInput();
        RuntimeException e = assertError("Jacobian mismatch for output 0 with respect to input 0,\n"
                + "numerical:tensor([[2.0000, 0.0000],\n"
                + "        [0.0000, 2.0000]], dtype=torch.float64)\n"
                + "analytical:tensor([[3., 0.],\n"
                + "        [0., 3.]], dtype=torch.float64)\n",
                () -> GradCheck.gradcheck(in -> new Wrong().apply(in[0]), x));
        assertTrue(e instanceof GradcheckException, () -> "expected GradcheckException, got " + e);
    }

    @Test
    void gradcheckOk() {
        // gradcheck(lambda t: (t * t).sin(), (x,)), gradgradcheck(...) -> True True
        Tensor x = gcInput();
        java.util.function.Function<Tensor[], Tensor> f = in -> in[0].mul(in[0]).sin();
        assertTrue(GradCheck.gradcheck(f, x));
        assertTrue(GradCheck.gradgradcheck(f, x));
    }

    @Test
    void gradcheckRaiseExceptionFalse() {
        // gradcheck(Wrong.apply, (x,), raise_exception=False) -> False
        Tensor x = gcInput();
        assertFalse(GradCheck.gradcheck(in -> new Wrong().apply(in[0]), new Tensor[] {x}, GradCheck.EPS,
                GradCheck.ATOL, GradCheck.RTOL, false));
        assertArrayEquals(new double[] {0.5, -1.25}, x.toDoubleArray(), "gradcheck restores its inputs");
    }

    // ---------------------------------------------------------------------------------------------------
    // detach_, grad assignment, hooks (gen_engine_cases.py, "More engine behaviour")

    static final String DETACH_VIEW = "Can't detach views in-place. Use detach() instead. If you are using "
            + "DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are "
            + "views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, "
            + "please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.";

    @Test
    void detachInPlaceOnView() {
        // x[0:2].detach_() with x requiring grad
        Tensor x = onesRg(3);
        assertError(DETACH_VIEW, () -> x.slice(0, 0, 2).detach_());
    }

    @Test
    void detachInPlaceOnViewOfNoGradTensor() {
        // torch.ones(3)[0:2].detach_(): PyTorch refuses any view, even one that does not require grad
        assertError(DETACH_VIEW, () -> ones(3).slice(0, 0, 2).detach_());
    }

    @Test
    void setGradWrongSize() {
        // x.grad = torch.ones(4)
        Tensor x = onesRg(3);
        assertError("assigned grad has data of a different size", () -> x.setGrad(ones(4)));
        assertNull(x.grad());
    }

    @Test
    void setGradWrongType() {
        // x.grad = torch.ones(3, dtype=torch.float64)
        Tensor x = onesRg(3);
        assertError("assigned grad has data of a different type",
                () -> x.setGrad(Torch.ones(new int[] {3}, DType.FLOAT64)));
        assertNull(x.grad());
    }

    @Test
    void hookChangesSize() {
        // y.register_hook(lambda g: torch.ones(4)); y.sum().backward()
        //   -> RuntimeError: hook '<lambda>' has changed the size of value
        // A Java lambda has no Python name: only the unchecked type and the fixed parts of the text are checked.
        Tensor x = onesRg(3);
        Tensor y = x.mul(2.0);
        y.registerHook(g -> ones(4));
        RuntimeException e = assertThrows(RuntimeException.class, () -> y.sum().backward());
        assertTrue(e.getMessage() != null && e.getMessage().startsWith("hook ")
                && e.getMessage().endsWith(" has changed the size of value"), e::toString);
        assertNull(x.grad());
    }

    @Test
    void leafHookChangesSize() {
        // x.register_hook(lambda g: torch.ones(4)); (x * 2).sum().backward() -> same error
        Tensor x = onesRg(3);
        x.registerHook(g -> ones(4));
        RuntimeException e = assertThrows(RuntimeException.class, () -> x.mul(2.0).sum().backward());
        assertTrue(e.getMessage() != null && e.getMessage().startsWith("hook ")
                && e.getMessage().endsWith(" has changed the size of value"), e::toString);
        assertNull(x.grad());
    }

    // ---------------------------------------------------------------------------------------------------
    // Failed in-place ops (messages; EngineBehaviourTest checks that nothing changed)

    @Test
    void addInPlaceNotBroadcastableToSelf() {
        // torch.ones(3).add_(torch.ones(2, 3))
        Tensor x = ones(3);
        assertError("output with shape [3] doesn't match the broadcast shape [2, 3]", () -> x.add_(ones(2, 3)));
    }

    @Test
    void addInPlaceSizeMismatch() {
        // torch.ones(3).add_(torch.ones(4))
        Tensor x = ones(3);
        assertError("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                () -> x.add_(ones(4)));
    }


    @Test
    void inPlaceOnExpandedTensorIsRefused() {
        // x = torch.ones(3).expand(2, 3); x.add_(1)  (PyTorch 1.13)
        Tensor x = ones(3).expand(2, 3);
        int before = x.version();
        var e = assertThrows(IllegalArgumentException.class, () -> x.add_(1.0));
        assertEquals("unsupported operation: more than one element of the written-to tensor refers to a single memory "
                + "location. Please clone() the tensor before performing the operation.", e.getMessage());
        assertEquals(before, x.version());
        assertEquals("tensor([1., 1., 1.])", x.get(0).toString());
    }
}
