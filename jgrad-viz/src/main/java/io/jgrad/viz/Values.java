package io.jgrad.viz;

import io.jgrad.Tensor;
import java.util.Arrays;

/** Plain values of tensors for plotting (what {@code t.detach().numpy()} gives matplotlib). */
final class Values {
    private Values() {}

    /** The elements of {@code t}, flattened row-major, detached from autograd. */
    static double[] of(Tensor t) {
        return t.detach().toDoubleArray();
    }

    /** Column {@code col} of a 2-D tensor: {@code t.detach().numpy()[:, col]}. */
    static double[] column(Tensor t, int col) {
        if (t.dim() != 2 || col >= t.size(1)) {
            throw new IllegalArgumentException("expected a 2-D tensor with at least " + (col + 1)
                    + " columns, got shape " + Arrays.toString(t.shape()));
        }
        double[] all = of(t);
        int cols = t.size(1);
        double[] out = new double[t.size(0)];
        for (int i = 0; i < out.length; i++) {
            out[i] = all[i * cols + col];
        }
        return out;
    }
}
