package io.jgrad.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A 1024x1024 matmul backward allocates only its results ({@link MatmulBackwardAlloc}): once the kernels are
 * compiled, an iteration of {@code (a @ b).sum().backward()} allocates the product and the two input
 * gradients (12 MiB) and at most 64 KiB besides (tensors, nodes, the engine's per-pass objects). No packing
 * copies, no materialized transposes or ones. Up to 12 iterations are measured because the first ones run
 * the Vector API kernels before the JIT compiled them, which allocates vector objects; the test needs one
 * iteration within the bound (a leak or a per-call buffer would exceed it in every iteration).
 */
class MatmulBackwardAllocTest {
    static final long SLACK_BYTES = 64 * 1024;

    @Test
    void matmulBackwardAllocatesOnlyItsResults() {
        int n = 1024;
        long bound = MatmulBackwardAlloc.resultBytes(n) + SLACK_BYTES;
        long[] bytes = MatmulBackwardAlloc.measure(n, 12);
        long best = Arrays.stream(bytes).min().getAsLong();
        assertTrue(best <= bound, "bytes per iteration " + Arrays.toString(bytes) + ", bound " + bound);
        assertTrue(best >= MatmulBackwardAlloc.resultBytes(n), "the results themselves must be counted: "
                + Arrays.toString(bytes));
    }
}
