package io.jgrad.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
     * Runs {@code body(chunk)} for every chunk in [0, chunks) on up to {@link #getNumThreads()} threads, the
     * calling thread included, and returns when all have run. Chunks are handed out one at a time from a shared
     * counter, so a worker that wakes up late (or whose core is busy with another process) takes fewer of them
     * and the caller never waits for a worker that has not started: with one free core the caller simply runs
     * them all. Runs on the caller alone for one chunk, one thread, or inside a pool task (no nested forks).
     * The caller decides whether the work is worth a fork; no threshold is applied here.
     *
     * @throws RuntimeException or Error: the first one a chunk threw, after all chunks have finished
     */
    public static void forChunks(int chunks, IntConsumer body) {
        int helpers = Math.min(numThreads, chunks) - 1;
        if (helpers <= 0 || ForkJoinTask.inForkJoinPool()) {
            for (int c = 0; c < chunks; c++) body.accept(c);
            return;
        }
        SharedChunks job = new SharedChunks(chunks, body, Thread.currentThread());
        ForkJoinPool p = pool();
        for (int h = 0; h < helpers; h++) {
            p.execute(job::work);
        }
        job.work();
        while (job.unfinished.get() > 0) {
            LockSupport.park(job);
        }
        Throwable t = job.failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        } else if (t instanceof Error e) {
            throw e;
        } else if (t != null) {
            throw new RuntimeException(t);
        }
    }

    /** The state of one {@link #forChunks} call: the next chunk to hand out and how many are not done. */
    private static final class SharedChunks {
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger unfinished;
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final int chunks;
        final IntConsumer body;
        final Thread caller;

        SharedChunks(int chunks, IntConsumer body, Thread caller) {
            this.chunks = chunks;
            this.body = body;
            this.caller = caller;
            this.unfinished = new AtomicInteger(chunks);
        }

        void work() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    body.accept(c);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
                if (unfinished.decrementAndGet() == 0 && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** A loop body over the index range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        /** Runs the loop over [from, to). */
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n) in parallel: the range is cut into pieces of at least {@code grain} indices
     * (up to 4 per thread), and the calling thread and up to {@link #getNumThreads()} - 1 workers take pieces in
     * turn until none is left. With one thread, {@code n < 2 * grain}, or when called from a worker, it is one
     * call {@code body.run(0, n)} on the caller's thread. Returns when every piece has run; a worker that only
     * starts after all pieces were taken does nothing, so a busy machine (a worker not scheduled) costs at most
     * the pieces that worker took, not a whole share.
     *
     * <p>Note [Thread-independent chunking]: every piece but the last starts and ends at a multiple of
     * {@code align}, and the pieces depend only on n, grain, align and the thread count's cap on the number of
     * pieces, so a body whose work per index only depends on the index's position within blocks of
     * {@code align} (SIMD vectors, fixed summation blocks) computes the same bits whatever the thread count.
     *
     * <pre>{@code Parallel.forRange(n, 1 << 15, 4096, (from, to) -> loop(a, from, to));   // at::parallel_for }</pre>
     *
     * @throws RuntimeException (or Error) one that a piece threw, after all pieces have run (see
     *     {@link #forChunks}, which hands the pieces out)
     */
    public static void forRange(int n, int grain, int align, RangeBody body) {
        int threads = Math.min(numThreads, n / Math.max(1, grain));
        if (threads <= 1 || ForkJoinTask.inForkJoinPool()) {
            body.run(0, n);
            return;
        }
        int maxPieces = Math.min(4 * threads, n / Math.max(1, grain));
        long per = ((long) n + maxPieces - 1) / maxPieces;
        int piece = (int) Math.min(n, (per + align - 1) / align * align);
        int count = (n + piece - 1) / piece;
        forChunks(count, c -> body.run(c * piece, Math.min(n, c * piece + piece)));
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
