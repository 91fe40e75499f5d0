package io.jgrad.optim;

import java.util.Map;

/**
 * Multiplies each group's learning rate by {@code gamma} every {@code stepSize} epochs, PyTorch's
 * {@code torch.optim.lr_scheduler.StepLR}.
 *
 * <pre>{@code
 * var sched = new StepLR(opt, 30, 0.1);   // StepLR(opt, step_size=30, gamma=0.1)
 * }</pre>
 */
public class StepLR extends LRScheduler {
    private int stepSize;
    private double gamma;

    /**
     * {@code StepLR(optimizer, step_size)} with gamma 0.1.
     *
     * <pre>{@code
     * new StepLR(opt, 10)   // StepLR(opt, step_size=10)
     * }</pre>
     */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1, -1);
    }

    /**
     * {@code StepLR(optimizer, step_size, gamma)}.
     *
     * <pre>{@code
     * new StepLR(opt, 10, 0.5)   // StepLR(opt, step_size=10, gamma=0.5)
     * }</pre>
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        this(optimizer, stepSize, gamma, -1);
    }

    /**
     * {@code StepLR(optimizer, step_size, gamma, last_epoch)}; a {@code lastEpoch} other than -1 resumes a
     * schedule and needs {@code "initial_lr"} in every group.
     *
     * <pre>{@code
     * new StepLR(opt, 10, 0.5, 19)   // StepLR(opt, step_size=10, gamma=0.5, last_epoch=19)
     * }</pre>
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    /**
     * The groups' rates, times {@code gamma} when the epoch is a positive multiple of {@code stepSize}.
     *
     * <pre>{@code
     * getLr()   // StepLR.get_lr()
     * }</pre>
     */
    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0 || lastEpoch % stepSize != 0) {
            return lrs;
        }
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = lrs[i] * gamma;
        }
        return lrs;
    }

    /**
     * {@code "step_size"} and {@code "gamma"}.
     *
     * <pre>{@code
     * putFields(sd)   // sd['step_size'], sd['gamma']
     * }</pre>
     */
    @Override
    protected void putFields(Map<String, Object> sd) {
        sd.put("step_size", stepSize);
        sd.put("gamma", gamma);
    }

    /**
     * Reads {@code "step_size"} and {@code "gamma"}.
     *
     * <pre>{@code
     * readFields(sd)   // self.__dict__.update(sd)
     * }</pre>
     */
    @Override
    protected Runnable readFields(Map<String, ?> sd) {
        int s = sd.containsKey("step_size") ? integer(sd.get("step_size"), "step_size") : stepSize;
        double g = sd.containsKey("gamma") ? number(sd.get("gamma"), "gamma") : gamma;
        return () -> {
            stepSize = s;
            gamma = g;
        };
    }
}
