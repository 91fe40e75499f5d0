package io.jgrad.examples;

import static io.jgrad.Torch.linspace;
import static io.jgrad.Torch.sin;

import io.jgrad.Tensor;
import io.jgrad.autograd.Node;
import io.jgrad.viz.Figure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Seed 004, "一个简单的例子" (PyTorch's autograd tutorial): {@code a = linspace(0, 2 pi, 25)} requiring grad,
 * {@code b = sin(a)}, {@code c = 2 * b}, {@code d = c + 1}, {@code out = d.sum()}; prints every tensor and
 * walks {@code d.grad_fn.next_functions} back to {@code a}'s {@code AccumulateGrad}; then {@code out.backward()}
 * gives {@code a.grad = 2 cos(a)}. Prints what PyTorch prints, minus CPython's object addresses.
 *
 * <p>Run: {@code java io.jgrad.examples.SinGradient [plot directory, default out]}.
 * Writes {@code sin.png} ({@code plt.plot(a.detach(), b.detach())}) and {@code sin-grad.png}
 * ({@code plt.plot(a.detach(), a.grad.detach())}).
 */
public final class SinGradient {
    private SinGradient() {}

    /**
     * What a run computed.
     *
     * @param a     the input, a leaf requiring grad
     * @param b     {@code sin(a)}
     * @param plots the PNG files written: sin(a), then a.grad
     */
    public record Result(Tensor a, Tensor b, List<Path> plots) {}

    /** Runs the program with its plots going to the directory given (default {@code out}). */
    public static void main(String[] args) {
        Examples.sayWhere(System.out, run(Examples.outDir(args), System.out).plots());
    }

    /** Runs the program: prints to {@code out} what the tutorial prints and writes the plots into {@code dir}. */
    public static Result run(Path dir, PrintStream out) {
        Tensor a = linspace(0., 2. * Math.PI, 25).requiresGrad_();   // a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
        out.println(a);                                      // print(a)

        Tensor b = sin(a);                                   // b = torch.sin(a)
        Path sinPlot = new Figure().plot(a.detach(), b.detach())   // plt.plot(a.detach(), b.detach())
                .title("b = sin(a)").xlabel("a").savefig(dir, "sin.png");
        out.println(b);                                      // print(b)

        Tensor c = b.mul(2);                                 // c = 2 * b
        out.println(c);                                      // print(c)
        Tensor d = c.add(1);                                 // d = c + 1
        out.println(d);                                      // print(d)

        Tensor sum = d.sum();                                // out = d.sum()
        out.println(sum);                                    // print(out)

        out.println("d:");                                   // print('d:')
        Node fn = d.gradFn();
        out.println(Py.str(fn));                             // print(d.grad_fn)
        out.println(Py.tuple(fn.nextFunctions()));           // print(d.grad_fn.next_functions)
        Node n1 = fn.nextFunctions().get(0).node();          // d.grad_fn.next_functions[0][0]
        out.println(Py.tuple(n1.nextFunctions()));           // print(d.grad_fn.next_functions[0][0].next_functions)
        Node n2 = n1.nextFunctions().get(0).node();          // ...next_functions[0][0]
        out.println(Py.tuple(n2.nextFunctions()));           // print(...next_functions[0][0].next_functions)
        Node n3 = n2.nextFunctions().get(0).node();          // ...next_functions[0][0]: a's AccumulateGrad
        out.println(Py.tuple(n3.nextFunctions()));           // print(...next_functions[0][0].next_functions)
        out.println("\nc:");                                 // print('\nc:')
        out.println(Py.str(c.gradFn()));                     // print(c.grad_fn)
        out.println("\nb:");                                 // print('\nb:')
        out.println(Py.str(b.gradFn()));                     // print(b.grad_fn)
        out.println("\na:");                                 // print('\na:')
        out.println(Py.str(a.gradFn()));                     // print(a.grad_fn)

        sum.backward();                                      // out.backward()
        out.println(a.grad());                               // print(a.grad)
        Path gradPlot = new Figure().plot(a.detach(), a.grad().detach())   // plt.plot(a.detach(), a.grad.detach())
                .title("a.grad = d(out)/da = 2 cos(a)").xlabel("a").savefig(dir, "sin-grad.png");
        return new Result(a, b, List.of(sinPlot, gradPlot));
    }
}
