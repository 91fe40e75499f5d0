package io.jgrad.kernel;

import io.jgrad.DType;

/**
 * Moving elements: between strided layouts (gather into dense, scatter from dense) and between dtypes.
 * A strided layout is described by an {@code int[]} of element offsets made by {@link #offsets}.
 */
public final class Copy {
    private Copy() {}

    /**
     * Fills {@code out} with the storage offsets of every element of (shape, strides, offset) in row-major
     * order.
     */
    public static void offsets(int[] shape, int[] strides, int offset, int[] out) {
        int rank = shape.length;
        int n = out.length;
        if (n == 0) return;
        if (rank == 0) {
            out[0] = offset;
            return;
        }
        int last = rank - 1;
        int lastSize = shape[last];
        int lastStride = strides[last];
        int[] idx = new int[rank];
        int base = offset;
        int k = 0;
        while (k < n) {
            for (int j = 0; j < lastSize; j++) out[k++] = base + j * lastStride;
            int d = last - 1;
            while (d >= 0) {
                idx[d]++;
                base += strides[d];
                if (idx[d] < shape[d]) break;
                base -= strides[d] * shape[d];
                idx[d] = 0;
                d--;
            }
            if (d < 0) break;
        }
    }

    /** {@code dst[dstOff + i] = src[offs[i]]}, same element type. */
    public static void gather(Object src, int[] offs, Object dst, int dstOff) {
        int n = offs.length;
        if (src instanceof float[]) {
            float[] s = (float[]) src, d = (float[]) dst;
            for (int i = 0; i < n; i++) d[dstOff + i] = s[offs[i]];
        } else if (src instanceof double[]) {
            double[] s = (double[]) src, d = (double[]) dst;
            for (int i = 0; i < n; i++) d[dstOff + i] = s[offs[i]];
        } else if (src instanceof long[]) {
            long[] s = (long[]) src, d = (long[]) dst;
            for (int i = 0; i < n; i++) d[dstOff + i] = s[offs[i]];
        } else {
            boolean[] s = (boolean[]) src, d = (boolean[]) dst;
            for (int i = 0; i < n; i++) d[dstOff + i] = s[offs[i]];
        }
    }

    /** {@code dst[offs[i]] = src[srcOff + i]}, same element type. */
    public static void scatter(Object src, int srcOff, Object dst, int[] offs) {
        int n = offs.length;
        if (src instanceof float[]) {
            float[] s = (float[]) src, d = (float[]) dst;
            for (int i = 0; i < n; i++) d[offs[i]] = s[srcOff + i];
        } else if (src instanceof double[]) {
            double[] s = (double[]) src, d = (double[]) dst;
            for (int i = 0; i < n; i++) d[offs[i]] = s[srcOff + i];
        } else if (src instanceof long[]) {
            long[] s = (long[]) src, d = (long[]) dst;
            for (int i = 0; i < n; i++) d[offs[i]] = s[srcOff + i];
        } else {
            boolean[] s = (boolean[]) src, d = (boolean[]) dst;
            for (int i = 0; i < n; i++) d[offs[i]] = s[srcOff + i];
        }
    }

    /** {@code dst[offs[i]] += src[srcOff + i]} for floating and integer types (index accumulation). */
    public static void scatterAdd(Object src, int srcOff, Object dst, int[] offs) {
        int n = offs.length;
        if (src instanceof float[]) {
            float[] s = (float[]) src, d = (float[]) dst;
            for (int i = 0; i < n; i++) d[offs[i]] += s[srcOff + i];
        } else if (src instanceof double[]) {
            double[] s = (double[]) src, d = (double[]) dst;
            for (int i = 0; i < n; i++) d[offs[i]] += s[srcOff + i];
        } else if (src instanceof long[]) {
            long[] s = (long[]) src, d = (long[]) dst;
            for (int i = 0; i < n; i++) d[offs[i]] += s[srcOff + i];
        } else {
            boolean[] s = (boolean[]) src, d = (boolean[]) dst;
            for (int i = 0; i < n; i++) d[offs[i]] |= s[srcOff + i];
        }
    }

    /** Converts {@code n} dense elements from one dtype to another as PyTorch's {@code to(dtype)} does. */
    public static void convert(Object src, DType from, int srcOff, Object dst, DType to, int dstOff, int n) {
        if (from == to) {
            System.arraycopy(src, srcOff, dst, dstOff, n);
            return;
        }
        switch (to) {
            case FLOAT32: {
                float[] d = (float[]) dst;
                for (int i = 0; i < n; i++) d[dstOff + i] = (float) read(src, from, srcOff + i);
                break;
            }
            case FLOAT64: {
                double[] d = (double[]) dst;
                for (int i = 0; i < n; i++) d[dstOff + i] = read(src, from, srcOff + i);
                break;
            }
            case INT64: {
                long[] d = (long[]) dst;
                if (from == DType.BOOL) {
                    boolean[] s = (boolean[]) src;
                    for (int i = 0; i < n; i++) d[dstOff + i] = s[srcOff + i] ? 1 : 0;
                } else {
                    for (int i = 0; i < n; i++) d[dstOff + i] = (long) read(src, from, srcOff + i);
                }
                break;
            }
            default: {
                boolean[] d = (boolean[]) dst;
                if (from == DType.INT64) {
                    long[] s = (long[]) src;
                    for (int i = 0; i < n; i++) d[dstOff + i] = s[srcOff + i] != 0;
                } else {
                    for (int i = 0; i < n; i++) d[dstOff + i] = read(src, from, srcOff + i) != 0;
                }
            }
        }
    }

    private static double read(Object a, DType t, int i) {
        switch (t) {
            case FLOAT32: return ((float[]) a)[i];
            case FLOAT64: return ((double[]) a)[i];
            case INT64: return ((long[]) a)[i];
            default: return ((boolean[]) a)[i] ? 1 : 0;
        }
    }
}
