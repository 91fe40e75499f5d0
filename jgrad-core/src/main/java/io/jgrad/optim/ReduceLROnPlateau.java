package io.jgrad.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces each group's learning rate by {@code factor} once a metric has stopped improving for
 * {@code patience} epochs, PyTorch's {@code torch.optim.lr_scheduler.ReduceLROnPlateau}: "improving" is
 * {@code a < best * (1 - threshold)} (mode min, threshold mode rel), {@code a < best - threshold} (min, abs),
 * {@code a > best * (1 + threshold)} (max, rel) or {@code a > best + threshold} (max, abs); after a
 * reduction, {@code cooldown} epochs pass before bad epochs count again; a rate never goes below its
 * {@code minLr}, and a reduction smaller than {@code eps} is skipped.
 *
 * <pre>{@code
 * var sched = new ReduceLROnPlateau(opt, "min", 0.5, 2);   // ReduceLROnPlateau(opt, 'min', factor=0.5, patience=2)
 * sched.step(valLoss);                                    // sched.step(val_loss)
 * }</pre>
 */
public class ReduceLROnPlateau {
    private final Optimizer optimizer;
    private double factor;
    private List<Double> minLrs;
    private int patience;
    private int cooldown;
    private int cooldownCounter;
    private String mode;
    private double threshold;
    private String thresholdMode;
    private double best;
    private int numBadEpochs;
    private double modeWorse;
    private double eps;
    private int lastEpoch;
    private List<Double> lastLr;

