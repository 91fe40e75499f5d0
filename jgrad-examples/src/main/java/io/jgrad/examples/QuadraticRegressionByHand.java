package io.jgrad.examples;

import static io.jgrad.Torch.rand;

import io.jgrad.Tensor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Seed 001, section 2.6 ("使用Numpy实现机器学习"): fit {@code y = w x^2 + b} to the data by gradient descent
 * with gradients written by hand, no autograd. The tutorial's NumPy program, ported to jgrad tensors; its
 * {@code np.random.seed(100)} and {@code np.random.rand} become {@code torch.manual_seed(100)} and
 * {@code torch.rand}, drawn in the same order (the noise, then {@code w1}, then {@code b1}), so the result
 * matches PyTorch's for the same program: {@code w1} near 3, {@code b1} near 2.1.
 *
 * <p>Run: {@code java io.jgrad.examples.QuadraticRegressionByHand [plot directory, default out]}.
 * Prints {@code print(w1, b1)} and writes the data and the fit as PNG.
 */
public final class QuadraticRegressionByHand {
    private QuadraticRegressionByHand() {}

    /**
     * What a run computed.
     *
     * @param w1    the learned weight, shape (1, 1)
     * @param b1    the learned bias, shape (1, 1)
     * @param loss  the loss of the last iteration (computed before its update)
     * @param plots the PNG files written: the data, then the fit
     */
    public record Result(Tensor w1, Tensor b1, Tensor loss, List<Path> plots) {}

    /** Runs the program with its plots going to the directory given (default {@code out}). */
    public static void main(String[] args) {
        Examples.sayWhere(System.out, run(Examples.outDir(args), System.out).plots());
    }

    /** Runs the program: prints to {@code out} what the tutorial prints and writes the plots into {@code dir}. */
    public static Result run(Path dir, PrintStream out) {
        QuadraticData data = QuadraticData.make();
        Tensor x = data.x();
        Tensor y = data.y();
        Path dataPlot = data.plotData(dir, "quadratic-by-hand-data.png");   // plt.scatter(x, y); plt.show()

        // 随机初始化参数
        Tensor w1 = rand(1, 1);                               // w1 = np.random.rand(1,1)
        Tensor b1 = rand(1, 1);                               // b1 = np.random.rand(1,1)

        // 训练模型
        double lr = 0.001;                                    // lr =0.001 # 学习率
        Tensor yPred = null;
        Tensor loss = null;
        for (int i = 0; i < 800; i++) {                       // for i in range(800):
            yPred = x.pow(2).mul(w1).add(b1);                 //     y_pred = np.power(x,2)*w1 + b1
            loss = yPred.sub(y).pow(2).mul(0.5);              //     loss = 0.5 * (y_pred - y) ** 2
            loss = loss.sum();                                //     loss = loss.sum()
            Tensor gradW = yPred.sub(y).mul(x.pow(2)).sum();  //     grad_w=np.sum((y_pred - y)*np.power(x,2))
            Tensor gradB = yPred.sub(y).sum();                //     grad_b=np.sum((y_pred - y))
            w1.sub_(gradW.mul(lr));                           //     w1 -= lr * grad_w
            b1.sub_(gradB.mul(lr));                           //     b1 -= lr * grad_b
        }
        Path fitPlot = data.plotFit(dir, "quadratic-by-hand-fit.png", yPred);   // plt.plot(x, y_pred,'r-',label='predict') ...
        out.println(Py.print(w1, b1));                        // print(w1,b1)
        return new Result(w1, b1, loss, List.of(dataPlot, fitPlot));
    }
}
