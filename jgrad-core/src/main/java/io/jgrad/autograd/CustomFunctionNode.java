package io.jgrad.autograd;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;

/** The node a custom {@link Function} records: calls the user's backward with the shared context. */
final class CustomFunctionNode extends Node {
    private final Function fn;
    private final FunctionCtx ctx;
    private final int[] outputShape;
    private final DType outputDtype;

    CustomFunctionNode(String name, Function fn, FunctionCtx ctx, int[] outputShape, DType outputDtype,
            Tensor[] inputs) {
        super(name, 1, inputs);
        this.fn = fn;
        this.ctx = ctx;
        this.outputShape = outputShape;
        this.outputDtype = outputDtype;
    }

    @Override
    protected Tensor[] apply(Tensor[] gradOutputs) {
        Tensor g = gradOutputs[0];
        if (g == null && ctx.materializeGrads()) {
            g = Torch.zeros(outputShape, outputDtype);
        }
        Tensor[] res = fn.backward(ctx, g);
        if (res == null) {
            res = new Tensor[0];
        }
        int expected = next.length;
        if (res.length > expected) {
            // PyTorch accepts extra trailing Nones.
            for (int i = expected; i < res.length; i++) {
                if (res[i] != null) {
                    throw incorrectCount(expected, res.length);
                }
            }
            res = java.util.Arrays.copyOf(res, expected);
        } else if (res.length < expected) {
            throw incorrectCount(expected, res.length);
        }
        return res;
    }

    private IllegalStateException incorrectCount(int expected, int got) {
        return new IllegalStateException("function " + name() + " returned an incorrect number of gradients (expected "
                + expected + ", got " + got + ")");
    }
}
