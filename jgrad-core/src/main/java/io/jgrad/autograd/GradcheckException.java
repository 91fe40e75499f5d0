package io.jgrad.autograd;

/**
 * Thrown by {@link GradCheck} when analytical and numerical gradients disagree, PyTorch's
 * {@code GradcheckError}; the message names the output, the input and both Jacobians.
 */
public class GradcheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by PyTorch's message text. */
    public GradcheckException(String message) {
        super(message);
    }
}
