package io.jgrad.optim;

import io.jgrad.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of parameters with its own optimizer options, one of PyTorch's {@code param_groups} dicts: options
 * set here override the optimizer's defaults for these parameters; the optimizer fills in the rest when the
 * group is added. Option keys are PyTorch's ({@code "lr"}, {@code "momentum"}, {@code "weight_decay"},
 * {@code "betas"}, ...), so that state dicts carry the same keys as PyTorch's.
 *
 * <pre>{@code
 * var opt = new SGD(List.of(                                 // optim.SGD([
 *         new ParamGroup(base.parameters()),                  //     {'params': base.parameters()},
 *         new ParamGroup(head.parameters()).set("lr", 1e-3)), //     {'params': head.parameters(), 'lr': 1e-3}],
 *     1e-2, 0.9);                                            //     lr=1e-2, momentum=0.9)
 * }</pre>
 *
 * <p>Values are normalised as they are set: numbers become {@link Double}, {@code double[]} and lists of
 * numbers (PyTorch's tuples, e.g. {@code betas}) become unmodifiable {@code List<Double>}; booleans,
 * strings and {@code null} are kept.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Object> options = new LinkedHashMap<>();

    /**
     * A group of the given parameters with no options of its own yet.
     *
     * <pre>{@code
     * new ParamGroup(model.parameters())   // {'params': model.parameters()}
     * }</pre>
     *
     * @param params the parameters, in a deterministic order (a list, not a set)
     * @throws IllegalArgumentException if an element is null (PyTorch's "optimizer can only optimize
     *     Tensors" message)
     */
    public ParamGroup(Iterable<? extends Tensor> params) {
        List<Tensor> list = new ArrayList<>();
        for (Tensor p : params) {
            if (p == null) {
                throw new IllegalArgumentException(
                        "optimizer can only optimize Tensors, but one of the params is null");
            }
            list.add(p);
        }
        this.params = Collections.unmodifiableList(list);
    }

    /**
     * A group of the given parameters.
     *
     * <pre>{@code
     * new ParamGroup(w, b)   // {'params': [w, b]}
     * }</pre>
     */
    public ParamGroup(Tensor... params) {
        this(Arrays.asList(params));
    }

    /**
     * Sets an option (overriding the optimizer's default for this group); returns this.
     *
     * <pre>{@code
     * group.set("lr", 1e-3)   // group['lr'] = 1e-3
     * }</pre>
     *
     * @param key the option's PyTorch name, e.g. {@code "lr"}, {@code "weight_decay"}
     * @param value a number, boolean, {@code double[]}/list of numbers (a tuple), string or null
     */
    public ParamGroup set(String key, Object value) {
        if (key == null || key.equals("params")) {
            throw new IllegalArgumentException("'params' is not an option; pass the parameters to the constructor");
        }
        options.put(key, normalize(value));
        return this;
    }

    /**
     * The value of an option, or null if unset.
     *
     * <pre>{@code
     * group.get("momentum")   // group['momentum']
     * }</pre>
     */
    public Object get(String key) {
        return options.get(key);
    }

    /**
     * Whether the option is set.
     *
     * <pre>{@code
     * group.has("initial_lr")   // 'initial_lr' in group
     * }</pre>
     */
    public boolean has(String key) {
        return options.containsKey(key);
    }

    /**
     * A numeric option.
     *
     * <pre>{@code
     * group.getDouble("weight_decay")   // group['weight_decay']
     * }</pre>
     *
     * @throws IllegalArgumentException if the option is missing or not a number
     */
    public double getDouble(String key) {
        Object v = options.get(key);
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("param group option '" + key + "' must be a number, but is "
                    + describe(v));
        }
        return ((Number) v).doubleValue();
    }

    /**
     * A boolean option.
     *
     * <pre>{@code
     * group.getBoolean("nesterov")   // group['nesterov']
     * }</pre>
     *
     * @throws IllegalArgumentException if the option is missing or not a boolean
     */
    public boolean getBoolean(String key) {
        Object v = options.get(key);
        if (!(v instanceof Boolean)) {
            throw new IllegalArgumentException("param group option '" + key + "' must be a boolean, but is "
                    + describe(v));
        }
        return (Boolean) v;
    }

    /**
     * Element {@code i} of a tuple option such as {@code betas}.
     *
     * <pre>{@code
     * group.getDouble("betas", 0)   // group['betas'][0]
     * }</pre>
     *
     * @throws IllegalArgumentException if the option is missing, not a list of numbers, or too short
     */
    public double getDouble(String key, int i) {
        Object v = options.get(key);
        if (!(v instanceof List) || ((List<?>) v).size() <= i || !(((List<?>) v).get(i) instanceof Number)) {
            throw new IllegalArgumentException("param group option '" + key + "' must be a tuple of numbers with "
                    + "at least " + (i + 1) + " elements, but is " + describe(v));
        }
        return ((Number) ((List<?>) v).get(i)).doubleValue();
    }

    /**
     * The learning rate of this group.
     *
     * <pre>{@code
     * group.lr()   // group['lr']
     * }</pre>
     */
    public double lr() {
        return getDouble("lr");
    }

    /**
     * Sets the learning rate of this group; returns this.
     *
     * <pre>{@code
     * group.setLr(0.01)   // group['lr'] = 0.01
     * }</pre>
     */
    public ParamGroup setLr(double lr) {
        options.put("lr", lr);
        return this;
    }

    /**
     * The parameters of this group (unmodifiable).
     *
     * <pre>{@code
     * group.params()   // group['params']
     * }</pre>
     */
    public List<Tensor> params() {
        return params;
    }

    /**
     * The options of this group in insertion order (unmodifiable; change them with {@link #set}).
     *
     * <pre>{@code
     * group.options()   // {k: v for k, v in group.items() if k != 'params'}
     * }</pre>
     */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    /** Fills in an option only if this group does not set it (Python's {@code dict.setdefault}). */
    void setDefault(String key, Object value) {
        options.putIfAbsent(key, normalize(value));
    }

    /** Replaces every option at once (used by {@code Optimizer.loadStateDict}). */
    void replaceOptions(Map<String, Object> newOptions) {
        options.clear();
        options.putAll(newOptions);
    }

    static Object normalize(Object value) {
        if (value instanceof Number) {
            Number n = (Number) value;
            if (n instanceof Double || n instanceof Float || n instanceof Integer || n instanceof Long
                    || n instanceof Short || n instanceof Byte) {
                return n.doubleValue();
            }
            return n;
        }
        if (value instanceof double[]) {
            double[] a = (double[]) value;
            List<Double> l = new ArrayList<>(a.length);
            for (double d : a) {
                l.add(d);
            }
            return Collections.unmodifiableList(l);
        }
        if (value instanceof List) {
            List<Object> l = new ArrayList<>();
            for (Object o : (List<?>) value) {
                l.add(normalize(o));
            }
            return Collections.unmodifiableList(l);
        }
        return value;
    }

    static String describe(Object v) {
        return v == null ? "missing (None)" : v.getClass().getSimpleName() + " " + v;
    }
}
