package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * A tensor that is a module's learnable weight, PyTorch's {@code nn.Parameter}: a leaf that requires grad
 * (unless told otherwise), sharing the elements of the tensor it wraps. {@code Module} finds fields of this
 * type automatically.
 *
 * <pre>{@code
 * Parameter w = new Parameter(torch.randn(3, 2));   // w = nn.Parameter(torch.randn(3, 2))
 * }</pre>
 */
public class Parameter extends Tensor {
    /** Wraps {@code data} as a parameter that requires grad ({@code nn.Parameter(data)}). */
    public Parameter(Tensor data) {
        this(data, true);
    }

    /**
     * {@code nn.Parameter(data, requires_grad=requiresGrad)}.
     *
     * @throws IllegalArgumentException if {@code requiresGrad} and data is not floating point
     */
    public Parameter(Tensor data, boolean requiresGrad) {
        super(checked(data, requiresGrad), requiresGrad);
    }

    private static Tensor checked(Tensor data, boolean requiresGrad) {
        if (requiresGrad && !data.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Only Tensors of floating point and complex dtype can require gradients");
        }
        return data;
    }

    /** {@code Parameter containing:\ntensor(...)} as PyTorch prints parameters. */
    @Override
    public String toString() {
        return "Parameter containing:\n" + super.toString();
    }
}
