package io.jgrad.autograd;

import static io.jgrad.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Anomaly mode: NaN checks in backward with the forward stack trace of the node that produced the NaN. */
class AnomalyModeTest {

    /** sqrt at 0 has an infinite derivative; times a zero gradient it gives NaN in SqrtBackward0's output. */
    private static Tensor makeNanInBackward(Tensor x) {
        return x.sqrt().mul(0.0).sum();
    }

    @Test
    void nanInBackwardThrowsWithTheForwardTrace() {
        Tensor x = tensor(0.0, 1.0).requiresGrad_();
        IllegalStateException e;
        try (ModeGuard g = Autograd.detectAnomaly()) {
            assertTrue(Autograd.isAnomalyEnabled());
            Tensor y = makeNanInBackward(x);
            e = assertThrows(IllegalStateException.class, y::backward);
        }
        assertFalse(Autograd.isAnomalyEnabled());
        assertEquals("Function 'SqrtBackward0' returned nan values in its 0th output.", e.getMessage());
        assertEquals(1, e.getSuppressed().length, "the forward trace is attached");
        boolean namesForwardCall = Arrays.stream(e.getSuppressed()[0].getStackTrace())
                .anyMatch(f -> f.getMethodName().equals("makeNanInBackward"));
        assertTrue(namesForwardCall, "the trace shows where sqrt was called in the forward pass");
        assertEquals(null, x.grad(), "a failed backward leaves the gradient as it was");
    }

    @Test
    void withoutAnomalyModeNanPropagatesSilentlyAsInPyTorch() {
        Tensor x = tensor(0.0, 1.0).requiresGrad_();
        makeNanInBackward(x).backward();
        assertTrue(Double.isNaN(x.grad().toDoubleArray()[0]));
        assertEquals(0.0, x.grad().toDoubleArray()[1]);
    }

    @Test
    void setDetectAnomalyIsPerThread() throws Exception {
        Autograd.setDetectAnomaly(true);
        try {
            boolean[] other = new boolean[1];
            Thread t = new Thread(() -> other[0] = Autograd.isAnomalyEnabled());
            t.start();
            t.join();
            assertTrue(Autograd.isAnomalyEnabled());
            assertFalse(other[0]);
        } finally {
            Autograd.setDetectAnomaly(false);
        }
    }
}
