package io.jgrad.optim;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.ModeGuard;
import io.jgrad.internal.PyRepr;
import io.jgrad.internal.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The base of every optimizer, PyTorch's {@code torch.optim.Optimizer}: parameter groups with their options,
 * per-parameter state, {@link #step()}, {@link #zeroGrad()}, and state dicts with PyTorch's structure.
 *
 * <pre>{@code
 * var opt = new SGD(model.parameters(), 0.1, 0.9);   // opt = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
 * opt.zeroGrad();                                     // opt.zero_grad()
 * loss.backward();                                    // loss.backward()
 * opt.step();                                         // opt.step()
 * }</pre>
 *
 * <h2>Parameters and groups</h2>
 * The {@code params} argument of every optimizer is either an iterable of tensors (what
 * {@code module.parameters()} returns; they form one group) or an iterable of {@link ParamGroup}s, each with
 * options that override the optimizer's defaults. A parameter may appear in one group only, must be a leaf,
 * and the list must not be empty (PyTorch's errors).
 *
 * <h2>Updates</h2>
 * {@link #step()} runs each subclass's update, PyTorch 1.13's single-tensor ("for-loop") implementation
 * operation by operation, with grad mode off and in-place tensor ops on the parameters (each bumps the
 * parameter's version, as in PyTorch). Parameters whose {@code grad()} is null are skipped and get no state.
 *
 * <h2>State dicts</h2>
 * {@link #stateDict()} returns PyTorch's structure: {@code "state"} maps each parameter's index (counting
 * through the groups in order) to its state map (keys such as {@code "momentum_buffer"}, {@code "exp_avg"},
 * {@code "step"}), and {@code "param_groups"} is a list of option maps, each with {@code "params"}: the
 * indices of its parameters. Keys are PyTorch's, so the structure mirrors {@code optimizer.state_dict()}.
 */
public abstract class Optimizer {
    private final Map<String, Object> defaults;
    private final Consumer<ParamGroup> validator;
    private final List<ParamGroup> paramGroups = new ArrayList<>();
    // Keyed by tensor identity (Tensor does not override equals), in the order parameters got state.
    private final Map<Tensor, Map<String, Object>> state = new LinkedHashMap<>();

    /**
     * Builds the groups, PyTorch's {@code Optimizer.__init__(params, defaults)}.
     *
     * <pre>{@code
     * super(params, defaults, MyOptimizer::check);   // super().__init__(params, defaults)
     * }</pre>
     *
     * @param params tensors (one group) or {@link ParamGroup}s
     * @param defaults the default options, in PyTorch's order
     * @param validator checks a group's options (the defaults are checked first), throwing PyTorch's
     *     "Invalid ..." messages
     * @throws IllegalArgumentException on an empty list, a non-leaf, a parameter in two groups, or invalid
     *     options
     */
    protected Optimizer(Iterable<?> params, Map<String, Object> defaults, Consumer<ParamGroup> validator) {
        this.validator = validator;
        ParamGroup defaultGroup = new ParamGroup(List.of());
        for (Map.Entry<String, Object> e : defaults.entrySet()) {
            defaultGroup.set(e.getKey(), e.getValue());
        }
        validator.accept(defaultGroup);
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaultGroup.options()));

        if (params == null) {
            throw new IllegalArgumentException("params argument given to the optimizer should be an iterable of "
                    + "Tensors or dicts, but got null");
        }
        List<Object> items = new ArrayList<>();
        for (Object o : params) {
            items.add(o);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        List<ParamGroup> groups = new ArrayList<>();
        if (items.get(0) instanceof ParamGroup) {
            for (Object o : items) {
                if (!(o instanceof ParamGroup)) {
                    throw new IllegalArgumentException("param group must be a ParamGroup, but got " + typeName(o));
                }
                groups.add((ParamGroup) o);
            }
        } else {
            List<Tensor> tensors = new ArrayList<>();
            for (Object o : items) {
                if (!(o instanceof Tensor)) {
                    throw new IllegalArgumentException(
                            "optimizer can only optimize Tensors, but one of the params is " + typeName(o));
                }
                tensors.add((Tensor) o);
            }
            groups.add(new ParamGroup(tensors));
        }
        for (ParamGroup g : groups) {
            addParamGroup(g);
        }
    }

    /** Python's {@code torch.typename} for the objects a Java caller can pass. */
    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }

    // ------------------------------------------------------------------------------------------------
    // Groups

    /**
     * Adds a group (its unset options take the defaults), PyTorch's {@code optimizer.add_param_group}.
     *
     * <pre>{@code
     * opt.addParamGroup(new ParamGroup(head.parameters()).set("lr", 1e-3));
     * // opt.add_param_group({'params': head.parameters(), 'lr': 1e-3})
     * }</pre>
     *
     * @throws IllegalArgumentException if a parameter is not a leaf, is already in a group, or an option is
     *     invalid; the optimizer is then unchanged
     */
    public void addParamGroup(ParamGroup group) {
        for (Tensor p : group.params()) {
            if (!(p.isLeaf() || p.retainsGrad())) {
                throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
            }
        }
        Map<String, Object> before = new LinkedHashMap<>(group.options());
        for (Map.Entry<String, Object> e : defaults.entrySet()) {
            group.setDefault(e.getKey(), e.getValue());
        }
        try {
            validator.accept(group);
            Set<Tensor> existing = Collections.newSetFromMap(new IdentityHashMap<>());
            for (ParamGroup g : paramGroups) {
                existing.addAll(g.params());
            }
            for (Tensor p : group.params()) {
                if (existing.contains(p)) {
                    throw new IllegalArgumentException("some parameters appear in more than one parameter group");
                }
            }
        } catch (RuntimeException e) {
            group.replaceOptions(before);
            throw e;
        }
        paramGroups.add(group);
    }

    /**
     * The parameter groups (unmodifiable list; each group's options can be changed), PyTorch's
     * {@code optimizer.param_groups}.
     *
     * <pre>{@code
     * for (ParamGroup g : opt.paramGroups()) g.setLr(0.01);   // for g in opt.param_groups: g['lr'] = 0.01
     * }</pre>
     */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(paramGroups);
    }

    /**
     * The default options (unmodifiable), PyTorch's {@code optimizer.defaults}.
     *
     * <pre>{@code
     * opt.defaults().get("lr")   // opt.defaults['lr']
     * }</pre>
     */
    public Map<String, Object> defaults() {
        return defaults;
    }

    /**
     * The per-parameter state (an unmodifiable view keyed by parameter identity), PyTorch's
     * {@code optimizer.state}.
     *
     * <pre>{@code
     * opt.state().get(w).get("momentum_buffer")   // opt.state[w]['momentum_buffer']
     * }</pre>
     */
    public Map<Tensor, Map<String, Object>> state() {
        return Collections.unmodifiableMap(state);
    }

    /**
     * The live state map of one parameter, created empty on first use (PyTorch's
     * {@code defaultdict(dict)}), for subclasses' updates.
     *
     * <pre>{@code
     * Map<String, Object> s = stateFor(p);   // state = self.state[p]
     * }</pre>
     */
    protected Map<String, Object> stateFor(Tensor p) {
        return state.computeIfAbsent(p, k -> new LinkedHashMap<>());
    }

    // ------------------------------------------------------------------------------------------------
    // Gradients and steps

    /**
     * Sets every parameter's gradient to null, {@code optimizer.zero_grad(set_to_none=True)} (the default
     * of PyTorch 2.x).
     *
     * <pre>{@code
     * opt.zeroGrad();   // opt.zero_grad()
     * }</pre>
     */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * Clears the gradients: to null if {@code setToNone}, else zeroes them in place (detaching a gradient
     * that has a {@code gradFn}, otherwise turning its {@code requiresGrad} off first), PyTorch's
     * {@code optimizer.zero_grad(set_to_none)}.
     *
     * <pre>{@code
     * opt.zeroGrad(false);   // opt.zero_grad(set_to_none=False)
     * }</pre>
     */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup g : paramGroups) {
            for (Tensor p : g.params()) {
                Tensor grad = p.grad();
                if (grad == null) {
                    continue;
                }
                if (setToNone) {
                    p.setGrad(null);
                } else {
                    if (grad.gradFn() != null) {
                        grad.detach_();
                    } else {
                        grad.requiresGrad_(false);
                    }
                    grad.zero_();
                }
            }
        }
    }

    /**
     * Updates every parameter that has a gradient, {@code optimizer.step()}.
     *
     * <pre>{@code
     * opt.step();   // opt.step()
     * }</pre>
     */
    public void step() {
        step(null);
    }

    /**
     * Re-evaluates the loss with {@code closure} (run with grad mode on), then updates the parameters;
     * returns the closure's loss (null without a closure), {@code loss = optimizer.step(closure)}.
     *
     * <pre>{@code
     * Tensor loss = opt.step(() -> { opt.zeroGrad(); Tensor l = f(); l.backward(); return l; });
     * // loss = opt.step(closure)
     * }</pre>
     */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss = null;
        if (closure != null) {
            try (ModeGuard g = Torch.enableGrad()) {
                loss = closure.get();
            }
        }
        try (ModeGuard g = Torch.noGrad()) {
            for (ParamGroup group : paramGroups) {
                update(group);
            }
        }
        return loss;
    }

    /**
     * Updates the parameters of one group in place (grad mode is off), the body of PyTorch's
     * {@code _single_tensor_*} function for this optimizer.
     *
     * <pre>{@code
     * protected void update(ParamGroup g) { ... }   // sgd(params_with_grad, d_p_list, ...)
     * }</pre>
     */
    protected abstract void update(ParamGroup group);

    /**
     * The state keys every stepped parameter of {@code group} must have; {@link #loadStateDict} rejects a
     * state dict whose non-empty parameter states lack one (e.g. a state dict saved by another optimizer).
     *
     * <pre>{@code
     * protected List<String> stateKeys(ParamGroup g) { return List.of("step", "exp_avg", "exp_avg_sq"); }
     * }</pre>
     */
    protected List<String> stateKeys(ParamGroup group) {
        return List.of();
    }

    /**
     * {@code self + value * t1 * t2} in place, PyTorch's {@code self.addcmul_(t1, t2, value=value)} with its
     * CPU kernel's order of operations ({@code (value * t1) * t2}, then the sum).
     *
     * <pre>{@code
     * addcmul_(expAvgSq, grad, grad, 1 - beta2);   // exp_avg_sq.addcmul_(grad, grad, value=1 - beta2)
     * }</pre>
     */
    protected static Tensor addcmul_(Tensor self, Tensor t1, Tensor t2, double value) {
        return self.add_(t1.mul(value).mul(t2));
    }

    /**
     * {@code self + value * t1 / t2} in place, PyTorch's {@code self.addcdiv_(t1, t2, value=value)} with its
     * CPU kernel's order of operations ({@code (value * t1) / t2}, then the sum).
     *
     * <pre>{@code
     * addcdiv_(param, expAvg, denom, -stepSize);   // param.addcdiv_(exp_avg, denom, value=-step_size)
     * }</pre>
     */
    protected static Tensor addcdiv_(Tensor self, Tensor t1, Tensor t2, double value) {
        return self.add_(t1.mul(value).div(t2));
    }

    /**
     * A state entry that must be a tensor.
     *
     * <pre>{@code
     * Tensor expAvg = stateTensor(s, "exp_avg");   // exp_avg = state['exp_avg']
     * }</pre>
     *
     * @throws IllegalStateException if it is missing or not a tensor
     */
    protected static Tensor stateTensor(Map<String, Object> s, String key) {
        Object v = s.get(key);
        if (!(v instanceof Tensor)) {
            throw new IllegalStateException("optimizer state has no tensor '" + key + "' for a parameter (found "
                    + (v == null ? "None" : v.getClass().getSimpleName()) + ")");
        }
        return (Tensor) v;
    }

    // ------------------------------------------------------------------------------------------------
    // State dicts

    /**
     * The optimizer's state in PyTorch's structure, {@code optimizer.state_dict()}: a map with
     * {@code "state"} ({@code Map<Integer, Map<String, Object>>}, parameter index to its state) and
     * {@code "param_groups"} ({@code List<Map<String, Object>>}, each group's options plus
     * {@code "params"}, the indices of its parameters). As in PyTorch the state tensors are the optimizer's
     * own, not copies: clone them (or save them) before stepping again if you keep the dict in memory.
     *
     * <pre>{@code
     * Map<String, Object> sd = opt.stateDict();   // sd = opt.state_dict()
     * }</pre>
     */
    public Map<String, Object> stateDict() {
        Map<Tensor, Integer> index = new IdentityHashMap<>();
        int next = 0;
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ParamGroup g : paramGroups) {
            Map<String, Object> packed = new LinkedHashMap<>(g.options());
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params()) {
                Integer id = index.get(p);
                if (id == null) {
                    id = next;
                    index.put(p, id);
                }
                next++;
                ids.add(id);
            }
            packed.put("params", ids);
            groups.add(packed);
        }
        Map<Integer, Map<String, Object>> packedState = new LinkedHashMap<>();
        for (Map.Entry<Tensor, Map<String, Object>> e : state.entrySet()) {
            Integer id = index.get(e.getKey());
            if (id != null) {
                packedState.put(id, new LinkedHashMap<>(e.getValue()));
            }
        }
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("state", packedState);
        sd.put("param_groups", groups);
        return sd;
    }

    /**
     * Replaces the state and the groups' options by those of a state dict (as made by {@link #stateDict()},
     * possibly by another optimizer instance over other parameters of the same shapes),
     * {@code optimizer.load_state_dict(state_dict)}. Tensors are copied; floating state tensors other than
     * {@code "step"} are converted to their parameter's dtype; each group keeps its parameters. Everything
     * is checked before anything changes.
     *
     * <pre>{@code
     * opt.loadStateDict(sd);   // opt.load_state_dict(sd)
     * }</pre>
     *
     * @throws IllegalArgumentException with PyTorch's messages if the number of groups or a group's size
     *     differs, and with a clear message if the dict is malformed, refers to parameters the optimizer
     *     does not have, has a state tensor whose shape differs from its parameter's, lacks state this
     *     optimizer needs, or has invalid options
     */
    public void loadStateDict(Map<String, ?> stateDict) {
        Object savedGroupsObj = stateDict.get("param_groups");
        if (!(savedGroupsObj instanceof List)) {
            throw new IllegalArgumentException("loaded state dict has no 'param_groups' list");
        }
        List<?> savedGroups = (List<?>) savedGroupsObj;
        if (savedGroups.size() != paramGroups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups");
        }
        List<List<?>> savedIds = new ArrayList<>();
        for (Object sg : savedGroups) {
            if (!(sg instanceof Map) || !(((Map<?, ?>) sg).get("params") instanceof List)) {
                throw new IllegalArgumentException("loaded state dict has a parameter group without a 'params' list");
            }
            savedIds.add((List<?>) ((Map<?, ?>) sg).get("params"));
        }
        for (int i = 0; i < paramGroups.size(); i++) {
            if (savedIds.get(i).size() != paramGroups.get(i).params().size()) {
                throw new IllegalArgumentException(
                        "loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
            }
        }
        // Saved index -> current parameter, in the same order.
        Map<Integer, Tensor> idMap = new LinkedHashMap<>();
        for (int i = 0; i < paramGroups.size(); i++) {
            List<Tensor> ps = paramGroups.get(i).params();
            for (int j = 0; j < ps.size(); j++) {
                Object id = savedIds.get(i).get(j);
                if (!(id instanceof Integer)) {
                    throw new IllegalArgumentException("loaded state dict has a parameter index that is not an "
                            + "Integer: " + id);
                }
                idMap.put((Integer) id, ps.get(j));
            }
        }
        Object savedStateObj = stateDict.get("state");
        if (!(savedStateObj instanceof Map)) {
            throw new IllegalArgumentException("loaded state dict has no 'state' map");
        }
        Map<Tensor, Map<String, Object>> newState = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) savedStateObj).entrySet()) {
            Tensor param = e.getKey() instanceof Integer ? idMap.get(e.getKey()) : null;
            if (param == null) {
                throw new IllegalArgumentException("loaded state dict has state for parameter " + e.getKey()
                        + ", which is not one of the parameter indices of its param_groups " + idMap.keySet());
            }
            if (!(e.getValue() instanceof Map)) {
                throw new IllegalArgumentException("loaded state dict has a state for parameter " + e.getKey()
                        + " that is not a map");
            }
            Map<String, Object> s = new LinkedHashMap<>();
            for (Map.Entry<?, ?> kv : ((Map<?, ?>) e.getValue()).entrySet()) {
                String key = String.valueOf(kv.getKey());
                s.put(key, castState(param, key, kv.getValue(), (Integer) e.getKey()));
            }
            newState.put(param, s);
        }
        // New options: the saved ones (defaults filled in), checked before anything changes.
        List<Map<String, Object>> newOptions = new ArrayList<>();
        for (int i = 0; i < paramGroups.size(); i++) {
            ParamGroup probe = new ParamGroup(paramGroups.get(i).params());
            for (Map.Entry<?, ?> kv : ((Map<?, ?>) savedGroups.get(i)).entrySet()) {
                if (!"params".equals(kv.getKey())) {
                    probe.set(String.valueOf(kv.getKey()), kv.getValue());
                }
            }
            for (Map.Entry<String, Object> d : defaults.entrySet()) {
                probe.setDefault(d.getKey(), d.getValue());
            }
            validator.accept(probe);
            List<String> required = stateKeys(probe);
            for (Tensor p : probe.params()) {
                Map<String, Object> s = newState.get(p);
                if (s == null || s.isEmpty()) {
                    continue;
                }
                for (String k : required) {
                    if (!s.containsKey(k)) {
                        throw new IllegalArgumentException("loaded state dict has a state without '" + k
                                + "', which " + getClass().getSimpleName() + " needs (state keys: " + s.keySet()
                                + ")");
                    }
                }
            }
            newOptions.add(new LinkedHashMap<>(probe.options()));
        }
        state.clear();
        state.putAll(newState);
        for (int i = 0; i < paramGroups.size(); i++) {
            paramGroups.get(i).replaceOptions(newOptions.get(i));
        }
    }

    /** A deep copy of a saved state value, cast like PyTorch's {@code load_state_dict}'s {@code cast}. */
    private static Object castState(Tensor param, String key, Object value, int id) {
        if (value instanceof Tensor) {
            Tensor t = (Tensor) value;
            if (!key.equals("step")) {
                if (!Arrays.equals(t.shape(), param.shape())) {
                    throw new IllegalArgumentException("loaded state dict has a state '" + key + "' of shape "
                            + Shapes.str(t.shape()) + " for parameter " + id + " of shape "
                            + Shapes.str(param.shape()));
                }
                if (param.dtype().isFloatingPoint()) {
                    t = t.to(param.dtype());
                }
            }
            return t.detach().clone();
        }
        if (value instanceof Map) {
            Map<Object, Object> m = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                m.put(e.getKey(), castState(param, String.valueOf(e.getKey()), e.getValue(), id));
            }
            return m;
        }
        if (value instanceof List) {
            List<Object> l = new ArrayList<>();
            for (Object o : (List<?>) value) {
                l.add(castState(param, "", o, id));
            }
            return l;
        }
        return value;
    }

    /**
     * PyTorch's repr: the class name and each group's options in sorted order.
     *
     * <pre>{@code
     * System.out.println(opt);   // print(opt)  ->  SGD (\nParameter Group 0\n    dampening: 0.0 ...
     * }</pre>
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (");
        for (int i = 0; i < paramGroups.size(); i++) {
            sb.append("\nParameter Group ").append(i).append('\n');
            for (Map.Entry<String, Object> e : new TreeMap<>(paramGroups.get(i).options()).entrySet()) {
                Object v = e.getValue();
                String s = v instanceof List ? tuple((List<?>) v) : PyRepr.ofObject(v);
                sb.append("    ").append(e.getKey()).append(": ").append(s).append('\n');
            }
        }
        return sb.append(')').toString();
    }

    private static String tuple(List<?> l) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < l.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(PyRepr.ofObject(l.get(i)));
        }
        return sb.append(l.size() == 1 ? ",)" : ")").toString();
    }

    /**
     * {@code "Invalid <what>: <value>"} unless {@code ok}, the form of PyTorch's hyper-parameter checks.
     *
     * <pre>{@code
     * require(lr >= 0, "learning rate", lr);   // if not 0.0 <= lr: raise ValueError("Invalid learning rate: ...")
     * }</pre>
     */
    protected static void require(boolean ok, String what, double value) {
        if (!ok) {
            throw new IllegalArgumentException("Invalid " + what + ": " + PyRepr.of(value));
        }
    }
}
