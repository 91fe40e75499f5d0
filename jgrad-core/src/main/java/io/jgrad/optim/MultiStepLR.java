package io.jgrad.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multiplies each group's learning rate by {@code gamma} at each milestone epoch (by {@code gamma^k} if a
 * milestone is listed k times), PyTorch's {@code torch.optim.lr_scheduler.MultiStepLR}.
 *
 * <pre>{@code
 * var sched = new MultiStepLR(opt, List.of(30, 80), 0.1);   // MultiStepLR(opt, milestones=[30, 80], gamma=0.1)
 * }</pre>
 */
public class MultiStepLR extends LRScheduler {
    // PyTorch's Counter(milestones): milestone -> how many times it was listed.
    private Map<Integer, Integer> milestones;
    private double gamma;

    /**
     * {@code MultiStepLR(optimizer, milestones)} with gamma 0.1.
     *
     * <pre>{@code
     * new MultiStepLR(opt, List.of(30, 80))   // MultiStepLR(opt, milestones=[30, 80])
     * }</pre>
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones) {
        this(optimizer, milestones, 0.1, -1);
    }

    /**
     * {@code MultiStepLR(optimizer, milestones, gamma)}.
     *
     * <pre>{@code
     * new MultiStepLR(opt, List.of(30, 80), 0.5)   // MultiStepLR(opt, milestones=[30, 80], gamma=0.5)
     * }</pre>
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma) {
        this(optimizer, milestones, gamma, -1);
    }

    /**
     * {@code MultiStepLR(optimizer, milestones, gamma, last_epoch)}.
     *
     * <pre>{@code
     * new MultiStepLR(opt, List.of(30, 80), 0.5, 39)   // MultiStepLR(opt, [30, 80], gamma=0.5, last_epoch=39)
     * }</pre>
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        Map<Integer, Integer> counter = new LinkedHashMap<>();
        for (Integer m : milestones) {
            counter.merge(m, 1, Integer::sum);
        }
        this.milestones = Collections.unmodifiableMap(counter);
        this.gamma = gamma;
        initialStep();
    }

    /**
     * The groups' rates, times {@code gamma^count} at a milestone.
     *
     * <pre>{@code
     * getLr()   // MultiStepLR.get_lr()
     * }</pre>
     */
    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        Integer count = milestones.get(lastEpoch);
        if (count == null) {
            return lrs;
        }
        double factor = Math.pow(gamma, count);
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = lrs[i] * factor;
        }
        return lrs;
    }

    /**
     * {@code "milestones"} (milestone to count, PyTorch's {@code Counter}) and {@code "gamma"}.
     *
     * <pre>{@code
     * putFields(sd)   // sd['milestones'], sd['gamma']
     * }</pre>
     */
    @Override
    protected void putFields(Map<String, Object> sd) {
        sd.put("milestones", new LinkedHashMap<>(milestones));
        sd.put("gamma", gamma);
    }

    /**
     * Reads {@code "milestones"} and {@code "gamma"}.
     *
     * <pre>{@code
     * readFields(sd)   // self.__dict__.update(sd)
     * }</pre>
     */
    @Override
    protected Runnable readFields(Map<String, ?> sd) {
        Map<Integer, Integer> m = milestones;
        if (sd.containsKey("milestones")) {
            Object v = sd.get("milestones");
            if (!(v instanceof Map)) {
                throw new IllegalArgumentException("scheduler state dict entry 'milestones' must be a map of "
                        + "milestone to count, but is " + ParamGroup.describe(v));
            }
            Map<Integer, Integer> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                copy.put(integer(e.getKey(), "milestones"), integer(e.getValue(), "milestones"));
            }
            m = Collections.unmodifiableMap(copy);
        }
        double g = sd.containsKey("gamma") ? number(sd.get("gamma"), "gamma") : gamma;
        Map<Integer, Integer> fm = m;
        return () -> {
            milestones = fm;
            gamma = g;
        };
    }
}
