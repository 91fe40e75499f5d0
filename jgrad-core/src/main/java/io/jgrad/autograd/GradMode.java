package io.jgrad.autograd;

/**
 * Whether ops record the graph, per thread ({@code torch.is_grad_enabled()}). The engine runs a backward
 * pass with grad mode equal to its {@code createGraph}.
 */
public final class GradMode {
    private GradMode() {}

    /** A thread's mode and the two guards that restore it (allocated once per thread, not per scope). */
    private static final class Cell {
        boolean enabled = true;
        final ModeGuard restoreEnabled = () -> enabled = true;
        final ModeGuard restoreDisabled = () -> enabled = false;
    }

    private static final ThreadLocal<Cell> CELL = ThreadLocal.withInitial(Cell::new);

    /** True when ops on this thread record the graph. */
    public static boolean isEnabled() {
        return CELL.get().enabled;
    }

    /**
     * Sets the mode at once and returns a guard that restores the previous mode when closed.
     *
     * <pre>{@code
     * try (var g = GradMode.set(false)) { ... }   // with torch.set_grad_enabled(False): ...
     * }</pre>
     */
    public static ModeGuard set(boolean enabled) {
        Cell cell = CELL.get();
        boolean previous = cell.enabled;
        cell.enabled = enabled;
        return previous ? cell.restoreEnabled : cell.restoreDisabled;
    }
}
