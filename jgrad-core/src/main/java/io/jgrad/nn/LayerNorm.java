package io.jgrad.nn;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;

/**
 * Layer normalisation over the trailing {@code normalizedShape} dimensions, PyTorch's {@code nn.LayerNorm};
 * the weight starts at ones and the bias at zeros.
 *
 * <pre>{@code LayerNorm ln = new LayerNorm(4);   // ln = nn.LayerNorm(4) }</pre>
 */
public class LayerNorm extends Module {
    /** Elementwise scale ({@code ln.weight}), null without elementwise affine. */
    public Parameter weight;
    /** Elementwise shift ({@code ln.bias}), null without elementwise affine. */
    public Parameter bias;
    private final int[] normalizedShape;
    /** {@code eps}. */
    public final double eps;

    /** {@code nn.LayerNorm(normalized_shape)}: eps 1e-5, elementwise affine. */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /** {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine)}. */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        if (elementwiseAffine) {
            weight = new Parameter(Torch.ones(normalizedShape, DType.FLOAT32));
            bias = new Parameter(Torch.zeros(normalizedShape, DType.FLOAT32));
        }
    }

    /** {@code ln.normalized_shape}. */
    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    /** {@code ln(x)}. */
    @Override
    public Tensor forward(Tensor x) {
        return Functional.layerNorm(x, normalizedShape, weight, bias, eps);
    }

    @Override
    public String extraRepr() {
        StringBuilder t = new StringBuilder("(");
        for (int i = 0; i < normalizedShape.length; i++) {
            t.append(i == 0 ? "" : ", ").append(normalizedShape[i]);
        }
        t.append(normalizedShape.length == 1 ? ",)" : ")");
        return t + ", eps=" + Init.repr(eps) + ", elementwise_affine=" + py(weight != null);
    }
}
