package io.jgrad;

/**
 * The pair returned by {@code max(dim, keepDim)} and {@code min(dim, keepDim)}, PyTorch's
 * {@code torch.return_types.max}.
 *
 * <pre>{@code
 * var r = x.max(1, false);     // r = x.max(1)
 * Tensor v = r.values();       // r.values
 * Tensor i = r.indices();      // r.indices
 * }</pre>
 *
 * @param values the extreme values (differentiable)
 * @param indices their INT64 positions along the reduced dimension
 */
public record ValuesIndices(Tensor values, Tensor indices) {
    @Override
    public String toString() {
        return "torch.return_types.max(\nvalues=" + values + ",\nindices=" + indices + ")";
    }
}
