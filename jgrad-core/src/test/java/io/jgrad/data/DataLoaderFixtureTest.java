package io.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.DType;
import io.jgrad.Generator;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DataLoader batch orders and randomSplit subsets against PyTorch 1.13 ({@code fixtures/data/loader.txt},
 * written by {@code tools/fixtures/gen_data.py}; the format is described there), including how many numbers
 * each draws from the default generator (checked with the {@code torch.rand(())} drawn afterwards).
 */
class DataLoaderFixtureTest {

    /** A loader or split case: its header line and the lines that follow it. */
    record Case(String[] header, List<String[]> lines) {
        @Override
        public String toString() {
            return String.join(" ", header);
        }
    }

    static List<Case> load(String kind) {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                DataLoaderFixtureTest.class.getResourceAsStream("/fixtures/data/loader.txt"),
                StandardCharsets.UTF_8))) {
            Case c = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] t = line.split(" ", -1);
                if (t[0].equals("loader") || t[0].equals("split")) {
                    c = new Case(t, new ArrayList<>());
                    if (t[0].equals(kind)) {
                        cases.add(c);
                    }
                } else {
                    c.lines().add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    static Stream<Case> loaders() {
        return load("loader").stream();
    }

    static Stream<Case> splits() {
        return load("split").stream();
    }

    static TensorDataset dataset(int n) {
        Tensor idx = Torch.arange((long) n);
        return new TensorDataset(idx, idx.mul(0.5));
    }

    static float rand() {
        return Torch.rand(new int[0], DType.FLOAT32).toFloatArray()[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loaders")
    void batchesMatchPyTorch(Case c) {
        String[] h = c.header();
        int n = Integer.parseInt(h[1]);
        int batch = Integer.parseInt(h[2]);
        boolean shuffle = h[3].equals("1");
        boolean dropLast = h[4].equals("1");
        long seed = Long.parseLong(h[6]);
        Torch.manualSeed(1000 + seed);
        Generator g = null;
        if (h[5].equals("gen")) {
            g = new Generator(seed);
        } else {
            Torch.manualSeed(seed);
        }
        int take = Integer.parseInt(h[8]);
        DataLoader loader = new DataLoader(dataset(n), batch, shuffle, dropLast, g);
        for (String[] line : c.lines()) {
            if (line[0].equals("epoch")) {
                List<String> batches = new ArrayList<>();
                for (Tensor[] b : loader) {
                    assertEquals(b[0].numel(), b[1].numel());
                    assertArrayEquals(b[0].mul(0.5).toFloatArray(), b[1].toFloatArray());
                    StringBuilder sb = new StringBuilder();
                    for (long i : b[0].toLongArray()) {
                        sb.append(sb.length() == 0 ? "" : ",").append(i);
                    }
                    batches.add(sb.toString());
                    if (batches.size() == take) {
                        break;
                    }
                }
                assertEquals(line[2], String.join(";", batches), c + " epoch " + line[1]);
                if (take == 0) {
                    assertEquals(loader.size(), batches.size(), "size() is the number of batches");
                }
            } else {
                assertEquals(Float.parseFloat(line[1]), rand(), c + ": default generator afterwards");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void randomSplitMatchesPyTorch(Case c) {
        String[] h = c.header();
        int n = Integer.parseInt(h[1]);
        long seed = Long.parseLong(h[4]);
        Dataset<Tensor[]> ds = dataset(n);
        List<Subset<Tensor[]>> parts;
        Generator g = h[3].equals("gen") ? new Generator(seed) : null;
        if (g == null) {
            Torch.manualSeed(seed);
        }
        if (h[2].contains(".")) {
            double[] fractions = java.util.Arrays.stream(h[2].split(",")).mapToDouble(Double::parseDouble).toArray();
            parts = g == null ? Dataset.randomSplit(ds, fractions) : Dataset.randomSplit(ds, fractions, g);
        } else {
            int[] lengths = java.util.Arrays.stream(h[2].split(",")).mapToInt(Integer::parseInt).toArray();
            parts = g == null ? Dataset.randomSplit(ds, lengths) : Dataset.randomSplit(ds, lengths, g);
        }
        int k = 0;
        for (String[] line : c.lines()) {
            if (line[0].equals("subset")) {
                Subset<Tensor[]> s = parts.get(k++);
                StringBuilder sb = new StringBuilder();
                for (int i : s.indices()) {
                    sb.append(sb.length() == 0 ? "" : ",").append(i);
                }
                assertEquals(line[1], sb.toString(), c + " subset " + (k - 1));
                for (int i = 0; i < s.size(); i++) {
                    assertEquals(s.indices()[i], s.get(i)[0].item(), "the subset's samples");
                }
            } else if (g == null) {
                assertEquals(Float.parseFloat(line[1]), rand(), c + ": default generator afterwards");
            }
        }
        assertEquals(k, parts.size());
    }
}
