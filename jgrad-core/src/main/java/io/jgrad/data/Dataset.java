package io.jgrad.data;

import io.jgrad.Generator;
import java.util.ArrayList;
import java.util.List;

/**
 * A map-style dataset: samples addressed by index, PyTorch's {@code torch.utils.data.Dataset} with
 * {@code __getitem__} and {@code __len__}.
 *
 * <pre>{@code
 * class Squares implements Dataset<Tensor[]> {                 // class Squares(Dataset):
 *     public Tensor[] get(int i) {                             //     def __getitem__(self, i):
 *         return new Tensor[] {scalar(i), scalar(i * i)};      //         return torch.tensor(i), torch.tensor(i * i)
 *     }
 *     public int size() { return 100; }                        //     def __len__(self): return 100
 * }
 * }</pre>
 *
 * @param <T> the sample type; {@link DataLoader} batches datasets of {@code Tensor[]} samples
 */
public interface Dataset<T> {

    /**
     * Sample {@code index}, {@code dataset[index]}.
     *
     * <pre>{@code
     * Tensor[] xy = ds.get(0);   // x, y = ds[0]
     * }</pre>
     */
    T get(int index);

    /**
     * Number of samples, {@code len(dataset)}.
     *
     * <pre>{@code
     * int n = ds.size();   // n = len(ds)
     * }</pre>
     */
    int size();

    /**
     * Splits a dataset into non-overlapping random subsets of the given lengths using the default generator,
     * {@code torch.utils.data.random_split(dataset, lengths)}.
     *
     * <pre>{@code
     * var parts = Dataset.randomSplit(ds, new int[] {80, 20});   // train, val = random_split(ds, [80, 20])
     * }</pre>
     */
    static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths) {
        return randomSplit(dataset, lengths, Generator.defaultGenerator());
    }

    /**
     * Splits a dataset into non-overlapping random subsets of the given lengths: the indices of
     * {@code randperm(sum(lengths), generator)} are cut in order, as PyTorch's
     * {@code random_split(dataset, lengths, generator=generator)} does, so a generator seeded the same way
     * gives the same subsets.
     *
     * <pre>{@code
     * var parts = Dataset.randomSplit(ds, new int[] {3, 7}, new Generator(42));
     * // random_split(ds, [3, 7], generator=torch.Generator().manual_seed(42))
     * }</pre>
     *
     * @throws IllegalArgumentException if a length is negative, or (PyTorch's message) "Sum of input lengths
     *     does not equal the length of the input dataset!"
     */
    static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, Generator generator) {
        long total = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new IllegalArgumentException("Length of split at index " + i + " is negative: " + lengths[i]);
            }
            total += lengths[i];
        }
        if (total != dataset.size()) {
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
        }
        long[] perm = new long[(int) total];
        generator.randperm(perm, 0, (int) total);
        List<Subset<T>> out = new ArrayList<>(lengths.length);
        int offset = 0;
        for (int length : lengths) {
            int[] idx = new int[length];
            for (int j = 0; j < length; j++) {
                idx[j] = (int) perm[offset + j];
            }
            out.add(new Subset<>(dataset, idx));
            offset += length;
        }
        return out;
    }

    /**
     * Splits by fractions using the default generator, {@code random_split(dataset, [0.8, 0.2])}.
     *
     * <pre>{@code
     * var parts = Dataset.randomSplit(ds, new double[] {0.8, 0.2});   // random_split(ds, [0.8, 0.2])
     * }</pre>
     */
    static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions) {
        return randomSplit(dataset, fractions, Generator.defaultGenerator());
    }

    /**
     * Splits by fractions that sum to 1: each length is {@code floor(n * fraction)}, and what remains is
     * handed out one at a time round-robin from the first split, as PyTorch's {@code random_split} does; then
     * as {@link #randomSplit(Dataset, int[], Generator)}.
     *
     * <pre>{@code
     * var parts = Dataset.randomSplit(ds, new double[] {0.3, 0.3, 0.4}, new Generator(42));
     * // random_split(ds, [0.3, 0.3, 0.4], generator=torch.Generator().manual_seed(42))
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "Fraction at index 1 is not between 0 and 1", or "Sum of input
     *     lengths does not equal the length of the input dataset!" when the fractions do not sum to 1
     */
    static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        double sum = 0;
        for (double f : fractions) {
            sum += f;
        }
        // math.isclose(sum, 1) and sum <= 1
        if (!(Math.abs(sum - 1) <= 1e-9 * Math.max(Math.abs(sum), 1) && sum <= 1)) {
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
        }
        int n = dataset.size();
        int[] lengths = new int[fractions.length];
        long assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (fractions[i] < 0 || fractions[i] > 1) {
                throw new IllegalArgumentException("Fraction at index " + i + " is not between 0 and 1");
            }
            lengths[i] = (int) Math.floor(n * fractions[i]);
            assigned += lengths[i];
        }
        long remainder = n - assigned;
        for (int i = 0; i < remainder; i++) {
            lengths[i % lengths.length] += 1;
        }
        return randomSplit(dataset, lengths, generator);
    }

    /**
     * The samples of a {@code Tensor[]} dataset as one list, handy for small datasets and tests.
     *
     * <pre>{@code
     * List<Tensor[]> all = Dataset.toList(ds);   // all = [ds[i] for i in range(len(ds))]
     * }</pre>
     */
    static <T> List<T> toList(Dataset<T> dataset) {
        List<T> out = new ArrayList<>(dataset.size());
        for (int i = 0; i < dataset.size(); i++) {
            out.add(dataset.get(i));
        }
        return out;
    }
}
