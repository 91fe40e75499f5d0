package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.Generator;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.data.DataLoader;
import io.jgrad.data.TensorDataset;
import io.jgrad.nn.Parameter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole training loop as in PyTorch ({@code fixtures/optim/training.txt}, from
 * {@code tools/fixtures/gen_optim.py}): data drawn with {@code manualSeed(0)} and {@code randn}, a shuffled
 * DataLoader with its own seeded generator, SGD with momentum and StepLR for five epochs. The data, the batch
 * order, the per-epoch losses, the learning rates and the final weights agree with PyTorch's.
 */
class TrainingLoopTest {

    @Test
    void trainsLikePyTorch() throws IOException {
        Map<String, String[]> f = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/fixtures/optim/training.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] t = line.split(" ");
                if (!line.startsWith("#")) {
                    f.put(t[0] + " " + t[1], t);
                }
            }
        }
        // torch.manual_seed(0); x = torch.randn(64, 3); y = x @ true_w + 0.3 + 0.1 * torch.randn(64, 1)
        Torch.manualSeed(0);
        Tensor x = Torch.randn(64, 3);
        Tensor trueW = Torch.tensor(new double[][] {{1.5}, {-2.0}, {0.5}});
        Tensor y = x.matmul(trueW).add(0.3).add(Torch.randn(64, 1).mul(0.1));
        Tensor w0 = Torch.randn(3, 1).mul(0.1);
        assertArrayEquals(OptimizerFixtures.doubles(f.get("data x")[3]), x.toDoubleArray(), 0.0, "randn as PyTorch's");
        assertArrayEquals(OptimizerFixtures.doubles(f.get("data y")[3]), y.toDoubleArray(), 1e-6);
        assertArrayEquals(OptimizerFixtures.doubles(f.get("data w0")[3]), w0.toDoubleArray(), 0.0);

        Parameter w = new Parameter(w0.clone());
        Parameter b = new Parameter(Torch.zeros(1));
        DataLoader loader = new DataLoader(new TensorDataset(x, y), 16, true, new Generator(1));
        SGD opt = new SGD(List.of(w, b), 0.05, 0.9);
        StepLR sched = new StepLR(opt, 2, 0.5);
        for (int epoch = 0; epoch < 5; epoch++) {
            double total = 0;
            for (Tensor[] batch : loader) {
                opt.zeroGrad();
                Tensor loss = batch[0].matmul(w).add(b).sub(batch[1]).pow(2).mean();
                loss.backward();
                opt.step();
                total += loss.item();
            }
            sched.step();
            String[] e = f.get("epoch " + epoch);
            assertEquals(Double.parseDouble(e[2]), total, 1e-5, "epoch " + epoch + " loss");
            assertEquals(Double.parseDouble(e[3]), sched.getLastLr().get(0), 1e-15, "epoch " + epoch + " lr");
        }
        assertArrayEquals(OptimizerFixtures.doubles(f.get("final w")[3]), w.toDoubleArray(), 1e-6);
        assertArrayEquals(OptimizerFixtures.doubles(f.get("final b")[3]), b.toDoubleArray(), 1e-6);
    }
}
