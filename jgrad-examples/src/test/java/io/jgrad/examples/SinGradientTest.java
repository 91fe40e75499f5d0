package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Tensor;
import io.jgrad.viz.ImageStats;
import java.awt.Rectangle;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 004's sin example, against the same program run with PyTorch 1.13. */
class SinGradientTest {
    private static final PyTorchRun PYTORCH = PyTorchRun.of("SinGradient");

    @TempDir
    Path dir;

    @Test
    void printsWhatPyTorchPrints() {
        // every tensor, the next_functions walk ("((<MulBackward0>, 0), (None, 0))" ... "()") and a.grad
        assertEquals(PYTORCH.stdout(), Outputs.printed(out -> SinGradient.run(dir, out)));
    }

    @Test
    void gradientIsTwoCosA() {
        SinGradient.Result r = SinGradient.run(dir, Outputs.NOWHERE);
        Tensor expected = r.a().detach().cos().mul(2);
        assertTrue(r.a().grad().allclose(expected, 1e-5, 1e-6), r.a().grad().toString());
    }

    @Test
    void plotsSinAndItsGradient() {
        SinGradient.Result r = SinGradient.run(dir, Outputs.NOWHERE);
        assertEquals(2, r.plots().size());
        ImageStats sin = Outputs.assertPlot(dir, "sin.png", r.plots().get(0));
        ImageStats grad = Outputs.assertPlot(dir, "sin-grad.png", r.plots().get(1));
        // sin(a) starts half-way up its curve; 2 cos(a) starts at its top
        assertEquals(0.5, startHeight(sin), 0.1);
        assertEquals(0.0, startHeight(grad), 0.1);
    }

    /** Where the curve (in C0) starts, from 0 at the top of its range to 1 at the bottom. */
    private static double startHeight(ImageStats s) {
        Rectangle curve = s.boundsOf(Outputs.C0, 20);
        for (int y = curve.y; y < curve.y + curve.height; y++) {
            if (s.pixelsNear(Outputs.C0, 20, curve.x, y, curve.x + 2, y + 1) > 0) {
                return (y - curve.y) / (double) curve.height;
            }
        }
        throw new AssertionError("no curve at its left end");
    }
}
