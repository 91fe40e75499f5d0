package io.jgrad.optim;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adagrad, PyTorch's {@code torch.optim.Adagrad} (1.13's single-tensor update, dense gradients), with
 * learning-rate decay, L2 weight decay, an initial accumulator value and maximisation:
 * <pre>
 *   t += 1;  g = grad (negated if maximize) + weight_decay * p
 *   clr = lr / (1 + (t - 1) * lr_decay)
 *   sum = sum + g * g;  p = p - clr * g / (sqrt(sum) + eps)
 * </pre>
 * State per parameter, created for every parameter by the constructor as in PyTorch: {@code "step"} (a 0-d
 * float32 tensor) and {@code "sum"} (filled with {@code initial_accumulator_value}). Defaults: lr 1e-2,
 * lr_decay 0, weight_decay 0, initial_accumulator_value 0, eps 1e-10.
 *
 * <pre>{@code
 * var opt = new Adagrad(model.parameters(), 0.1);   // optim.Adagrad(model.parameters(), lr=0.1)
 * }</pre>
 */
public class Adagrad extends Optimizer {

    /**
     * Adagrad with PyTorch's defaults, {@code optim.Adagrad(params)}.
     *
     * <pre>{@code
     * new Adagrad(model.parameters())   // optim.Adagrad(model.parameters())
     * }</pre>
     *
     * @param params tensors, or {@link ParamGroup}s
     */
    public Adagrad(Iterable<?> params) {
        this(params, 1e-2);
    }

    /**
     * {@code optim.Adagrad(params, lr=lr)}.
     *
     * <pre>{@code
     * new Adagrad(model.parameters(), 0.1)   // optim.Adagrad(model.parameters(), lr=0.1)
     * }</pre>
     */
    public Adagrad(Iterable<?> params, double lr) {
        this(params, lr, 0, 0, 0, 1e-10, false);
    }

    /**
     * {@code optim.Adagrad(params, lr, lr_decay)}.
     *
     * <pre>{@code
     * new Adagrad(ps, 0.1, 0.01)   // optim.Adagrad(ps, lr=0.1, lr_decay=0.01)
     * }</pre>
     */
    public Adagrad(Iterable<?> params, double lr, double lrDecay) {
        this(params, lr, lrDecay, 0, 0, 1e-10, false);
    }

    /**
     * {@code optim.Adagrad(params, lr, lr_decay, weight_decay)}.
     *
     * <pre>{@code
     * new Adagrad(ps, 0.1, 0, 1e-4)   // optim.Adagrad(ps, lr=0.1, weight_decay=1e-4)
     * }</pre>
     */
    public Adagrad(Iterable<?> params, double lr, double lrDecay, double weightDecay) {
        this(params, lr, lrDecay, weightDecay, 0, 1e-10, false);
    }

    /**
     * {@code optim.Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value)}.
     *
     * <pre>{@code
     * new Adagrad(ps, 0.1, 0, 0, 0.1)   // optim.Adagrad(ps, lr=0.1, initial_accumulator_value=0.1)
     * }</pre>
     */
    public Adagrad(Iterable<?> params, double lr, double lrDecay, double weightDecay,
            double initialAccumulatorValue) {
        this(params, lr, lrDecay, weightDecay, initialAccumulatorValue, 1e-10, false);
    }

    /**
     * {@code optim.Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value, eps)}.
     *
     * <pre>{@code
     * new Adagrad(ps, 0.1, 0, 0, 0, 1e-8)   // optim.Adagrad(ps, lr=0.1, eps=1e-8)
     * }</pre>
     */
    public Adagrad(Iterable<?> params, double lr, double lrDecay, double weightDecay,
            double initialAccumulatorValue, double eps) {
        this(params, lr, lrDecay, weightDecay, initialAccumulatorValue, eps, false);
    }

    /**
     * Every option, {@code optim.Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value, eps,
     * maximize=maximize)}.
     *
     * <pre>{@code
     * new Adagrad(ps, 0.1, 0, 0, 0, 1e-10, true)   // optim.Adagrad(ps, lr=0.1, maximize=True)
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "Invalid learning rate: ...", "Invalid lr_decay value: ...",
     *     "Invalid weight_decay value: ...", "Invalid initial_accumulator_value value: ...",
     *     "Invalid epsilon value: ..."
     */
    public Adagrad(Iterable<?> params, double lr, double lrDecay, double weightDecay,
            double initialAccumulatorValue, double eps, boolean maximize) {
        super(params, defaults(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize), Adagrad::check);
        for (ParamGroup g : paramGroups()) {
            for (Tensor p : g.params()) {
                initState(p, g);
            }
        }
    }

    private void initState(Tensor p, ParamGroup g) {
        Map<String, Object> s = stateFor(p);
        s.put("step", Torch.scalar(0.0, DType.FLOAT32));
        s.put("sum", Torch.fullLike(p, g.getDouble("initial_accumulator_value")));
    }

    private static Map<String, Object> defaults(double lr, double lrDecay, double weightDecay,
            double initialAccumulatorValue, double eps, boolean maximize) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("lr_decay", lrDecay);
        d.put("eps", eps);
        d.put("weight_decay", weightDecay);
        d.put("initial_accumulator_value", initialAccumulatorValue);
        d.put("maximize", maximize);
        return d;
    }

    private static void check(ParamGroup g) {
        double lr = g.getDouble("lr");
        double lrDecay = g.getDouble("lr_decay");
        double weightDecay = g.getDouble("weight_decay");
        double init = g.getDouble("initial_accumulator_value");
        double eps = g.getDouble("eps");
        require(0.0 <= lr, "learning rate", lr);
        require(0.0 <= lrDecay, "lr_decay value", lrDecay);
        require(0.0 <= weightDecay, "weight_decay value", weightDecay);
        require(0.0 <= init, "initial_accumulator_value value", init);
        require(0.0 <= eps, "epsilon value", eps);
        g.getBoolean("maximize");
    }

    /**
     * PyTorch's {@code _single_tensor_adagrad} for one group. A parameter of a group added after
     * construction gets its state here (PyTorch 1.13 would fail with a KeyError).
     *
     * <pre>{@code
     * update(group)   // adagrad(params_with_grad, grads, state_sums, state_steps, ...)
     * }</pre>
     */
    @Override
    protected void update(ParamGroup group) {
        double lr = group.getDouble("lr");
        double lrDecay = group.getDouble("lr_decay");
        double weightDecay = group.getDouble("weight_decay");
        double eps = group.getDouble("eps");
        boolean maximize = group.getBoolean("maximize");
        for (Tensor p : group.params()) {
            if (p.grad() == null) {
                continue;
            }
            if (stateFor(p).isEmpty()) {
                initState(p, group);
            }
            Map<String, Object> s = stateFor(p);
            Tensor stateSum = stateTensor(s, "sum");
            Tensor stepT = AdamUpdate.stepTensor(s);
            stepT.add_(1.0);
            double step = stepT.item();
            Tensor grad = maximize ? p.grad().neg() : p.grad();
            if (weightDecay != 0) {
                grad = grad.add(p, weightDecay);
            }
            double clr = lr / (1 + (step - 1) * lrDecay);
            addcmul_(stateSum, grad, grad, 1);
            Tensor std = stateSum.sqrt().add_(eps);
            addcdiv_(p, grad, std, -clr);
        }
    }

    /**
     * {@code step} and {@code sum}.
     *
     * <pre>{@code
     * stateKeys(group)   // state.keys()
     * }</pre>
     */
    @Override
    protected List<String> stateKeys(ParamGroup group) {
        return List.of("step", "sum");
    }
}
