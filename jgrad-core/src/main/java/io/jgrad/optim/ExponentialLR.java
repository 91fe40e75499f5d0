package io.jgrad.optim;

import java.util.Map;

/**
 * Multiplies each group's learning rate by {@code gamma} every epoch, PyTorch's
 * {@code torch.optim.lr_scheduler.ExponentialLR}.
 *
 * <pre>{@code
 * var sched = new ExponentialLR(opt, 0.9);   // ExponentialLR(opt, gamma=0.9)
 * }</pre>
 */
public class ExponentialLR extends LRScheduler {
    private double gamma;

    /**
     * {@code ExponentialLR(optimizer, gamma)}.
     *
     * <pre>{@code
     * new ExponentialLR(opt, 0.95)   // ExponentialLR(opt, gamma=0.95)
     * }</pre>
     */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        this(optimizer, gamma, -1);
    }

    /**
     * {@code ExponentialLR(optimizer, gamma, last_epoch)}.
     *
     * <pre>{@code
     * new ExponentialLR(opt, 0.95, 9)   // ExponentialLR(opt, gamma=0.95, last_epoch=9)
     * }</pre>
     */
    public ExponentialLR(Optimizer optimizer, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.gamma = gamma;
        initialStep();
    }

    /**
     * The groups' rates times {@code gamma} (unchanged at epoch 0).
     *
     * <pre>{@code
     * getLr()   // ExponentialLR.get_lr()
     * }</pre>
     */
    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0) {
            return lrs;
        }
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = lrs[i] * gamma;
        }
        return lrs;
    }

    /**
     * {@code "gamma"}.
     *
     * <pre>{@code
     * putFields(sd)   // sd['gamma']
     * }</pre>
     */
    @Override
    protected void putFields(Map<String, Object> sd) {
        sd.put("gamma", gamma);
    }

    /**
     * Reads {@code "gamma"}.
     *
     * <pre>{@code
     * readFields(sd)   // self.__dict__.update(sd)
     * }</pre>
     */
    @Override
    protected Runnable readFields(Map<String, ?> sd) {
        double g = sd.containsKey("gamma") ? number(sd.get("gamma"), "gamma") : gamma;
        return () -> gamma = g;
    }
}
