package io.jgrad.bench;

import static io.jgrad.Torch.add;
import static io.jgrad.Torch.cat;
import static io.jgrad.Torch.manualSeed;
import static io.jgrad.Torch.mul;
import static io.jgrad.Torch.ones;
import static io.jgrad.Torch.randint;
import static io.jgrad.Torch.randn;
import static io.jgrad.Torch.randnLike;
import static io.jgrad.Torch.sin;
import static io.jgrad.Torch.tensor;
import static io.jgrad.Torch.zeros;

import io.jgrad.Generator;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Autograd;
import io.jgrad.kernel.Simd;
import io.jgrad.nn.BCELoss;
import io.jgrad.nn.CrossEntropyLoss;
import io.jgrad.nn.Linear;
import io.jgrad.nn.ReLU;
import io.jgrad.nn.Sequential;
import io.jgrad.nn.Sigmoid;
import io.jgrad.nn.Tanh;
import io.jgrad.optim.SGD;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard workloads of {@code shared/bench/torch_workloads.py}, each written as the line-for-line
 * mirror of its Python function: the same shapes, the same iteration counts, the same warm-up
 * ({@code fn(max(1, iters // 10))}), the median of 5 timed repeats, and the same output line,
 * {@code name\t{us:.1f} us/iter\tchecksum={out:.4f}} (Python's formatting, see {@link PyFloat}).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp jgrad-bench/target/benchmarks.jar
 * io.jgrad.bench.Workloads [name ...]} (no names: all seven, in the Python file's order).
 *
 * <p>Threads: {@code JGRAD_THREADS} (the counterpart of the Python file's {@code TORCH_THREADS}) is passed to
 * {@link Torch#setNumThreads(int)}; unset, jgrad keeps its default, the number of available processors.
 * (The Python file defaults to 1 thread; {@code bench/compare.sh} sets both to 1.) A line starting with
 * {@code #} on standard error says which thread count, SIMD mode and JVM were used.
 *
 * <p>Like the Python file, the default generator is seeded once ({@code torch.manual_seed(0)}) when the
 * program starts and every workload draws from it in turn, so a workload's checksum depends on the ones run
 * before it; run all seven in order to compare checksums with PyTorch's.
 */
public final class Workloads {
    private Workloads() {}

    /** One workload: runs {@code n} iterations and returns the checksum. */
    @FunctionalInterface
    interface Workload {
        double run(int n);
    }

    /** The median time per iteration (seconds) and the checksum of the last repeat. */
    record Timing(double seconds, double out) {}

    static Timing timeit(Workload fn, int iters) {
        return timeit(fn, iters, 5);
    }

    // def timeit(fn, iters, repeats=5):
    static Timing timeit(Workload fn, int iters, int repeats) {
        fn.run(Math.max(1, iters / 10));                         // fn(max(1, iters // 10))  # warm-up
        double[] ts = new double[repeats];                        // ts = []
        double out = 0;
        for (int r = 0; r < repeats; r++) {                       // for _ in range(repeats):
            long t = System.nanoTime();                           //     t = time.perf_counter()
            out = fn.run(iters);                                  //     out = fn(iters)
            ts[r] = (System.nanoTime() - t) * 1e-9 / iters;       //     ts.append((time.perf_counter() - t) / iters)
        }
        return new Timing(median(ts), out);                       // return statistics.median(ts), out
    }

    /** {@code statistics.median}: the middle value, or the mean of the two middle ones. */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    // def scalar_graph(n):
    static double scalarGraph(int n) {
        Tensor w = tensor(1.0).requiresGrad_(); Tensor x = tensor(2.0).requiresGrad_();
        Tensor y = null;
        for (int i = 0; i < n; i++) {
            Tensor a = add(w, x); Tensor b = add(w, 1); y = mul(a, b);
            y.backward(); w.grad().zero_(); x.grad().zero_();
        }
        return y.item();
    }

    // def logistic(n):
    static double logistic(int n) {
        Generator g = new Generator().manualSeed(10);
        Tensor d = ones(100, 2);
        Tensor x0 = normal(d.mul(1.7), 1, g).add(1); Tensor x1 = normal(d.mul(-1.7), 1, g).add(1);
        Tensor X = cat(x0, x1); Tensor Y = cat(zeros(100), ones(100));
        Sequential net = new Sequential(new Linear(2, 1), new Sigmoid());
        SGD opt = new SGD(net.parameters(), 0.01, 0.9); BCELoss lf = new BCELoss();
        Tensor loss = null;
        for (int i = 0; i < n; i++) {
            loss = lf.forward(net.forward(X).squeeze(), Y); loss.backward(); opt.step(); opt.zeroGrad(false);
        }
        return loss.item();
    }

    // def tiny_model(n):
    static double tinyModel(int n) {
        Sequential m = new Sequential(new Linear(1000, 100), new ReLU(), new Linear(100, 10));
        Tensor xi = randn(16, 1000); Tensor yi = randn(16, 10);
        SGD opt = new SGD(m.parameters(), 0.001);
        Tensor loss = null;
        for (int i = 0; i < n; i++) {
            loss = yi.sub(m.forward(xi)).pow(2).sum(); loss.backward(); opt.step(); opt.zeroGrad(false);
        }
        return loss.item();
    }

    // def mlp(n):
    static double mlp(int n) {
        Sequential m = new Sequential(new Linear(784, 512), new ReLU(), new Linear(512, 512), new ReLU(), new Linear(512, 10));
        Tensor xi = randn(128, 784); Tensor yi = randint(0, 10, 128);
        SGD opt = new SGD(m.parameters(), 0.01, 0.9); CrossEntropyLoss lf = new CrossEntropyLoss();
        Tensor loss = null;
        for (int i = 0; i < n; i++) {
            loss = lf.forward(m.forward(xi), yi); loss.backward(); opt.step(); opt.zeroGrad(false);
        }
        return loss.item();
    }

    // def gemm(n):
    static double gemm(int n) {
        Tensor a = randn(1024, 1024).requiresGrad_(); Tensor b = randn(1024, 1024).requiresGrad_();
        for (int i = 0; i < n; i++) {
            a.matmul(b).sum().backward();
        }
        return a.grad().sum().item();
    }

    // def elementwise(n):
    static double elementwise(int n) {
        Tensor x = randn(1_000_000).requiresGrad_();
        for (int i = 0; i < n; i++) {
            Tensor y = sin(x).mul(2).add(1).exp().mul(x).tanh().sum(); y.backward();
        }
        return x.grad().sum().item();
    }

    // def hvp(n):
    static double hvp(int n) {
        Sequential m = new Sequential(new Linear(64, 64), new Tanh(), new Linear(64, 1));
        Tensor xi = randn(32, 64); List<Tensor> ps = new ArrayList<>(m.parameters());
        List<Tensor> v = new ArrayList<>(); for (Tensor p : ps) v.add(randnLike(p));
        List<Tensor> hv = null;
        for (int i = 0; i < n; i++) {
            Tensor loss = m.forward(xi).pow(2).mean();
            List<Tensor> g = Autograd.grad(List.of(loss), ps, null, true, true, false);   // retain_graph defaults to create_graph
            Tensor s = null;                                                                 // sum((gi * vi).sum() for gi, vi in zip(g, v))
            for (int k = 0; k < g.size(); k++) s = pySum(s, g.get(k).mul(v.get(k)).sum());
            hv = Autograd.grad(List.of(s), ps, null, false, false, false);
        }
        Tensor total = null;                                                                 // float(sum(h.sum() for h in hv))
        for (Tensor h : hv) total = pySum(total, h.sum());
        return total.item();
    }

    /**
     * One step of Python's {@code sum()}, which starts from the int 0: the first term is {@code 0 + t}, i.e.
     * {@code t.__radd__(0)} = {@code torch.add(t, 0)} (an op of its own, as in PyTorch), the others add on.
     */
    private static Tensor pySum(Tensor acc, Tensor term) {
        return acc == null ? term.add(0) : acc.add(term);
    }

    /**
     * {@code torch.normal(mean, std, generator=g)} for a FLOAT32 mean: the draws of {@code g}, as PyTorch makes
     * them (jgrad's {@code Torch.normal} has no generator argument, so the generator is called directly).
     */
    static Tensor normal(Tensor mean, double std, Generator g) {
        float[] means = mean.contiguous().toFloatArray();
        float[] out = new float[means.length];
        g.normal(out, 0, out.length, means, 0, std);
        return tensor(out).reshape(mean.shape());
    }

    /** The workloads and their iteration counts, in the Python file's order ({@code WORK}). */
    static final Map<String, Map.Entry<Workload, Integer>> WORK = new LinkedHashMap<>();

    static {
        WORK.put("scalar_graph", Map.entry(Workloads::scalarGraph, 20000));
        WORK.put("logistic", Map.entry(Workloads::logistic, 1000));
        WORK.put("tiny_model", Map.entry(Workloads::tinyModel, 500));
        WORK.put("mlp", Map.entry(Workloads::mlp, 50));
        WORK.put("gemm", Map.entry(Workloads::gemm, 5));
        WORK.put("elementwise", Map.entry(Workloads::elementwise, 20));
        WORK.put("hvp", Map.entry(Workloads::hvp, 500));
    }

    /** The output line: {@code f"{name}\t{s*1e6:.1f} us/iter\tchecksum={out:.4f}"}. */
    static String line(String name, double seconds, double out) {
        return name + "\t" + PyFloat.fixed(seconds * 1e6, 1) + " us/iter\tchecksum=" + PyFloat.fixed(out, 4);
    }

    /** Threads from {@code JGRAD_THREADS}, else jgrad's default (the available processors). */
    static int threadsFromEnv() {
        String env = System.getenv("JGRAD_THREADS");
        if (env == null || env.isBlank()) {
            return Torch.getNumThreads();
        }
        try {
            return Integer.parseInt(env.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JGRAD_THREADS must be a positive integer, got '" + env + "'", e);
        }
    }

    public static void main(String[] args) {
        Torch.setNumThreads(threadsFromEnv());                      // torch.set_num_threads(...TORCH_THREADS...)
        manualSeed(0);                                              // torch.manual_seed(0)
        System.err.println("# jgrad Workloads: threads=" + Torch.getNumThreads() + " simd=" + Simd.ENABLED
                + " java=" + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        List<String> names = args.length > 0 ? List.of(args) : new ArrayList<>(WORK.keySet());
        for (String name : names) {                                  // for name in (sys.argv[1:] or WORK):
            Map.Entry<Workload, Integer> w = WORK.get(name);         //     fn, iters = WORK[name]
            if (w == null) {
                System.err.println("unknown workload '" + name + "'; known: " + String.join(", ", WORK.keySet()));
                System.exit(2);
            }
            Timing t = timeit(w.getKey(), w.getValue());              //     s, out = timeit(fn, iters)
            System.out.println(line(name, t.seconds(), t.out()));     //     print(f"...", flush=True)
            System.out.flush();
        }
    }

}
