package io.jgrad.nn;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;

/**
 * {@code y = x W^T + b}, PyTorch's {@code nn.Linear}. The weight [out, in] is initialised with
 * {@code kaiming_uniform_(a=sqrt(5))} and the bias with U(-1/sqrt(in), 1/sqrt(in)), drawn from the default
 * generator in that order, so {@code Torch.manualSeed(s); new Linear(2, 1)} gives PyTorch's numbers.
 *
 * <pre>{@code Linear fc = new Linear(2, 1);   // fc = nn.Linear(2, 1) }</pre>
 */
public class Linear extends Module {
    /** The weight, [outFeatures, inFeatures] ({@code fc.weight}). */
    public Parameter weight;
    /** The bias, [outFeatures], or null ({@code fc.bias}). */
    public Parameter bias;
    /** {@code fc.in_features}. */
    public final int inFeatures;
    /** {@code fc.out_features}. */
    public final int outFeatures;

    /** {@code nn.Linear(in_features, out_features)}, with a bias. */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /** {@code nn.Linear(in_features, out_features, bias=bias)}. */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = new Parameter(Torch.empty(new int[] {outFeatures, inFeatures}, DType.FLOAT32));
        this.bias = bias ? new Parameter(Torch.empty(new int[] {outFeatures}, DType.FLOAT32)) : null;
        resetParameters();
    }

    /** Re-draws the weight and bias as the constructor does ({@code fc.reset_parameters()}). */
    public void resetParameters() {
        Init.kaimingUniform_(weight, Math.sqrt(5));
        if (bias != null) {
            int fanIn = Init.fans(weight)[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias, -bound, bound);
        }
    }

    /** {@code fc(x)}: {@code F.linear(x, weight, bias)}. */
    @Override
    public Tensor forward(Tensor x) {
        return Functional.linear(x, weight, bias);
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + py(bias != null);
    }
}
