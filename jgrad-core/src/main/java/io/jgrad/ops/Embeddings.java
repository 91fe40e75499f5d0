package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import java.util.Arrays;

/** Embedding lookup: rows of a weight matrix selected by integer indices, with its own backward. */
public final class Embeddings {
    private Embeddings() {}

    /**
     * {@code weight[indices]} for a 2-D weight [num, dim] and INT64 indices of any shape: the result has shape
     * {@code indices.shape + [dim]}. EmbeddingBackward0: the gradient rows added into zeros at the indices,
     * except at {@code paddingIdx} (null for none; negative counts from the end).
     *
     * <pre>{@code Embeddings.embedding(idx, w, 0);   // F.embedding(idx, w, padding_idx=0) }</pre>
     *
     * @throws IllegalArgumentException for non-integer indices, a weight that is not 2-D or a padding index out
     *     of range (PyTorch's messages)
     * @throws IndexOutOfBoundsException for an index out of range
     */
    public static Tensor embedding(Tensor indices, Tensor weight, Integer paddingIdx) {
        if (weight.dim() != 2) {
            throw new IllegalArgumentException("'weight' must be 2-D");
        }
        if (indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following "
                    + "scalar types: Long, Int; but got " + legacyName(indices.dtype()) + " instead (while checking "
                    + "arguments for embedding)");
        }
        int num = weight.size(0);
        int dim = weight.size(1);
        int pad = -1;
        if (paddingIdx != null) {
            if (paddingIdx >= num || paddingIdx < -num) {
                throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
            }
            pad = paddingIdx < 0 ? paddingIdx + num : paddingIdx;
        }
        long[] idx = indices.toLongArray();
        for (long i : idx) {
            if (i < 0 || i >= num) {
                throw new IndexOutOfBoundsException("index out of range in self");
            }
        }
        int n = idx.length;
        int[] outShape = Arrays.copyOf(indices.shape(), indices.dim() + 1);
        outShape[indices.dim()] = dim;
        Tensor flat = Torch.tensor(idx);
        Tensor out = Losses.raw(() -> Views.reshape(Indexing.indexSelect(weight, 0, flat), outShape));
        if (Graph.needsGrad(weight)) {
            long[] rows = new long[n * dim];
            boolean[] padded = new boolean[n];
            for (int i = 0; i < n; i++) {
                Arrays.fill(rows, i * dim, (i + 1) * dim, idx[i]);
                padded[i] = idx[i] == pad;
            }
            Tensor scatterIndex = Torch.tensor(rows).view(n, dim);
            Tensor padMask = Torch.tensor(padded).view(n, 1);
            int[] weightShape = weight.shape();
            Graph.record(out, new Node("EmbeddingBackward0", weight) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor g2 = Views.reshape(g[0], new int[] {n, dim});
                    g2 = Indexing.where(padMask, Torch.scalar(0, g2.dtype()), g2);
                    return new Tensor[] {Indexing.scatterAddIntoZeros(g2, 0, scatterIndex, weightShape)};
                }
            });
        }
        return out;
    }

    private static String legacyName(DType d) {
        switch (d) {
            case FLOAT32: return "torch.FloatTensor";
            case FLOAT64: return "torch.DoubleTensor";
            default: return "torch.BoolTensor";
        }
    }
}
