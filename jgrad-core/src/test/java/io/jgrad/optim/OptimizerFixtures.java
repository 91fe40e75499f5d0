package io.jgrad.optim;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.nn.Parameter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of {@code fixtures/optim/optimizers.txt} (written by {@code tools/fixtures/gen_optim.py} with
 * PyTorch 1.13; the format is described there), and how to build each case's optimizer in Java.
 */
final class OptimizerFixtures {
    private OptimizerFixtures() {}

    /** Shape and exact values of one tensor of the fixture. */
    record Values(int[] shape, double[] values) {
        Tensor tensor(DType dtype) {
            return Torch.tensor(values, dtype).reshape(shape);
        }
    }

    /** One param group: parameter indices and its own options. */
    record Group(int[] params, Map<String, String> options) {}

    /** One step: PyTorch's gradient of each parameter (null: None) and each parameter after the step. */
    record Step(List<double[]> grads, List<double[]> after) {}

    /** One case: an optimizer configuration run for a few steps on the fixture's problem. */
    static final class Case {
        String name;
        String optimizer;
        Map<String, String> kwargs = new LinkedHashMap<>();
        DType dtype;
        Map<String, Values> data = new LinkedHashMap<>();
        List<Values> params = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        /** state_dict()['state'][i][key]: a double[] of a tensor, an Integer, or null. */
        Map<Integer, Map<String, Object>> state = new LinkedHashMap<>();

        @Override
        public String toString() {
            return name;
        }

        /** Fresh parameters with the case's initial values. */
        List<Parameter> newParams() {
            List<Parameter> ps = new ArrayList<>();
            for (Values v : params) {
                ps.add(new Parameter(v.tensor(dtype)));
            }
            return ps;
        }

        /** The case's optimizer over {@code ps} (its param groups if it has some). */
        Optimizer build(List<? extends Tensor> ps) {
            Iterable<?> arg = ps;
            if (!groups.isEmpty()) {
                List<ParamGroup> gs = new ArrayList<>();
                for (Group g : groups) {
                    List<Tensor> members = new ArrayList<>();
                    for (int i : g.params()) {
                        members.add(ps.get(i));
                    }
                    ParamGroup pg = new ParamGroup(members);
                    g.options().forEach((k, v) -> pg.set(k, parse(v)));
                    gs.add(pg);
                }
                arg = gs;
            }
            return construct(optimizer, kwargs, arg);
        }
    }

    /** The Java constructor call for PyTorch's keyword arguments, with PyTorch's defaults for the rest. */
    static Optimizer construct(String cls, Map<String, String> kw, Iterable<?> params) {
        switch (cls) {
            case "SGD":
                return new SGD(params, num(kw, "lr", Double.NaN), num(kw, "momentum", 0), num(kw, "dampening", 0),
                        num(kw, "weight_decay", 0), bool(kw, "nesterov"), bool(kw, "maximize"));
            case "Adam":
            case "AdamW": {
                double[] betas = kw.containsKey("betas") ? (double[]) parse(kw.get("betas")) : new double[] {0.9, 0.999};
                double wd = num(kw, "weight_decay", cls.equals("Adam") ? 0 : 1e-2);
                return cls.equals("Adam")
                        ? new Adam(params, num(kw, "lr", 1e-3), betas[0], betas[1], num(kw, "eps", 1e-8), wd,
                                bool(kw, "amsgrad"), bool(kw, "maximize"))
                        : new AdamW(params, num(kw, "lr", 1e-3), betas[0], betas[1], num(kw, "eps", 1e-8), wd,
                                bool(kw, "amsgrad"), bool(kw, "maximize"));
            }
            case "RMSprop":
                return new RMSprop(params, num(kw, "lr", 1e-2), num(kw, "alpha", 0.99), num(kw, "eps", 1e-8),
                        num(kw, "weight_decay", 0), num(kw, "momentum", 0), bool(kw, "centered"),
                        bool(kw, "maximize"));
            case "Adagrad":
                return new Adagrad(params, num(kw, "lr", 1e-2), num(kw, "lr_decay", 0), num(kw, "weight_decay", 0),
                        num(kw, "initial_accumulator_value", 0), num(kw, "eps", 1e-10), bool(kw, "maximize"));
            default:
                throw new IllegalArgumentException(cls);
        }
    }

    private static double num(Map<String, String> kw, String key, double dflt) {
        return kw.containsKey(key) ? Double.parseDouble(kw.get(key)) : dflt;
    }

    private static boolean bool(Map<String, String> kw, String key) {
        return "True".equals(kw.get(key));
    }

    /** A fixture option value: True/False, a tuple "a,b" (double[]), or a number. */
    static Object parse(String v) {
        if (v.equals("True") || v.equals("False")) {
            return v.equals("True");
        }
        if (v.contains(",")) {
            String[] parts = v.split(",");
            double[] d = new double[parts.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = Double.parseDouble(parts[i]);
            }
            return d;
        }
        return Double.parseDouble(v);
    }

    static double[] doubles(String csv) {
        String[] parts = csv.split(",");
        double[] d = new double[parts.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Double.parseDouble(parts[i]);
        }
        return d;
    }

    static int[] ints(String csv) {
        if (csv.equals("-")) {
            return new int[0];
        }
        String[] parts = csv.split(",");
        int[] d = new int[parts.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Integer.parseInt(parts[i]);
        }
        return d;
    }

    private static List<Case> cached;

    /** Every case of the fixture, in file order. */
    static synchronized List<Case> load() {
        if (cached != null) {
            return cached;
        }
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                OptimizerFixtures.class.getResourceAsStream("/fixtures/optim/optimizers.txt"),
                StandardCharsets.UTF_8))) {
            Case c = null;
            Step step = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.split(" ");
                switch (t[0]) {
                    case "case":
                        c = new Case();
                        c.name = t[1];
                        break;
                    case "optimizer":
                        c.optimizer = t[1];
                        for (int i = 2; i < t.length; i++) {
                            String[] kv = t[i].split("=", 2);
                            c.kwargs.put(kv[0], kv[1]);
                        }
                        break;
                    case "dtype":
                        c.dtype = t[1].equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
                        break;
                    case "data":
                        c.data.put(t[1], new Values(ints(t[2]), doubles(t[3])));
                        break;
                    case "param":
                        c.params.add(new Values(ints(t[2]), doubles(t[3])));
                        break;
                    case "group": {
                        Map<String, String> opts = new LinkedHashMap<>();
                        for (int i = 2; i < t.length; i++) {
                            String[] kv = t[i].split("=", 2);
                            opts.put(kv[0], kv[1]);
                        }
                        c.groups.add(new Group(ints(t[1]), opts));
                        break;
                    }
                    case "step":
                        step = new Step(new ArrayList<>(), new ArrayList<>());
                        c.steps.add(step);
                        break;
                    case "grad":
                        step.grads().add(t[2].equals("none") ? null : doubles(t[2]));
                        break;
                    case "after":
                        step.after().add(doubles(t[2]));
                        break;
                    case "state": {
                        Object v = t[3].equals("none") ? null
                                : t[3].equals("int") ? (Object) Integer.parseInt(t[4]) : doubles(t[3]);
                        c.state.computeIfAbsent(Integer.parseInt(t[1]), k -> new LinkedHashMap<>()).put(t[2], v);
                        break;
                    }
                    case "end":
                        cases.add(c);
                        c = null;
                        break;
                    default:
                        throw new IllegalStateException("bad fixture line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cached = cases;
        return cases;
    }
}
