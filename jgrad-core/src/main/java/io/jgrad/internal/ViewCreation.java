package io.jgrad.internal;

/**
 * PyTorch's CreationMeta: how a view was made, which decides whether an in-place op on it may rebase its
 * base's history (see Note [View + inplace] in io.jgrad.ops.InPlace).
 */
public enum ViewCreation {
    /** Made under grad mode by an ordinary single-output view op. */
    DEFAULT,
    /** Made while grad mode was off. */
    NO_GRAD_MODE,
    /** One of several views returned by one op (unbind, split, chunk). */
    MULTI_OUTPUT_NODE
}
