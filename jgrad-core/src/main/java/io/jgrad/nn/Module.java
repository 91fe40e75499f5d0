package io.jgrad.nn;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.internal.Shapes;
import io.jgrad.internal.TensorAccess;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Base class of neural-network layers and models, PyTorch's {@code nn.Module}.
 *
 * <p>Submodules and parameters are found automatically: every non-static field whose value is a
 * {@link Module} or a {@link Parameter} is registered under the field's name, superclass fields first, then in
 * declaration order (PyTorch registers attributes in assignment order; declaring fields in the order the
 * constructor assigns them gives the same order). Fields are read when asked, so a field may be reassigned or
 * be null (like {@code bias=None}). Modules and parameters can also be registered by name
 * ({@link #registerModule}, {@link #registerParameter}; they come after the fields), and buffers, which are
 * state but not parameters (BatchNorm's running statistics), with {@link #registerBuffer}.
 *
 * <pre>{@code
 * class LR extends Module {                         // class LR(nn.Module):
 *     final Linear features = new Linear(2, 1);     //     self.features = nn.Linear(2, 1)
 *     final Sigmoid sigmoid = new Sigmoid();        //     self.sigmoid = nn.Sigmoid()
 *     public Tensor forward(Tensor x) {             //     def forward(self, x):
 *         return sigmoid.forward(features.forward(x));
 *     }
 * }
 * }</pre>
 */
public abstract class Module {
    private static final TensorAccess A = TensorAccess.get();
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return discover(type);
        }
    };

    private boolean training = true;
    private final Map<String, Parameter> registeredParameters = new LinkedHashMap<>();
    private final Map<String, Module> registeredModules = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();

    /** A module in training mode with no parameters of its own yet. */
    protected Module() {}

    // ------------------------------------------------------------------------------------------------
    // Forward

    /**
     * The module's computation, {@code module(x)}. Modules taking other inputs define their own
     * {@code forward} overloads (losses take {@code (input, target)}).
     *
     * @throws UnsupportedOperationException if the subclass does not define it (PyTorch's message)
     */
    public Tensor forward(Tensor x) {
        throw new UnsupportedOperationException("Module [" + name() + "] is missing the required \"forward\" function");
    }

    // ------------------------------------------------------------------------------------------------
    // Registration

    /** {@code self.add_module(name, module)}: registers a child (null allowed) after the field children. */
    public Module registerModule(String name, Module module) {
        checkName(name, registeredModules);
        registeredModules.put(name, module);
        return module;
    }

    /** {@code self.register_parameter(name, param)}: registers a parameter (null allowed) after the fields. */
    public Parameter registerParameter(String name, Parameter param) {
        checkName(name, registeredParameters);
        registeredParameters.put(name, param);
        return param;
    }

    /**
     * {@code self.register_buffer(name, tensor)}: state saved in {@link #stateDict()} and converted by
     * {@link #to(DType)}, but not a parameter (e.g. {@code running_mean}). Registering a name again replaces it.
     */
    public Tensor registerBuffer(String name, Tensor tensor) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(name.isEmpty() ? "buffer name can't be empty string \"\""
                    : "buffer name can't contain \".\"");
        }
        buffers.put(name, tensor);
        return tensor;
    }

    /** The buffer registered under {@code name}, or null ({@code self.running_mean}). */
    public Tensor getBuffer(String name) {
        return buffers.get(name);
    }

    private void checkName(String name, Map<String, ?> map) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("module name can't be empty string \"\"");
        }
        if (name.contains(".")) {
            throw new IllegalArgumentException("module name can't contain \".\", got: " + name);
        }
        if (localParameters().containsKey(name) || localModules().containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Discovery

    private static List<Field> discover(Class<?> type) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Module.class; c = c.getSuperclass()) {
            chain.push(c);
        }
        List<Field> out = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                Class<?> t = f.getType();
                if (Module.class.isAssignableFrom(t) || Tensor.class.isAssignableFrom(t)
                        || t.isAssignableFrom(Module.class) || t.isAssignableFrom(Parameter.class)) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private Object read(Field f) {
        try {
            return f.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read field " + f.getName(), e);
        }
    }

    /** This module's own parameters by name (fields, then registered), including null entries of Parameter fields. */
    private Map<String, Parameter> localParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Field f : FIELDS.get(getClass())) {
            Object v = read(f);
            if (v instanceof Parameter || (v == null && Parameter.class.isAssignableFrom(f.getType()))) {
                out.put(f.getName(), (Parameter) v);
            }
        }
        out.putAll(registeredParameters);
        return out;
    }

    /** This module's own children by name (fields, then registered). */
    private Map<String, Module> localModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        for (Field f : FIELDS.get(getClass())) {
            Object v = read(f);
            if (v instanceof Module) {
                out.put(f.getName(), (Module) v);
            }
        }
        out.putAll(registeredModules);
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // Traversal

    /** All parameters of this module and its descendants, each once ({@code module.parameters()}). */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /**
     * Parameters by dotted name ({@code "features.weight"}), own first then each child's, each once
     * ({@code dict(module.named_parameters())}).
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            for (Map.Entry<String, Parameter> p : m.getValue().localParameters().entrySet()) {
                if (p.getValue() != null && seen.add(p.getValue())) {
                    out.put(prefix + p.getKey(), p.getValue());
                }
            }
        }
        return out;
    }

    /** All buffers of this module and its descendants ({@code module.buffers()}). */
    public List<Tensor> buffers() {
        return new ArrayList<>(namedBuffers().values());
    }

    /** Buffers by dotted name ({@code dict(module.named_buffers())}). */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            for (Map.Entry<String, Tensor> b : m.getValue().buffers.entrySet()) {
                if (b.getValue() != null && seen.add(b.getValue())) {
                    out.put(prefix + b.getKey(), b.getValue());
                }
            }
        }
        return out;
    }

    /** The direct children ({@code list(module.children())}). */
    public List<Module> children() {
        return new ArrayList<>(namedChildren().values());
    }

    /** The direct children by name, each once ({@code dict(module.named_children())}). */
    public Map<String, Module> namedChildren() {
        Map<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> e : localModules().entrySet()) {
            if (e.getValue() != null && seen.add(e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** This module and all descendants, pre-order, each once ({@code list(module.modules())}). */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /** This module ({@code ""}) and all descendants by dotted name ({@code dict(module.named_modules())}). */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collect(this, "", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void collect(Module m, String prefix, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(m)) {
            return;
        }
        out.put(prefix, m);
        for (Map.Entry<String, Module> e : m.localModules().entrySet()) {
            if (e.getValue() != null) {
                collect(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out, seen);
            }
        }
    }

    /** Calls fn on every child (recursively), then on this module; returns this ({@code module.apply(fn)}). */
    public Module apply(Consumer<Module> fn) {
        for (Module child : children()) {
            child.apply(fn);
        }
        fn.accept(this);
        return this;
    }

    // ------------------------------------------------------------------------------------------------
    // Modes and gradients

    /** Sets training mode on this module and its descendants; returns this ({@code module.train(mode)}). */
    public Module train(boolean mode) {
        training = mode;
        for (Module child : children()) {
            child.train(mode);
        }
        return this;
    }

    /** {@code module.train()}. */
    public Module train() {
        return train(true);
    }

    /** Evaluation mode, {@code module.eval()}: same as {@code train(false)}. */
    public Module eval() {
        return train(false);
    }

    /** {@code module.training}. */
    public boolean isTraining() {
        return training;
    }

    /**
     * Zeroes the gradients of all parameters in place, PyTorch 1.13's {@code module.zero_grad()} (whose
     * default is {@code set_to_none=False}): a gradient with history is detached first.
     */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /** {@code module.zero_grad(set_to_none)}: null the gradients, or zero them in place. */
    public void zeroGrad(boolean setToNone) {
        for (Parameter p : parameters()) {
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                if (g.gradFn() != null) {
                    g.detach_();
                } else {
                    g.requiresGrad_(false);
                }
                g.zero_();
            }
        }
    }

    /**
     * Converts the floating-point parameters (and their gradients) and buffers to {@code dtype} in place;
     * the Parameter objects stay the same, so optimizers holding them keep working ({@code module.to(dtype)}).
     *
     * @throws IllegalArgumentException if dtype is not floating point (PyTorch's message)
     */
    public Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("nn.Module.to only accepts floating point or complex dtypes, but got "
                    + "desired dtype=torch." + dtypeName(dtype));
        }
        for (Module m : modules()) {
            for (Parameter p : m.localParameters().values()) {
                if (p != null && p.dtype().isFloatingPoint() && p.dtype() != dtype) {
                    Tensor g = p.grad();
                    Tensor data = p.detach().to(dtype);
                    A.setData(p, A.storage(data), A.offset(data), A.shape(data), A.strides(data));
                    if (g != null) {
                        A.setGradField(p, g.to(dtype));
                    }
                }
            }
            for (Map.Entry<String, Tensor> b : m.buffers.entrySet()) {
                Tensor t = b.getValue();
                if (t != null && t.dtype().isFloatingPoint()) {
                    b.setValue(t.to(dtype));
                }
            }
        }
        return this;
    }

    private static String dtypeName(DType d) {
        switch (d) {
            case INT64: return "int64";
            case BOOL: return "bool";
            case FLOAT64: return "float64";
            default: return "float32";
        }
    }

    // ------------------------------------------------------------------------------------------------
    // State dict

    /**
     * Parameters and buffers by dotted name, detached (sharing storage), in PyTorch's order: each module's
     * own parameters, then its buffers, then its children's ({@code module.state_dict()}).
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            for (Map.Entry<String, Tensor> e : m.getValue().localState().entrySet()) {
                out.put(prefix + e.getKey(), e.getValue().detach());
            }
        }
        return out;
    }

    /** Own non-null parameters then buffers, by local name. */
    private Map<String, Tensor> localState() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : localParameters().entrySet()) {
            if (p.getValue() != null) {
                out.put(p.getKey(), p.getValue());
            }
        }
        for (Map.Entry<String, Tensor> b : buffers.entrySet()) {
            if (b.getValue() != null) {
                out.put(b.getKey(), b.getValue());
            }
        }
        return out;
    }

    /** {@code module.load_state_dict(state_dict)}: strict. */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) {
        return loadStateDict(stateDict, true);
    }

    /**
     * Copies values into the parameters and buffers by name under no-grad ({@code module.load_state_dict(sd,
     * strict)}). Everything is checked before anything is copied, so a failed call changes nothing.
     *
     * @return the missing and unexpected keys (empty when strict succeeded)
     * @throws IllegalArgumentException with PyTorch's text ({@code Error(s) in loading state_dict for LR:\n\t
     *     Missing key(s) in state_dict: "x". ...}) for missing or unexpected keys when strict, and for a shape
     *     mismatch always
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Tensor[]> copies = new ArrayList<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            Module mod = m.getValue();
            Map<String, Tensor> local = mod.localState();
            for (Map.Entry<String, Tensor> e : local.entrySet()) {
                String key = prefix + e.getKey();
                Tensor value = stateDict.get(key);
                if (value == null) {
                    missing.add(key);
                } else if (!Arrays.equals(value.shape(), e.getValue().shape())) {
                    errors.add("size mismatch for " + key + ": copying a param with shape " + Shapes.str(value.shape())
                            + " from checkpoint, the shape in current model is " + Shapes.str(e.getValue().shape())
                            + ".");
                } else {
                    copies.add(new Tensor[] {e.getValue(), value});
                }
            }
            Map<String, Module> kids = mod.localModules();
            Set<String> allLocal = mod.localParameters().keySet();
            for (String key : stateDict.keySet()) {
                if (key.startsWith(prefix)) {
                    String name = key.substring(prefix.length()).split("\\.", 2)[0];
                    if (!kids.containsKey(name) && !allLocal.contains(name) && !mod.buffers.containsKey(name)) {
                        unexpected.add(key);
                    }
                }
            }
        }
        if (strict) {
            if (!unexpected.isEmpty()) {
                errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
            }
            if (!missing.isEmpty()) {
                errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + name() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        Torch.noGrad(() -> {
            for (Tensor[] c : copies) {
                c[0].copy_(c[1]);
            }
        });
        return new IncompatibleKeys(List.copyOf(missing), List.copyOf(unexpected));
    }

    private static String quoted(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(k).append('"');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------
    // Printing

    /** The text inside this module's parentheses in its repr ({@code extra_repr()}); empty by default. */
    public String extraRepr() {
        return "";
    }

    /** The class name shown in reprs and errors ({@code module._get_name()}). */
    protected String name() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? getClass().getName() : n;
    }

    /**
     * PyTorch's module repr: {@code Linear(in_features=2, out_features=1, bias=True)}, or with children
     * {@code Sequential(\n  (0): Linear(...)\n  (1): Sigmoid()\n)}.
     */
    @Override
    public String toString() {
        List<String> extra = extraRepr().isEmpty() ? List.of() : Arrays.asList(extraRepr().split("\n"));
        List<String> lines = new ArrayList<>(extra);
        boolean children = false;
        for (Map.Entry<String, Module> e : localModules().entrySet()) {
            String child = String.valueOf(e.getValue()).replace("\n", "\n  ");
            lines.add("(" + e.getKey() + "): " + child);
            children = true;
        }
        StringBuilder sb = new StringBuilder(name()).append('(');
        if (!lines.isEmpty()) {
            if (extra.size() == 1 && !children) {
                sb.append(extra.get(0));
            } else {
                sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
            }
        }
        return sb.append(')').toString();
    }

    /** Python's {@code True}/{@code False}, for reprs. */
    static String py(boolean b) {
        return b ? "True" : "False";
    }
}
