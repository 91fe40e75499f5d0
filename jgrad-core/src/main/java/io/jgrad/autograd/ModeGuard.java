package io.jgrad.autograd;

/**
 * Restores a thread mode (grad mode, anomaly mode) when closed: an {@link AutoCloseable} without checked
 * exceptions, for try-with-resources.
 *
 * <pre>{@code
 * try (ModeGuard g = Torch.noGrad()) {   // with torch.no_grad():
 *     ...
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ModeGuard extends AutoCloseable {
    /** Restores the previous mode. */
    @Override
    void close();
}
