package io.jgrad.bench;

import io.jgrad.Tensor;
import io.jgrad.Torch;

/**
 * 1024x1024 float32 GEMM throughput: {@code torch.mm(a, b)} on two {@code randn(1024, 1024)} matrices without
 * grad recording, 2 warm-up products then the median of 5 timed ones; prints
 * {@code mm1024\t{GFLOPS:.1f} GFLOPS\t{ms:.1f} ms}, as {@code bench/torch_gemm.py} does for PyTorch.
 * Threads: {@code JGRAD_THREADS}, else the available processors (see {@link Workloads}).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp jgrad-bench/target/benchmarks.jar io.jgrad.bench.GemmFlops [n]}.
 */
public final class GemmFlops {
    private GemmFlops() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        Torch.setNumThreads(Workloads.threadsFromEnv());
        Torch.manualSeed(0);
        Tensor a = Torch.randn(n, n);
        Tensor b = Torch.randn(n, n);
        double[] ts = new double[5];
        try (var g = Torch.noGrad()) {
            for (int i = 0; i < 2; i++) {
                Torch.mm(a, b);
            }
            for (int i = 0; i < ts.length; i++) {
                long t = System.nanoTime();
                Torch.mm(a, b);
                ts[i] = (System.nanoTime() - t) * 1e-9;
            }
        }
        double s = Workloads.median(ts);
        double gflops = 2.0 * n * n * (double) n / s / 1e9;
        System.out.println("mm" + n + "\t" + PyFloat.fixed(gflops, 1) + " GFLOPS\t" + PyFloat.fixed(s * 1e3, 1) + " ms");
    }
}
