package io.jgrad.optim;

/**
 * Adam with decoupled weight decay, PyTorch's {@code torch.optim.AdamW} (1.13's single-tensor update): the
 * same moments as {@link Adam}, but the decay shrinks the parameter directly,
 * {@code p = p * (1 - lr * weight_decay)}, before the Adam step instead of being added to the gradient.
 * Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0.01.
 *
 * <pre>{@code
 * var opt = new AdamW(model.parameters(), 1e-3);   // optim.AdamW(model.parameters(), lr=1e-3)
 * }</pre>
 */
public class AdamW extends AdamUpdate {

    /**
     * AdamW with PyTorch's defaults, {@code optim.AdamW(params)}.
     *
     * <pre>{@code
     * new AdamW(model.parameters())   // optim.AdamW(model.parameters())
     * }</pre>
     *
     * @param params tensors, or {@link ParamGroup}s
     */
    public AdamW(Iterable<?> params) {
        this(params, 1e-3);
    }

    /**
     * {@code optim.AdamW(params, lr=lr)}.
     *
     * <pre>{@code
     * new AdamW(model.parameters(), 0.01)   // optim.AdamW(model.parameters(), lr=0.01)
     * }</pre>
     */
    public AdamW(Iterable<?> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 1e-2, false, false);
    }

    /**
     * {@code optim.AdamW(params, lr, betas=(beta1, beta2))}.
     *
     * <pre>{@code
     * new AdamW(ps, 0.01, 0.8, 0.99)   // optim.AdamW(ps, lr=0.01, betas=(0.8, 0.99))
     * }</pre>
     */
    public AdamW(Iterable<?> params, double lr, double beta1, double beta2) {
        this(params, lr, beta1, beta2, 1e-8, 1e-2, false, false);
    }

    /**
     * {@code optim.AdamW(params, lr, betas, eps)}.
     *
     * <pre>{@code
     * new AdamW(ps, 0.01, 0.9, 0.999, 1e-6)   // optim.AdamW(ps, lr=0.01, eps=1e-6)
     * }</pre>
     */
    public AdamW(Iterable<?> params, double lr, double beta1, double beta2, double eps) {
        this(params, lr, beta1, beta2, eps, 1e-2, false, false);
    }

    /**
     * {@code optim.AdamW(params, lr, betas, eps, weight_decay)}.
     *
     * <pre>{@code
     * new AdamW(ps, 0.01, 0.9, 0.999, 1e-8, 0.1)   // optim.AdamW(ps, lr=0.01, weight_decay=0.1)
     * }</pre>
     */
    public AdamW(Iterable<?> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this(params, lr, beta1, beta2, eps, weightDecay, false, false);
    }

    /**
     * {@code optim.AdamW(params, lr, betas, eps, weight_decay, amsgrad)}.
     *
     * <pre>{@code
     * new AdamW(ps, 0.01, 0.9, 0.999, 1e-8, 0.01, true)   // optim.AdamW(ps, lr=0.01, amsgrad=True)
     * }</pre>
     */
    public AdamW(Iterable<?> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad) {
        this(params, lr, beta1, beta2, eps, weightDecay, amsgrad, false);
    }

    /**
     * Every option, {@code optim.AdamW(params, lr, betas, eps, weight_decay, amsgrad, maximize=maximize)}.
     *
     * <pre>{@code
     * new AdamW(ps, 0.01, 0.9, 0.999, 1e-8, 0.01, false, true)   // optim.AdamW(ps, lr=0.01, maximize=True)
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "Invalid learning rate: ...", "Invalid epsilon value: ...",
     *     "Invalid beta parameter at index 0: ...", "Invalid weight_decay value: ..."
     */
    public AdamW(Iterable<?> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad, boolean maximize) {
        super(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, true);
    }
}
