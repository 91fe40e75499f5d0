package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.internal.Shapes;
import io.jgrad.storage.Storage;
import java.util.ArrayList;
import java.util.List;

/** Joining tensors: cat and stack, with their backward (slices of the gradient). */
public final class Joining {
    private Joining() {}

    /**
     * {@code torch.cat(tensors, dim)}; 1-D empty tensors are skipped as in PyTorch. CatBackward0: each input
     * gets its slice of the gradient.
     *
     * @throws IllegalArgumentException for an empty list or mismatched shapes (PyTorch's messages)
     */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
        }
        List<Tensor> parts = new ArrayList<>(tensors.size());
        Tensor ref = null;
        DType dtype = null;
        for (Tensor t : tensors) {
            dtype = dtype == null ? t.dtype() : Dispatch.promoteTypes(dtype, t.dtype());
            boolean legacyEmpty = t.dim() == 1 && t.numel() == 0;
            if (!legacyEmpty) {
                if (ref == null) {
                    ref = t;
                }
                parts.add(t);
            }
        }
        if (ref == null) {
            return Dispatch.empty(new int[] {0}, dtype);
        }
        int[] refShape = Dispatch.A.shape(ref);
        if (refShape.length == 0) {
            throw new IllegalArgumentException("zero-dimensional tensor (at position 0) cannot be concatenated");
        }
        int d = Shapes.wrapDim(dim, refShape.length);
        int total = 0;
        int[] sizes = new int[tensors.size()];
        for (int k = 0; k < tensors.size(); k++) {
            Tensor t = tensors.get(k);
            int[] s = Dispatch.A.shape(t);
            if (t.dim() == 1 && t.numel() == 0) {
                continue;
            }
            if (s.length != refShape.length) {
                throw new IllegalArgumentException("Tensors must have same number of dimensions: got "
                        + refShape.length + " and " + s.length);
            }
            for (int i = 0; i < s.length; i++) {
                if (i != d && s[i] != refShape[i]) {
                    throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + d
                            + ". Expected size " + refShape[i] + " but got size " + s[i] + " for tensor number " + k
                            + " in the list.");
                }
            }
            sizes[k] = s[d];
            total += s[d];
        }
        int[] outShape = refShape.clone();
        outShape[d] = total;
        int outer = 1;
        int inner = 1;
        for (int i = 0; i < d; i++) {
            outer *= outShape[i];
        }
        for (int i = d + 1; i < outShape.length; i++) {
            inner *= outShape[i];
        }
        Storage out = Storage.allocate(dtype, Shapes.numel(outShape));
        int at = 0;
        for (Tensor t : parts) {
            int len = Dispatch.A.shape(t)[d] * inner;
            Dispatch.Dense src = Dispatch.dense(t, dtype);
            for (int p = 0; p < outer; p++) {
                System.arraycopy(src.array(), src.offset() + p * len, out.array(), p * total * inner + at, len);
            }
            at += len;
        }
        Tensor r = Dispatch.wrap(out, outShape);
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (Graph.needsGrad(inputs)) {
            Graph.record(r, new Node("CatBackward0", inputs) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor[] res = new Tensor[inputs.length];
                    int start = 0;
                    for (int k = 0; k < inputs.length; k++) {
                        if (inputs[k].dim() == 1 && inputs[k].numel() == 0) {
                            continue;
                        }
                        if (needsInputGrad(k)) {
                            res[k] = Views.narrow(g[0], d, start, sizes[k]);
                        }
                        start += sizes[k];
                    }
                    return res;
                }
            });
        }
        return r;
    }

    /**
     * {@code torch.stack(tensors, dim)}: all the same shape, joined along a new dimension. StackBackward0:
     * each input gets {@code grad.select(dim, k)}.
     */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack expects a non-empty TensorList");
        }
        int[] s0 = Dispatch.A.shape(tensors.get(0));
        int d = Shapes.wrapDim(dim, s0.length + 1);
        List<Tensor> parts = new ArrayList<>(tensors.size());
        for (int k = 0; k < tensors.size(); k++) {
            int[] s = Dispatch.A.shape(tensors.get(k));
            if (!java.util.Arrays.equals(s, s0)) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got " + Shapes.str(s0)
                        + " at entry 0 and " + Shapes.str(s) + " at entry " + k);
            }
            parts.add(Views.unsqueeze(tensors.get(k).detach(), d));
        }
        Tensor r = cat(parts, d);
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (Graph.needsGrad(inputs)) {
            Graph.record(r, new Node("StackBackward0", inputs) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor[] res = new Tensor[inputs.length];
                    for (int k = 0; k < inputs.length; k++) {
                        res[k] = needsInputGrad(k) ? Views.select(g[0], d, k) : null;
                    }
                    return res;
                }
            });
        }
        return r;
    }
}
