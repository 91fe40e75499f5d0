package io.jgrad.seeds;

import static io.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Tensor;
import io.jgrad.autograd.Node;
import org.junit.jupiter.api.Test;

/**
 * The autograd examples of {@code shared/seeds/004_*.txt} (the PyTorch "autogradyt" tutorial in Chinese),
 * retyped in Java; each assertion is the output the seed shows (PyTorch 1.13 prints the same), except where
 * the seed prints unseeded random numbers ({@code torch.rand(5)}), which are checked by structure.
 *
 * <p>Not retyped, because they need nn/optim/matplotlib (a later issue): the {@code TinyModel(torch.nn.Module)}
 * section ({@code torch.nn.Linear}, {@code torch.nn.ReLU}, {@code torch.optim.SGD}, {@code optimizer.step()},
 * {@code optimizer.zero_grad(set_to_none=False)}) and the {@code plt.plot} calls.
 */
class Seed004AutogradTest {

    private static final String A = "tensor([0.0000, 0.2618, 0.5236, 0.7854, 1.0472, 1.3090, 1.5708, 1.8326, 2.0944,\n"
            + "        2.3562, 2.6180, 2.8798, 3.1416, 3.4034, 3.6652, 3.9270, 4.1888, 4.4506,\n"
            + "        4.7124, 4.9742, 5.2360, 5.4978, 5.7596, 6.0214, 6.2832],\n"
            + "       requires_grad=True)";

    private static final String B = "tensor([ 0.0000e+00,  2.5882e-01,  5.0000e-01,  7.0711e-01,  8.6603e-01,\n"
            + "         9.6593e-01,  1.0000e+00,  9.6593e-01,  8.6603e-01,  7.0711e-01,\n"
            + "         5.0000e-01,  2.5882e-01, -8.7423e-08, -2.5882e-01, -5.0000e-01,\n"
            + "        -7.0711e-01, -8.6603e-01, -9.6593e-01, -1.0000e+00, -9.6593e-01,\n"
            + "        -8.6603e-01, -7.0711e-01, -5.0000e-01, -2.5882e-01,  1.7485e-07],\n"
            + "       grad_fn=<SinBackward0>)";

    private static final String C = "tensor([ 0.0000e+00,  5.1764e-01,  1.0000e+00,  1.4142e+00,  1.7321e+00,\n"
            + "         1.9319e+00,  2.0000e+00,  1.9319e+00,  1.7321e+00,  1.4142e+00,\n"
            + "         1.0000e+00,  5.1764e-01, -1.7485e-07, -5.1764e-01, -1.0000e+00,\n"
            + "        -1.4142e+00, -1.7321e+00, -1.9319e+00, -2.0000e+00, -1.9319e+00,\n"
            + "        -1.7321e+00, -1.4142e+00, -1.0000e+00, -5.1764e-01,  3.4969e-07],\n"
            + "       grad_fn=<MulBackward0>)";

    private static final String D = "tensor([ 1.0000e+00,  1.5176e+00,  2.0000e+00,  2.4142e+00,  2.7321e+00,\n"
            + "         2.9319e+00,  3.0000e+00,  2.9319e+00,  2.7321e+00,  2.4142e+00,\n"
            + "         2.0000e+00,  1.5176e+00,  1.0000e+00,  4.8236e-01, -3.5763e-07,\n"
            + "        -4.1421e-01, -7.3205e-01, -9.3185e-01, -1.0000e+00, -9.3185e-01,\n"
            + "        -7.3205e-01, -4.1421e-01,  4.7684e-07,  4.8236e-01,  1.0000e+00],\n"
            + "       grad_fn=<AddBackward0>)";

    private static final String A_GRAD = "tensor([ 2.0000e+00,  1.9319e+00,  1.7321e+00,  1.4142e+00,  1.0000e+00,\n"
            + "         5.1764e-01, -8.7423e-08, -5.1764e-01, -1.0000e+00, -1.4142e+00,\n"
            + "        -1.7321e+00, -1.9319e+00, -2.0000e+00, -1.9319e+00, -1.7321e+00,\n"
            + "        -1.4142e+00, -1.0000e+00, -5.1764e-01,  2.3850e-08,  5.1764e-01,\n"
            + "         1.0000e+00,  1.4142e+00,  1.7321e+00,  1.9319e+00,  2.0000e+00])";

