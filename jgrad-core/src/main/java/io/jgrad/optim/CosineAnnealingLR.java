package io.jgrad.optim;

import java.util.Map;

/**
 * Cosine annealing of each group's learning rate from its initial value down to {@code etaMin} over
 * {@code tMax} epochs (and back up, periodically, after that), in PyTorch's recursive (chainable) form,
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}:
 * {@code lr_t = (1 + cos(pi t / T)) / (1 + cos(pi (t - 1) / T)) * (lr_{t-1} - eta_min) + eta_min}.
 *
 * <pre>{@code
 * var sched = new CosineAnnealingLR(opt, 100);   // CosineAnnealingLR(opt, T_max=100)
 * }</pre>
 */
public class CosineAnnealingLR extends LRScheduler {
    private int tMax;
    private double etaMin;

    /**
     * {@code CosineAnnealingLR(optimizer, T_max)} with eta_min 0.
     *
     * <pre>{@code
     * new CosineAnnealingLR(opt, 50)   // CosineAnnealingLR(opt, T_max=50)
     * }</pre>
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0, -1);
    }

    /**
     * {@code CosineAnnealingLR(optimizer, T_max, eta_min)}.
     *
     * <pre>{@code
     * new CosineAnnealingLR(opt, 50, 1e-4)   // CosineAnnealingLR(opt, T_max=50, eta_min=1e-4)
     * }</pre>
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        this(optimizer, tMax, etaMin, -1);
    }

    /**
     * {@code CosineAnnealingLR(optimizer, T_max, eta_min, last_epoch)}.
     *
     * <pre>{@code
     * new CosineAnnealingLR(opt, 50, 0, 9)   // CosineAnnealingLR(opt, T_max=50, last_epoch=9)
     * }</pre>
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    /**
     * PyTorch's {@code CosineAnnealingLR.get_lr()}, branch by branch.
     *
     * <pre>{@code
     * getLr()   // CosineAnnealingLR.get_lr()
     * }</pre>
     */
    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0) {
            return lrs;
        }
        for (int i = 0; i < lrs.length; i++) {
            double base = baseLrs.get(i);
            if (stepCount == 1 && lastEpoch > 0) {
                lrs[i] = etaMin + (base - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2;
            } else if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
                lrs[i] = lrs[i] + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            } else {
                lrs[i] = (1 + Math.cos(Math.PI * lastEpoch / tMax))
                        / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax)) * (lrs[i] - etaMin) + etaMin;
            }
        }
        return lrs;
    }

    /**
     * {@code "T_max"} and {@code "eta_min"}.
     *
     * <pre>{@code
     * putFields(sd)   // sd['T_max'], sd['eta_min']
     * }</pre>
     */
    @Override
    protected void putFields(Map<String, Object> sd) {
        sd.put("T_max", tMax);
        sd.put("eta_min", etaMin);
    }

    /**
     * Reads {@code "T_max"} and {@code "eta_min"}.
     *
     * <pre>{@code
     * readFields(sd)   // self.__dict__.update(sd)
     * }</pre>
     */
    @Override
    protected Runnable readFields(Map<String, ?> sd) {
        int t = sd.containsKey("T_max") ? integer(sd.get("T_max"), "T_max") : tMax;
        double e = sd.containsKey("eta_min") ? number(sd.get("eta_min"), "eta_min") : etaMin;
        return () -> {
            tMax = t;
            etaMin = e;
        };
    }
}
