package io.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Rendering of {@link Figure}: what each pyplot call puts in the picture. */
class FigureTest {

    private static final Color RED = Color.RED;
    private static final Color C0 = new Color(0x1f77b4);
    private static final Color C1 = new Color(0xff7f0e);

    private static ImageStats stats(Figure f) {
        return ImageStats.of(f.toImage());
    }

    /** Red pixels of a red point drawn at (x, y) in axes limited to [0, 10] x [0, 10]. */
    private static Rectangle redPointAt(double x, double y) {
        Figure f = new Figure().scatter(new double[] {x}, new double[] {y}, "r", null).xlim(0, 10).ylim(0, 10);
        return stats(f).boundsOf(RED, 40);
    }

    @Test
    void rendersHeadless() {
        new Figure();
        assertTrue(GraphicsEnvironment.isHeadless());
        assertEquals("true", System.getProperty("java.awt.headless"));
    }

    @Test
    void emptyFigureHasMatplotlibsSizeAndAxes() {
        Figure f = new Figure();
        BufferedImage image = f.toImage();
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(0, 0));
        assertTrue(ImageStats.of(image).nonWhitePixels() > 1000, "the axes frame and tick labels are drawn");
    }

    @Test
    void sizeInPixels() {
        BufferedImage image = new Figure(320, 240).plot(new double[] {0, 1}, new double[] {0, 1}).toImage();
        assertEquals(320, image.getWidth());
        assertEquals(240, image.getHeight());
        assertThrows(IllegalArgumentException.class, () -> new Figure(50, 480));
    }

    @Test
    void scatterInTheColourGiven() {
        ImageStats s = stats(new Figure().scatter(new double[] {1, 2, 3}, new double[] {3, 1, 2}, "r", "points"));
        assertTrue(s.pixelsNear(RED, 40) > 3 * 20, "three red markers");
        assertEquals(0, s.pixelsNear(C0, 10));
    }

    @Test
    void seriesWithoutColourFollowTheCycle() {
        double[] x = {0, 1, 2};
        ImageStats s = stats(new Figure().plot(x, new double[] {0, 1, 2}).scatter(x, new double[] {2, 1, 0}));
        assertTrue(s.pixelsNear(C0, 10) > 50, "first series in C0 (tab:blue)");
        assertTrue(s.pixelsNear(C1, 10) > 50, "second series in C1 (tab:orange)");
    }

    @Test
    void explicitColoursDoNotAdvanceTheCycle() {
        double[] x = {0, 1, 2};
        ImageStats s = stats(new Figure().scatter(x, x, "r", null).plot(x, new double[] {2, 1, 0}));
        assertTrue(s.pixelsNear(C0, 10) > 50, "the plot after a red scatter still gets C0, as in matplotlib");
        assertEquals(0, s.pixelsNear(C1, 10));
    }

    @Test
    void limitsPlacePointsAndClipTheRest() {
        Rectangle left = redPointAt(2.5, 5);
        Rectangle mid = redPointAt(5, 5);
        Rectangle right = redPointAt(7.5, 5);
        assertEquals((left.getCenterX() + right.getCenterX()) / 2, mid.getCenterX(), 1.5);
        assertTrue(left.getCenterX() < mid.getCenterX() && mid.getCenterX() < right.getCenterX());
        Rectangle low = redPointAt(5, 2.5);
        assertTrue(low.getCenterY() > mid.getCenterY(), "larger y is higher up");
        assertEquals(mid.getCenterX(), low.getCenterX(), 1.0);
        assertNull(redPointAt(15, 5), "outside xlim: clipped");
        assertNull(redPointAt(5, -3), "outside ylim: clipped");
    }

    @Test
    void limitsMustBeOrdered() {
        assertThrows(IllegalArgumentException.class, () -> new Figure().xlim(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Figure().ylim(2, Double.NaN));
    }

    @Test
    void textAtADataPositionInItsColour() {
        Figure f = new Figure().plot(new double[] {0, 10}, new double[] {0, 10}).xlim(0, 10).ylim(0, 10);
        Rectangle atZero = stats(f.text(0, 8, "Loss=0.1234", 20, "red")).boundsOf(RED, 60);
        assertNotNull(atZero);
        Rectangle atFive = stats(new Figure().xlim(0, 10).ylim(0, 10).text(5, 8, "Loss=0.1234", 20, "red"))
                .boundsOf(RED, 60);
        assertEquals(atZero.width, atFive.width, 2, "same text, same size");
        assertTrue(atFive.x > atZero.x + 200, "the text starts at its x: left-aligned, not centred");
        assertTrue(atZero.height > 15, "20 pt text is about 28 pixels tall: " + atZero.height);
        Rectangle small = stats(new Figure().xlim(0, 10).ylim(0, 10).text(0, 8, "Loss=0.1234", 10, "red"))
                .boundsOf(RED, 60);
        assertTrue(small.width < atZero.width * 0.7, "font size in points");
    }

    @Test
    void titleWithTwoLines() {
        assertEquals(1, titleLines(new Figure().title("Iteration: 0")));
        assertEquals(2, titleLines(new Figure().title("Iteration: 0\nw0:0.00 w1:0.00 b: 0.00 accuracy:50.00%")));
        assertEquals(0, titleLines(new Figure()));
    }

    /** Bands of rows with dark pixels above the axes. */
    private static int titleLines(Figure f) {
        BufferedImage image = f.toImage();
        ImageStats s = ImageStats.of(image);
        int plotTop = 0;
        while (s.pixelsNear(Color.BLACK, 0, 100, plotTop, 540, plotTop + 1) < 300) {
            plotTop++;                                // the axes' top border: a long black row
        }
        int bands = 0;
        boolean inBand = false;
        for (int y = 0; y < plotTop; y++) {
            boolean dark = s.pixelsNear(Color.BLACK, 100, 0, y, image.getWidth(), y + 1) > 0;
            bands += dark && !inBand ? 1 : 0;
            inBand = dark;
        }
        return bands;
    }

    @Test
    void legendOnlyWhenAskedAndLabelled() {
        double[] x = {0, 1, 2};
        double[] y = {2, 1, 0};                       // falling: the upper right is free for the legend
        BufferedImage none = new Figure().scatter(x, y, "r", "class 0").toImage();
        BufferedImage legend = new Figure().scatter(x, y, "r", "class 0").legend().toImage();
        BufferedImage unlabelled = new Figure().scatter(x, y, "r", null).legend().toImage();
        int topRight = 640 - 150;
        assertTrue(nonWhite(legend, topRight) > nonWhite(none, topRight) + 100, "legend box and entry at the top right");
        assertArrayEquals(pixels(new Figure().scatter(x, y, "r", null).toImage()), pixels(unlabelled),
                "plt.legend() with no labelled artist draws nothing");
        BufferedImage rising = new Figure().scatter(x, x, "r", "class 0").legend().toImage();
        assertTrue(nonWhite(rising, 640 - 150) < nonWhite(legend, 640 - 150), "loc='best' avoids the point at the upper right");
    }

    /** Pixels that are not white in the top 120 rows right of {@code fromX}. */
    private static int nonWhite(BufferedImage image, int fromX) {
        int area = (image.getWidth() - fromX) * 120;
        return area - ImageStats.of(image).pixelsNear(Color.WHITE, 0, fromX, 0, image.getWidth(), 120);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void tensorsPlotTheirDetachedValues() {
        Tensor x = Torch.linspace(0, 6, 25).requiresGrad_();
        Tensor y = x.sin();                           // has a grad_fn: plotted detached
        double[] xs = x.detach().toDoubleArray();
        double[] ys = y.detach().toDoubleArray();
        assertArrayEquals(pixels(new Figure().plot(xs, ys).scatter(xs, ys, "k", "pts").toImage()),
                pixels(new Figure().plot(x, y).scatter(x, y, "k", "pts").toImage()));
        assertArrayEquals(pixels(new Figure().plot(xs, ys, "r--", "l").scatter(xs, ys).toImage()),
                pixels(new Figure().plot(x, y, "r--", "l").scatter(x, y).toImage()));
        Tensor column = Torch.unsqueeze(Torch.linspace(-1, 1, 5), 1);   // (5, 1), as seed 001's x
        assertArrayEquals(pixels(new Figure().scatter(column.toDoubleArray(), column.toDoubleArray()).toImage()),
                pixels(new Figure().scatter(column, column).toImage()));
    }

    @Test
    void lengthsMustMatchWithMatplotlibsMessages() {
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> new Figure().scatter(new double[3], new double[2]));
        assertEquals("x and y must be the same size", s.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> new Figure().plot(new double[3], new double[2]));
        assertEquals("x and y must have same first dimension, but have shapes (3,) and (2,)", p.getMessage());
    }

    @Test
    void nonFinitePointsAreSkipped() {
        double[] x = {0, 1, 2, 3, Double.NaN};
        double[] y = {0, Double.POSITIVE_INFINITY, 2, Double.NaN, 4};
        ImageStats s = stats(new Figure().plot(x, y, "r-o", null));
        assertTrue(s.pixelsNear(RED, 40) > 40, "the finite points are still drawn");
    }
}
