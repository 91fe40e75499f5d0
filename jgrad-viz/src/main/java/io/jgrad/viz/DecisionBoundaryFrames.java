package io.jgrad.viz;

import io.jgrad.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The frames of the tutorials' logistic regression (seeds 000 and 003): every 20 iterations, the two classes'
 * points, the decision boundary {@code w0 * x + w1 * y + b = 0}, the loss and a two-line title, each frame
 * written as a numbered PNG (see {@link FrameSequence}). {@link #frame} is the tutorial's block of
 * {@code plt} calls:
 *
 * <pre>{@code
 * plt.scatter(x0.data.numpy()[:, 0], x0.data.numpy()[:, 1], c='r', label='class 0')
 * plt.scatter(x1.data.numpy()[:, 0], x1.data.numpy()[:, 1], c='b', label='class 1')
 * plot_x = np.arange(-6, 6, 0.1)
 * plot_y = (-w0 * plot_x - plot_b) / w1
 * plt.xlim(-5, 7)
 * plt.ylim(-7, 7)
 * plt.plot(plot_x, plot_y)
 * plt.text(-5, 5, 'Loss=%.4f' % loss.data.numpy(), fontdict={'size': 20, 'color': 'red'})
 * plt.title("Iteration: {}\nw0:{:.2f} w1:{:.2f} b: {:.2f} accuracy:{:.2%}".format(iteration, w0, w1, plot_b, acc))
 * plt.legend()
 * }</pre>
 *
 * In Java, inside the training loop:
 *
 * <pre>{@code
 * DecisionBoundaryFrames frames = new DecisionBoundaryFrames(Path.of("out"), "logistic", x0, x1);
 * ...
 * if (iteration % 20 == 0) {
 *     frames.add(iteration, w0, w1, plotB, loss.item(), acc);     // out/logistic-000.png, -001, ...
 * }
 * ...
 * frames.writeGif("logistic.gif", 500);                           // plt.pause(0.5)
 * }</pre>
 */
public final class DecisionBoundaryFrames {
    private final FrameSequence frames;
    private final double[][] class0;
    private final double[][] class1;

    /**
     * Frames of the points {@code x0} (class 0) and {@code x1} (class 1), each an {@code (n, 2)} tensor of
     * (feature 0, feature 1) rows, written into {@code dir} as {@code prefix-000.png}, ...
     *
     * @throws IllegalArgumentException if {@code x0} or {@code x1} is not 2-D with two columns
     */
    public DecisionBoundaryFrames(Path dir, String prefix, Tensor x0, Tensor x1) {
        this.frames = new FrameSequence(dir, prefix);
        this.class0 = points(x0);
        this.class1 = points(x1);
    }

    private static double[][] points(Tensor t) {
        if (t.dim() != 2 || t.size(1) != 2) {
            throw new IllegalArgumentException("expected an (n, 2) tensor of points, got shape "
                    + Arrays.toString(t.shape()));
        }
        return new double[][] {Values.column(t, 0), Values.column(t, 1)};
    }

    /**
     * Renders and writes the frame of one iteration.
     *
     * @param iteration the training iteration, shown in the title
     * @param w0       the weight of feature 0 ({@code lr_net.features.weight[0][0]})
     * @param w1       the weight of feature 1
     * @param b        the bias ({@code lr_net.features.bias[0]})
     * @param loss     the loss, shown as {@code Loss=%.4f}
     * @param accuracy the fraction classified right, shown as a percentage
     * @return the path of the frame
     */
    public Path add(int iteration, double w0, double w1, double b, double loss, double accuracy) {
        return frames.add(frame(class0, class1, iteration, w0, w1, b, loss, accuracy));
    }

    /** The frames written so far, in order. */
    public List<Path> frames() {
        return frames.frames();
    }

    /** An animated GIF of the frames written so far; see {@link FrameSequence#writeGif}. */
    public Path writeGif(String fileName, int delayMillis) {
        return frames.writeGif(fileName, delayMillis);
    }

    /**
     * The figure of one iteration: the tutorial's block of {@code plt} calls (see the class comment).
     *
     * @param class0 {@code {x values, y values}} of class 0's points, drawn in red
     * @param class1 the same for class 1, drawn in blue
     * @see #add
     */
    public static Figure frame(double[][] class0, double[][] class1, int iteration, double w0, double w1, double b,
            double loss, double accuracy) {
        double[] plotX = new double[120];                  // np.arange(-6, 6, 0.1)
        double[] plotY = new double[plotX.length];
        for (int i = 0; i < plotX.length; i++) {
            plotX[i] = -6 + i * 0.1;
            plotY[i] = (-w0 * plotX[i] - b) / w1;          // plot_y = (-w0 * plot_x - plot_b) / w1
        }
        return new Figure()
                .scatter(class0[0], class0[1], "r", "class 0")
                .scatter(class1[0], class1[1], "b", "class 1")
                .xlim(-5, 7)
                .ylim(-7, 7)
                .plot(plotX, plotY)
                .text(-5, 5, "Loss=" + PyFormat.fixed(loss, 4), 20, "red")
                .title(title(iteration, w0, w1, b, accuracy))
                .legend();
    }

    /** {@code "Iteration: {}\nw0:{:.2f} w1:{:.2f} b: {:.2f} accuracy:{:.2%}".format(iteration, w0, w1, plot_b, acc)}. */
    static String title(int iteration, double w0, double w1, double b, double accuracy) {
        return "Iteration: " + iteration + "\nw0:" + PyFormat.fixed(w0, 2) + " w1:" + PyFormat.fixed(w1, 2)
                + " b: " + PyFormat.fixed(b, 2) + " accuracy:" + PyFormat.percent(accuracy, 2);
    }
}
