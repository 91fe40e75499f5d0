package io.jgrad.examples;

import static io.jgrad.Torch.tensor;

import io.jgrad.Tensor;
import io.jgrad.viz.Figure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Seed 002, "梯度下降法简单应用": minimise {@code f(x1, x2) = (x1-10)^2 + (x2+5)^2} from (1, 1) with step
 * {@code alpha = 0.5} for 10 iterations, updating the leaves through {@code x.data} so that they stay leaves.
 * The tutorial never zeroes the gradients, so they add up: x1 cycles 1, 10, 19, 19, 10, 1, ... and happens to
 * end at the minimum (10, -5) after 10 steps. The plot shows that path.
 *
 * <p>Run: {@code java io.jgrad.examples.GradientDescentTwoVariables [plot directory, default out]}.
 * Prints {@code print(x1, x2)} and writes {@code gradient-descent.png}.
 */
public final class GradientDescentTwoVariables {
    private GradientDescentTwoVariables() {}

    /**
     * What a run computed.
     *
     * @param x1    the final x1, shape (1), a leaf requiring grad
     * @param x2    the final x2
     * @param path1 x1 at the start and after each update (11 values)
     * @param path2 x2 at the start and after each update
     * @param plots the PNG file written
     */
    public record Result(Tensor x1, Tensor x2, double[] path1, double[] path2, List<Path> plots) {}

    /** Runs the program with its plot going to the directory given (default {@code out}). */
    public static void main(String[] args) {
        Examples.sayWhere(System.out, run(Examples.outDir(args), System.out).plots());
    }

    /** Runs the program: prints to {@code out} what the tutorial prints and writes the plot into {@code dir}. */
    public static Result run(Path dir, PrintStream out) {
        // 初始化
        Tensor x1 = tensor(1.0).requiresGrad_();             // x1 = torch.tensor([1],dtype=torch.float,requires_grad=True)
        Tensor x2 = tensor(1.0).requiresGrad_();             // x2 = torch.tensor([1],dtype=torch.float,requires_grad=True)
        double alpha = 0.5;                                  // alpha = 0.5   # 学习率
        int n = 10;                                          // n = 10        # 迭代次数

        double[] path1 = new double[n + 1];
        double[] path2 = new double[n + 1];
        path1[0] = x1.item();
        path2[0] = x2.item();
        for (int epoch = 0; epoch < n; epoch++) {            // for epoch in range(n):
            Tensor f = x1.sub(10).pow(2).add(x2.add(5).pow(2));   // f = (x1-10)**2 + (x2+5)**2
            f.backward();                                    //     f.backward()
            x1.setData(x1.data().sub(x1.grad().mul(alpha))); //     x1.data = x1.data - alpha * x1.grad
            x2.setData(x2.data().sub(x2.grad().mul(alpha))); //     x2.data = x2.data - alpha * x2.grad
            path1[epoch + 1] = x1.item();
            path2[epoch + 1] = x2.item();
        }
        out.println(Py.print(x1, x2));                       // print(x1,x2)
        return new Result(x1, x2, path1, path2, List.of(plot(dir, path1, path2)));
    }

    private static Path plot(Path dir, double[] path1, double[] path2) {
        double[] epochs = new double[path1.length];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i;
        }
        double[] ends = {0, path1.length - 1};
        return new Figure()
                .plot(epochs, path1, "o-", "x1")
                .plot(epochs, path2, "s-", "x2")
                .plot(ends, new double[] {10, 10}, "k:", "minimum: x1 = 10, x2 = -5")
                .plot(ends, new double[] {-5, -5}, "k:", null)
                .title("Gradient descent on (x1-10)^2 + (x2+5)^2, alpha = 0.5\n"
                        + "x.grad is never zeroed, so the steps add up")
                .xlabel("update")
                .legend()
                .savefig(dir, "gradient-descent.png");
    }
}
