package io.jgrad.data;

import static io.jgrad.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Generator;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** TensorDataset, Subset, DataLoader and randomSplit behaviour, with PyTorch 1.13's messages. */
class DatasetBehaviourTest {

    static void assertMessage(String message, Executable body) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, body).getMessage());
    }

    @Test
    void tensorDatasetIndexesTheFirstDimension() {
        Tensor x = tensor(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor y = tensor(10L, 20L, 30L);
        TensorDataset ds = new TensorDataset(x, y);
        assertEquals(3, ds.size());
        Tensor[] s = ds.get(1);
        assertArrayEquals(new float[] {3, 4}, s[0].toFloatArray());
        assertEquals(0, s[1].dim());
        assertEquals(20.0, s[1].item());
        assertEquals(30.0, ds.get(-1)[1].item(), "negative indices count from the end");
        assertEquals(List.of(x, y), ds.tensors());
    }

    @Test
    void tensorDatasetChecks() {
        assertMessage("Size mismatch between tensors", () -> new TensorDataset(Torch.zeros(3), Torch.zeros(4)));
        assertMessage("TensorDataset needs at least one tensor", () -> new TensorDataset());
        assertMessage("TensorDataset needs tensors of at least one dimension, but got a 0-d tensor",
                () -> new TensorDataset(Torch.scalar(1)));
    }

    @Test
    void loaderStacksSamplesAlongANewDimension() {
        Tensor x = Torch.arange(0.0, 10.0, 1.0).reshape(5, 2);
        Tensor y = tensor(0L, 1L, 0L, 1L, 1L);
        DataLoader loader = new DataLoader(new TensorDataset(x, y), 2);
        assertEquals(3, loader.size());
        Iterator<Tensor[]> it = loader.iterator();
        Tensor[] b0 = it.next();
        assertArrayEquals(new int[] {2, 2}, b0[0].shape());
        assertArrayEquals(new float[] {0, 1, 2, 3}, b0[0].toFloatArray());
        assertArrayEquals(new int[] {2}, b0[1].shape());
        assertArrayEquals(new long[] {0, 1}, b0[1].toLongArray());
        it.next();
        Tensor[] last = it.next();
        assertArrayEquals(new int[] {1, 2}, last[0].shape(), "the short last batch is kept");
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals(2, new DataLoader(new TensorDataset(x, y), 2, false, true).size());
    }

    @Test
    void loaderChecksUsePyTorchMessages() {
        TensorDataset ds = new TensorDataset(Torch.zeros(3));
        assertMessage("batch_size should be a positive integer value, but got batch_size=0",
                () -> new DataLoader(ds, 0));
        DataLoader empty = new DataLoader(new TensorDataset(Torch.zeros(0)), 1, true, new Generator(1));
        assertMessage("num_samples should be a positive integer value, but got num_samples=0",
                () -> empty.iterator().next());
        assertFalse(new DataLoader(new TensorDataset(Torch.zeros(0)), 1).iterator().hasNext());
        assertMessage("each element in list of batch should be of equal size",
                () -> DataLoader.collate(List.of(new Tensor[] {Torch.zeros(1)}, new Tensor[0])));
    }

    @Test
    void aShuffledLoaderGivesEachSampleOncePerEpoch() {
        DataLoader loader = new DataLoader(new TensorDataset(Torch.arange(50L)), 7, true, new Generator(3));
        for (int epoch = 0; epoch < 3; epoch++) {
            boolean[] seen = new boolean[50];
            int count = 0;
            for (Tensor[] b : loader) {
                for (long i : b[0].toLongArray()) {
                    assertFalse(seen[(int) i]);
                    seen[(int) i] = true;
                    count++;
                }
            }
            assertEquals(50, count);
        }
    }

    @Test
    void aSeedIsAGeneratorSeededOnce() {
        TensorDataset ds = new TensorDataset(Torch.arange(10L));
        DataLoader bySeed = new DataLoader(ds, 3, true, 7L);
        DataLoader byGenerator = new DataLoader(ds, 3, true, new Generator(7));
        for (int epoch = 0; epoch < 3; epoch++) {
            Iterator<Tensor[]> a = bySeed.iterator();
            Iterator<Tensor[]> b = byGenerator.iterator();
            while (b.hasNext()) {
                assertArrayEquals(b.next()[0].toLongArray(), a.next()[0].toLongArray());
            }
            assertFalse(a.hasNext());
        }
    }

    @Test
    void randomSplitChecksUsePyTorchMessages() {
        TensorDataset ds = new TensorDataset(Torch.arange(10L));
        assertMessage("Sum of input lengths does not equal the length of the input dataset!",
                () -> Dataset.randomSplit(ds, new int[] {3, 6}));
        assertMessage("Fraction at index 1 is not between 0 and 1",
                () -> Dataset.randomSplit(ds, new double[] {0.5, 1.5, -1.0}));
        assertMessage("Fraction at index 0 is not between 0 and 1",
                () -> Dataset.randomSplit(ds, new double[] {1.5, -0.5}));
        assertMessage("Sum of input lengths does not equal the length of the input dataset!",
                () -> Dataset.randomSplit(ds, new double[] {0.3, 0.3, 0.3}));
        assertMessage("Length of split at index 1 is negative: -1",
                () -> Dataset.randomSplit(ds, new int[] {11, -1}));
    }

    @Test
    void subsetsPartitionTheDataset() {
        TensorDataset ds = new TensorDataset(Torch.arange(20L));
        List<Subset<Tensor[]>> parts = Dataset.randomSplit(ds, new double[] {0.5, 0.25, 0.25}, new Generator(0));
        boolean[] seen = new boolean[20];
        int total = 0;
        for (Subset<Tensor[]> s : parts) {
            for (Tensor[] sample : Dataset.toList(s)) {
                int i = (int) sample[0].item();
                assertFalse(seen[i]);
                seen[i] = true;
                total++;
            }
            assertTrue(s.dataset() == ds);
        }
        assertEquals(20, total);
        assertEquals(List.of(10, 5, 5), parts.stream().map(Subset::size).toList());
        Subset<Tensor[]> s = new Subset<>(ds, new int[] {4, 2});
        assertEquals("Subset(indices=[4, 2])", s.toString());
        assertEquals(2.0, s.get(1)[0].item());
    }
}
