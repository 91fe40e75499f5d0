package io.jgrad.autograd;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Anomaly detection state, per thread: when on, nodes record the stack trace of their creation and the
 * engine checks backward results for NaN. A global count of threads that have it on keeps the check off
 * the hot path when nobody uses it.
 */
final class Anomaly {
    private Anomaly() {}

    private static final AtomicInteger THREADS_ON = new AtomicInteger();
    private static final ThreadLocal<boolean[]> ON = ThreadLocal.withInitial(() -> new boolean[1]);

    static boolean isEnabled() {
        return THREADS_ON.get() > 0 && ON.get()[0];
    }

    static boolean set(boolean enabled) {
        boolean[] cell = ON.get();
        boolean previous = cell[0];
        if (previous != enabled) {
            cell[0] = enabled;
            THREADS_ON.addAndGet(enabled ? 1 : -1);
        }
        return previous;
    }
}