    /**
     * PyTorch's defaults: mode "min", factor 0.1, patience 10, threshold 1e-4 ("rel"), cooldown 0, min_lr 0,
     * eps 1e-8; {@code ReduceLROnPlateau(optimizer)}.
     *
     * <pre>{@code
     * new ReduceLROnPlateau(opt)   // ReduceLROnPlateau(opt)
     * }</pre>
     */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, "min", 0.1, 10, 1e-4, "rel", 0, 0, 1e-8);
    }

    /**
     * {@code ReduceLROnPlateau(optimizer, mode, factor, patience)}.
     *
     * <pre>{@code
     * new ReduceLROnPlateau(opt, "max", 0.5, 3)   // ReduceLROnPlateau(opt, 'max', factor=0.5, patience=3)
     * }</pre>
     */
    public ReduceLROnPlateau(Optimizer optimizer, String mode, double factor, int patience) {
        this(optimizer, mode, factor, patience, 1e-4, "rel", 0, 0, 1e-8);
    }

    /**
     * Every option with one {@code min_lr} for all groups, {@code ReduceLROnPlateau(optimizer, mode, factor,
     * patience, threshold, threshold_mode, cooldown, min_lr, eps)}.
     *
     * <pre>{@code
     * new ReduceLROnPlateau(opt, "min", 0.5, 2, 0.01, "abs", 1, 1e-4, 1e-8)
     * // ReduceLROnPlateau(opt, 'min', 0.5, 2, 0.01, 'abs', 1, 1e-4, 1e-8)
     * }</pre>
     */
    public ReduceLROnPlateau(Optimizer optimizer, String mode, double factor, int patience, double threshold,
            String thresholdMode, int cooldown, double minLr, double eps) {
        this(optimizer, mode, factor, patience, threshold, thresholdMode, cooldown,
                Collections.nCopies(optimizer.paramGroups().size(), minLr), eps);
    }

    /**
     * Every option with one {@code min_lr} per group, {@code ReduceLROnPlateau(..., min_lr=[a, b], ...)}.
     *
     * <pre>{@code
     * new ReduceLROnPlateau(opt, "min", 0.5, 2, 1e-4, "rel", 0, List.of(1e-3, 1e-4), 1e-8)
     * // ReduceLROnPlateau(opt, 'min', 0.5, 2, min_lr=[1e-3, 1e-4])
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "Factor should be < 1.0.", "expected 2 min_lrs, got 1",
     *     "mode foo is unknown!", "threshold mode foo is unknown!"
     */
    public ReduceLROnPlateau(Optimizer optimizer, String mode, double factor, int patience, double threshold,
            String thresholdMode, int cooldown, List<Double> minLrs, double eps) {
        if (factor >= 1.0) {
            throw new IllegalArgumentException("Factor should be < 1.0.");
        }
        this.factor = factor;
        this.optimizer = optimizer;
        if (minLrs.size() != optimizer.paramGroups().size()) {
            throw new IllegalArgumentException("expected " + optimizer.paramGroups().size() + " min_lrs, got "
                    + minLrs.size());
        }
        this.minLrs = Collections.unmodifiableList(new ArrayList<>(minLrs));
        this.patience = patience;
        this.cooldown = cooldown;
        this.cooldownCounter = 0;
        this.eps = eps;
        this.lastEpoch = 0;
        initIsBetter(mode, threshold, thresholdMode);
        this.mode = mode;
        this.threshold = threshold;
        this.thresholdMode = thresholdMode;
        reset();
        this.lastLr = currentLrs();
    }

    private void initIsBetter(String mode, double threshold, String thresholdMode) {
        if (!"min".equals(mode) && !"max".equals(mode)) {
            throw new IllegalArgumentException("mode " + mode + " is unknown!");
        }
        if (!"rel".equals(thresholdMode) && !"abs".equals(thresholdMode)) {
            throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
        }
        this.modeWorse = "min".equals(mode) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    private void reset() {
        best = modeWorse;
        cooldownCounter = 0;
        numBadEpochs = 0;
    }

    /**
     * Records one epoch's metric and reduces the learning rates if it has plateaued,
     * {@code scheduler.step(metrics)}.
     *
     * <pre>{@code
     * sched.step(valLoss.item());   // sched.step(val_loss)
     * }</pre>
     */
    public void step(double metrics) {
        double current = metrics;
        int epoch = lastEpoch + 1;
        lastEpoch = epoch;
        if (isBetter(current, best)) {
            best = current;
            numBadEpochs = 0;
        } else {
            numBadEpochs += 1;
        }
        if (inCooldown()) {
            cooldownCounter -= 1;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        lastLr = currentLrs();
    }

    private void reduceLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            double oldLr = groups.get(i).lr();
            double newLr = Math.max(oldLr * factor, minLrs.get(i));
            if (oldLr - newLr > eps) {
                groups.get(i).setLr(newLr);
            }
        }
    }

    /**
     * Whether the cooldown after a reduction is still running, {@code scheduler.in_cooldown}.
     *
     * <pre>{@code
     * sched.inCooldown()   // sched.in_cooldown
     * }</pre>
     */
    public boolean inCooldown() {
        return cooldownCounter > 0;
    }

    /**
     * Whether {@code a} improves on {@code best} under this mode and threshold, {@code scheduler.is_better(a, best)}.
     *
     * <pre>{@code
     * sched.isBetter(0.5, 0.6)   // sched.is_better(0.5, 0.6)
     * }</pre>
     */
    public boolean isBetter(double a, double best) {
        if (mode.equals("min") && thresholdMode.equals("rel")) {
            double relEpsilon = 1. - threshold;
            return a < best * relEpsilon;
        } else if (mode.equals("min") && thresholdMode.equals("abs")) {
            return a < best - threshold;
        } else if (mode.equals("max") && thresholdMode.equals("rel")) {
            double relEpsilon = threshold + 1.;
            return a > best * relEpsilon;
        } else {
            return a > best + threshold;
        }
    }

    /**
     * The best metric so far, {@code scheduler.best}.
     *
     * <pre>{@code
     * sched.best()   // sched.best
     * }</pre>
     */
    public double best() {
        return best;
    }

    /**
     * How many epochs in a row the metric has not improved, {@code scheduler.num_bad_epochs}.
     *
     * <pre>{@code
     * sched.numBadEpochs()   // sched.num_bad_epochs
     * }</pre>
     */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    /**
     * The learning rates after the last {@link #step(double)} (the current ones before any),
     * {@code scheduler._last_lr} ({@code get_last_lr()} in PyTorch 2.x).
     *
     * <pre>{@code
     * sched.getLastLr()   // sched._last_lr
     * }</pre>
     */
    public List<Double> getLastLr() {
        return lastLr;
    }

    private List<Double> currentLrs() {
        List<Double> l = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            l.add(g.lr());
        }
        return Collections.unmodifiableList(l);
    }

    /**
     * The scheduler's state with PyTorch's keys, {@code scheduler.state_dict()}.
     *
     * <pre>{@code
     * Map<String, Object> sd = sched.stateDict();   // sd = sched.state_dict()
     * }</pre>
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("factor", factor);
        sd.put("min_lrs", new ArrayList<>(minLrs));
        sd.put("patience", patience);
        sd.put("verbose", false);
        sd.put("cooldown", cooldown);
        sd.put("cooldown_counter", cooldownCounter);
        sd.put("mode", mode);
        sd.put("threshold", threshold);
        sd.put("threshold_mode", thresholdMode);
        sd.put("best", best);
        sd.put("num_bad_epochs", numBadEpochs);
        sd.put("mode_worse", modeWorse);
        sd.put("eps", eps);
        sd.put("last_epoch", lastEpoch);
        sd.put("_last_lr", new ArrayList<>(lastLr));
        return sd;
    }

    /**
     * Restores the state of {@link #stateDict()}, {@code scheduler.load_state_dict(sd)}: keys present are
     * checked, then applied (absent ones keep their values).
     *
     * <pre>{@code
     * sched.loadStateDict(sd);   // sched.load_state_dict(sd)
     * }</pre>
     *
     * @throws IllegalArgumentException if a value has the wrong type or the mode is unknown; nothing changes
     */
    public void loadStateDict(Map<String, ?> sd) {
        double f = sd.containsKey("factor") ? LRScheduler.number(sd.get("factor"), "factor") : factor;
        List<Double> m = sd.containsKey("min_lrs") ? LRScheduler.doubles(sd.get("min_lrs"), "min_lrs") : minLrs;
        int p = sd.containsKey("patience") ? LRScheduler.integer(sd.get("patience"), "patience") : patience;
        int c = sd.containsKey("cooldown") ? LRScheduler.integer(sd.get("cooldown"), "cooldown") : cooldown;
        int cc = sd.containsKey("cooldown_counter")
                ? LRScheduler.integer(sd.get("cooldown_counter"), "cooldown_counter") : cooldownCounter;
        String md = sd.containsKey("mode") ? string(sd.get("mode"), "mode") : mode;
        double t = sd.containsKey("threshold") ? LRScheduler.number(sd.get("threshold"), "threshold") : threshold;
        String tm = sd.containsKey("threshold_mode") ? string(sd.get("threshold_mode"), "threshold_mode")
                : thresholdMode;
        double b = sd.containsKey("best") ? LRScheduler.number(sd.get("best"), "best") : best;
        int nb = sd.containsKey("num_bad_epochs") ? LRScheduler.integer(sd.get("num_bad_epochs"), "num_bad_epochs")
                : numBadEpochs;
        double e = sd.containsKey("eps") ? LRScheduler.number(sd.get("eps"), "eps") : eps;
        int le = sd.containsKey("last_epoch") ? LRScheduler.integer(sd.get("last_epoch"), "last_epoch") : lastEpoch;
        List<Double> ll = sd.containsKey("_last_lr") ? LRScheduler.doubles(sd.get("_last_lr"), "_last_lr") : lastLr;
        if (m.size() != optimizer.paramGroups().size()) {
            throw new IllegalArgumentException("expected " + optimizer.paramGroups().size() + " min_lrs, got "
                    + m.size());
        }
        initIsBetter(md, t, tm); // checks the modes; sets modeWorse
        factor = f;
        minLrs = Collections.unmodifiableList(new ArrayList<>(m));
        patience = p;
        cooldown = c;
        cooldownCounter = cc;
        mode = md;
        threshold = t;
        thresholdMode = tm;
        best = b;
        numBadEpochs = nb;
        eps = e;
        lastEpoch = le;
        lastLr = Collections.unmodifiableList(new ArrayList<>(ll));
    }

    private static String string(Object v, String key) {
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("scheduler state dict entry '" + key + "' must be a string, but is "
                    + ParamGroup.describe(v));
        }
        return (String) v;
    }
}
