package io.jgrad.ops;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.ActivationOp;
import io.jgrad.kernel.CompareOp;

/**
 * Activation functions of neural networks, each a primitive: the forward is one fused kernel
 * ({@link ActivationOp}, softmax), the backward a closed form next to it (PyTorch's derivatives.yaml line in
 * the Javadoc), written with differentiable ops so that double backward works.
 */
public final class Activations {
    private Activations() {}

    /** SELU's alpha and scale (Klambauer et al.), as in PyTorch. */
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    static final double SELU_SCALE = 1.0507009873554804934193349852946;

    /**
     * Softmax along {@code dim}, max-subtracted for stability. {@code softmax: _softmax_backward_data(grad,
     * result, dim)}, i.e. {@code y * (g - sum(g * y, dim))}.
     *
     * <pre>{@code Activations.softmax(x, 1);   // torch.softmax(x, dim=1) }</pre>
     *
     * @throws IndexOutOfBoundsException if dim is out of range (PyTorch's message)
     */
    public static Tensor softmax(Tensor x, int dim) {
        NnKernels.requireFloating(x, "softmax_lastdim_kernel_impl");
        int d = Shapes.wrapDim(dim, x.dim());
        Tensor out = NnKernels.softmax(x, d, false);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("SoftmaxBackward0", x) {
                final SavedTensor result = saveOutput(out);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor y = result.unpack();
                    Tensor dot = Reductions.sum(Arithmetic.mul(g[0], y), dims(d, y), true);
                    return new Tensor[] {Arithmetic.mul(y, Arithmetic.sub(g[0], dot, 1))};
                }
            });
        }
        return out;
    }

    /**
     * Log-softmax along {@code dim}, computed as {@code x - max - log(sum(exp(x - max)))}.
     * {@code log_softmax: _log_softmax_backward_data(grad, result, dim)}, i.e. {@code g - exp(y) * sum(g, dim)}.
     *
     * <pre>{@code Activations.logSoftmax(x, 1);   // torch.log_softmax(x, dim=1) }</pre>
     */
    public static Tensor logSoftmax(Tensor x, int dim) {
        NnKernels.requireFloating(x, "log_softmax_lastdim_kernel_impl");
        int d = Shapes.wrapDim(dim, x.dim());
        Tensor out = NnKernels.softmax(x, d, true);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("LogSoftmaxBackward0", x) {
                final SavedTensor result = saveOutput(out);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor y = result.unpack();
                    Tensor total = Reductions.sum(g[0], dims(d, y), true);
                    return new Tensor[] {Arithmetic.sub(g[0], Arithmetic.mul(Pointwise.exp(y), total), 1)};
                }
            });
        }
        return out;
    }

    /** GELU, exact (erf) form. <pre>{@code Activations.gelu(x);   // F.gelu(x) }</pre> */
    public static Tensor gelu(Tensor x) {
        return gelu(x, "none");
    }

    /**
     * GELU with {@code approximate} "none" ({@code x Φ(x)}) or "tanh". {@code gelu: gelu_backward(grad, self,
     * approximate)}: {@code g (Φ(x) + x φ(x))}, or the derivative of the tanh form.
     *
     * <pre>{@code Activations.gelu(x, "tanh");   // F.gelu(x, approximate='tanh') }</pre>
     *
     * @throws IllegalArgumentException for another approximate (PyTorch's message)
     */
    public static Tensor gelu(Tensor x, String approximate) {
        boolean tanh;
        if ("none".equals(approximate)) {
            tanh = false;
        } else if ("tanh".equals(approximate)) {
            tanh = true;
        } else {
            throw new IllegalArgumentException("approximate argument must be either none or tanh.");
        }
        NnKernels.requireFloating(x, "GeluKernelImpl");
        Tensor out = NnKernels.activation(tanh ? ActivationOp.GELU_TANH : ActivationOp.GELU, x, 0, 0);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("GeluBackward0", x) {
                final SavedTensor self = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor v = self.unpack();
                    return new Tensor[] {Arithmetic.mul(g[0], tanh ? geluTanhDerivative(v) : geluDerivative(v))};
                }
            });
        }
        return out;
    }

    /** d/dx x Φ(x) = Φ(x) + x φ(x). */
    private static Tensor geluDerivative(Tensor x) {
        Tensor cdf = Arithmetic.scale(Arithmetic.add(c(1, x), MathFunctions.erf(Arithmetic.scale(x, Math.sqrt(0.5))), 1), 0.5);
        Tensor pdf = Arithmetic.scale(Pointwise.exp(Arithmetic.scale(Arithmetic.mul(x, x), -0.5)),
                1 / Math.sqrt(2 * Math.PI));
        return Arithmetic.add(cdf, Arithmetic.mul(x, pdf), 1);
    }

    /** d/dx 0.5 x (1 + tanh(u)), u = b (x + k x^3): 0.5 (1 + t) + 0.5 x (1 - t^2) b (1 + 3 k x^2). */
    private static Tensor geluTanhDerivative(Tensor x) {
        double b = Math.sqrt(2 / Math.PI);
        double k = 0.044715;
        Tensor x2 = Arithmetic.mul(x, x);
        Tensor u = Arithmetic.scale(Arithmetic.add(x, Arithmetic.scale(Arithmetic.mul(x2, x), k), 1), b);
        Tensor t = Pointwise.tanh(u);
        Tensor left = Arithmetic.scale(Arithmetic.add(c(1, x), t, 1), 0.5);
        Tensor sech2 = Arithmetic.sub(c(1, x), Arithmetic.mul(t, t), 1);
        Tensor du = Arithmetic.scale(Arithmetic.add(c(1, x), Arithmetic.scale(x2, 3 * k), 1), b);
        return Arithmetic.add(left, Arithmetic.scale(Arithmetic.mul(Arithmetic.mul(x, sech2), du), 0.5), 1);
    }

    /**
     * SiLU (swish), {@code x * sigmoid(x)}. {@code silu: grad * s * (1 + x (1 - s))}, s = sigmoid(x).
     *
     * <pre>{@code Activations.silu(x);   // F.silu(x) }</pre>
     */
    public static Tensor silu(Tensor x) {
        NnKernels.requireFloating(x, "silu_cpu");
        Tensor out = NnKernels.activation(ActivationOp.SILU, x, 0, 0);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("SiluBackward0", x) {
                final SavedTensor self = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor v = self.unpack();
                    Tensor s = Pointwise.sigmoid(v);
                    Tensor d = Arithmetic.mul(s,
                            Arithmetic.add(c(1, v), Arithmetic.mul(v, Arithmetic.sub(c(1, v), s, 1)), 1));
                    return new Tensor[] {Arithmetic.mul(g[0], d)};
                }
            });
        }
        return out;
    }

    /** Softplus with beta 1 and threshold 20. <pre>{@code Activations.softplus(x);   // F.softplus(x) }</pre> */
    public static Tensor softplus(Tensor x) {
        return softplus(x, 1, 20);
    }

    /**
     * Softplus, {@code log(1 + exp(beta x)) / beta}, linear where {@code beta x > threshold}.
     * {@code softplus: softplus_backward}: {@code g * sigmoid(beta x)} (g where linear).
     *
     * <pre>{@code Activations.softplus(x, 2, 10);   // F.softplus(x, beta=2, threshold=10) }</pre>
     */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        NnKernels.requireFloating(x, "softplus_cpu");
        Tensor out = NnKernels.activation(ActivationOp.SOFTPLUS, x, beta, threshold);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("SoftplusBackward0", x) {
                final SavedTensor self = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor bx = Arithmetic.scale(self.unpack(), beta);
                    Tensor linear = Dispatch.compare(CompareOp.GT, bx, c(threshold, bx));
                    return new Tensor[] {Indexing.where(linear, g[0], Arithmetic.mul(g[0], Pointwise.sigmoid(bx)))};
                }
            });
        }
        return out;
    }

    /**
     * Mish, {@code x * tanh(softplus(x))}. {@code mish: t + x * sigmoid(x) * (1 - t^2)}, t = tanh(softplus(x)).
     *
     * <pre>{@code Activations.mish(x);   // F.mish(x) }</pre>
     */
    public static Tensor mish(Tensor x) {
        NnKernels.requireFloating(x, "mish_cpu");
        Tensor out = NnKernels.activation(ActivationOp.MISH, x, 0, 0);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("MishBackward0", x) {
                final SavedTensor self = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor v = self.unpack();
                    Tensor t = Pointwise.tanh(softplus(v));
                    Tensor sech2 = Arithmetic.sub(c(1, v), Arithmetic.mul(t, t), 1);
                    Tensor d = Arithmetic.add(t, Arithmetic.mul(Arithmetic.mul(v, Pointwise.sigmoid(v)), sech2), 1);
                    return new Tensor[] {Arithmetic.mul(g[0], d)};
                }
            });
        }
        return out;
    }

    /** Leaky ReLU with slope 0.01. <pre>{@code Activations.leakyRelu(x);   // F.leaky_relu(x) }</pre> */
    public static Tensor leakyRelu(Tensor x) {
        return leakyRelu(x, 0.01);
    }

    /**
     * Leaky ReLU, {@code x > 0 ? x : slope x}. {@code leaky_relu: leaky_relu_backward}: {@code x > 0 ? g : slope g}.
     *
     * <pre>{@code Activations.leakyRelu(x, 0.2);   // F.leaky_relu(x, 0.2) }</pre>
     */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        NnKernels.requireFloating(x, "leaky_relu_cpu");
        Tensor out = NnKernels.activation(ActivationOp.LEAKY_RELU, x, negativeSlope, 0);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("LeakyReluBackward0", x) {
                final SavedTensor self = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor v = self.unpack();
                    Tensor pos = Dispatch.compare(CompareOp.GT, v, c(0, v));
                    return new Tensor[] {Indexing.where(pos, g[0], Arithmetic.scale(g[0], negativeSlope))};
                }
            });
        }
        return out;
    }

    /** ELU with alpha 1. <pre>{@code Activations.elu(x);   // F.elu(x) }</pre> */
    public static Tensor elu(Tensor x) {
        return elu(x, 1.0);
    }

    /**
     * ELU, {@code x > 0 ? x : alpha (exp(x) - 1)}. {@code elu: elu_backward}: {@code x > 0 ? g : g alpha exp(x)}.
     *
     * <pre>{@code Activations.elu(x, 0.5);   // F.elu(x, alpha=0.5) }</pre>
     */
    public static Tensor elu(Tensor x, double alpha) {
        return eluScaled(x, alpha, 1.0, "EluBackward0");
    }

    /**
     * SELU, {@code scale * elu(x, alpha)} with PyTorch's constants; recorded as EluBackward0 as in PyTorch.
     *
     * <pre>{@code Activations.selu(x);   // F.selu(x) }</pre>
     */
    public static Tensor selu(Tensor x) {
        return eluScaled(x, SELU_ALPHA, SELU_SCALE, "EluBackward0");
    }

    private static Tensor eluScaled(Tensor x, double alpha, double scale, String name) {
        NnKernels.requireFloating(x, "elu_cpu");
        double neg = alpha * scale;
        Tensor out = NnKernels.activation(ActivationOp.ELU, x, neg, scale);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node(name, x) {
                final SavedTensor self = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor v = self.unpack();
                    Tensor pos = Dispatch.compare(CompareOp.GT, v, c(0, v));
                    Tensor negative = Arithmetic.mul(g[0], Arithmetic.scale(Pointwise.exp(v), neg));
                    return new Tensor[] {Indexing.where(pos, Arithmetic.scale(g[0], scale), negative)};
                }
            });
        }
        return out;
    }

    /** Hardtanh on [-1, 1]. <pre>{@code Activations.hardtanh(x);   // F.hardtanh(x) }</pre> */
    public static Tensor hardtanh(Tensor x) {
        return hardtanh(x, -1, 1);
    }

    /**
     * x clamped to [minVal, maxVal] (integers too). {@code hardtanh: hardtanh_backward}: g strictly inside, 0 at or beyond the
     * bounds.
     *
     * <pre>{@code Activations.hardtanh(x, -2, 2);   // F.hardtanh(x, -2., 2.) }</pre>
     */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        Tensor out = Dispatch.clamp(x, minVal, maxVal);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("HardtanhBackward0", x) {
                final SavedTensor self = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor v = self.unpack();
                    Tensor inside = Dispatch.binary(io.jgrad.kernel.BinaryOp.MUL,
                            Dispatch.compare(CompareOp.GT, v, c(minVal, v)),
                            Dispatch.compare(CompareOp.LT, v, c(maxVal, v)), io.jgrad.DType.BOOL);
                    return new Tensor[] {Indexing.where(inside, g[0], c(0, g[0]))};
                }
            });
        }
        return out;
    }

    /**
     * log(sigmoid(x)), stable: {@code min(x, 0) - log1p(exp(-|x|))}. {@code log_sigmoid: g * sigmoid(-x)}.
     *
     * <pre>{@code Activations.logSigmoid(x);   // F.logsigmoid(x) }</pre>
     */
    public static Tensor logSigmoid(Tensor x) {
        NnKernels.requireFloating(x, "log_sigmoid_cpu");
        Tensor out = NnKernels.activation(ActivationOp.LOG_SIGMOID, x, 0, 0);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("LogSigmoidBackward0", x) {
                final SavedTensor self = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {Arithmetic.mul(g[0], Pointwise.sigmoid(Pointwise.neg(self.unpack())))};
                }
            });
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------

    /** A 0-d constant of t's dtype. */
    static Tensor c(double v, Tensor t) {
        return Torch.scalar(v, t.dtype());
    }

    /** {d} for a tensor with dimensions, {} (all) for a 0-d one. */
    private static int[] dims(int d, Tensor t) {
        return t.dim() == 0 ? new int[0] : new int[] {d};
    }
}
