package io.jgrad.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * No growth over many scalar_graph iterations (the quick form of {@link ScalarGraphSoak}'s million): 200,000
 * iterations in this module's 64 MB test heap, the heap in use after a full GC measured at 10 checkpoints;
 * from the first checkpoint to the last it may not grow by more than {@link ScalarGraphSoak#BOUND_BYTES}
 * (1 MiB, about 6 bytes an iteration; a graph or a node kept per iteration would be hundreds of bytes each).
 */
class ScalarGraphMemoryTest {
    @Test
    void usedHeapAfterGcDoesNotGrowOver200kIterations() {
        long[] used = ScalarGraphSoak.run(200_000, 10);
        long growth = used[used.length - 1] - used[0];
        assertTrue(growth <= ScalarGraphSoak.BOUND_BYTES,
                "heap in use after GC grew by " + growth + " bytes: " + Arrays.toString(used));
    }
}
