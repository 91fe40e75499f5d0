package io.jgrad.nn;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.internal.PyFormat;

/**
 * Parameter initialisation, PyTorch's {@code nn.init}: every function fills its tensor in place under no-grad
 * from the default generator, with PyTorch's fan computation and gains, and returns it.
 */
public final class Init {
    private Init() {}

    /**
     * The recommended gain for a nonlinearity ({@code nn.init.calculate_gain(nonlinearity)}).
     *
     * <pre>{@code Init.calculateGain("tanh");   // nn.init.calculate_gain('tanh') -> 5/3 }</pre>
     *
     * @throws IllegalArgumentException for an unknown nonlinearity (PyTorch's message)
     */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, null);
    }

    /**
     * {@code nn.init.calculate_gain(nonlinearity, param)}: param is leaky_relu's negative slope (null: 0.01).
     *
     * <pre>{@code Init.calculateGain("leaky_relu", 0.2);   // nn.init.calculate_gain('leaky_relu', 0.2) }</pre>
     */
    public static double calculateGain(String nonlinearity, Double param) {
        switch (nonlinearity) {
            case "linear": case "conv1d": case "conv2d": case "conv3d": case "conv_transpose1d":
            case "conv_transpose2d": case "conv_transpose3d": case "sigmoid":
                return 1;
            case "tanh":
                return 5.0 / 3;
            case "relu":
                return Math.sqrt(2.0);
            case "leaky_relu": {
                double slope = param == null ? 0.01 : param;
                return Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu":
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        }
    }

    /** U(0, 1) in place. <pre>{@code Init.uniform_(w);   // nn.init.uniform_(w) }</pre> */
    public static Tensor uniform_(Tensor t) {
        return uniform_(t, 0, 1);
    }

    /** U(a, b) in place. <pre>{@code Init.uniform_(w, -1, 1);   // nn.init.uniform_(w, -1., 1.) }</pre> */
    public static Tensor uniform_(Tensor t, double a, double b) {
        return Torch.noGrad(() -> Torch.uniform_(t, a, b));
    }

    /** N(0, 1) in place. <pre>{@code Init.normal_(w);   // nn.init.normal_(w) }</pre> */
    public static Tensor normal_(Tensor t) {
        return normal_(t, 0, 1);
    }

    /** N(mean, std^2) in place. <pre>{@code Init.normal_(w, 0, 0.02);   // nn.init.normal_(w, 0., 0.02) }</pre> */
    public static Tensor normal_(Tensor t, double mean, double std) {
        return Torch.noGrad(() -> Torch.normal_(t, mean, std));
    }

    /** Fills with val. <pre>{@code Init.constant_(w, 0.5);   // nn.init.constant_(w, 0.5) }</pre> */
    public static Tensor constant_(Tensor t, double val) {
        return Torch.noGrad(() -> t.fill_(val));
    }

    /** Fills with 0. <pre>{@code Init.zeros_(b);   // nn.init.zeros_(b) }</pre> */
    public static Tensor zeros_(Tensor t) {
        return Torch.noGrad(() -> t.zero_());
    }

    /** Fills with 1. <pre>{@code Init.ones_(w);   // nn.init.ones_(w) }</pre> */
    public static Tensor ones_(Tensor t) {
        return constant_(t, 1);
    }

    /** Glorot uniform with gain 1. <pre>{@code Init.xavierUniform_(w);   // nn.init.xavier_uniform_(w) }</pre> */
    public static Tensor xavierUniform_(Tensor t) {
        return xavierUniform_(t, 1);
    }

    /**
     * U(-a, a) with {@code a = gain sqrt(6 / (fan_in + fan_out))}.
     *
     * <pre>{@code Init.xavierUniform_(w, 2);   // nn.init.xavier_uniform_(w, gain=2.) }</pre>
     *
     * @throws IllegalArgumentException for a tensor of fewer than 2 dimensions (PyTorch's message)
     */
    public static Tensor xavierUniform_(Tensor t, double gain) {
        int[] fans = fans(t);
        double std = gain * Math.sqrt(2.0 / (fans[0] + fans[1]));
        double a = Math.sqrt(3.0) * std;
        return uniform_(t, -a, a);
    }

    /** Glorot normal with gain 1. <pre>{@code Init.xavierNormal_(w);   // nn.init.xavier_normal_(w) }</pre> */
    public static Tensor xavierNormal_(Tensor t) {
        return xavierNormal_(t, 1);
    }

    /**
     * N(0, std^2) with {@code std = gain sqrt(2 / (fan_in + fan_out))}.
     *
     * <pre>{@code Init.xavierNormal_(w, 2);   // nn.init.xavier_normal_(w, gain=2.) }</pre>
     */
    public static Tensor xavierNormal_(Tensor t, double gain) {
        int[] fans = fans(t);
        return normal_(t, 0, gain * Math.sqrt(2.0 / (fans[0] + fans[1])));
    }

    /** He uniform with a = 0. <pre>{@code Init.kaimingUniform_(w);   // nn.init.kaiming_uniform_(w) }</pre> */
    public static Tensor kaimingUniform_(Tensor t) {
        return kaimingUniform_(t, 0, "fan_in", "leaky_relu");
    }

    /** He uniform for leaky_relu with slope a (Linear uses a = sqrt(5)). <pre>{@code
     * Init.kaimingUniform_(w, Math.sqrt(5));   // nn.init.kaiming_uniform_(w, a=math.sqrt(5)) }</pre> */
    public static Tensor kaimingUniform_(Tensor t, double a) {
        return kaimingUniform_(t, a, "fan_in", "leaky_relu");
    }

    /**
     * U(-b, b) with {@code b = gain sqrt(3 / fan)}, fan by mode ("fan_in" or "fan_out").
     *
     * <pre>{@code Init.kaimingUniform_(w, 0, "fan_out", "relu");
     * // nn.init.kaiming_uniform_(w, a=0, mode='fan_out', nonlinearity='relu')}</pre>
     *
     * @throws IllegalArgumentException for a bad mode or nonlinearity, or fewer than 2 dimensions
     */
    public static Tensor kaimingUniform_(Tensor t, double a, String mode, String nonlinearity) {
        if (t.numel() == 0) {
            return t;
        }
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
        double bound = Math.sqrt(3.0) * std;
        return uniform_(t, -bound, bound);
    }

    /** He normal with a = 0. <pre>{@code Init.kaimingNormal_(w);   // nn.init.kaiming_normal_(w) }</pre> */
    public static Tensor kaimingNormal_(Tensor t) {
        return kaimingNormal_(t, 0, "fan_in", "leaky_relu");
    }

    /**
     * N(0, std^2) with {@code std = gain / sqrt(fan)}.
     *
     * <pre>{@code Init.kaimingNormal_(w, 0, "fan_in", "relu");
     * // nn.init.kaiming_normal_(w, mode='fan_in', nonlinearity='relu')}</pre>
     */
    public static Tensor kaimingNormal_(Tensor t, double a, String mode, String nonlinearity) {
        if (t.numel() == 0) {
            return t;
        }
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
        return normal_(t, 0, std);
    }

    private static int fan(Tensor t, String mode) {
        if (!"fan_in".equals(mode) && !"fan_out".equals(mode)) {
            throw new IllegalArgumentException("Mode " + mode + " not supported, please use one of ['fan_in', 'fan_out']");
        }
        int[] fans = fans(t);
        return "fan_in".equals(mode) ? fans[0] : fans[1];
    }

    /**
     * {fan_in, fan_out}: {@code size(1) * receptive} and {@code size(0) * receptive}, receptive being the product
     * of the sizes after the first two ({@code nn.init._calculate_fan_in_and_fan_out}).
     */
    static int[] fans(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 "
                    + "dimensions");
        }
        int receptive = 1;
        for (int i = 2; i < t.dim(); i++) {
            receptive *= t.size(i);
        }
        return new int[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    /** Python's repr of a float, for module reprs. */
    static String repr(double v) {
        return PyFormat.repr(v);
    }
}
