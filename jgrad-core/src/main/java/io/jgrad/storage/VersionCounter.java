package io.jgrad.storage;

/**
 * PyTorch's {@code _version}: counts in-place writes to the elements a group of tensors shares. A base,
 * its views and its {@code detach()}ed aliases share one counter; {@code data()} gets a fresh one.
 * See Note [Saved tensor versions] in {@code io.jgrad.autograd.SavedTensor}.
 */
public final class VersionCounter {
    private static final java.lang.invoke.VarHandle VERSION;

    static {
        try {
            VERSION = java.lang.invoke.MethodHandles.lookup().findVarHandle(VersionCounter.class, "version", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int version;

    public int get() {
        return version;
    }

    /** Records one in-place write (atomically: writers on several threads lose no count). */
    public void bump() {
        VERSION.getAndAdd(this, 1);
    }
}
