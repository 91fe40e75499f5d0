package io.jgrad.ops;

import io.jgrad.Tensor;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.Copy;
import io.jgrad.storage.Storage;

/**
 * The two adjoint primitives behind every op that moves elements by a computed index map (index_select,
 * gather, advanced indexing, flip, padding, diag, ...): {@link #take} reads {@code x} at offsets into its
 * dense row-major layout, {@link #putAdd} adds into zeros at those offsets. Each is the other's backward,
 * so all such ops are differentiable to any order.
 */
final class OffsetOps {
    private OffsetOps() {}

    /**
     * {@code out[i] = x[offs[i]]} (offsets into x's row-major layout), shaped {@code outShape}. Backward:
     * {@link #putAdd} into x's shape.
     */
    static Tensor take(Tensor x, int[] offs, int[] outShape, String name) {
        Storage src = Dispatch.contiguousStorage(x, x.dtype());
        Storage out = Storage.allocate(x.dtype(), offs.length);
        Copy.gather(src.array(), offs, out.array(), 0);
        Tensor r = Dispatch.wrap(out, outShape);
        if (Graph.needsGrad(x)) {
            int[] shape = Dispatch.A.shape(x);
            Graph.record(r, new Node(name, x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {putAdd(g[0], offs, shape, "TakeBackwardBackward0")};
                }
            });
        }
        return r;
    }

    /**
     * Zeros of {@code shape} with {@code src}'s elements added at {@code offs} (row-major offsets). Backward:
     * {@link #take} at the same offsets.
     */
    static Tensor putAdd(Tensor src, int[] offs, int[] shape, String name) {
        Storage out = Storage.allocate(src.dtype(), Shapes.numel(shape));
        Copy.scatterAdd(Dispatch.contiguousStorage(src, src.dtype()).array(), 0, out.array(), offs);
        Tensor r = Dispatch.wrap(out, shape);
        if (Graph.needsGrad(src)) {
            int[] srcShape = Dispatch.A.shape(src);
            Graph.record(r, new Node(name, src) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {take(g[0], offs, srcShape, "PutAddBackwardBackward0")};
                }
            });
        }
        return r;
    }
}
