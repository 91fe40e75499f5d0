package io.jgrad.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of the epoch-based learning-rate schedulers, PyTorch's {@code torch.optim.lr_scheduler._LRScheduler}
 * ({@code LRScheduler} in 2.x): it remembers each group's initial learning rate ({@code "initial_lr"} in the
 * group, {@link #baseLrs()}), counts epochs, and on every {@link #step()} writes the learning rates of
 * {@link #getLr()} (PyTorch's chainable, recursive form) into the optimizer's groups.
 *
 * <pre>{@code
 * var sched = new StepLR(opt, 30, 0.1);   // sched = StepLR(opt, step_size=30, gamma=0.1)
 * for (int epoch = 0; epoch < 100; epoch++) {
 *     train(...);                          //     train(...)
 *     sched.step();                        //     sched.step()
 * }
 * }</pre>
 *
 * <p>A subclass sets its own fields after {@code super(optimizer, lastEpoch)} and then calls
 * {@link #initialStep()}, which performs PyTorch's first {@code step()} (epoch 0) as its constructor does.
 */
public abstract class LRScheduler {
    /** The optimizer whose groups' learning rates are set. */
    protected final Optimizer optimizer;
    /** Each group's {@code initial_lr}, PyTorch's {@code base_lrs}. */
    protected List<Double> baseLrs;
    /** The epoch of the last {@link #step()}, PyTorch's {@code last_epoch} (-1 before the first). */
    protected int lastEpoch;
    /** How many times {@link #step()} ran, PyTorch's {@code _step_count}. */
    protected int stepCount;
    private List<Double> lastLr = List.of();

    /**
     * Attaches to {@code optimizer}: with {@code lastEpoch == -1} each group's {@code "initial_lr"} is set to
     * its current {@code "lr"} unless already present; otherwise (resuming) every group must have one.
     *
     * <pre>{@code
     * super(optimizer, lastEpoch);   // super().__init__(optimizer, last_epoch)
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "param 'initial_lr' is not specified in param_groups[0] when
     *     resuming an optimizer"
     */
    protected LRScheduler(Optimizer optimizer, int lastEpoch) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        if (lastEpoch == -1) {
            for (ParamGroup g : groups) {
                g.setDefault("initial_lr", g.lr());
            }
        } else {
            for (int i = 0; i < groups.size(); i++) {
                if (!groups.get(i).has("initial_lr")) {
                    throw new IllegalArgumentException("param 'initial_lr' is not specified in param_groups[" + i
                            + "] when resuming an optimizer");
                }
            }
        }
        List<Double> base = new ArrayList<>();
        for (ParamGroup g : groups) {
            base.add(g.getDouble("initial_lr"));
        }
        this.baseLrs = Collections.unmodifiableList(base);
        this.lastEpoch = lastEpoch;
    }

    /**
     * The first step a new scheduler takes (PyTorch's {@code _initial_step}): resets the step count and
     * calls {@link #step()}; subclasses call it at the end of their constructor.
     *
     * <pre>{@code
     * initialStep();   // self._initial_step()
     * }</pre>
     */
    protected final void initialStep() {
        stepCount = 0;
        step();
    }

    /**
     * Advances one epoch and sets each group's learning rate to {@link #getLr()}, {@code scheduler.step()}.
     *
     * <pre>{@code
     * sched.step();   // sched.step()
     * }</pre>
     */
    public void step() {
        stepCount++;
        lastEpoch++;
        double[] values = getLr();
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size() && i < values.length; i++) {
            groups.get(i).setLr(values[i]);
        }
        List<Double> lrs = new ArrayList<>();
        for (ParamGroup g : groups) {
            lrs.add(g.lr());
        }
        lastLr = Collections.unmodifiableList(lrs);
    }

    /**
     * The learning rates for epoch {@link #lastEpoch}, one per group, computed from the groups' current rates
     * (PyTorch's chainable {@code get_lr()}); called by {@link #step()} after it advances the epoch.
     *
     * <pre>{@code
     * protected double[] getLr() { ... }   // def get_lr(self): ...
     * }</pre>
     */
    protected abstract double[] getLr();

    /**
     * The learning rates set by the last {@link #step()}, one per group, {@code scheduler.get_last_lr()}.
     *
     * <pre>{@code
     * List<Double> lrs = sched.getLastLr();   // lrs = sched.get_last_lr()
     * }</pre>
     */
    public List<Double> getLastLr() {
        return lastLr;
    }

    /**
     * The epoch of the last step, {@code scheduler.last_epoch}.
     *
     * <pre>{@code
     * sched.lastEpoch()   // sched.last_epoch
     * }</pre>
     */
    public int lastEpoch() {
        return lastEpoch;
    }

    /**
     * Each group's initial learning rate, {@code scheduler.base_lrs}.
     *
     * <pre>{@code
     * sched.baseLrs()   // sched.base_lrs
     * }</pre>
     */
    public List<Double> baseLrs() {
        return baseLrs;
    }

    /**
     * The optimizer this scheduler drives, {@code scheduler.optimizer}.
     *
     * <pre>{@code
     * sched.optimizer()   // sched.optimizer
     * }</pre>
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The scheduler's state with PyTorch's keys, {@code scheduler.state_dict()}: the subclass's own fields
     * (e.g. {@code "step_size"}, {@code "gamma"}), then {@code "base_lrs"}, {@code "last_epoch"},
     * {@code "verbose"}, {@code "_step_count"}, {@code "_get_lr_called_within_step"} and {@code "_last_lr"}.
     *
     * <pre>{@code
     * Map<String, Object> sd = sched.stateDict();   // sd = sched.state_dict()
     * }</pre>
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> sd = new LinkedHashMap<>();
        putFields(sd);
        sd.put("base_lrs", new ArrayList<>(baseLrs));
        sd.put("last_epoch", lastEpoch);
        sd.put("verbose", false);
        sd.put("_step_count", stepCount);
        sd.put("_get_lr_called_within_step", false);
        sd.put("_last_lr", new ArrayList<>(lastLr));
        return sd;
    }

    /**
     * Restores the state of {@link #stateDict()}, {@code scheduler.load_state_dict(sd)}: every key present is
     * checked first, then applied (absent keys keep their values, as PyTorch's {@code __dict__.update}).
     *
     * <pre>{@code
     * sched.loadStateDict(sd);   // sched.load_state_dict(sd)
     * }</pre>
     *
     * @throws IllegalArgumentException if a value has the wrong type; nothing is changed then
     */
    public void loadStateDict(Map<String, ?> stateDict) {
        List<Double> base = stateDict.containsKey("base_lrs") ? doubles(stateDict.get("base_lrs"), "base_lrs")
                : baseLrs;
        List<Double> last = stateDict.containsKey("_last_lr") ? doubles(stateDict.get("_last_lr"), "_last_lr")
                : lastLr;
        int epoch = stateDict.containsKey("last_epoch") ? integer(stateDict.get("last_epoch"), "last_epoch")
                : lastEpoch;
        int count = stateDict.containsKey("_step_count") ? integer(stateDict.get("_step_count"), "_step_count")
                : stepCount;
        Runnable fields = readFields(stateDict);
        baseLrs = Collections.unmodifiableList(base);
        lastLr = Collections.unmodifiableList(last);
        lastEpoch = epoch;
        stepCount = count;
        fields.run();
    }

    /**
     * Puts the subclass's own fields into a state dict, under PyTorch's attribute names.
     *
     * <pre>{@code
     * protected void putFields(Map<String, Object> sd) { sd.put("gamma", gamma); }
     * }</pre>
     */
    protected void putFields(Map<String, Object> sd) {
    }

    /**
     * Checks the subclass's fields in a state dict and returns the action that assigns them (run only once
     * everything is checked).
     *
     * <pre>{@code
     * protected Runnable readFields(Map<String, ?> sd) { double g = number(sd.get("gamma"), "gamma"); return () -> gamma = g; }
     * }</pre>
     */
    protected Runnable readFields(Map<String, ?> stateDict) {
        return () -> { };
    }

    /**
     * A state-dict number, or the error for a wrong type.
     *
     * <pre>{@code
     * double g = number(sd.get("gamma"), "gamma");   // sd['gamma']
     * }</pre>
     */
    protected static double number(Object v, String key) {
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("scheduler state dict entry '" + key + "' must be a number, but is "
                    + ParamGroup.describe(v));
        }
        return ((Number) v).doubleValue();
    }

    /**
     * A state-dict integer, or the error for a wrong type.
     *
     * <pre>{@code
     * int n = integer(sd.get("step_size"), "step_size");   // sd['step_size']
     * }</pre>
     */
    protected static int integer(Object v, String key) {
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new IllegalArgumentException("scheduler state dict entry '" + key + "' must be an integer, but is "
                    + ParamGroup.describe(v));
        }
        return ((Number) v).intValue();
    }

    /**
     * A state-dict list of numbers, or the error for a wrong type.
     *
     * <pre>{@code
     * List<Double> lrs = doubles(sd.get("base_lrs"), "base_lrs");   // sd['base_lrs']
     * }</pre>
     */
    protected static List<Double> doubles(Object v, String key) {
        if (!(v instanceof List)) {
            throw new IllegalArgumentException("scheduler state dict entry '" + key + "' must be a list of numbers, "
                    + "but is " + ParamGroup.describe(v));
        }
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add(number(o, key));
        }
        return out;
    }

    /** The groups' current learning rates. */
    double[] currentLrs() {
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = groups.get(i).lr();
        }
        return lrs;
    }
}
