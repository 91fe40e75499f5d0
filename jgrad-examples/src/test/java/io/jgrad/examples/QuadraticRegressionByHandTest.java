package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.viz.ImageStats;
import java.awt.Color;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 001, section 2.6 (hand-written gradients), against the same program on PyTorch 1.13 tensors. */
class QuadraticRegressionByHandTest {
    private static final PyTorchRun PYTORCH = PyTorchRun.of("QuadraticRegressionByHand");

    @TempDir
    Path dir;

    @Test
    void printsAndLearnsWhatPyTorchDoes() {
        QuadraticRegressionByHand.Result[] r = new QuadraticRegressionByHand.Result[1];
        String printed = Outputs.printed(out -> r[0] = QuadraticRegressionByHand.run(dir, out));

        assertEquals(PYTORCH.stdout(), printed);              // print(w1,b1) -> tensor([[2.9648]]) tensor([[2.1146]])
        Outputs.assertUlps(PYTORCH.value("w1"), r[0].w1().item(), 4);
        Outputs.assertUlps(PYTORCH.value("b1"), r[0].b1().item(), 4);
        Outputs.assertUlps(PYTORCH.value("loss"), r[0].loss().item(), 4);
        assertFalse(r[0].w1().requiresGrad() || r[0].b1().requiresGrad(), "no autograd here");
    }

    @Test
    void agreesWithTheAutogradVersion() {
        QuadraticRegressionByHand.Result byHand = QuadraticRegressionByHand.run(dir, Outputs.NOWHERE);
        QuadraticRegressionAutograd.Result auto = QuadraticRegressionAutograd.run(dir, Outputs.NOWHERE);
        // different starting points (rand vs randn and zeros), the same minimum, nearly reached in 800 steps
        assertEquals(auto.w().item(), byHand.w1().item(), 1e-3);
        assertEquals(auto.b().item(), byHand.b1().item(), 1e-3);
    }

    @Test
    void plotsTheDataAndTheFit() {
        QuadraticRegressionByHand.Result r = QuadraticRegressionByHand.run(dir, Outputs.NOWHERE);
        assertEquals(2, r.plots().size());
        ImageStats data = Outputs.assertPlot(dir, "quadratic-by-hand-data.png", r.plots().get(0));
        assertTrue(data.pixelsNear(Outputs.C0, 20) > 100 * 20, "100 points in C0");
        ImageStats fit = Outputs.assertPlot(dir, "quadratic-by-hand-fit.png", r.plots().get(1));
        assertTrue(fit.pixelsNear(Color.RED, 40) > 500, "the red 'predict' line");
        assertTrue(fit.pixelsNear(Color.BLUE, 40) > 100 * 20, "the blue 'true' points");
    }
}
