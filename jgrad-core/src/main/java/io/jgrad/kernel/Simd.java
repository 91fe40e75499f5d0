package io.jgrad.kernel;

/**
 * Whether the SIMD kernels (the incubating Vector API) are used. They are when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} and the system property {@code jgrad.simd} is not
 * {@code false}; otherwise the scalar loops run (Lucene's way of shipping Vector API code). The choice is
 * made once, when this class loads; classes that use the Vector API are only loaded when it is on.
 */
public final class Simd {
    private Simd() {}

    /** True when the Vector API kernels are in use. */
    public static final boolean ENABLED = detect();

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("jgrad.simd"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
