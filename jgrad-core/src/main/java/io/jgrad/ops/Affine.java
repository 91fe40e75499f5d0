package io.jgrad.ops;

import io.jgrad.Tensor;
import io.jgrad.autograd.GradMode;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.ModeGuard;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;

/**
 * {@code F.linear(x, weight, bias)} as one op (PyTorch's addmm path): {@code x @ weight.T + bias} with the
 * bias added into the product in place, and one node, AddmmBackward0, whose backward is the closed form
 * {@code (grad.sum(0), grad @ weight, grad.T @ x)}. Inputs with more than two dimensions are flattened to
 * rows and the result reshaped back.
 */
public final class Affine {
    private Affine() {}

    /** {@code F.linear(x, weight, bias)}; bias may be null. Shapes and dtypes are checked by the caller. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        if (x.dim() != 2) {
            int in = x.size(-1);
            Tensor flat = Views.reshape(x, new int[] {-1, in});
            int[] outShape = x.shape();
            outShape[outShape.length - 1] = weight.size(0);
            return Views.reshape(linear(flat, weight, bias), outShape);
        }
        Tensor out;
        try (ModeGuard g = GradMode.set(false)) {
            out = LinearAlgebra.mm(x, Views.t(weight));
            if (bias != null) {
                Dispatch.addInto(out, bias);
            }
        }
        if (Graph.needsGrad(bias, x, weight)) {
            boolean gx = x.requiresGrad();
            boolean gw = weight.requiresGrad();
            Graph.record(out, new Node("AddmmBackward0", bias, x, weight) {
                final SavedTensor sx = gw ? save(x) : null;
                final SavedTensor sw = gx ? save(weight) : null;

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {
                        needsInputGrad(0) ? g[0] : null,   // summed to the bias's shape by the engine
                        needsInputGrad(1) ? LinearAlgebra.mm(g[0], sw.unpack()) : null,
                        needsInputGrad(2) ? LinearAlgebra.mm(Views.t(g[0]), sx.unpack()) : null};
                }
            });
        }
        return out;
    }
}
