package io.jgrad.autograd;

import static io.jgrad.Torch.ones;
import static io.jgrad.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Functional} against PyTorch 1.13's {@code torch.autograd.functional} as printed in
 * {@code shared/reference/torch-features.out} ("=== functional"): x = [1., 2.], f(x) = 3 x^2 for the
 * Jacobian-type products and g(x) = sum(x^3) for the Hessian-type ones, v = [1., 1.].
 */
class FunctionalTest {
    private static Tensor f(Tensor x) {
        return x.pow(2).mul(3.0);
    }

    private static Tensor g(Tensor x) {
        return x.pow(3).sum();
    }

    private final Tensor x = tensor(1.0, 2.0);
    private final Tensor v = ones(2);

    @Test
    void jacobian() {
        assertEquals("tensor([[ 6.,  0.],\n        [ 0., 12.]])", Functional.jacobian(FunctionalTest::f, x).toString());
    }

    @Test
    void hessian() {
        assertEquals("tensor([[ 6.,  0.],\n        [ 0., 12.]])", Functional.hessian(FunctionalTest::g, x).toString());
    }

    @Test
    void vjpAndJvp() {
        var vjp = Functional.vjp(FunctionalTest::f, x, v);
        assertEquals("tensor([ 3., 12.]) tensor([ 6., 12.])", vjp.output() + " " + vjp.product());
        var jvp = Functional.jvp(FunctionalTest::f, x, v);
        assertEquals("tensor([ 3., 12.]) tensor([ 6., 12.])", jvp.output() + " " + jvp.product());
    }

    @Test
    void hvpAndVhp() {
        var hvp = Functional.hvp(FunctionalTest::g, x, v);
        assertEquals("tensor(9.) tensor([ 6., 12.])", hvp.output() + " " + hvp.product());
        var vhp = Functional.vhp(FunctionalTest::g, x, v);
        assertEquals("tensor(9.) tensor([ 6., 12.])", vhp.output() + " " + vhp.product());
    }

    @Test
    void jacobianWithCreateGraphIsDifferentiable() {
        Tensor j = Functional.jacobian(FunctionalTest::f, x, true, false);
        assertEquals("tensor([[ 6.,  0.],\n        [ 0., 12.]], grad_fn=<ViewBackward0>)", j.toString());
    }

    @Test
    void jacobianOfTwoInputs() {
        // jacobian(lambda a, b: a * b, (x, x)) -> (diag(b), diag(a))
        List<Tensor> js = Functional.jacobian(in -> in[0].mul(in[1]), new Tensor[] {x, x}, false, false);
        assertEquals("tensor([[1., 0.],\n        [0., 2.]])", js.get(0).toString());
        assertEquals("tensor([[1., 0.],\n        [0., 2.]])", js.get(1).toString());
    }

    @Test
    void vjpWithoutVNeedsOneElementOutput() {
        var e = assertThrows(IllegalArgumentException.class, () -> Functional.vjp(FunctionalTest::f, x, null));
        assertEquals("The vector v can only be None if the user-provided function returns a single Tensor with a "
                + "single element.", e.getMessage());
    }

    @Test
    void strictRefusesAConstantFunction() {
        var e = assertThrows(IllegalStateException.class,
                () -> Functional.jacobian(t -> Torch.zeros(2), x, false, true));
        assertEquals("Output 0 of the user-provided function does not require gradients. The outputs must be computed "
                + "in a differentiable manner from the input when running in strict mode.", e.getMessage());
        assertEquals("tensor([[0., 0.],\n        [0., 0.]])", Functional.jacobian(t -> Torch.zeros(2), x).toString());
    }

    @Test
    void hessianAgreesWithFiniteDifferencesInFloat64() {
        Tensor p = tensor(new double[] {0.3, -1.2, 0.7}, DType.FLOAT64);
        Tensor h = Functional.hessian(t -> t.sin().mul(t.exp()).sum().add(t.get(0).mul(t.get(1))), p);
        double eps = 1e-5;
        double[] hv = h.toDoubleArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double num = (grad(p, i, j, eps) - grad(p, i, j, -eps)) / (2 * eps);
                assertEquals(num, hv[i * 3 + j], 1e-6, "H[" + i + "][" + j + "]");
            }
        }
        assertTrue(h.allclose(h.t()), "Hessian is symmetric");
    }

    /** d/dx_i of the test function at p + delta e_j, by autograd. */
    private static double grad(Tensor p, int i, int j, double delta) {
        double[] q = p.toDoubleArray();
        q[j] += delta;
        Tensor t = tensor(q, DType.FLOAT64).requiresGrad_();
        Tensor y = t.sin().mul(t.exp()).sum().add(t.get(0).mul(t.get(1)));
        return Autograd.grad(y, t).get(0).toDoubleArray()[i];
    }
}
