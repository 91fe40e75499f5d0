package io.jgrad.optim;

/**
 * Adam, PyTorch's {@code torch.optim.Adam} (1.13's single-tensor update), with L2 weight decay added to the
 * gradient, AMSGrad and maximisation:
 * <pre>
 *   t += 1;  g = grad (negated if maximize) + weight_decay * p
 *   m = beta1 * m + (1 - beta1) * g;   v = beta2 * v + (1 - beta2) * g * g
 *   vmax = max(vmax, v)                                              (amsgrad)
 *   p = p - lr / (1 - beta1^t) * m / (sqrt(v or vmax) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * State per parameter: {@code "step"} (a 0-d float32 tensor, as PyTorch's), {@code "exp_avg"},
 * {@code "exp_avg_sq"}, and {@code "max_exp_avg_sq"} with amsgrad. Defaults: lr 1e-3, betas (0.9, 0.999),
 * eps 1e-8, weight_decay 0.
 *
 * <pre>{@code
 * var opt = new Adam(model.parameters(), 1e-3);   // optim.Adam(model.parameters(), lr=1e-3)
 * }</pre>
 */
public class Adam extends AdamUpdate {

    /**
     * Adam with PyTorch's defaults, {@code optim.Adam(params)}.
     *
     * <pre>{@code
     * new Adam(model.parameters())   // optim.Adam(model.parameters())
     * }</pre>
     *
     * @param params tensors, or {@link ParamGroup}s
     */
    public Adam(Iterable<?> params) {
        this(params, 1e-3);
    }

    /**
     * {@code optim.Adam(params, lr=lr)}.
     *
     * <pre>{@code
     * new Adam(model.parameters(), 0.01)   // optim.Adam(model.parameters(), lr=0.01)
     * }</pre>
     */
    public Adam(Iterable<?> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false, false);
    }

    /**
     * {@code optim.Adam(params, lr, betas=(beta1, beta2))}.
     *
     * <pre>{@code
     * new Adam(ps, 0.01, 0.8, 0.99)   // optim.Adam(ps, lr=0.01, betas=(0.8, 0.99))
     * }</pre>
     */
    public Adam(Iterable<?> params, double lr, double beta1, double beta2) {
        this(params, lr, beta1, beta2, 1e-8, 0, false, false);
    }

    /**
     * {@code optim.Adam(params, lr, betas, eps)}.
     *
     * <pre>{@code
     * new Adam(ps, 0.01, 0.9, 0.999, 1e-6)   // optim.Adam(ps, lr=0.01, eps=1e-6)
     * }</pre>
     */
    public Adam(Iterable<?> params, double lr, double beta1, double beta2, double eps) {
        this(params, lr, beta1, beta2, eps, 0, false, false);
    }

    /**
     * {@code optim.Adam(params, lr, betas, eps, weight_decay)}.
     *
     * <pre>{@code
     * new Adam(ps, 0.01, 0.9, 0.999, 1e-8, 1e-4)   // optim.Adam(ps, lr=0.01, weight_decay=1e-4)
     * }</pre>
     */
    public Adam(Iterable<?> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this(params, lr, beta1, beta2, eps, weightDecay, false, false);
    }

    /**
     * {@code optim.Adam(params, lr, betas, eps, weight_decay, amsgrad)}.
     *
     * <pre>{@code
     * new Adam(ps, 0.01, 0.9, 0.999, 1e-8, 0, true)   // optim.Adam(ps, lr=0.01, amsgrad=True)
     * }</pre>
     */
    public Adam(Iterable<?> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad) {
        this(params, lr, beta1, beta2, eps, weightDecay, amsgrad, false);
    }

    /**
     * Every option, {@code optim.Adam(params, lr, betas, eps, weight_decay, amsgrad, maximize=maximize)}.
     *
     * <pre>{@code
     * new Adam(ps, 0.01, 0.9, 0.999, 1e-8, 0, false, true)   // optim.Adam(ps, lr=0.01, maximize=True)
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "Invalid learning rate: ...", "Invalid epsilon value: ...",
     *     "Invalid beta parameter at index 0: ...", "Invalid weight_decay value: ..."
     */
    public Adam(Iterable<?> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad, boolean maximize) {
        super(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, false);
    }
}
