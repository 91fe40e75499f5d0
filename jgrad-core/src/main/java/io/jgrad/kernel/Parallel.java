package io.jgrad.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * Splits large kernels over threads ({@code torch.set_num_threads}); small ones stay on the caller's thread
 * because handing work to another thread costs microseconds.
 */
public final class Parallel {
    private Parallel() {}

    private static volatile int numThreads = Runtime.getRuntime().availableProcessors();
    private static volatile ForkJoinPool pool;

    public static void setNumThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Number of threads must be positive, got " + n);
        }
        numThreads = n;
    }

    public static int getNumThreads() {
        return numThreads;
    }

    /**
     * Runs {@code body(chunk)} for chunk in [0, chunks), in parallel when {@code work} (a rough count of
     * multiply-adds) justifies it.
     */
    public static void forChunks(int chunks, long work, IntConsumer body) {
        int threads = Math.min(numThreads, chunks);
        if (threads <= 1 || work < 1_000_000L || ForkJoinTask.inForkJoinPool()) {
            for (int c = 0; c < chunks; c++) body.accept(c);
            return;
        }
        ForkJoinPool p = pool();
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks];
        for (int c = 0; c < chunks; c++) {
            final int chunk = c;
            tasks[c] = p.submit(() -> body.accept(chunk));
        }
        for (ForkJoinTask<?> t : tasks) t.join();
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null || p.getParallelism() != numThreads) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null || p.getParallelism() != numThreads) {
                    p = new ForkJoinPool(numThreads, pool -> {
                        var w = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                        w.setDaemon(true);
                        w.setName("jgrad-worker-" + w.getPoolIndex());
                        return w;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }
}
