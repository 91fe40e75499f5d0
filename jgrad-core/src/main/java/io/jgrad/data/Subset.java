package io.jgrad.data;

import java.util.Arrays;

/**
 * A view of some samples of another dataset, PyTorch's {@code torch.utils.data.Subset}: sample {@code i} is
 * {@code dataset.get(indices[i])}.
 *
 * <pre>{@code
 * var firstTen = new Subset<>(ds, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});   // Subset(ds, range(10))
 * }</pre>
 *
 * @param <T> the sample type
 */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final int[] indices;

    /**
     * The samples of {@code dataset} at {@code indices} (copied), {@code Subset(dataset, indices)}.
     *
     * <pre>{@code
     * new Subset<>(ds, new int[] {4, 2})   // Subset(ds, [4, 2])
     * }</pre>
     */
    public Subset(Dataset<T> dataset, int[] indices) {
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    /**
     * {@code dataset.get(indices[index])}, {@code subset[index]}.
     *
     * <pre>{@code
     * subset.get(0)   // subset[0]
     * }</pre>
     */
    @Override
    public T get(int index) {
        return dataset.get(indices[index]);
    }

    /**
     * The number of indices, {@code len(subset)}.
     *
     * <pre>{@code
     * subset.size()   // len(subset)
     * }</pre>
     */
    @Override
    public int size() {
        return indices.length;
    }

    /**
     * The indices into the underlying dataset (a copy), {@code subset.indices}.
     *
     * <pre>{@code
     * int[] idx = subset.indices();   // idx = subset.indices
     * }</pre>
     */
    public int[] indices() {
        return indices.clone();
    }

    /**
     * The underlying dataset, {@code subset.dataset}.
     *
     * <pre>{@code
     * subset.dataset()   // subset.dataset
     * }</pre>
     */
    public Dataset<T> dataset() {
        return dataset;
    }

    /**
     * {@code Subset(indices=[...])}.
     *
     * <pre>{@code
     * System.out.println(subset);   // print(subset.indices)
     * }</pre>
     */
    @Override
    public String toString() {
        return "Subset(indices=" + Arrays.toString(indices) + ")";
    }
}
