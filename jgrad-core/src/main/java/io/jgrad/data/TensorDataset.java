package io.jgrad.data;

import io.jgrad.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset of tensors indexed along their first dimension, PyTorch's
 * {@code torch.utils.data.TensorDataset}: sample {@code i} is {@code {t0.get(i), t1.get(i), ...}} (views).
 *
 * <pre>{@code
 * var ds = new TensorDataset(x, y);   // ds = TensorDataset(x, y)
 * Tensor[] xy = ds.get(0);            // x0, y0 = ds[0]
 * }</pre>
 */
public final class TensorDataset implements Dataset<Tensor[]> {
    private final Tensor[] tensors;

    /**
     * Wraps tensors that have the same size of the first dimension, {@code TensorDataset(*tensors)}.
     *
     * <pre>{@code
     * new TensorDataset(features, labels)   // TensorDataset(features, labels)
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "Size mismatch between tensors", or when no tensor or a 0-d
     *     tensor is given (PyTorch fails later, on {@code len(ds)})
     */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("TensorDataset needs at least one tensor");
        }
        for (Tensor t : tensors) {
            if (t.dim() == 0) {
                throw new IllegalArgumentException("TensorDataset needs tensors of at least one dimension, but got a "
                        + "0-d tensor");
            }
        }
        for (Tensor t : tensors) {
            if (t.size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("Size mismatch between tensors");
            }
        }
        this.tensors = tensors.clone();
    }

    /**
     * The rows {@code index} of every tensor (views), {@code ds[index]}; negative indices count from the end.
     *
     * <pre>{@code
     * Tensor[] xy = ds.get(3);   // x3, y3 = ds[3]
     * }</pre>
     */
    @Override
    public Tensor[] get(int index) {
        Tensor[] out = new Tensor[tensors.length];
        for (int k = 0; k < tensors.length; k++) {
            out[k] = tensors[k].get(index);
        }
        return out;
    }

    /**
     * The size of the first dimension, {@code len(ds)}.
     *
     * <pre>{@code
     * ds.size()   // len(ds)
     * }</pre>
     */
    @Override
    public int size() {
        return tensors[0].size(0);
    }

    /**
     * The wrapped tensors, {@code ds.tensors}.
     *
     * <pre>{@code
     * List<Tensor> ts = ds.tensors();   // ts = ds.tensors
     * }</pre>
     */
    public List<Tensor> tensors() {
        return List.of(tensors);
    }

    /**
     * {@code TensorDataset(size=N, shapes=[...])}.
     *
     * <pre>{@code
     * System.out.println(ds);
     * }</pre>
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TensorDataset(size=").append(size()).append(", shapes=[");
        for (int k = 0; k < tensors.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(Arrays.toString(tensors[k].shape()));
        }
        return sb.append("])").toString();
    }
}
