package io.jgrad.optim;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Adam} and {@link AdamW} share: options, checks, state and the update of PyTorch 1.13's
 * {@code _single_tensor_adam} / {@code _single_tensor_adamw}, which differ only in how weight decay is
 * applied (added to the gradient, or decoupled: {@code p *= 1 - lr * weight_decay}).
 */
abstract class AdamUpdate extends Optimizer {
    private final boolean decoupled;

    AdamUpdate(Iterable<?> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean amsgrad, boolean maximize, boolean decoupled) {
        super(params, defaults(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize), AdamUpdate::check);
        this.decoupled = decoupled;
    }

    private static Map<String, Object> defaults(double lr, double beta1, double beta2, double eps,
            double weightDecay, boolean amsgrad, boolean maximize) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("betas", new double[] {beta1, beta2});
        d.put("eps", eps);
        d.put("weight_decay", weightDecay);
        d.put("amsgrad", amsgrad);
        d.put("maximize", maximize);
        return d;
    }

    private static void check(ParamGroup g) {
        double lr = g.getDouble("lr");
        double eps = g.getDouble("eps");
        double beta1 = g.getDouble("betas", 0);
        double beta2 = g.getDouble("betas", 1);
        double weightDecay = g.getDouble("weight_decay");
        require(0.0 <= lr, "learning rate", lr);
        require(0.0 <= eps, "epsilon value", eps);
        require(0.0 <= beta1 && beta1 < 1.0, "beta parameter at index 0", beta1);
        require(0.0 <= beta2 && beta2 < 1.0, "beta parameter at index 1", beta2);
        require(0.0 <= weightDecay, "weight_decay value", weightDecay);
        g.getBoolean("amsgrad");
        g.getBoolean("maximize");
    }

    /**
     * PyTorch's {@code _single_tensor_adam} ({@code _single_tensor_adamw} when decoupled) for one group.
     *
     * <pre>{@code
     * update(group)   // adam(params_with_grad, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, state_steps, ...)
     * }</pre>
     */
    @Override
    protected void update(ParamGroup group) {
        double lr = group.getDouble("lr");
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean amsgrad = group.getBoolean("amsgrad");
        boolean maximize = group.getBoolean("maximize");
        for (Tensor p : group.params()) {
            if (p.grad() == null) {
                continue;
            }
            Map<String, Object> s = stateFor(p);
            if (s.isEmpty()) {
                s.put("step", Torch.scalar(0.0, DType.FLOAT32));
                s.put("exp_avg", Torch.zerosLike(p));
                s.put("exp_avg_sq", Torch.zerosLike(p));
                if (amsgrad) {
                    s.put("max_exp_avg_sq", Torch.zerosLike(p));
                }
            }
            Tensor grad = maximize ? p.grad().neg() : p.grad();
            Tensor expAvg = stateTensor(s, "exp_avg");
            Tensor expAvgSq = stateTensor(s, "exp_avg_sq");
            Tensor stepT = stepTensor(s);
            Tensor maxExpAvgSq = amsgrad ? stateTensor(s, "max_exp_avg_sq") : null;

            stepT.add_(1.0);
            if (decoupled) {
                p.mul_(1 - lr * weightDecay);
            } else if (weightDecay != 0) {
                grad = grad.add(p, weightDecay);
            }
            expAvg.mul_(beta1).add_(grad, 1 - beta1);
            addcmul_(expAvgSq.mul_(beta2), grad, grad, 1 - beta2);

            double step = stepT.item();
            double biasCorrection1 = 1 - Math.pow(beta1, step);
            double biasCorrection2 = 1 - Math.pow(beta2, step);
            double stepSize = lr / biasCorrection1;
            double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
            Tensor denom;
            if (amsgrad) {
                maxExpAvgSq.copy_(maxExpAvgSq.maximum(expAvgSq));
                denom = maxExpAvgSq.sqrt().div(biasCorrection2Sqrt).add_(eps);
            } else {
                denom = expAvgSq.sqrt().div(biasCorrection2Sqrt).add_(eps);
            }
            addcdiv_(p, expAvg, denom, -stepSize);
        }
    }

    /** {@code state['step']}: a 0-d float32 tensor (a number from an old state dict is converted, as PyTorch does). */
    static Tensor stepTensor(Map<String, Object> s) {
        Object v = s.get("step");
        if (v instanceof Number) {
            Tensor t = Torch.scalar(((Number) v).doubleValue(), DType.FLOAT32);
            s.put("step", t);
            return t;
        }
        return stateTensor(s, "step");
    }

    /**
     * {@code step}, {@code exp_avg}, {@code exp_avg_sq}, and {@code max_exp_avg_sq} with amsgrad.
     *
     * <pre>{@code
     * stateKeys(group)   // state.keys() after a step
     * }</pre>
     */
    @Override
    protected List<String> stateKeys(ParamGroup group) {
        return group.getBoolean("amsgrad") ? List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq")
                : List.of("step", "exp_avg", "exp_avg_sq");
    }
}
