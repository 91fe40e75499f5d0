package io.jgrad.data;

import io.jgrad.Generator;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Batches of a dataset, PyTorch's {@code torch.utils.data.DataLoader} (single process, default collation):
 * iterating gives one {@code Tensor[]} per batch, whose element {@code k} stacks element {@code k} of each
 * sample along a new dimension 0 ({@code default_collate}).
 *
 * <pre>{@code
 * var loader = new DataLoader(ds, 32, true);   // loader = DataLoader(ds, batch_size=32, shuffle=True)
 * for (Tensor[] batch : loader) {              // for x, y in loader:
 *     Tensor x = batch[0], y = batch[1];
 * }
 * }</pre>
 *
 * <h2>Order and random numbers</h2>
 * Each iteration (each call of {@link #iterator()}) draws what PyTorch's does, from the same generator, so
 * that a seeded Java program sees the same batches and the same later random numbers as the seeded PyTorch
 * program:
 * <ul>
 *   <li>when the iterator is created, a base seed for worker processes, one
 *       {@code torch.empty((), dtype=torch.int64).random_(generator=generator)} (two 32-bit draws, drawn even
 *       without shuffling and unused here), from the loader's generator or else the default one;</li>
 *   <li>with {@code shuffle}, when the first batch is requested, {@code torch.randperm(n, generator=generator)}
 *       (PyTorch's {@code RandomSampler}); without a generator, {@code RandomSampler} first draws a seed from
 *       the default generator and permutes with a new generator seeded with it;</li>
 *   <li>with {@code shuffle}, when the pass runs out of samples, one more (unused) {@code randperm(n)} from
 *       the same generator, as {@code RandomSampler}'s code draws it.</li>
 * </ul>
 * Checked against PyTorch 1.13 by {@code DataLoaderFixtureTest}.
 */
public final class DataLoader implements Iterable<Tensor[]> {
    private final Dataset<? extends Tensor[]> dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final Generator generator;

    /**
     * Batches of one sample, in order, {@code DataLoader(dataset)}.
     *
     * <pre>{@code
     * new DataLoader(ds)   // DataLoader(ds)
     * }</pre>
     */
    public DataLoader(Dataset<? extends Tensor[]> dataset) {
        this(dataset, 1, false, false, null);
    }

    /**
     * Batches in order, {@code DataLoader(dataset, batch_size)}.
     *
     * <pre>{@code
     * new DataLoader(ds, 64)   // DataLoader(ds, batch_size=64)
     * }</pre>
     */
    public DataLoader(Dataset<? extends Tensor[]> dataset, int batchSize) {
        this(dataset, batchSize, false, false, null);
    }

    /**
     * {@code DataLoader(dataset, batch_size, shuffle)}; shuffling uses the default generator.
     *
     * <pre>{@code
     * new DataLoader(ds, 64, true)   // DataLoader(ds, batch_size=64, shuffle=True)
     * }</pre>
     */
    public DataLoader(Dataset<? extends Tensor[]> dataset, int batchSize, boolean shuffle) {
        this(dataset, batchSize, shuffle, false, null);
    }

    /**
     * {@code DataLoader(dataset, batch_size, shuffle, generator=generator)}.
     *
     * <pre>{@code
     * new DataLoader(ds, 64, true, new Generator(7))
     * // DataLoader(ds, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(7))
     * }</pre>
     */
    public DataLoader(Dataset<? extends Tensor[]> dataset, int batchSize, boolean shuffle, Generator generator) {
        this(dataset, batchSize, shuffle, false, generator);
    }

    /**
     * Shuffled with a new generator seeded with {@code seed} (the same generator for every epoch, so each
     * epoch gets a new order and the run is reproducible),
     * {@code DataLoader(dataset, batch_size, shuffle, generator=torch.Generator().manual_seed(seed))}.
     *
     * <pre>{@code
     * new DataLoader(ds, 64, true, 42L)   // DataLoader(ds, 64, shuffle=True, generator=torch.Generator().manual_seed(42))
     * }</pre>
     */
    public DataLoader(Dataset<? extends Tensor[]> dataset, int batchSize, boolean shuffle, long seed) {
        this(dataset, batchSize, shuffle, false, new Generator(seed));
    }

    /**
     * {@code DataLoader(dataset, batch_size, shuffle, drop_last=dropLast)}.
     *
     * <pre>{@code
     * new DataLoader(ds, 64, true, true)   // DataLoader(ds, batch_size=64, shuffle=True, drop_last=True)
     * }</pre>
     */
    public DataLoader(Dataset<? extends Tensor[]> dataset, int batchSize, boolean shuffle, boolean dropLast) {
        this(dataset, batchSize, shuffle, dropLast, null);
    }

    /**
     * Every option, {@code DataLoader(dataset, batch_size, shuffle, drop_last=dropLast, generator=generator)}.
     *
     * <pre>{@code
     * new DataLoader(ds, 64, true, true, new Generator(7))
     * // DataLoader(ds, 64, shuffle=True, drop_last=True, generator=torch.Generator().manual_seed(7))
     * }</pre>
     *
     * @param dropLast whether to drop the last batch when it is smaller than {@code batchSize}
     * @param generator the generator for shuffling (and the base seed); null for the default generator
     * @throws IllegalArgumentException PyTorch's "batch_size should be a positive integer value, but got
     *     batch_size=0"
     */
    public DataLoader(Dataset<? extends Tensor[]> dataset, int batchSize, boolean shuffle, boolean dropLast,
            Generator generator) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException(
                    "batch_size should be a positive integer value, but got batch_size=" + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.generator = generator;
    }

    /**
     * The number of batches, {@code len(loader)}.
     *
     * <pre>{@code
     * int batches = loader.size();   // batches = len(loader)
     * }</pre>
     */
    public int size() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * The dataset, {@code loader.dataset}.
     *
     * <pre>{@code
     * loader.dataset()   // loader.dataset
     * }</pre>
     */
    public Dataset<? extends Tensor[]> dataset() {
        return dataset;
    }

    /**
     * The batch size, {@code loader.batch_size}.
     *
     * <pre>{@code
     * loader.batchSize()   // loader.batch_size
     * }</pre>
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * A new pass over the data (a new order when shuffling), {@code iter(loader)}.
     *
     * <pre>{@code
     * Iterator<Tensor[]> it = loader.iterator();   // it = iter(loader)
     * Tensor[] first = it.next();                  // first = next(it)
     * }</pre>
     *
     * @throws IllegalArgumentException (from the first {@code next()}) PyTorch's "num_samples should be a
     *     positive integer value, but got num_samples=0" when shuffling an empty dataset
     */
    @Override
    public Iterator<Tensor[]> iterator() {
        Generator g = generator != null ? generator : Generator.defaultGenerator();
        g.randomInt64(); // _BaseDataLoaderIter's _base_seed
        return new BatchIterator();
    }

    /**
     * One pass: PyTorch's {@code RandomSampler} (or {@code SequentialSampler}) feeding its
     * {@code BatchSampler}, replayed draw for draw. The sampler draws its permutation when the first index is
     * requested, and, being a Python generator written as {@code randperm(n)} for the full permutations
     * followed by {@code randperm(n)[:num_samples % n]}, draws one more (unused) permutation when it is asked
     * for an index after the last one, which the batch sampler always does before it stops.
     */
    private final class BatchIterator implements Iterator<Tensor[]> {
        private Generator samplerGenerator;
        private int[] order;
        private int position;
        private boolean exhausted;
        private int[] nextBatch;
        private boolean finished;

        private void startSampler() {
            int n = dataset.size();
            order = new int[n];
            if (shuffle) {
                if (n <= 0) {
                    throw new IllegalArgumentException(
                            "num_samples should be a positive integer value, but got num_samples=" + n);
                }
                samplerGenerator = generator != null ? generator
                        : new Generator(Generator.defaultGenerator().randomInt64());
                permutation(order);
            } else {
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
            }
        }

        private void permutation(int[] out) {
            long[] perm = new long[out.length];
            samplerGenerator.randperm(perm, 0, out.length);
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) perm[i];
            }
        }

        /** The sampler's next index, or -1 once it is exhausted. */
        private int nextIndex() {
            if (order == null) {
                startSampler();
            }
            if (position < order.length) {
                return order[position++];
            }
            if (!exhausted) {
                exhausted = true;
                if (shuffle) {
                    permutation(new int[order.length]); // randperm(n).tolist()[:0]
                }
            }
            return -1;
        }

        /** BatchSampler.__iter__: full batches, and the last partial one unless dropLast. */
        private void advance() {
            if (nextBatch != null || finished) {
                return;
            }
            int[] batch = new int[batchSize];
            int size = 0;
            while (size < batchSize) {
                int i = nextIndex();
                if (i < 0) {
                    break;
                }
                batch[size++] = i;
            }
            if (size == batchSize || (size > 0 && !dropLast)) {
                nextBatch = java.util.Arrays.copyOf(batch, size);
            } else {
                finished = true;
            }
        }

        @Override
        public boolean hasNext() {
            advance();
            return nextBatch != null;
        }

        @Override
        public Tensor[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int[] batch = nextBatch;
            nextBatch = null;
            List<Tensor[]> samples = new ArrayList<>(batch.length);
            for (int i : batch) {
                samples.add(dataset.get(i));
            }
            return collate(samples);
        }
    }

    /**
     * Stacks element {@code k} of every sample along a new dimension 0, PyTorch's {@code default_collate} for
     * tuples of tensors.
     *
     * <pre>{@code
     * Tensor[] batch = DataLoader.collate(List.of(ds.get(0), ds.get(1)));   // default_collate([ds[0], ds[1]])
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "each element in list of batch should be of equal size" when
     *     samples have different numbers of elements
     */
    public static Tensor[] collate(List<? extends Tensor[]> samples) {
        int width = samples.get(0).length;
        for (Tensor[] s : samples) {
            if (s.length != width) {
                throw new IllegalArgumentException("each element in list of batch should be of equal size");
            }
        }
        Tensor[] batch = new Tensor[width];
        for (int k = 0; k < width; k++) {
            List<Tensor> column = new ArrayList<>(samples.size());
            for (Tensor[] s : samples) {
                column.add(s[k]);
            }
            batch[k] = Torch.stack(column, 0);
        }
        return batch;
    }
}
