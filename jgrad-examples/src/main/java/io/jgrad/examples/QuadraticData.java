package io.jgrad.examples;

import static io.jgrad.Torch.linspace;
import static io.jgrad.Torch.manualSeed;
import static io.jgrad.Torch.rand;
import static io.jgrad.Torch.unsqueeze;

import io.jgrad.Tensor;
import io.jgrad.viz.Figure;
import java.nio.file.Path;

/**
 * The data and plots of seed 001's regressions (sections 2.6 and 2.7): 100 points of
 * {@code y = 3x^2 + 2} plus noise, {@code 0.2 * rand}, on {@code x} in [-1, 1].
 *
 * @param x the inputs, shape (100, 1)
 * @param y the targets, shape (100, 1)
 */
record QuadraticData(Tensor x, Tensor y) {

    /** The tutorial's data, drawn after {@code torch.manual_seed(100)}. */
    static QuadraticData make() {
        manualSeed(100);                                      // torch.manual_seed(100)
        Tensor x = unsqueeze(linspace(-1, 1, 100), 1);       // x = torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1)
        Tensor y = x.pow(2).mul(3).add(2).add(rand(x.shape()).mul(0.2));   // y = 3*x.pow(2) +2+ 0.2*torch.rand(x.size())
        return new QuadraticData(x, y);
    }

    /** {@code plt.scatter(x.numpy(), y.numpy()); plt.show()}, written to {@code dir/fileName}. */
    Path plotData(Path dir, String fileName) {
        return new Figure().scatter(x, y).savefig(dir, fileName);
    }

    /**
     * The fit, written to {@code dir/fileName}:
     * <pre>
     * plt.plot(x.numpy(), y_pred.detach().numpy(),'r-',label='predict')
     * plt.scatter(x.numpy(), y.numpy(),color='blue',marker='o',label='true')
     * plt.xlim(-1,1)
     * plt.ylim(2,6)
     * plt.legend()
     * </pre>
     */
    Path plotFit(Path dir, String fileName, Tensor yPred) {
        return new Figure()
                .plot(x, yPred, "r-", "predict")
                .scatter(x, y, "blue", "true")
                .xlim(-1, 1)
                .ylim(2, 6)
                .legend()
                .savefig(dir, fileName);
    }
}
