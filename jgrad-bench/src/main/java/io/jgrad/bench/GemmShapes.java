package io.jgrad.bench;

import io.jgrad.kernel.FloatGemm;
import io.jgrad.kernel.Parallel;
import java.util.Arrays;
import java.util.Random;

/**
 * Float32 GEMM throughput for the products of the benchmark workloads, calling {@link FloatGemm#gemm} directly
 * with the operand layouts that {@code F.linear} (AddmmBackward0) and {@code mm}'s backward pass produce:
 * {@code y = x @ W^T} (B transposed, "NT"), {@code dW = dY^T @ x} ("TN"), {@code dx = dY @ W} ("NN"), and the
 * 1024 products of the gemm workload, whose backward reads the expanded ones gradient through zero strides
 * ("Z"). Each shape runs with 1 and 2 threads: a warm-up, then 31 timed batches of about 5 ms; prints
 * {@code name  MxKxN  layout  threads  us/call  GFLOPS} for the median batch and the GFLOPS of the fastest one
 * (on a shared machine the fastest is the steadier figure).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp jgrad-bench/target/benchmarks.jar
 * io.jgrad.bench.GemmShapes [filter]} (only the shapes whose name contains the filter).
 */
public final class GemmShapes {
    private GemmShapes() {}

    /** One product: C[m,n] (+)= A[m,k] B[k,n] with A and B laid out as the layout string says. */
    record Shape(String name, int m, int k, int n, String layout) {}

    static final Shape[] SHAPES = {
        new Shape("mlp.fc1", 128, 784, 512, "NT"),
        new Shape("mlp.fc2", 128, 512, 512, "NT"),
        new Shape("mlp.fc3", 128, 512, 10, "NT"),
        new Shape("mlp.dW1", 512, 128, 784, "TN"),
        new Shape("mlp.dW2", 512, 128, 512, "TN"),
        new Shape("mlp.dW3", 10, 128, 512, "TN"),
        new Shape("mlp.dx2", 128, 512, 512, "NN"),
        new Shape("mlp.dx3", 128, 10, 512, "NN"),
        new Shape("tiny.fc1", 16, 1000, 100, "NT"),
        new Shape("tiny.fc2", 16, 100, 10, "NT"),
        new Shape("tiny.dW1", 100, 16, 1000, "TN"),
        new Shape("tiny.dW2", 10, 16, 100, "TN"),
        new Shape("tiny.dx2", 16, 10, 100, "NN"),
        new Shape("gemm.fwd", 1024, 1024, 1024, "NN"),
        new Shape("gemm.da", 1024, 1024, 1024, "ZT"),
        new Shape("gemm.db", 1024, 1024, 1024, "TZ"),
    };

    public static void main(String[] args) {
        String filter = args.length > 0 ? args[0] : "";
        int[] threadCounts = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        Random r = new Random(0);
        System.out.println("# shape\tMxKxN\tlayout\tthreads\tus/call\tGFLOPS\tbest GFLOPS");
        for (Shape s : SHAPES) {
            if (!s.name().contains(filter)) {
                continue;
            }
            float[] a = random(r, s.m() * s.k());
            float[] b = random(r, s.k() * s.n());
            float[] c = new float[s.m() * s.n()];
            // Strides: N = row-major, T = the transpose of a row-major matrix, Z = an expanded scalar (stride 0).
            int ars = stride(s.layout().charAt(0), s.k(), s.m(), true);
            int acs = stride(s.layout().charAt(0), s.k(), s.m(), false);
            int brs = stride(s.layout().charAt(1), s.n(), s.k(), true);
            int bcs = stride(s.layout().charAt(1), s.n(), s.k(), false);
            for (int threads : threadCounts) {
                Parallel.setNumThreads(threads);
                Runnable call = () -> FloatGemm.gemm(s.m(), s.n(), s.k(), a, 0, ars, acs, b, 0, brs, bcs, c, 0, s.n(),
                        true);
                double[] ts = time(call);
                double flops = 2.0 * s.m() * s.k() * s.n();
                double sec = Workloads.median(ts);
                double best = Arrays.stream(ts).min().getAsDouble();
                System.out.println(s.name() + "\t" + s.m() + "x" + s.k() + "x" + s.n() + "\t" + s.layout() + "\t"
                        + threads + "\t" + PyFloat.fixed(sec * 1e6, 1) + "\t" + PyFloat.fixed(flops / sec / 1e9, 1)
                        + "\t" + PyFloat.fixed(flops / best / 1e9, 1));
            }
        }
    }

    /** Row (or column) stride of a rows x cols operand whose layout letter is l; cols is its row length. */
    private static int stride(char l, int cols, int rows, boolean row) {
        switch (l) {
            case 'N': return row ? cols : 1;
            case 'T': return row ? 1 : rows;
            default: return 0;
        }
    }

    /** Seconds per call in each of 31 batches of about 5 ms, after about 0.3 s of warm-up. */
    private static double[] time(Runnable call) {
        long t0 = System.nanoTime();
        int reps = 0;
        while (System.nanoTime() - t0 < 300_000_000L) {
            call.run();
            reps++;
        }
        int batch = Math.max(1, (int) (reps * 5_000_000L / (System.nanoTime() - t0)));
        double[] ts = new double[31];
        for (int i = 0; i < ts.length; i++) {
            long t = System.nanoTime();
            for (int j = 0; j < batch; j++) {
                call.run();
            }
            ts[i] = (System.nanoTime() - t) * 1e-9 / batch;
        }
        return ts;
    }

    private static float[] random(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }
}
