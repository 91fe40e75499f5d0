package io.jgrad.autograd;

/**
 * Whether ops record the graph, per thread ({@code torch.is_grad_enabled()}). The engine runs a backward
 * pass with grad mode equal to its {@code createGraph}.
 */
public final class GradMode {
    private GradMode() {}

    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    /** True when ops on this thread record the graph. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /**
     * Sets the mode at once and returns a guard that restores the previous mode when closed.
     *
     * <pre>{@code
     * try (var g = GradMode.set(false)) { ... }   // with torch.set_grad_enabled(False): ...
     * }</pre>
     */
    public static ModeGuard set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        boolean previous = cell[0];
        cell[0] = enabled;
        return () -> cell[0] = previous;
    }
}
