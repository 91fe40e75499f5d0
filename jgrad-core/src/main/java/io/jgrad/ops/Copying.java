package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.storage.Storage;

/** Copies: clone, contiguous, dtype conversion, and dense arrays for export. */
public final class Copying {
    private Copying() {}

    /** {@code x.clone()}. CloneBackward0: {@code grad}. */
    public static Tensor clone(Tensor x) {
        Tensor out = Dispatch.convert(x, x.dtype());
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("CloneBackward0", x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {g[0]};
                }
            });
        }
        return out;
    }

    /** {@code x.contiguous()}: x itself when already contiguous. */
    public static Tensor contiguous(Tensor x) {
        return x.isContiguous() ? x : clone(x);
    }

    /**
     * {@code x.to(dtype)}: x itself when the dtype is the same. ToCopyBackward0: {@code grad.to(self.dtype)}.
     */
    public static Tensor to(Tensor x, DType dtype) {
        if (x.dtype() == dtype) {
            return x;
        }
        Tensor out = Dispatch.convert(x, dtype);
        if (Graph.needsGrad(x) && dtype.isFloatingPoint()) {
            DType from = x.dtype();
            Graph.record(out, new Node("ToCopyBackward0", x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {to(g[0], from)};
                }
            });
        }
        return out;
    }

    /** A fresh dense storage of x's elements in dtype (for toDoubleArray and friends). */
    public static Storage contiguousArray(Tensor x, DType dtype) {
        return Dispatch.contiguousStorage(x, dtype);
    }
}
