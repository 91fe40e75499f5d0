package io.jgrad.optim;

import static io.jgrad.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.ModeGuard;
import io.jgrad.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Optimizer behaviour outside the numbers: PyTorch 1.13's error messages (checked with real PyTorch),
 * groups and defaults, zeroGrad, skipped parameters, grad mode, closures, state dict structure and the
 * checks of loadStateDict (a failed load changes nothing).
 */
class OptimizerBehaviourTest {

    static Parameter param(double... v) {
        return new Parameter(tensor(v));
    }

    static void assertMessage(String message, Executable body) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, body);
        assertEquals(message, e.getMessage());
    }

    @Test
    void hyperParameterChecksUsePyTorchMessages() {
        List<Parameter> ps = List.of(param(1, 2));
        assertMessage("Invalid learning rate: -1.0", () -> new SGD(ps, -1.0));
        assertMessage("Invalid learning rate: -1e-05", () -> new SGD(ps, -1e-5));
        assertMessage("Invalid momentum value: -0.5", () -> new SGD(ps, 0.1, -0.5));
        assertMessage("Invalid weight_decay value: -1.0", () -> new SGD(ps, 0.1, 0, 0, -1));
        assertMessage("Nesterov momentum requires a momentum and zero dampening",
                () -> new SGD(ps, 0.1, 0, 0, 0, true));
        assertMessage("Nesterov momentum requires a momentum and zero dampening",
                () -> new SGD(ps, 0.1, 0.9, 0.1, 0, true));
        assertMessage("Invalid beta parameter at index 0: 1.0", () -> new Adam(ps, 0.1, 1.0, 0.9));
        assertMessage("Invalid beta parameter at index 1: -0.1", () -> new Adam(ps, 0.1, 0.9, -0.1));
        assertMessage("Invalid epsilon value: -1e-08", () -> new Adam(ps, 0.1, 0.9, 0.999, -1e-8));
        assertMessage("Invalid weight_decay value: -0.01", () -> new AdamW(ps, 0.1, 0.9, 0.999, 1e-8, -0.01));
        assertMessage("Invalid learning rate: -0.001", () -> new AdamW(ps, -0.001));
        assertMessage("Invalid alpha value: -0.5", () -> new RMSprop(ps, 0.01, -0.5));
        assertMessage("Invalid momentum value: -0.9", () -> new RMSprop(ps, 0.01, 0.99, 1e-8, 0, -0.9));
        assertMessage("Invalid lr_decay value: -1.0", () -> new Adagrad(ps, 0.1, -1));
        assertMessage("Invalid initial_accumulator_value value: -1.0", () -> new Adagrad(ps, 0.1, 0, 0, -1));
        assertMessage("Invalid epsilon value: -1e-10", () -> new Adagrad(ps, 0.1, 0, 0, 0, -1e-10));
    }

    @Test
    void hyperParametersAreCheckedBeforeTheParameters() {
        // optim.SGD([], lr=-1) complains about the learning rate first.
        assertMessage("Invalid learning rate: -1.0", () -> new SGD(List.of(), -1.0));
    }

    @Test
    void parameterChecksUsePyTorchMessages() {
        Parameter p = param(1, 2);
        assertMessage("optimizer got an empty parameter list", () -> new SGD(List.of(), 0.1));
        Tensor nonLeaf = p.mul(2);
        assertMessage("can't optimize a non-leaf Tensor", () -> new SGD(List.of(nonLeaf), 0.1));
        assertMessage("some parameters appear in more than one parameter group",
                () -> new SGD(List.of(new ParamGroup(p), new ParamGroup(p)), 0.1));
        assertMessage("optimizer can only optimize Tensors, but one of the params is java.lang.String",
                () -> new SGD(List.of(p, "w"), 0.1));
        assertMessage("optimizer can only optimize Tensors, but one of the params is null",
                () -> new ParamGroup(p, null));
    }

    @Test
    void groupOptionsOverrideDefaultsAndAreChecked() {
        Parameter a = param(1);
        Parameter b = param(2);
        SGD opt = new SGD(List.of(new ParamGroup(a), new ParamGroup(b).set("lr", 0.01).set("momentum", 0)), 0.1,
                0.9);
        ParamGroup g0 = opt.paramGroups().get(0);
        ParamGroup g1 = opt.paramGroups().get(1);
        assertEquals(0.1, g0.lr());
        assertEquals(0.9, g0.getDouble("momentum"));
        assertEquals(0.01, g1.lr());
        assertEquals(0.0, g1.getDouble("momentum"));
        // User keys first, then the defaults in PyTorch's order (add_param_group's setdefault).
        assertEquals(List.of("lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize"),
                new ArrayList<>(g1.options().keySet()));
        assertMessage("Invalid learning rate: -0.5",
                () -> new SGD(List.of(new ParamGroup(a).set("lr", -0.5)), 0.1));
    }

    @Test
    void addParamGroupRejectsWithoutChangingAnything() {
        Parameter a = param(1);
        Parameter b = param(2);
        Adam opt = new Adam(List.of(a), 0.1);
        ParamGroup bad = new ParamGroup(b).set("betas", new double[] {0.9, 1.5});
        assertMessage("Invalid beta parameter at index 1: 1.5", () -> opt.addParamGroup(bad));
        assertEquals(1, opt.paramGroups().size());
        assertEquals(List.of("betas"), new ArrayList<>(bad.options().keySet()), "defaults not left in the group");
        assertMessage("some parameters appear in more than one parameter group",
                () -> opt.addParamGroup(new ParamGroup(a)));
        opt.addParamGroup(new ParamGroup(b).set("lr", 0.5));
        assertEquals(List.of(0.9, 0.999), opt.paramGroups().get(1).get("betas"));
        assertEquals(0.5, opt.paramGroups().get(1).lr());
    }

    @Test
    void zeroGradSetsGradsToNoneByDefault() {
        Parameter p = param(1, 2);
        SGD opt = new SGD(List.of(p), 0.1);
        p.mul(p).sum().backward();
        assertNotNull(p.grad());
        opt.zeroGrad();
        assertNull(p.grad());
        opt.zeroGrad(); // no grads at all: nothing to do
        assertNull(p.grad());
    }

    @Test
    void zeroGradFalseZeroesInPlaceAndDetaches() {
        Parameter p = param(1, 2);
        SGD opt = new SGD(List.of(p), 0.1);
        p.mul(p).sum().backward(null, false, true); // create_graph: the grad has a grad_fn
        Tensor g = p.grad();
        assertNotNull(g.gradFn());
        opt.zeroGrad(false);
        assertSame(g, p.grad(), "same tensor, zeroed in place");
        assertNull(g.gradFn());
        assertFalse(g.requiresGrad());
        assertArrayEquals(new double[] {0, 0}, g.toDoubleArray());
    }

    @Test
    void parametersWithoutGradAreSkippedAndGetNoState() {
        Parameter a = param(1, 2);
        Parameter b = param(3, 4);
        Adam opt = new Adam(List.of(a, b), 0.1);
        a.sum().backward();
        opt.step();
        assertArrayEquals(new float[] {0.9f, 1.9f}, a.toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {3, 4}, b.toFloatArray());
        assertTrue(opt.state().containsKey(a));
        assertFalse(opt.state().containsKey(b));
        @SuppressWarnings("unchecked")
        Map<Integer, ?> state = (Map<Integer, ?>) opt.stateDict().get("state");
        assertEquals(List.of(0), new ArrayList<>(state.keySet()));
    }

    @Test
    void stepRunsWithoutRecordingAndRestoresGradMode() {
        Parameter p = param(1, 2);
        SGD opt = new SGD(List.of(p), 0.5, 0.9);
        p.mul(p).sum().backward();
        opt.step();
        assertTrue(p.isLeaf());
        assertNull(p.gradFn());
        assertTrue(p.requiresGrad());
        assertTrue(Torch.isGradEnabled());
        assertArrayEquals(new float[] {0, 0}, p.toFloatArray());
        try (ModeGuard g = Torch.noGrad()) {
            opt.step();
            assertFalse(Torch.isGradEnabled(), "the caller's mode is restored");
        }
    }

    @Test
    void stepWithClosureComputesTheLossWithGradEnabled() {
        Parameter p = param(3);
        SGD opt = new SGD(List.of(p), 0.25);
        Tensor loss;
        try (ModeGuard g = Torch.noGrad()) {
            loss = opt.step(() -> {
                opt.zeroGrad();
                Tensor l = p.mul(p).sum();
                l.backward();
                return l;
            });
        }
        assertEquals(9.0, loss.item());
        assertEquals(1.5, p.item(), 1e-6); // 3 - 0.25 * 6
        assertNull(new SGD(List.of(p), 0.1).step(null));
    }

    @Test
    void stateDictHasPyTorchsStructure() {
        Parameter w = param(1, 2);
        Parameter b = param(3);
        Parameter c = param(4);
        Adam opt = new Adam(List.of(new ParamGroup(w, b), new ParamGroup(c).set("lr", 0.01)), 0.1);
        w.sum().backward();
        c.sum().backward();
        opt.step();
        Map<String, Object> sd = opt.stateDict();
        assertEquals(List.of("state", "param_groups"), new ArrayList<>(sd.keySet()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) sd.get("param_groups");
        assertEquals(List.of(0, 1), groups.get(0).get("params"));
        assertEquals(List.of(2), groups.get(1).get("params"));
        assertEquals(List.of("lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "params"),
                new ArrayList<>(groups.get(0).keySet()));
        assertEquals(0.01, groups.get(1).get("lr"));
        assertEquals(List.of(0.9, 0.999), groups.get(1).get("betas"));
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) sd.get("state");
        assertEquals(List.of(0, 2), new ArrayList<>(state.keySet()));
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq"), new ArrayList<>(state.get(0).keySet()));
        Tensor step = (Tensor) state.get(0).get("step");
        assertEquals(0, step.dim());
        assertEquals(DType.FLOAT32, step.dtype());
        assertEquals(1.0, step.item());
    }

    @Test
    void sgdWithoutMomentumStoresNoneBuffers() {
        // PyTorch stores state['momentum_buffer'] = None for every stepped parameter.
        Parameter p = param(1);
        SGD opt = new SGD(List.of(p), 0.1);
        p.sum().backward();
        opt.step();
        assertTrue(opt.state().get(p).containsKey("momentum_buffer"));
        assertNull(opt.state().get(p).get("momentum_buffer"));
    }

    @Test
    void loadStateDictChecksGroupsWithPyTorchsMessages() {
        Parameter a = param(1);
        Parameter b = param(2);
        SGD opt = new SGD(List.of(a, b), 0.1);
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("state", new LinkedHashMap<>());
        sd.put("param_groups", List.of());
        assertMessage("loaded state dict has a different number of parameter groups", () -> opt.loadStateDict(sd));
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("lr", 0.1);
        group.put("params", List.of(0));
        sd.put("param_groups", List.of(group));
        assertMessage("loaded state dict contains a parameter group that doesn't match the size of optimizer's "
                + "group", () -> opt.loadStateDict(sd));
        assertMessage("loaded state dict has no 'param_groups' list", () -> opt.loadStateDict(Map.of()));
    }

    /** An Adam over (a, b) stepped once, and its state dict. */
    static Map<String, Object> adamStateDict(Parameter a, Parameter b) {
        Adam opt = new Adam(List.of(a, b), 0.1);
        a.sum().backward();
        b.sum().backward();
        opt.step();
        return opt.stateDict();
    }

    @Test
    void failedLoadChangesNothing() {
        Parameter a = param(1, 2);
        Parameter b = param(3);
        Map<String, Object> good = adamStateDict(param(1, 2), param(3));

        Adam opt = new Adam(List.of(a, b), 0.5);
        a.sum().backward();
        opt.step();
        Map<String, Object> before = opt.stateDict();
        Tensor expAvgBefore = ((Tensor) opt.state().get(a).get("exp_avg")).clone();

        // Wrong shape for a's exp_avg.
        Map<String, Object> badShape = deepCopy(good);
        stateOf(badShape, 0).put("exp_avg", Torch.zeros(3));
        assertMessage("loaded state dict has a state 'exp_avg' of shape [3] for parameter 0 of shape [2]",
                () -> opt.loadStateDict(badShape));
        // State for a parameter index that does not exist.
        Map<String, Object> badIndex = deepCopy(good);
        @SuppressWarnings("unchecked")
        Map<Object, Object> st = (Map<Object, Object>) badIndex.get("state");
        st.put(7, st.get(1));
        assertMessage("loaded state dict has state for parameter 7, which is not one of the parameter indices of "
                + "its param_groups [0, 1]", () -> opt.loadStateDict(badIndex));
        // Invalid option.
        Map<String, Object> badOption = deepCopy(good);
        groupsOf(badOption).get(0).put("lr", -1.0);
        assertMessage("Invalid learning rate: -1.0", () -> opt.loadStateDict(badOption));
        // State saved by another optimizer.
        Parameter x = param(1, 2);
        Parameter y = param(3);
        SGD sgd = new SGD(List.of(x, y), 0.1, 0.9);
        x.sum().backward();
        sgd.step();
        assertMessage("loaded state dict has a state without 'step', which Adam needs (state keys: "
                + "[momentum_buffer])", () -> opt.loadStateDict(sgd.stateDict()));

        assertEquals(0.5, opt.paramGroups().get(0).lr());
        assertTrue(expAvgBefore.equal((Tensor) opt.state().get(a).get("exp_avg")));
        assertFalse(opt.state().containsKey(b));
        assertEquals(before.get("param_groups"), opt.stateDict().get("param_groups"));
    }

    @Test
    void loadStateDictCopiesCastsAndRestoresOptions() {
        Parameter a64 = new Parameter(tensor(new double[] {1, 2}, DType.FLOAT64));
        Parameter b64 = new Parameter(tensor(new double[] {3}, DType.FLOAT64));
        Map<String, Object> sd = adamStateDict(a64, b64);
        groupsOf(sd).get(0).put("lr", 0.25);

        Parameter a = param(1, 2);
        Parameter b = param(3);
        Adam opt = new Adam(List.of(a, b), 0.1);
        opt.loadStateDict(sd);
        assertEquals(0.25, opt.paramGroups().get(0).lr());
        Tensor expAvg = (Tensor) opt.state().get(a).get("exp_avg");
        assertEquals(DType.FLOAT32, expAvg.dtype(), "cast to the parameter's dtype");
        assertEquals(DType.FLOAT32, ((Tensor) opt.state().get(a).get("step")).dtype(), "step is not cast");
        Tensor saved = (Tensor) stateOf(sd, 0).get("exp_avg");
        saved.add_(100.0);
        assertEquals(0.1f, expAvg.toFloatArray()[0], 1e-6f, "a copy, not the saved tensor");
    }

    @Test
    void toStringIsPyTorchsRepr() {
        Adam opt = new Adam(List.of(param(1)), 0.1);
        assertEquals("Adam (\nParameter Group 0\n    amsgrad: False\n    betas: (0.9, 0.999)\n    eps: 1e-08\n"
                + "    lr: 0.1\n    maximize: False\n    weight_decay: 0.0\n)", opt.toString());
    }

    @Test
    void paramGroupNormalisesValues() {
        ParamGroup g = new ParamGroup(param(1)).set("lr", 1).set("betas", List.of(0.5f, 1)).set("name", "head");
        assertEquals(1.0, g.get("lr"));
        assertEquals(List.of(0.5, 1.0), g.get("betas"));
        assertEquals("head", g.get("name"));
        assertMessage("param group option 'momentum' must be a number, but is missing (None)",
                () -> g.getDouble("momentum"));
        assertMessage("'params' is not an option; pass the parameters to the constructor",
                () -> g.set("params", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> g.params().clear());
    }

    // ------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> stateOf(Map<String, Object> sd, int i) {
        return ((Map<Integer, Map<String, Object>>) sd.get("state")).get(i);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> groupsOf(Map<String, Object> sd) {
        return (List<Map<String, Object>>) sd.get("param_groups");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> sd) {
        Map<Integer, Map<String, Object>> state = new LinkedHashMap<>();
        ((Map<Integer, Map<String, Object>>) sd.get("state")).forEach((k, v) -> state.put(k, new LinkedHashMap<>(v)));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) sd.get("param_groups")) {
            groups.add(new LinkedHashMap<>(g));
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("state", state);
        copy.put("param_groups", groups);
        return copy;
    }
}
