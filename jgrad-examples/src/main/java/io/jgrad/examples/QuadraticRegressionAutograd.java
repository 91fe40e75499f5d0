package io.jgrad.examples;

import static io.jgrad.Torch.noGrad;
import static io.jgrad.Torch.randn;
import static io.jgrad.Torch.zeros;

import io.jgrad.Tensor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Seed 001, section 2.7 ("使用Tensor及antograd实现机器学习"): the same fit of {@code y = w x^2 + b} as
 * {@link QuadraticRegressionByHand}, with autograd computing the gradients. After
 * {@code torch.manual_seed(100)} jgrad draws PyTorch's random numbers, so it prints what PyTorch 1.13 prints:
 * {@code tensor([[2.9645]], requires_grad=True) tensor([[2.1146]], requires_grad=True)}.
 *
 * <p>Run: {@code java io.jgrad.examples.QuadraticRegressionAutograd [plot directory, default out]}.
 * Prints {@code print(w, b)} and writes the data and the fit as PNG.
 */
public final class QuadraticRegressionAutograd {
    private QuadraticRegressionAutograd() {}

    /**
     * What a run computed.
     *
     * @param w     the learned weight, shape (1, 1), a leaf requiring grad
     * @param b     the learned bias, shape (1, 1), a leaf requiring grad
     * @param loss  the loss of the last iteration (computed before its update)
     * @param plots the PNG files written: the data, then the fit
     */
    public record Result(Tensor w, Tensor b, Tensor loss, List<Path> plots) {}

    /** Runs the program with its plots going to the directory given (default {@code out}). */
    public static void main(String[] args) {
        Examples.sayWhere(System.out, run(Examples.outDir(args), System.out).plots());
    }

    /** Runs the program: prints to {@code out} what the tutorial prints and writes the plots into {@code dir}. */
    public static Result run(Path dir, PrintStream out) {
        QuadraticData data = QuadraticData.make();
        Tensor x = data.x();
        Tensor y = data.y();
        Path dataPlot = data.plotData(dir, "quadratic-autograd-data.png");   // plt.scatter(x.numpy(), y.numpy())

        // 随机初始化参数，参数w，b为需要学习的，故需requires_grad=True
        Tensor w = randn(1, 1).requiresGrad_();              // w = torch.randn(1,1, dtype=torch.float,requires_grad=True)
        Tensor b = zeros(1, 1).requiresGrad_();              // b = torch.zeros(1,1, dtype=torch.float, requires_grad=True)

        // 训练模型
        double lr = 0.001;                                   // lr =0.001 # 学习率
        Tensor yPred = null;
        Tensor loss = null;
        for (int ii = 0; ii < 800; ii++) {                   // for ii in range(800):
            yPred = x.pow(2).mm(w).add(b);                   //     y_pred = x.pow(2).mm(w) + b
            loss = yPred.sub(y).pow(2).mul(0.5);             //     loss = 0.5 * (y_pred - y) ** 2
            loss = loss.sum();                               //     loss = loss.sum()
            loss.backward();                                 //     loss.backward()
            try (var g = noGrad()) {                         //     with torch.no_grad():
                w.sub_(w.grad().mul(lr));                    //         w -= lr * w.grad
                b.sub_(b.grad().mul(lr));                    //         b -= lr * b.grad
                w.grad().zero_();                            //         w.grad.zero_()
                b.grad().zero_();                            //         b.grad.zero_()
            }
        }
        // plt.plot(x.numpy(), y_pred.detach().numpy(),'r-',label='predict') ... plt.legend()
        Path fitPlot = data.plotFit(dir, "quadratic-autograd-fit.png", yPred.detach());
        out.println(Py.print(w, b));                         // print(w, b)
        return new Result(w, b, loss, List.of(dataPlot, fitPlot));
    }
}
