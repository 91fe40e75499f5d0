package io.jgrad.bench;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by one iteration of the {@code gemm} workload, {@code (a @ b).sum().backward()} with
 * {@code a, b = randn(n, n, requires_grad=True)} and their grads already there, measured on the calling thread
 * with {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes} (threads: 1, so every kernel runs on
 * this thread). The results such an iteration must allocate: the product (n*n floats) and the two input
 * gradients (2 n*n) before they are added into {@code a.grad} and {@code b.grad}: 3 n*n*4 bytes, 12 MiB for
 * n = 1024. (The gradient of {@code sum} is one value expanded, as in PyTorch: no n*n ones.) The first
 * iterations allocate more while the JIT has not compiled the Vector API kernels (their interpreted form
 * allocates vector objects); from the third on, on JDK 17 and 25, only the results.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp jgrad-bench/target/benchmarks.jar
 * io.jgrad.bench.MatmulBackwardAlloc [n, default 1024] [iterations, default 3]}.
 */
public final class MatmulBackwardAlloc {
    private MatmulBackwardAlloc() {}

    /** The size of the results, in bytes: the product and the two input gradients (float32). */
    public static long resultBytes(int n) {
        return 3L * n * n * Float.BYTES;
    }

    /** Bytes allocated by each of {@code iterations} iterations, after one warm-up iteration. */
    public static long[] measure(int n, int iterations) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        int threads = Torch.getNumThreads();
        Torch.setNumThreads(1);
        try {
            Tensor a = Torch.randn(n, n).requiresGrad_();
            Tensor b = Torch.randn(n, n).requiresGrad_();
            a.matmul(b).sum().backward();   // warm-up: a.grad and b.grad exist from here on
            long[] bytes = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long before = mx.getThreadAllocatedBytes(tid);
                a.matmul(b).sum().backward();
                bytes[i] = mx.getThreadAllocatedBytes(tid) - before;
            }
            return bytes;
        } finally {
            Torch.setNumThreads(threads);
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long[] bytes = measure(n, iterations);
        long results = resultBytes(n);
        for (int i = 0; i < bytes.length; i++) {
            System.out.printf("iteration %d: %,d bytes allocated = %.2f x the results (%,d bytes)%n", i + 1, bytes[i],
                    bytes[i] / (double) results, results);
        }
    }
}
