package io.jgrad.optim;

import io.jgrad.Tensor;
import io.jgrad.ops.NnKernels;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum, L2 weight decay and
 * maximisation, PyTorch's {@code torch.optim.SGD} (1.13's single-tensor update):
 * <pre>
 *   g = grad (negated if maximize) + weight_decay * p
 *   b = g on the first step, else momentum * b + (1 - dampening) * g     (if momentum != 0)
 *   g = g + momentum * b if nesterov, else b                               (if momentum != 0)
 *   p = p - lr * g
 * </pre>
 * State per parameter: {@code "momentum_buffer"} (null when momentum is 0, as in PyTorch).
 *
 * <pre>{@code
 * var opt = new SGD(model.parameters(), 0.1, 0.9);   // optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
 * }</pre>
 */
public class SGD extends Optimizer {

    /**
     * Plain SGD, {@code optim.SGD(params, lr=lr)}.
     *
     * <pre>{@code
     * new SGD(model.parameters(), 0.01)   // optim.SGD(model.parameters(), lr=0.01)
     * }</pre>
     *
     * @param params tensors, or {@link ParamGroup}s
     */
    public SGD(Iterable<?> params, double lr) {
        this(params, lr, 0, 0, 0, false, false);
    }

    /**
     * SGD with momentum, {@code optim.SGD(params, lr, momentum)}.
     *
     * <pre>{@code
     * new SGD(model.parameters(), 0.01, 0.9)   // optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
     * }</pre>
     */
    public SGD(Iterable<?> params, double lr, double momentum) {
        this(params, lr, momentum, 0, 0, false, false);
    }

    /**
     * {@code optim.SGD(params, lr, momentum, dampening)}.
     *
     * <pre>{@code
     * new SGD(ps, 0.01, 0.9, 0.1)   // optim.SGD(ps, lr=0.01, momentum=0.9, dampening=0.1)
     * }</pre>
     */
    public SGD(Iterable<?> params, double lr, double momentum, double dampening) {
        this(params, lr, momentum, dampening, 0, false, false);
    }

    /**
     * {@code optim.SGD(params, lr, momentum, dampening, weight_decay)}.
     *
     * <pre>{@code
     * new SGD(ps, 0.01, 0.9, 0, 1e-4)   // optim.SGD(ps, lr=0.01, momentum=0.9, weight_decay=1e-4)
     * }</pre>
     */
    public SGD(Iterable<?> params, double lr, double momentum, double dampening, double weightDecay) {
        this(params, lr, momentum, dampening, weightDecay, false, false);
    }

    /**
     * {@code optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov)}.
     *
     * <pre>{@code
     * new SGD(ps, 0.01, 0.9, 0, 0, true)   // optim.SGD(ps, lr=0.01, momentum=0.9, nesterov=True)
     * }</pre>
     */
    public SGD(Iterable<?> params, double lr, double momentum, double dampening, double weightDecay,
            boolean nesterov) {
        this(params, lr, momentum, dampening, weightDecay, nesterov, false);
    }

    /**
     * Every option, {@code optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov, maximize=...)}.
     *
     * <pre>{@code
     * new SGD(ps, 0.01, 0, 0, 0, false, true)   // optim.SGD(ps, lr=0.01, maximize=True)
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "Invalid learning rate: -1.0", "Invalid momentum value: ...",
     *     "Invalid weight_decay value: ...", "Nesterov momentum requires a momentum and zero dampening"
     */
    public SGD(Iterable<?> params, double lr, double momentum, double dampening, double weightDecay,
            boolean nesterov, boolean maximize) {
        super(params, defaults(lr, momentum, dampening, weightDecay, nesterov, maximize), SGD::check);
    }

    private static Map<String, Object> defaults(double lr, double momentum, double dampening, double weightDecay,
            boolean nesterov, boolean maximize) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", momentum);
        d.put("dampening", dampening);
        d.put("weight_decay", weightDecay);
        d.put("nesterov", nesterov);
        d.put("maximize", maximize);
        return d;
    }

    private static void check(ParamGroup g) {
        double lr = g.getDouble("lr");
        double momentum = g.getDouble("momentum");
        double weightDecay = g.getDouble("weight_decay");
        require(!(lr < 0.0), "learning rate", lr);
        require(!(momentum < 0.0), "momentum value", momentum);
        require(!(weightDecay < 0.0), "weight_decay value", weightDecay);
        if (g.getBoolean("nesterov") && (momentum <= 0 || g.getDouble("dampening") != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        g.getBoolean("maximize");
    }

    /**
     * PyTorch's {@code _single_tensor_sgd} for one group.
     *
     * <pre>{@code
     * update(group)   // sgd(params_with_grad, d_p_list, momentum_buffer_list, ...)
     * }</pre>
     */
    @Override
    protected void update(ParamGroup group) {
        double lr = group.getDouble("lr");
        double momentum = group.getDouble("momentum");
        double dampening = group.getDouble("dampening");
        double weightDecay = group.getDouble("weight_decay");
        boolean nesterov = group.getBoolean("nesterov");
        boolean maximize = group.getBoolean("maximize");
        for (Tensor p : group.params()) {
            if (p.grad() == null) {
                continue;
            }
            Map<String, Object> s = stateFor(p);
            Tensor buf = (Tensor) s.get("momentum_buffer");
            if (weightDecay == 0 && !maximize && !nesterov && (momentum == 0 || buf != null)
                    && NnKernels.sgdStep(p, momentum == 0 ? null : buf, p.grad(), momentum, 1 - dampening, -lr)) {
                s.put("momentum_buffer", buf); // the in-place ops below in one pass, the same bits
                continue;
            }
            Tensor dp = maximize ? p.grad().neg() : p.grad();
            if (weightDecay != 0) {
                dp = dp.add(p, weightDecay);
            }
            if (momentum != 0) {
                if (buf == null) {
                    buf = dp.clone().detach();
                } else {
                    buf.mul_(momentum).add_(dp, 1 - dampening);
                }
                dp = nesterov ? dp.add(buf, momentum) : buf;
            }
            p.add_(dp, -lr);
            s.put("momentum_buffer", buf);
        }
    }
}
