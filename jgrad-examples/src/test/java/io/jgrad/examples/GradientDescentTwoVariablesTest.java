package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.viz.ImageStats;
import java.awt.Color;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 002, gradient descent through {@code x.data}, against the same program on PyTorch 1.13. */
class GradientDescentTwoVariablesTest {
    private static final PyTorchRun PYTORCH = PyTorchRun.of("GradientDescentTwoVariables");

    @TempDir
    Path dir;

    @Test
    void printsWhatPyTorchPrints() {
        GradientDescentTwoVariables.Result[] r = new GradientDescentTwoVariables.Result[1];
        String printed = Outputs.printed(out -> r[0] = GradientDescentTwoVariables.run(dir, out));
        // print(x1,x2) -> tensor([10.], requires_grad=True) tensor([-5.], requires_grad=True)
        assertEquals(PYTORCH.stdout(), printed);
        assertEquals(PYTORCH.value("x1"), r[0].x1().item());
        assertEquals(PYTORCH.value("x2"), r[0].x2().item());
        assertTrue(r[0].x1().isLeaf() && r[0].x1().requiresGrad(), "updates through .data keep x1 a leaf");
    }

    @Test
    void followsPyTorchsPath() {
        GradientDescentTwoVariables.Result r = GradientDescentTwoVariables.run(dir, Outputs.NOWHERE);
        // the gradients are never zeroed, so the steps add up: 1, 10, 19, 19, 10, 1, 1, 10, ...
        assertArrayEquals(PYTORCH.values("path.x1"), r.path1());
        assertArrayEquals(PYTORCH.values("path.x2"), r.path2());
    }

    @Test
    void plotsThePath() {
        GradientDescentTwoVariables.Result r = GradientDescentTwoVariables.run(dir, Outputs.NOWHERE);
        assertEquals(1, r.plots().size());
        ImageStats s = Outputs.assertPlot(dir, "gradient-descent.png", r.plots().get(0));
        assertTrue(s.pixelsNear(Outputs.C0, 20) > 500, "x1 in C0");
        assertTrue(s.pixelsNear(new Color(0xff7f0e), 20) > 500, "x2 in C1");
    }
}
