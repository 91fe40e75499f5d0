package io.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.awt.Color;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logistic-regression frames of seeds 000 and 003. */
class DecisionBoundaryFramesTest {

    @TempDir
    Path tmp;

    @Test
    void titleIsPythonsFormat() {
        // "Iteration: {}\nw0:{:.2f} w1:{:.2f} b: {:.2f} accuracy:{:.2%}".format(40, 2.675, -0.001, 0.125, 0.995)
        assertEquals("Iteration: 40\nw0:2.67 w1:-0.00 b: 0.12 accuracy:99.50%",
                DecisionBoundaryFrames.title(40, 2.675, -0.001, 0.125, 0.995));
    }

    /** Seed 000's data: torch.manual_seed(10); x0 = normal(1.7 * ones, 1) + 1; x1 = normal(-1.7 * ones, 1) + 1. */
    private static Tensor[] classes() {
        Torch.manualSeed(10);
        Tensor ones = Torch.ones(100, 2);
        return new Tensor[] {Torch.normal(ones.mul(1.7), 1).add(1), Torch.normal(ones.mul(-1.7), 1).add(1)};
    }

    @Test
    void framesShowBothClassesTheBoundaryAndTheLoss() {
        Tensor[] x = classes();
        DecisionBoundaryFrames frames = new DecisionBoundaryFrames(tmp, "logistic", x[0], x[1]);
        Path first = frames.add(0, 0.3, -0.2, 0.1, 0.6931, 0.5);
        Path second = frames.add(20, 1.2, 0.9, -0.3, 0.21, 0.985);
        assertEquals(List.of(tmp.resolve("logistic-000.png"), tmp.resolve("logistic-001.png")), frames.frames());
        assertEquals(first, frames.frames().get(0));

        ImageStats s = ImageStats.read(second);
        assertEquals(640, s.width());
        assertEquals(480, s.height());
        assertTrue(s.pixelsNear(Color.RED, 40) > 100 * 20, "class 0 in red (and the loss text)");
        assertTrue(s.pixelsNear(Color.BLUE, 40) > 100 * 20, "class 1 in blue");
        assertTrue(s.pixelsNear(new Color(0x1f77b4), 20) > 300, "the boundary in C0");
        // class 0 (mean 2.7) lies right of class 1 (mean -0.7); below the loss text (top left)
        assertTrue(s.pixelsNear(Color.RED, 40, 320, 120, 640, 480) > 3 * s.pixelsNear(Color.BLUE, 40, 320, 120, 640, 480));
        assertTrue(s.pixelsNear(Color.BLUE, 40, 0, 120, 320, 480) > 3 * s.pixelsNear(Color.RED, 40, 0, 120, 320, 480));
        Rectangle loss = s.boundsOf(Color.RED, 40).intersection(new Rectangle(0, 0, 320, 120));
        assertTrue(loss.width > 150, "Loss=0.2100 in 20 pt at the top left");
        assertTrue(s.distinctColors() > 20);
        assertTrue(frames.writeGif("logistic.gif", 500).toFile().isFile());
    }

    @Test
    void aHorizontalWeightGivesNoLineButStillAFrame() {
        Tensor[] x = classes();
        ImageStats s = ImageStats.of(DecisionBoundaryFrames.frame(
                new double[][] {Values.column(x[0], 0), Values.column(x[0], 1)},
                new double[][] {Values.column(x[1], 0), Values.column(x[1], 1)}, 0, 0.5, 0.0, 0.0, 0.7, 0.5).toImage());
        assertTrue(s.pixelsNear(Color.RED, 40) > 1000);
    }

    @Test
    void pointsMustBeRowsOfTwo() {
        assertThrows(IllegalArgumentException.class,
                () -> new DecisionBoundaryFrames(tmp, "x", Torch.zeros(10, 3), Torch.zeros(10, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> new DecisionBoundaryFrames(tmp, "x", Torch.zeros(10, 2), Torch.zeros(20)));
    }
}
