package io.jgrad.storage;

import io.jgrad.DType;

/**
 * A flat primitive array holding a tensor's elements: {@code float[]} for FLOAT32, {@code double[]} for
 * FLOAT64, {@code long[]} for INT64 and {@code boolean[]} for BOOL. Tensors are strided views of a storage;
 * several tensors (a base and its views) may share one.
 *
 * <p>Storages are mutable and not synchronized: the autograd engine's version counters, not the storage,
 * record writes.
 */
public final class Storage {
    private final DType dtype;
    private final Object array;
    private final int length;

    private Storage(DType dtype, Object array, int length) {
        this.dtype = dtype;
        this.array = array;
        this.length = length;
    }

    /** A zero-filled storage of {@code length} elements. */
    public static Storage allocate(DType dtype, int length) {
        switch (dtype) {
            case FLOAT32: return new Storage(dtype, new float[length], length);
            case FLOAT64: return new Storage(dtype, new double[length], length);
            case INT64: return new Storage(dtype, new long[length], length);
            case BOOL: return new Storage(dtype, new boolean[length], length);
            default: throw new AssertionError(dtype);
        }
    }

    /** Wraps (does not copy) a float array. */
    public static Storage of(float[] a) {
        return new Storage(DType.FLOAT32, a, a.length);
    }

    /** Wraps (does not copy) a double array. */
    public static Storage of(double[] a) {
        return new Storage(DType.FLOAT64, a, a.length);
    }

    /** Wraps (does not copy) a long array. */
    public static Storage of(long[] a) {
        return new Storage(DType.INT64, a, a.length);
    }

    /** Wraps (does not copy) a boolean array. */
    public static Storage of(boolean[] a) {
        return new Storage(DType.BOOL, a, a.length);
    }

    public DType dtype() {
        return dtype;
    }

    public int length() {
        return length;
    }

    /** The backing array; its type depends on {@link #dtype()}. */
    public Object array() {
        return array;
    }

    public float[] floats() {
        return (float[]) array;
    }

    public double[] doubles() {
        return (double[]) array;
    }

    public long[] longs() {
        return (long[]) array;
    }

    public boolean[] bools() {
        return (boolean[]) array;
    }

    /** Element {@code i} as a double (booleans as 0/1). */
    public double getDouble(int i) {
        switch (dtype) {
            case FLOAT32: return ((float[]) array)[i];
            case FLOAT64: return ((double[]) array)[i];
            case INT64: return ((long[]) array)[i];
            default: return ((boolean[]) array)[i] ? 1 : 0;
        }
    }

    /** Stores {@code v} at {@code i}, converted as PyTorch converts a Python number to this dtype. */
    public void setDouble(int i, double v) {
        switch (dtype) {
            case FLOAT32: ((float[]) array)[i] = (float) v; break;
            case FLOAT64: ((double[]) array)[i] = v; break;
            case INT64: ((long[]) array)[i] = (long) v; break;
            default: ((boolean[]) array)[i] = v != 0;
        }
    }
}
