package io.jgrad.autograd;

/**
 * Returned by hook registrations; {@link #remove()} unregisters the hook (PyTorch's
 * {@code torch.utils.hooks.RemovableHandle}).
 *
 * <pre>{@code
 * var h = x.registerHook(g -> g.mul(2));   // h = x.register_hook(lambda g: g * 2)
 * h.remove();                              // h.remove()
 * }</pre>
 */
@FunctionalInterface
public interface RemovableHandle {
    /** Unregisters the hook; calling it again does nothing. */
    void remove();
}
