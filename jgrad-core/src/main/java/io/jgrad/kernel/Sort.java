package io.jgrad.kernel;

import java.util.Arrays;

/** Argsort along the middle axis of a contiguous [outer, len, inner] block of doubles. */
public final class Sort {
    private Sort() {}

    /**
     * Writes into {@code idx} (same layout as the block) the positions that sort each line, stably;
     * NaN counts as larger than every number (PyTorch's order). Descending reverses the order of values but
     * keeps equal values in their original order.
     */
    public static void argsort(double[] a, int outer, int len, int inner, boolean descending, long[] idx) {
        Integer[] order = new Integer[len];
        double[] line = new double[len];
        for (int p = 0; p < outer; p++) {
            for (int i = 0; i < inner; i++) {
                int base = p * len * inner + i;
                for (int r = 0; r < len; r++) {
                    line[r] = a[base + r * inner];
                    order[r] = r;
                }
                Arrays.sort(order, (x, y) -> {
                    int c = compareNanLast(line[x], line[y]);
                    return descending ? -c : c;
                });
                for (int r = 0; r < len; r++) {
                    idx[base + r * inner] = order[r];
                }
            }
        }
    }

    private static int compareNanLast(double x, double y) {
        boolean nx = x != x;
        boolean ny = y != y;
        if (nx || ny) {
            return nx == ny ? 0 : nx ? 1 : -1;
        }
        return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y);
    }
}
