package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The learning-rate sequences and final state dicts of {@code fixtures/optim/schedulers.txt} (PyTorch 1.13,
 * written by {@code tools/fixtures/gen_optim.py}): SGD over two groups (lr 0.1 and 0.05) driven by each
 * scheduler; the rates agree to 1e-12 (relative) and the state dicts have PyTorch's keys and values.
 */
class SchedulerFixtureTest {

    /** One scheduler case. */
    static final class Case {
        String name;
        String cls;
        Map<String, String> kwargs = new LinkedHashMap<>();
        Integer resume;
        List<double[]> lrs = new ArrayList<>();
        List<Double> metrics = new ArrayList<>();
        Map<String, String> sd = new LinkedHashMap<>();

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SchedulerFixtureTest.class.getResourceAsStream("/fixtures/optim/schedulers.txt"),
                StandardCharsets.UTF_8))) {
            Case c = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.split(" ", 3);
                switch (t[0]) {
                    case "sched":
                        c = new Case();
                        c.name = t[1];
                        String[] rest = t[2].split(" ");
                        c.cls = rest[0];
                        for (int i = 1; i < rest.length; i++) {
                            String[] kv = rest[i].split("=", 2);
                            c.kwargs.put(kv[0], kv[1]);
                        }
                        break;
                    case "resume":
                        c.resume = Integer.parseInt(t[1]);
                        break;
                    case "lr":
                        c.lrs.add(OptimizerFixtures.doubles(t[2]));
                        break;
                    case "metric":
                        c.metrics.add(Double.parseDouble(t[1]));
                        break;
                    case "sd":
                        c.sd.put(t[1], t.length > 2 ? t[2] : "");
                        break;
                    case "end":
                        cases.add(c);
                        break;
                    default:
                        throw new IllegalStateException("bad fixture line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases.stream();
    }

    /** The fixture's optimizer: SGD over two one-parameter groups with lr 0.1 and 0.05. */
    static SGD optimizer() {
        Parameter w = new Parameter(Torch.zeros(2));
        Parameter b = new Parameter(Torch.zeros(2));
        return new SGD(List.of(new ParamGroup(w).set("lr", 0.1), new ParamGroup(b).set("lr", 0.05)), 0.1);
    }

    /** gen_optim.py's lambdas: 0.95 ** e for group 0 and 1 / (e + 1) for group 1. */
    static final List<IntToDoubleFunction> LAMBDAS = List.of(e -> Math.pow(0.95, e), e -> 1.0 / (e + 1));

    static Object build(Case c, Optimizer opt) {
        Map<String, String> kw = c.kwargs;
        int last = c.resume == null ? -1 : c.resume;
        switch (c.cls) {
            case "StepLR":
                return new StepLR(opt, Integer.parseInt(kw.get("step_size")), num(kw, "gamma", 0.1), last);
            case "MultiStepLR": {
                List<Integer> ms = new ArrayList<>();
                for (int m : OptimizerFixtures.ints(kw.get("milestones"))) {
                    ms.add(m);
                }
                return new MultiStepLR(opt, ms, num(kw, "gamma", 0.1), last);
            }
            case "ExponentialLR":
                return new ExponentialLR(opt, num(kw, "gamma", Double.NaN), last);
            case "CosineAnnealingLR":
                return new CosineAnnealingLR(opt, Integer.parseInt(kw.get("T_max")), num(kw, "eta_min", 0), last);
            case "LambdaLR":
                return new LambdaLR(opt, LAMBDAS, last);
            case "ReduceLROnPlateau": {
                String minLr = kw.getOrDefault("min_lr", "0");
                List<Double> minLrs = new ArrayList<>();
                for (double d : OptimizerFixtures.doubles(minLr)) {
                    minLrs.add(d);
                }
                if (minLrs.size() == 1) {
                    minLrs.add(minLrs.get(0));
                }
                return new ReduceLROnPlateau(opt, kw.getOrDefault("mode", "min"), num(kw, "factor", 0.1),
                        (int) num(kw, "patience", 10), num(kw, "threshold", 1e-4),
                        kw.getOrDefault("threshold_mode", "rel"), (int) num(kw, "cooldown", 0), minLrs,
                        num(kw, "eps", 1e-8));
            }
            default:
                throw new IllegalArgumentException(c.cls);
        }
    }

    private static double num(Map<String, String> kw, String key, double dflt) {
        return kw.containsKey(key) ? Double.parseDouble(kw.get(key)) : dflt;
    }

    static List<Double> lastLr(Object sched) {
        return sched instanceof LRScheduler ? ((LRScheduler) sched).getLastLr()
                : ((ReduceLROnPlateau) sched).getLastLr();
    }

    static Map<String, Object> stateDict(Object sched) {
        return sched instanceof LRScheduler ? ((LRScheduler) sched).stateDict()
                : ((ReduceLROnPlateau) sched).stateDict();
    }

    static void loadStateDict(Object sched, Map<String, Object> sd) {
        if (sched instanceof LRScheduler) {
            ((LRScheduler) sched).loadStateDict(sd);
        } else {
            ((ReduceLROnPlateau) sched).loadStateDict(sd);
        }
    }

    /** Epoch {@code e} (1-based) of the case: optimizer.step() then scheduler.step(). */
    static void epoch(Case c, Optimizer opt, Object sched, int e) {
        opt.step();
        if (sched instanceof LRScheduler) {
            ((LRScheduler) sched).step();
        } else {
            ((ReduceLROnPlateau) sched).step(c.metrics.get(e - 1));
        }
    }

    static void assertLrs(double[] want, List<Double> got, String what) {
        assertEquals(want.length, got.size(), what);
        for (int i = 0; i < want.length; i++) {
            double err = Math.abs(got.get(i) - want[i]) / Math.max(Math.abs(want[i]), 1e-300);
            if (!(err <= 1e-12)) {
                fail(what + " group " + i + ": expected " + want[i] + " but was " + got.get(i));
            }
        }
    }

    static Optimizer prepared(Case c) {
        SGD opt = optimizer();
        if (c.resume != null) {
            for (ParamGroup g : opt.paramGroups()) {
                g.set("initial_lr", g.lr());
            }
        }
        return opt;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void learningRatesMatchPyTorch(Case c) {
        Optimizer opt = prepared(c);
        Object sched = build(c, opt);
        assertLrs(c.lrs.get(0), lastLr(sched), c.name + " epoch 0");
        for (int e = 1; e < c.lrs.size(); e++) {
            epoch(c, opt, sched, e);
            assertLrs(c.lrs.get(e), lastLr(sched), c.name + " epoch " + e);
            for (int g = 0; g < 2; g++) {
                assertEquals(lastLr(sched).get(g), opt.paramGroups().get(g).lr(), "the group's lr is set");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stateDictMatchesPyTorch(Case c) {
        Optimizer opt = prepared(c);
        Object sched = build(c, opt);
        for (int e = 1; e < c.lrs.size(); e++) {
            epoch(c, opt, sched, e);
        }
        Map<String, Object> sd = stateDict(sched);
        assertEquals(c.sd.keySet(), sd.keySet(), c.name + ": state dict keys");
        for (Map.Entry<String, String> kv : c.sd.entrySet()) {
            String what = c.name + " " + kv.getKey();
            Object got = sd.get(kv.getKey());
            String want = kv.getValue();
            if (got instanceof List) {
                List<?> l = (List<?>) got;
                String[] parts = want.isEmpty() ? new String[0] : want.split(",");
                assertEquals(parts.length, l.size(), what);
                for (int i = 0; i < parts.length; i++) {
                    assertScalar(parts[i], l.get(i), what + "[" + i + "]");
                }
            } else if (got instanceof Map) {
                StringBuilder sb = new StringBuilder();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) got).entrySet()) {
                    sb.append(sb.length() == 0 ? "" : ",").append(e.getKey()).append(':').append(e.getValue());
                }
                assertEquals(want, sb.toString(), what);
            } else {
                assertScalar(want, got, what);
            }
        }
    }

    private static void assertScalar(String want, Object got, String what) {
        if (want.equals("None")) {
            assertEquals(null, got, what);
        } else if (want.equals("True") || want.equals("False")) {
            assertEquals(want.equals("True"), got, what);
        } else if (got instanceof String) {
            assertEquals(want, got, what);
        } else if (got instanceof Integer) {
            assertEquals(Integer.parseInt(want), got, what);
        } else {
            double w = want.equals("inf") ? Double.POSITIVE_INFINITY : want.equals("-inf")
                    ? Double.NEGATIVE_INFINITY : Double.parseDouble(want);
            double g = ((Number) got).doubleValue();
            assertTrue(w == g || Math.abs(w - g) <= 1e-12 * Math.abs(w), what + ": expected " + w + " but was " + g);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resumesFromStateDicts(Case c) {
        Optimizer opt = prepared(c);
        Object sched = build(c, opt);
        int half = c.lrs.size() / 2;
        for (int e = 1; e <= half; e++) {
            epoch(c, opt, sched, e);
        }
        Map<String, Object> optState = opt.stateDict();
        Map<String, Object> schedState = stateDict(sched);
        // A restarted program: new optimizer and scheduler, then both state dicts loaded.
        Optimizer opt2 = prepared(c);
        Object sched2 = build(c, opt2);
        opt2.loadStateDict(optState);
        loadStateDict(sched2, schedState);
        assertEquals(lastLr(sched), lastLr(sched2), c.name + ": last lr after loading");
        for (int e = half + 1; e < c.lrs.size(); e++) {
            epoch(c, opt2, sched2, e);
            assertLrs(c.lrs.get(e), lastLr(sched2), c.name + " resumed epoch " + e);
        }
        assertEquals(Integer.parseInt(c.sd.get("last_epoch")), stateDict(sched2).get("last_epoch"),
                c.name + ": last epoch");
    }
}
