package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.viz.ImageStats;
import java.awt.Color;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 001, section 2.7, against the same program run with PyTorch 1.13 (w near 3, b near 2.1). */
class QuadraticRegressionAutogradTest {
    private static final PyTorchRun PYTORCH = PyTorchRun.of("QuadraticRegressionAutograd");

    @TempDir
    Path dir;

    @Test
    void printsAndLearnsWhatPyTorchDoes() {
        QuadraticRegressionAutograd.Result[] r = new QuadraticRegressionAutograd.Result[1];
        String printed = Outputs.printed(out -> r[0] = QuadraticRegressionAutograd.run(dir, out));

        // print(w, b) -> tensor([[2.9645]], requires_grad=True) tensor([[2.1146]], requires_grad=True)
        assertEquals(PYTORCH.stdout(), printed);
        // the same random numbers and float32 arithmetic: w and b equal PyTorch's to the last bit today; the
        // tolerance of a few float32 ulps leaves room for another summation order (as the loss shows, 1 ulp off)
        Outputs.assertUlps(PYTORCH.value("w"), r[0].w().item(), 4);
        Outputs.assertUlps(PYTORCH.value("b"), r[0].b().item(), 4);
        Outputs.assertUlps(PYTORCH.value("loss"), r[0].loss().item(), 4);
        assertEquals(3.0, r[0].w().item(), 0.1);
        assertEquals(2.1, r[0].b().item(), 0.05);
        assertTrue(r[0].w().isLeaf() && r[0].w().requiresGrad());
        assertNull(r[0].w().gradFn());
    }

    @Test
    void plotsTheDataAndTheFit() {
        QuadraticRegressionAutograd.Result r = QuadraticRegressionAutograd.run(dir, Outputs.NOWHERE);
        assertEquals(2, r.plots().size());
        ImageStats data = Outputs.assertPlot(dir, "quadratic-autograd-data.png", r.plots().get(0));
        assertTrue(data.pixelsNear(Outputs.C0, 20) > 100 * 20, "100 points in C0");
        ImageStats fit = Outputs.assertPlot(dir, "quadratic-autograd-fit.png", r.plots().get(1));
        assertTrue(fit.pixelsNear(Color.RED, 40) > 500, "the red 'predict' line");
        assertTrue(fit.pixelsNear(Color.BLUE, 40) > 100 * 20, "the blue 'true' points");
    }
}
