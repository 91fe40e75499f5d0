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

    /** A loop body over the index range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        /** Runs the loop over [from, to). */
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #getNumThreads()} contiguous ranges of at least
     * {@code grain} indices each, one of them on the calling thread; with one thread, {@code n < 2 * grain}, or
     * when called from a worker, it is one call {@code body.run(0, n)} on the caller's thread.
     *
     * <p>Note [Thread-independent chunking]: every range but the last starts and ends at a multiple of
     * {@code align}, so a body whose work per index only depends on the index's position within blocks of
     * {@code align} (SIMD vectors, fixed summation blocks) computes the same bits whatever the thread count.
     *
     * <pre>{@code Parallel.forRange(n, 1 << 15, 64, (from, to) -> loop(a, from, to));   // at::parallel_for }</pre>
     */
    public static void forRange(int n, int grain, int align, RangeBody body) {
        int threads = Math.min(numThreads, n / Math.max(1, grain));
        if (threads <= 1 || ForkJoinTask.inForkJoinPool()) {
            body.run(0, n);
            return;
        }
        long per = ((long) n + threads - 1) / threads;
        int chunk = (int) Math.min(n, (per + align - 1) / align * align);
        int ranges = (n + chunk - 1) / chunk;
        ForkJoinPool p = pool();
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[ranges - 1];
        for (int r = 1; r < ranges; r++) {
            int from = r * chunk;
            int to = Math.min(n, from + chunk);
            tasks[r - 1] = p.submit(() -> body.run(from, to));
        }
        body.run(0, Math.min(n, chunk));
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
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
