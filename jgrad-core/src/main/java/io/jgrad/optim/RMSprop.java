package io.jgrad.optim;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop, PyTorch's {@code torch.optim.RMSprop} (1.13's single-tensor update), with L2 weight decay,
 * momentum, the centered variant and maximisation:
 * <pre>
 *   g = grad (negated if maximize) + weight_decay * p
 *   v = alpha * v + (1 - alpha) * g * g
 *   avg = sqrt(v - ga * ga) + eps with ga = alpha * ga + (1 - alpha) * g   (centered)
 *   avg = sqrt(v) + eps                                                    (otherwise)
 *   b = momentum * b + g / avg;  p = p - lr * b                             (momentum > 0)
 *   p = p - lr * g / avg                                                   (otherwise)
 * </pre>
 * State per parameter: {@code "step"} (an {@link Integer}, as PyTorch's), {@code "square_avg"},
 * {@code "momentum_buffer"} (if momentum &gt; 0) and {@code "grad_avg"} (if centered). Defaults: lr 1e-2,
 * alpha 0.99, eps 1e-8, weight_decay 0, momentum 0, centered false.
 *
 * <pre>{@code
 * var opt = new RMSprop(model.parameters(), 0.01);   // optim.RMSprop(model.parameters(), lr=0.01)
 * }</pre>
 */
public class RMSprop extends Optimizer {

    /**
     * RMSprop with PyTorch's defaults, {@code optim.RMSprop(params)}.
     *
     * <pre>{@code
     * new RMSprop(model.parameters())   // optim.RMSprop(model.parameters())
     * }</pre>
     *
     * @param params tensors, or {@link ParamGroup}s
     */
    public RMSprop(Iterable<?> params) {
        this(params, 1e-2);
    }

    /**
     * {@code optim.RMSprop(params, lr=lr)}.
     *
     * <pre>{@code
     * new RMSprop(model.parameters(), 0.001)   // optim.RMSprop(model.parameters(), lr=0.001)
     * }</pre>
     */
    public RMSprop(Iterable<?> params, double lr) {
        this(params, lr, 0.99, 1e-8, 0, 0, false, false);
    }

    /**
     * {@code optim.RMSprop(params, lr, alpha)}.
     *
     * <pre>{@code
     * new RMSprop(ps, 0.01, 0.9)   // optim.RMSprop(ps, lr=0.01, alpha=0.9)
     * }</pre>
     */
    public RMSprop(Iterable<?> params, double lr, double alpha) {
        this(params, lr, alpha, 1e-8, 0, 0, false, false);
    }

    /**
     * {@code optim.RMSprop(params, lr, alpha, eps)}.
     *
     * <pre>{@code
     * new RMSprop(ps, 0.01, 0.99, 1e-6)   // optim.RMSprop(ps, lr=0.01, eps=1e-6)
     * }</pre>
     */
    public RMSprop(Iterable<?> params, double lr, double alpha, double eps) {
        this(params, lr, alpha, eps, 0, 0, false, false);
    }

    /**
     * {@code optim.RMSprop(params, lr, alpha, eps, weight_decay)}.
     *
     * <pre>{@code
     * new RMSprop(ps, 0.01, 0.99, 1e-8, 1e-4)   // optim.RMSprop(ps, lr=0.01, weight_decay=1e-4)
     * }</pre>
     */
    public RMSprop(Iterable<?> params, double lr, double alpha, double eps, double weightDecay) {
        this(params, lr, alpha, eps, weightDecay, 0, false, false);
    }

    /**
     * {@code optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum)}.
     *
     * <pre>{@code
     * new RMSprop(ps, 0.01, 0.99, 1e-8, 0, 0.9)   // optim.RMSprop(ps, lr=0.01, momentum=0.9)
     * }</pre>
     */
    public RMSprop(Iterable<?> params, double lr, double alpha, double eps, double weightDecay, double momentum) {
        this(params, lr, alpha, eps, weightDecay, momentum, false, false);
    }

    /**
     * {@code optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum, centered)}.
     *
     * <pre>{@code
     * new RMSprop(ps, 0.01, 0.99, 1e-8, 0, 0, true)   // optim.RMSprop(ps, lr=0.01, centered=True)
     * }</pre>
     */
    public RMSprop(Iterable<?> params, double lr, double alpha, double eps, double weightDecay, double momentum,
            boolean centered) {
        this(params, lr, alpha, eps, weightDecay, momentum, centered, false);
    }

    /**
     * Every option, {@code optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum, centered, maximize=...)}.
     *
     * <pre>{@code
     * new RMSprop(ps, 0.01, 0.99, 1e-8, 0, 0, false, true)   // optim.RMSprop(ps, lr=0.01, maximize=True)
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "Invalid learning rate: ...", "Invalid epsilon value: ...",
     *     "Invalid momentum value: ...", "Invalid weight_decay value: ...", "Invalid alpha value: ..."
     */
    public RMSprop(Iterable<?> params, double lr, double alpha, double eps, double weightDecay, double momentum,
            boolean centered, boolean maximize) {
        super(params, defaults(lr, alpha, eps, weightDecay, momentum, centered, maximize), RMSprop::check);
    }

    private static Map<String, Object> defaults(double lr, double alpha, double eps, double weightDecay,
            double momentum, boolean centered, boolean maximize) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", momentum);
        d.put("alpha", alpha);
        d.put("eps", eps);
        d.put("centered", centered);
        d.put("weight_decay", weightDecay);
        d.put("maximize", maximize);
        return d;
    }

    private static void check(ParamGroup g) {
        double lr = g.getDouble("lr");
        double eps = g.getDouble("eps");
        double momentum = g.getDouble("momentum");
        double weightDecay = g.getDouble("weight_decay");
        double alpha = g.getDouble("alpha");
        require(0.0 <= lr, "learning rate", lr);
        require(0.0 <= eps, "epsilon value", eps);
        require(0.0 <= momentum, "momentum value", momentum);
        require(0.0 <= weightDecay, "weight_decay value", weightDecay);
        require(0.0 <= alpha, "alpha value", alpha);
        g.getBoolean("centered");
        g.getBoolean("maximize");
    }

    /**
     * PyTorch's {@code _single_tensor_rmsprop} for one group.
     *
     * <pre>{@code
     * update(group)   // rmsprop(params_with_grad, grads, square_avgs, grad_avgs, momentum_buffer_list, ...)
     * }</pre>
     */
    @Override
    protected void update(ParamGroup group) {
        double lr = group.getDouble("lr");
        double alpha = group.getDouble("alpha");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        double momentum = group.getDouble("momentum");
        boolean centered = group.getBoolean("centered");
        boolean maximize = group.getBoolean("maximize");
        for (Tensor p : group.params()) {
            if (p.grad() == null) {
                continue;
            }
            Map<String, Object> s = stateFor(p);
            if (s.isEmpty()) {
                s.put("step", 0);
                s.put("square_avg", Torch.zerosLike(p));
                if (momentum > 0) {
                    s.put("momentum_buffer", Torch.zerosLike(p));
                }
                if (centered) {
                    s.put("grad_avg", Torch.zerosLike(p));
                }
            }
            Tensor squareAvg = stateTensor(s, "square_avg");
            Tensor buf = momentum > 0 ? stateTensor(s, "momentum_buffer") : null;
            Tensor gradAvg = centered ? stateTensor(s, "grad_avg") : null;
            Object step = s.get("step");
            s.put("step", (step instanceof Number ? ((Number) step).intValue() : 0) + 1);

            Tensor grad = maximize ? p.grad().neg() : p.grad();
            if (weightDecay != 0) {
                grad = grad.add(p, weightDecay);
            }
            addcmul_(squareAvg.mul_(alpha), grad, grad, 1 - alpha);
            Tensor avg;
            if (centered) {
                gradAvg.mul_(alpha).add_(grad, 1 - alpha);
                avg = squareAvg.add(gradAvg.mul(-1.0).mul(gradAvg)).sqrt();
            } else {
                avg = squareAvg.sqrt();
            }
            avg = avg.add_(eps);
            if (momentum > 0) {
                addcdiv_(buf.mul_(momentum), grad, avg, 1);
                p.add_(buf, -lr);
            } else {
                addcdiv_(p, grad, avg, -lr);
            }
        }
    }

    /**
     * {@code step} and {@code square_avg}, plus {@code momentum_buffer} with momentum and {@code grad_avg}
     * when centered.
     *
     * <pre>{@code
     * stateKeys(group)   // state.keys() after a step
     * }</pre>
     */
    @Override
    protected List<String> stateKeys(ParamGroup group) {
        List<String> keys = new ArrayList<>(List.of("step", "square_avg"));
        if (group.getDouble("momentum") > 0) {
            keys.add("momentum_buffer");
        }
        if (group.getBoolean("centered")) {
            keys.add("grad_avg");
        }
        return keys;
    }
}
