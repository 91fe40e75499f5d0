package io.jgrad.autograd;

import io.jgrad.Tensor;
import io.jgrad.internal.TensorAccess;
import io.jgrad.ops.InPlace;
import io.jgrad.ops.Views;

/**
 * A custom differentiable operation, PyTorch's {@code torch.autograd.Function}: subclass it, implement
 * {@link #forward} and {@link #backward}, and call {@link #apply}. Non-tensor parameters go in the
 * subclass's constructor. The node it records is named {@code <ClassName>Backward}.
 *
 * <pre>{@code
 * class Line extends Function {                                  // class line(torch.autograd.Function):
 *     public Tensor forward(FunctionCtx ctx, Tensor... in) {     //     def forward(ctx, w, b, x):
 *         ctx.saveForBackward(in[0], in[1], in[2]);              //         ctx.save_for_backward(w, b, x)
 *         return in[0].mm(in[2]).add(in[1]);                     //         return torch.mm(w, x) + b
 *     }
 *     public Tensor[] backward(FunctionCtx ctx, Tensor... g) {   //     def backward(ctx, grad_output):
 *         Tensor x = ctx.savedTensors()[2];                      //         w, b, x = ctx.saved_tensors
 *         return new Tensor[] {g[0].mm(x.t()), g[0], null};      //         return dw, db, None
 *     }
 * }
 * Tensor z = new Line().apply(w, b, x);                          // z = line.apply(w, b, x)
 * }</pre>
 */
public abstract class Function {
    private static final TensorAccess A = TensorAccess.get();

    /**
     * Computes the output; runs with grad mode off. Save what backward needs with
     * {@link FunctionCtx#saveForBackward}.
     */
    public abstract Tensor forward(FunctionCtx ctx, Tensor... inputs);

    /**
     * Returns one gradient per forward input (null for inputs that need none) given the output's gradient.
     * Runs with grad mode equal to createGraph, so differentiable ops here give higher derivatives.
     */
    public abstract Tensor[] backward(FunctionCtx ctx, Tensor... gradOutputs);

    /** The recorded node's name: {@code <ClassName>Backward}. */
    protected String nodeName() {
        String n = getClass().getSimpleName();
        return (n.isEmpty() ? "Function" : n) + "Backward";
    }

    /**
     * Runs {@link #forward} and records a node whose backward is {@link #backward}, {@code Fn.apply(...)}.
     *
     * @throws IllegalStateException if forward marked a leaf that requires grad dirty (PyTorch's message)
     */
    public final Tensor apply(Tensor... inputs) {
        boolean executable = Graph.needsGrad(inputs);
        boolean[] needs = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            needs[i] = executable && inputs[i] != null && inputs[i].requiresGrad();
        }
        FunctionCtx ctx = new FunctionCtx(needs);
        Tensor out;
        try (ModeGuard g = GradMode.set(false)) {
            out = forward(ctx, inputs);
        }
        if (out == null) {
            throw new IllegalStateException(getClass().getName() + ".forward returned null");
        }
        if (!executable) {
            ctx.seal(new CustomFunctionNode(nodeName(), this, ctx, A.shape(out), out.dtype(), new Tensor[0]), out);
            return out;
        }
        boolean dirty = ctx.isDirty(out);
        if (dirty && out.isLeaf() && out.requiresGrad()) {
            throw new IllegalStateException("a leaf Variable that requires grad has been used in an in-place "
                    + "operation.");
        }
        boolean isInput = false;
        for (Tensor t : inputs) {
            isInput |= t == out;
        }
        if (isInput && !dirty) {
            out = Views.alias(out);
        }
        CustomFunctionNode node = new CustomFunctionNode(nodeName(), this, ctx, A.shape(out), out.dtype(), inputs);
        ctx.seal(node, out);
        if (ctx.isNonDifferentiable(out)) {
            return out;
        }
        if (dirty) {
            A.versionCounter(out).bump(); // PyTorch's apply bumps dirty tensors once more
            InPlace.rebaseHistory(out, node);
        } else {
            Graph.record(out, node);
        }
        return out;
    }
}
