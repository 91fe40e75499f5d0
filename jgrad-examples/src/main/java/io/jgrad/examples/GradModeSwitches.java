package io.jgrad.examples;

import static io.jgrad.Torch.noGrad;
import static io.jgrad.Torch.ones;
import static io.jgrad.Torch.rand;

import io.jgrad.Tensor;
import java.io.PrintStream;

/**
 * Seed 004, "关闭和开启" (turning autograd off and on): {@code a.requires_grad = False} stops tracking,
 * {@code with torch.no_grad():} and the {@code @torch.no_grad()} decorator turn it off for a block or a
 * function, and {@code detach()} gives an untracked tensor sharing the values. Prints what PyTorch prints;
 * the tutorial's {@code torch.rand(5)} is not seeded, so its two lines differ from run to run.
 *
 * <p>Run: {@code java io.jgrad.examples.GradModeSwitches}. Writes no plot.
 */
public final class GradModeSwitches {
    private GradModeSwitches() {}

    /** Runs the program. */
    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the program, printing to {@code out} what the tutorial prints. */
    public static void run(PrintStream out) {
        Tensor a = ones(2, 3).requiresGrad_();               // a = torch.ones(2, 3, requires_grad=True)
        out.println(a);                                      // print(a)
        Tensor b1 = a.mul(2);                                // b1 = 2 * a
        out.println(b1);                                     // print(b1)
        a.requiresGrad_(false);                              // a.requires_grad = False
        Tensor b2 = a.mul(2);                                // b2 = 2 * a
        out.println(b2);                                     // print(b2)

        a = ones(2, 3).requiresGrad_().mul(2);               // a = torch.ones(2, 3, requires_grad=True) * 2
        Tensor b = ones(2, 3).requiresGrad_().mul(3);        // b = torch.ones(2, 3, requires_grad=True) * 3
        Tensor c1 = a.add(b);                                // c1 = a + b
        out.println(c1);                                     // print(c1)
        Tensor c2;
        try (var g = noGrad()) {                             // with torch.no_grad():
            c2 = a.add(b);                                   //     c2 = a + b
        }
        out.println(c2);                                     // print(c2)
        Tensor c3 = a.mul(b);                                // c3 = a * b
        out.println(c3);                                     // print(c3)

        a = ones(2, 3).requiresGrad_().mul(2);               // a = torch.ones(2, 3, requires_grad=True) * 2
        b = ones(2, 3).requiresGrad_().mul(3);               // b = torch.ones(2, 3, requires_grad=True) * 3
        c1 = addTensors1(a, b);                              // c1 = add_tensors1(a, b)
        out.println(c1);                                     // print(c1)
        c2 = addTensors2(a, b);                              // c2 = add_tensors2(a, b)
        out.println(c2);                                     // print(c2)

        Tensor x = rand(5).requiresGrad_();                  // x = torch.rand(5, requires_grad=True)
        Tensor y = x.detach();                               // y = x.detach()
        out.println(x);                                      // print(x)
        out.println(y);                                      // print(y)
    }

    // def add_tensors1(x, y):
    //     return x + y
    private static Tensor addTensors1(Tensor x, Tensor y) {
        return x.add(y);
    }

    // @torch.no_grad()
    // def add_tensors2(x, y):
    //     return x + y
    private static Tensor addTensors2(Tensor x, Tensor y) {
        return noGrad(() -> x.add(y));
    }
}
