package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's TinyModel against PyTorch 1.13 running the same code after {@code torch.manual_seed(0)}
 * ({@code tools/fixtures/gen_logistic.py}): the weights, gradients, step, growth over five backward passes and
 * zero_grad(set_to_none=False).
 */
class TinyModelTrainingTest {
    private static double[] expected(String key) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TinyModelTrainingTest.class.getResourceAsStream("/fixtures/logistic.properties")) {
            p.load(in);
        }
        return Arrays.stream(p.getProperty(key).split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void assertClose(double[] want, Tensor got, double rtol, String what) {
        double[] g = got.toDoubleArray();
        assertEquals(want.length, g.length, what);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], g[i], rtol * Math.max(1, Math.abs(want[i])), what + "[" + i + "]");
        }
    }

    @Test
    void matchesPyTorchStepByStep() throws IOException {
        TinyModelTraining.Result r = TinyModelTraining.run(Outputs.NOWHERE);
        assertClose(expected("tiny.w_before"), r.weightBefore(), 1e-6, "weight before");
        assertEquals(expected("tiny.loss")[0], r.loss(), 1e-5 * expected("tiny.loss")[0], "loss");
        assertClose(expected("tiny.grad"), r.grad(), 1e-5, "grad");
        assertClose(expected("tiny.w_after"), r.weightAfter(), 1e-6, "weight after step");
        assertClose(expected("tiny.grad_after_5"), r.gradAfterFive(), 1e-4, "grad after five backwards");
        assertClose(expected("tiny.grad_zeroed"), r.gradZeroed(), 0, "zeroed grad");
    }

    @Test
    void stepMovesWeightsByMinusLrTimesGradAndGradientsGrow() {
        TinyModelTraining.Result r = TinyModelTraining.run(Outputs.NOWHERE);
        double[] before = r.weightBefore().toDoubleArray();
        double[] after = r.weightAfter().toDoubleArray();
        double[] grad = r.grad().toDoubleArray();
        double[] grown = r.gradAfterFive().toDoubleArray();
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i] - 0.001 * grad[i], after[i], 1e-6, "w - lr * grad at " + i);
        }
        double n1 = Arrays.stream(grad).map(Math::abs).sum();
        double n5 = Arrays.stream(grown).map(Math::abs).sum();
        assertTrue(n5 > 2 * n1, "gradients accumulate over five backward passes without zero_grad");
        assertTrue(Arrays.stream(r.gradZeroed().toDoubleArray()).allMatch(v -> v == 0), "zero_grad(False) zeroes");
    }
}
