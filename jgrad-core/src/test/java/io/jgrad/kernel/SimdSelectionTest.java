package io.jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The build runs the suite twice: with the Vector API (the default argLine adds jdk.incubator.vector) and
 * with {@code -Djgrad.simd=false}. This test proves each run used the path it claims.
 */
class SimdSelectionTest {
    @Test
    void simdIsOnExactlyWhenTheModuleIsPresentAndNotDisabled() {
        boolean moduleThere = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean disabled = "false".equalsIgnoreCase(System.getProperty("jgrad.simd"));
        assertEquals(moduleThere && !disabled, Simd.ENABLED);
        if (!disabled) {
            assertEquals(true, moduleThere, "the default test run must exercise the Vector API kernels");
        }
    }
}
