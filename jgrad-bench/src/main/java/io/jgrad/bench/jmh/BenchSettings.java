package io.jgrad.bench.jmh;

import io.jgrad.Torch;

/** What every benchmark state does first: the thread count from {@code JGRAD_THREADS}, a fixed seed. */
final class BenchSettings {
    private BenchSettings() {}

    static void apply() {
        String env = System.getenv("JGRAD_THREADS");
        if (env != null && !env.isBlank()) {
            Torch.setNumThreads(Integer.parseInt(env.trim()));
        }
        Torch.manualSeed(0);
    }
}