    // ---------------------------------------------------------------- 一个简单的例子

    @Test
    void linspaceSinChainPrintsAsThePyTorchTutorial() {
        // a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
        Tensor a = linspace(0., 2. * Math.PI, 25).requiresGrad_();
        assertEquals(A, a.toString());            // print(a)

        Tensor b = sin(a);                        // b = torch.sin(a)
        // plt.plot(a.detach(), b.detach())  (plots: a later issue)
        assertEquals(B, b.toString());            // print(b)

        Tensor c = b.mul(2);                      // c = 2 * b
        assertEquals(C, c.toString());            // print(c)

        Tensor d = c.add(1);                      // d = c + 1
        assertEquals(D, d.toString());            // print(d)

        Tensor out = d.sum();                     // out = d.sum()
        assertEquals("tensor(25., grad_fn=<SumBackward0>)", out.toString());   // print(out)
    }

    @Test
    void nextFunctionsWalkBackToTheInput() {
        Tensor a = linspace(0., 2. * Math.PI, 25).requiresGrad_();
        Tensor b = sin(a);                        // b = torch.sin(a)
        Tensor c = b.mul(2);                      // c = 2 * b
        Tensor d = c.add(1);                      // d = c + 1

        // print('d:')
        Node dFn = d.gradFn();
        assertEquals("<AddBackward0>", Py.str(dFn));                          // print(d.grad_fn)
        // print(d.grad_fn.next_functions)  -> ((<MulBackward0 object at ...>, 0), (None, 0))
        assertEquals("[(<MulBackward0>, 0), (None, 0)]", dFn.nextFunctions().toString());
        Node n1 = dFn.nextFunctions().get(0).node();                          // d.grad_fn.next_functions[0][0]
        // print(d.grad_fn.next_functions[0][0].next_functions)  -> ((<SinBackward0 ...>, 0), (None, 0))
        assertEquals("[(<SinBackward0>, 0), (None, 0)]", n1.nextFunctions().toString());
        Node n2 = n1.nextFunctions().get(0).node();                           // ...next_functions[0][0]
        // print(d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)  -> ((<AccumulateGrad ...>, 0),)
        assertEquals("[(<AccumulateGrad>, 0)]", n2.nextFunctions().toString());
        Node n3 = n2.nextFunctions().get(0).node();                           // ...next_functions[0][0]
        // print(d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0].next_functions)  -> ()
        assertEquals("[]", n3.nextFunctions().toString());
        assertEquals("AccumulateGrad", n3.name());   // (API.md's name; PyTorch's name() says torch::autograd::AccumulateGrad)

        assertEquals("<MulBackward0>", Py.str(c.gradFn()));   // print('\nc:'); print(c.grad_fn)
        assertEquals("<SinBackward0>", Py.str(b.gradFn()));   // print('\nb:'); print(b.grad_fn)
        assertEquals("None", Py.str(a.gradFn()));             // print('\na:'); print(a.grad_fn)
        // the walk ends at the same nodes the tensors hold
        assertTrue(n1 == c.gradFn() && n2 == b.gradFn());
    }

    @Test
    void backwardGivesTwoCosA() {
        Tensor a = linspace(0., 2. * Math.PI, 25).requiresGrad_();   // a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
        Tensor b = sin(a);                        // b = torch.sin(a)
        Tensor c = b.mul(2);                      // c = 2 * b
        Tensor d = c.add(1);                      // d = c + 1
        Tensor out = d.sum();                     // out = d.sum()

        out.backward();                           // out.backward()
        assertEquals(A_GRAD, a.grad().toString());   // print(a.grad)
        // plt.plot(a.detach(), a.grad.detach())  (plots: a later issue)
        assertFalse(a.grad().requiresGrad());
        // 只有计算中的叶节点才会计算梯度: print(c.grad) -> None
        assertEquals("None", Py.str(c.grad()));
        assertNull(b.grad());
        assertNull(d.grad());
    }

