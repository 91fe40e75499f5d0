package io.jgrad.bench;

import static io.jgrad.Torch.add;
import static io.jgrad.Torch.mul;
import static io.jgrad.Torch.tensor;

import io.jgrad.Tensor;

/**
 * Memory growth over many iterations of the {@code scalar_graph} workload: runs {@code iterations} steps of
 * {@code y = (w + x) * (w + 1); y.backward(); w.grad.zero_(); x.grad.zero_()} on the same two leaves and, at
 * {@code checkpoints} evenly spaced points, the heap in use after a full GC. A graph that is not freed, a
 * hook or version list that grows, or a cache that keeps every node shows up as steady growth.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -Xmx64m -XX:+UseSerialGC -cp jgrad-bench/target/benchmarks.jar
 * io.jgrad.bench.ScalarGraphSoak [iterations, default 1000000] [checkpoints, default 10]}. It prints one line per
 * checkpoint and the growth from the first checkpoint to the last, and exits with status 1 if that is more than
 * 1 MB.
 */
public final class ScalarGraphSoak {
    private ScalarGraphSoak() {}

    /** Allowed growth of the heap after GC between the first checkpoint and the last. */
    public static final long BOUND_BYTES = 1L << 20;

    /**
     * Runs the loop and returns the heap in use after a full GC at each checkpoint (after
     * {@code iterations / checkpoints}, twice that, ..., {@code iterations} steps).
     */
    public static long[] run(int iterations, int checkpoints) {
        Tensor w = tensor(1.0).requiresGrad_(); Tensor x = tensor(2.0).requiresGrad_();
        long[] used = new long[checkpoints];
        int per = iterations / checkpoints;
        for (int c = 0; c < checkpoints; c++) {
            for (int i = 0; i < per; i++) {
                Tensor a = add(w, x); Tensor b = add(w, 1); Tensor y = mul(a, b);
                y.backward(); w.grad().zero_(); x.grad().zero_();
            }
            used[c] = usedAfterGc();
        }
        if (w.grad().item() != 0 || x.grad().item() != 0) {
            throw new AssertionError("grads not zeroed");
        }
        return used;
    }

    /** Heap in use after full collections (repeated until it stops shrinking, at most 5 times). */
    public static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long used = rt.totalMemory() - rt.freeMemory();
            if (used >= best) {
                break;
            }
            best = used;
        }
        return best;
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int checkpoints = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long t = System.nanoTime();
        long[] used = run(iterations, checkpoints);
        double s = (System.nanoTime() - t) * 1e-9;
        int per = iterations / checkpoints;
        for (int c = 0; c < checkpoints; c++) {
            System.out.printf("after %,d iterations: %,d bytes in use after GC%n", (long) per * (c + 1), used[c]);
        }
        long growth = used[checkpoints - 1] - used[0];
        System.out.printf("growth from the first checkpoint to the last: %,d bytes over %,d iterations "
                + "(%.3f bytes/iteration); %.1f s in all%n", growth, (long) per * (checkpoints - 1),
                growth / (double) Math.max(1, (long) per * (checkpoints - 1)), s);
        if (growth > BOUND_BYTES) {
            System.out.println("FAIL: more than " + BOUND_BYTES + " bytes");
            System.exit(1);
        }
        System.out.println("OK: within " + BOUND_BYTES + " bytes");
    }
}