    // ---------------------------------------------------------------- 关闭和开启

    @Test
    void settingRequiresGradFalseStopsTracking() {
        Tensor a = ones(2, 3).requiresGrad_();    // a = torch.ones(2, 3, requires_grad=True)
        assertEquals("tensor([[1., 1., 1.],\n"
                + "        [1., 1., 1.]], requires_grad=True)", a.toString());   // print(a)

        Tensor b1 = a.mul(2);                     // b1 = 2 * a
        assertEquals("tensor([[2., 2., 2.],\n"
                + "        [2., 2., 2.]], grad_fn=<MulBackward0>)", b1.toString());   // print(b1)

        a.requiresGrad_(false);                   // a.requires_grad = False
        Tensor b2 = a.mul(2);                     // b2 = 2 * a
        assertEquals("tensor([[2., 2., 2.],\n"
                + "        [2., 2., 2.]])", b2.toString());   // print(b2)
        assertNull(b2.gradFn());
        assertNotNull(b1.gradFn());               // b1 keeps its history
    }

    @Test
    void noGradContext() {
        Tensor a = ones(2, 3).requiresGrad_().mul(2);   // a = torch.ones(2, 3, requires_grad=True) * 2
        Tensor b = ones(2, 3).requiresGrad_().mul(3);   // b = torch.ones(2, 3, requires_grad=True) * 3

        Tensor c1 = a.add(b);                     // c1 = a + b
        assertEquals("tensor([[5., 5., 5.],\n"
                + "        [5., 5., 5.]], grad_fn=<AddBackward0>)", c1.toString());   // print(c1)

        Tensor c2;
        try (var g = noGrad()) {                  // with torch.no_grad():
            c2 = a.add(b);                        //     c2 = a + b
        }
        assertEquals("tensor([[5., 5., 5.],\n"
                + "        [5., 5., 5.]])", c2.toString());   // print(c2)

        Tensor c3 = a.mul(b);                     // c3 = a * b
        assertEquals("tensor([[6., 6., 6.],\n"
                + "        [6., 6., 6.]], grad_fn=<MulBackward0>)", c3.toString());   // print(c3)
        assertTrue(isGradEnabled());
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

    @Test
    void noGradAsADecorator() {
        Tensor a = ones(2, 3).requiresGrad_().mul(2);   // a = torch.ones(2, 3, requires_grad=True) * 2
        Tensor b = ones(2, 3).requiresGrad_().mul(3);   // b = torch.ones(2, 3, requires_grad=True) * 3

        Tensor c1 = addTensors1(a, b);            // c1 = add_tensors1(a, b)
        assertEquals("tensor([[5., 5., 5.],\n"
                + "        [5., 5., 5.]], grad_fn=<AddBackward0>)", c1.toString());   // print(c1)

        Tensor c2 = addTensors2(a, b);            // c2 = add_tensors2(a, b)
        assertEquals("tensor([[5., 5., 5.],\n"
                + "        [5., 5., 5.]])", c2.toString());   // print(c2)
        assertTrue(isGradEnabled());
    }

    @Test
    void detachMakesAnUntrackedCopy() {
        Tensor x = rand(5).requiresGrad_();       // x = torch.rand(5, requires_grad=True)
        Tensor y = x.detach();                    // y = x.detach()

        // print(x)  -> tensor([0.5345, 0.1485, 0.1025, 0.4849, 0.2943], requires_grad=True)  (random)
        String xs = x.toString();
        assertTrue(xs.matches("tensor\\(\\[(0\\.\\d{4}, ){4}0\\.\\d{4}\\], requires_grad=True\\)"), xs);
        // print(y)  -> the same numbers without requires_grad=True
        assertEquals(xs.replace(", requires_grad=True", ""), y.toString());
        assertArrayEquals(x.toFloatArray(), y.toFloatArray());
        assertFalse(y.requiresGrad());
        assertTrue(y.isLeaf());
        assertNull(y.gradFn());
        assertTrue(x.requiresGrad());
    }
}
