package io.jgrad.seeds;

import static io.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgrad.Tensor;
import io.jgrad.autograd.Autograd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The autograd examples of {@code shared/seeds/003_*.txt} ("系统学习Pytorch笔记二": 计算图, 动态图, 自动求导,
 * 逻辑回归), retyped in Java; each assertion is the output the seed shows, or PyTorch 1.13's where the seed
 * shows none (or only a screenshot).
 *
 * <p>Not retyped: the TensorFlow snippet ({@code tf.constant}, {@code tf.Session}), and, because they need
 * nn/optim/matplotlib (a later issue), steps 2 to 5 of the logistic regression ({@code class LR(torch.nn.Module)},
 * {@code torch.nn.Sequential(torch.nn.Linear(2, 1), torch.nn.Sigmoid())}, {@code torch.nn.BCELoss()},
 * {@code torch.optim.SGD(..., momentum=0.9)}, the training loop and its plots). Step 1 (the data) is
 * {@link #logisticRegressionData()}.
 */
class Seed003AutogradTest {

    // ---------------------------------------------------------------- 2.1 计算图

    @Test
    void gradientIsTheSumOverAllPaths() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        Tensor a = add(w, x);                     // a = torch.add(w, x)
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)
        Tensor y = mul(a, b);                     // y = torch.mul(a, b)
        y.backward();                             // y.backward()
        assertEquals("tensor([5.])", w.grad().toString());   // print(w.grad)  (dy/dw = b + a = 2 + 3)

        // print("is_leaf:\n", w.is_leaf, x.is_leaf, a.is_leaf, b.is_leaf, y.is_leaf)
        assertEquals("is_leaf:\n True True False False False",
                Py.print("is_leaf:\n", w.isLeaf(), x.isLeaf(), a.isLeaf(), b.isLeaf(), y.isLeaf()));
        // print("gradient:\n", w.grad, x.grad, a.grad, b.grad, y.grad)
        assertEquals("gradient:\n tensor([5.]) tensor([2.]) None None None",
                Py.print("gradient:\n", w.grad(), x.grad(), a.grad(), b.grad(), y.grad()));
    }

    @Test
    void retainGradKeepsANonLeafGradient() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        Tensor a = add(w, x);                     // a = torch.add(w, x)
        a.retainGrad();                           // a.retain_grad()
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)
        Tensor y = mul(a, b);                     // y = torch.mul(a, b)
        y.backward();                             // y.backward()
        // print("gradient:\n", w.grad, x.grad, a.grad, b.grad, y.grad)
        assertEquals("gradient:\n tensor([5.]) tensor([2.]) tensor([2.]) None None",
                Py.print("gradient:\n", w.grad(), x.grad(), a.grad(), b.grad(), y.grad()));
    }

    @Test
    void gradFnRecordsTheOperation() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        Tensor a = add(w, x);                     // a = torch.add(w, x)
        a.retainGrad();                           // a.retain_grad()
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)
        Tensor y = mul(a, b);                     // y = torch.mul(a, b)
        y.backward();                             // y.backward()
        // print("grad_fn:\n", w.grad_fn, x.grad_fn, a.grad_fn, b.grad_fn, y.grad_fn)
        //   (PyTorch: grad_fn:\n None None <AddBackward0 object at 0x...> <AddBackward0 ...> <MulBackward0 ...>)
        assertEquals("grad_fn:\n None None <AddBackward0> <AddBackward0> <MulBackward0>",
                Py.print("grad_fn:\n", w.gradFn(), x.gradFn(), a.gradFn(), b.gradFn(), y.gradFn()));
    }

    // ---------------------------------------------------------------- 2.2 Pytorch 的动态图机制

    @Test
    void dynamicGraphComputesAsItIsBuilt() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        Tensor a = add(w, x);                     // a = torch.add(w, x)
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)
        Tensor y = mul(a, b);                     // y = torch.mul(a, b)
        assertEquals("tensor([6.], grad_fn=<MulBackward0>)", y.toString());   // print(y)
    }

    // ---------------------------------------------------------------- 3. Pytorch 的自动求导机制

    @Test
    void secondBackwardNeedsRetainGraph() {
        Tensor w = tensor(1.0).requiresGrad_();
        Tensor x = tensor(2.0).requiresGrad_();
        Tensor y = mul(add(w, x), add(w, 1));
        y.backward();                             // y.backward()
        // y.backward()  -> 报错信息就是说的计算图已经释放掉了 (screenshot)
        RuntimeException e = assertThrows(RuntimeException.class, y::backward);
        assertEquals(Seed000AutogradTest.FREED_GRAPH, e.getMessage());

        Tensor w2 = tensor(1.0).requiresGrad_();
        Tensor x2 = tensor(2.0).requiresGrad_();
        Tensor y2 = mul(add(w2, x2), add(w2, 1));
        y2.backward(null, true);                  // y.backward(retain_graph=True)
        y2.backward();                            // (the second one now works)
        assertEquals("tensor([10.])", w2.grad().toString());
    }

    /** The graph of the grad_tensors example: loss = torch.cat([y0, y1], dim=0), returned with w. */
    private static Tensor[] lossOfTwoParts() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        Tensor a = add(w, x);                     // a = torch.add(w, x)
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)
        Tensor y0 = mul(a, b);                    // y0 = torch.mul(a, b)
        Tensor y1 = add(a, b);                    // y1 = torch.add(a, b)
        Tensor loss = cat(List.of(y0, y1), 0);    // loss = torch.cat([y0, y1], dim=0)
        return new Tensor[] {w, loss};
    }

    @Test
    void nonScalarLossNeedsGradTensors() {
        Tensor[] wl = lossOfTwoParts();
        Tensor loss = wl[1];
        assertEquals("tensor([6., 5.], grad_fn=<CatBackward0>)", loss.toString());
        // loss.backward()  -> 上面这个过程会报错 (screenshot)
        RuntimeException e = assertThrows(RuntimeException.class, loss::backward);
        assertEquals("grad can be implicitly created only for scalar outputs", e.getMessage());
        assertEquals("None", Py.str(wl[0].grad()));
    }

    @Test
    void gradTensorsWeighTheLosses() {
        Tensor[] wl = lossOfTwoParts();
        Tensor w = wl[0];
        Tensor loss = wl[1];
        Tensor gradTensors = tensor(1.0, 1.0);    // grad_tensors = torch.tensor([1., 1.])
        loss.backward(gradTensors);               // loss.backward(gradient=grad_tensors)
        assertEquals("tensor([7.])", w.grad().toString());   // print(w.grad)  (PyTorch: 5 * 1 + 2 * 1)

        gradTensors = tensor(1.0, 2.0);           // grad_tensors = torch.tensor([1., 2.])
        // loss.backward(gradient=grad_tensors)  -- on the same graph, as listed: PyTorch raises, the graph
        // was freed by the first backward (the seed runs it on a fresh graph, next test)
        Tensor g = gradTensors;
        RuntimeException e = assertThrows(RuntimeException.class, () -> loss.backward(g));
        assertEquals(Seed000AutogradTest.FREED_GRAPH, e.getMessage());
        assertEquals("tensor([7.])", w.grad().toString());
    }

    @Test
    void gradTensorsOneTwo() {
        Tensor[] wl = lossOfTwoParts();
        Tensor gradTensors = tensor(1.0, 2.0);    // grad_tensors = torch.tensor([1., 2.])
        wl[1].backward(gradTensors);              // loss.backward(gradient=grad_tensors)
        assertEquals("tensor([9.])", wl[0].grad().toString());   // print(w.grad)  (5 * 1 + 2 * 2)
    }

    @Test
    void autogradGradSecondDerivative() {
        Tensor x = tensor(3.0).requiresGrad_();   // x = torch.tensor([3.], requires_grad=True)
        Tensor y = pow(x, 2);                     // y = torch.pow(x, 2)
        // grad_1 = torch.autograd.grad(y, x, create_graph=True)
        List<Tensor> grad1 = Autograd.grad(List.of(y), List.of(x), null, false, true, false);
        // print(grad_1)  -> (tensor([6.], grad_fn=<MulBackward0>),)
        assertEquals("[tensor([6.], grad_fn=<MulBackward0>)]", grad1.toString());
        List<Tensor> grad2 = Autograd.grad(grad1.get(0), x);   // grad_2 = torch.autograd.grad(grad_1[0], x)
        assertEquals("[tensor([2.])]", grad2.toString());      // print(grad_2)  -> (tensor([2.]),)
    }

    @Test
    void autogradGradOfSeveralInputs() {
        Tensor x1 = scalar(1.0).requiresGrad_();  // x1 = torch.tensor(1.0,requires_grad = True)
        Tensor x2 = scalar(2.0).requiresGrad_();  // x2 = torch.tensor(2.0,requires_grad = True)
        Tensor y1 = x1.mul(x2);                   // y1 = x1*x2
        Tensor y2 = x1.add(x2);                   // y2 = x1+x2
        // (dy1_dx1,dy1_dx2) = torch.autograd.grad(outputs=y1,inputs = [x1,x2],retain_graph = True)
        List<Tensor> dy1 = Autograd.grad(List.of(y1), List.of(x1, x2), null, true, false, false);
        Tensor dy1Dx1 = dy1.get(0);
        Tensor dy1Dx2 = dy1.get(1);
        // print(dy1_dx1,dy1_dx2)  -> (PyTorch) tensor(2.) tensor(1.)
        assertEquals("tensor(2.) tensor(1.)", Py.print(dy1Dx1, dy1Dx2));
        // (dy12_dx1,dy12_dx2) = torch.autograd.grad(outputs=[y1,y2],inputs = [x1,x2])
        List<Tensor> dy12 = Autograd.grad(List.of(y1, y2), List.of(x1, x2), null, false, false, false);
        // print(dy12_dx1,dy12_dx2)  -> (PyTorch) tensor(3.) tensor(2.)
        assertEquals("tensor(3.) tensor(2.)", Py.print(dy12.get(0), dy12.get(1)));
        // autograd.grad does not touch .grad
        assertEquals("None None", Py.print(x1.grad(), x2.grad()));
    }

    // ---------------------------------------------------------------- 关于 Pytorch 的自动求导系统要注意

    @Test
    void gradientsAreNotZeroedAutomatically() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {             // for i in range(4):
            Tensor a = add(w, x);                 //     a = torch.add(w, x)
            Tensor b = add(w, 1);                 //     b = torch.add(w, 1)
            Tensor y = mul(a, b);                 //     y = torch.mul(a, b)
            y.backward();                         //     y.backward()
            printed.add(w.grad().toString());     //     print(w.grad)
        }
        // tensor([5.]) tensor([10.]) tensor([15.]) tensor([20.])
        assertEquals("tensor([5.]) tensor([10.]) tensor([15.]) tensor([20.])", String.join(" ", printed));

        w.grad().zero_();                         // w.grad.zero_()  (the screenshot's fix)
        assertEquals("tensor([0.])", w.grad().toString());
    }

    @Test
    void nodesDependingOnLeavesRequireGrad() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        Tensor a = add(w, x);                     // a = torch.add(w, x)
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)
        Tensor y = mul(a, b);                     // y = torch.mul(a, b)
        // print(w.requires_grad, a.requires_grad, b.requires_grad)  -> (PyTorch) True True True
        assertEquals("True True True", Py.print(w.requiresGrad(), a.requiresGrad(), b.requiresGrad()));
        assertEquals("True", Py.str(y.requiresGrad()));
    }

    @Test
    void inPlaceKeepsTheObject() {
        Tensor a = ones(1);                       // a = torch.ones((1,))
        Tensor id0 = a;                           // print(id(a), a)
        assertEquals("tensor([1.])", a.toString());
        a = a.add(ones(1));                       // a = a + torch.ones((1,))
        assertNotSame(id0, a);                    // print(id(a), a)  -- a new object
        assertEquals("tensor([2.])", a.toString());
        a = ones(1);                              // a = torch.ones((1,))
        id0 = a;                                  // print(id(a), a)
        a = a.add_(ones(1));                      // a += torch.ones((1,))
        assertSame(id0, a);                       // print(id(a), a)  -- the same object
        assertEquals("tensor([2.])", a.toString());
    }

    @Test
    void leafCannotBeChangedInPlace() {
        // (screenshot: the same w, x, a, b, y graph, then w.add_(1))
        Tensor w = tensor(1.0).requiresGrad_();
        Tensor x = tensor(2.0).requiresGrad_();
        Tensor y = mul(add(w, x), add(w, 1));
        RuntimeException e = assertThrows(RuntimeException.class, () -> w.add_(1));   // w.add_(1)
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
        assertEquals("tensor([1.], requires_grad=True)", w.toString());
        y.backward();
        assertEquals("tensor([5.])", w.grad().toString());
    }

    // ---------------------------------------------------------------- 4. 逻辑回归模型: 1. 数据生成

    @Test
    void logisticRegressionData() {
        manualSeed(1);                            // torch.manual_seed(1)
        int sampleNums = 100;                     // sample_nums = 100
        double meanValue = 1.7;                   // mean_value = 1.7
        double bias = 1;                          // bias = 1
        Tensor nData = ones(sampleNums, 2);       // n_data = torch.ones(sample_nums, 2)
        Tensor x0 = normal(nData.mul(meanValue), 1).add(bias);    // x0 = torch.normal(mean_value*n_data, 1) + bias
        Tensor y0 = zeros(sampleNums);            // y0 = torch.zeros(sample_nums)
        Tensor x1 = normal(nData.mul(-meanValue), 1).add(bias);   // x1 = torch.normal(-mean_value*n_data, 1) + bias
        Tensor y1 = ones(sampleNums);             // y1 = torch.ones(sample_nums)
        Tensor trainX = cat(List.of(x0, x1), 0);  // train_x = torch.cat([x0, x1], 0)
        Tensor trainY = cat(List.of(y0, y1), 0);  // train_y = torch.cat([y0, y1], 0)

        // Expected values printed by tools/fixtures/gen_seed_values.py (PyTorch 1.13, AVX2), section
        // "logistic data, torch.manual_seed(1)".
        assertArrayEquals(new int[] {200, 2}, trainX.shape());
        assertArrayEquals(new int[] {200}, trainY.shape());
        assertArrayEquals(new float[] {1.1744041f, 1.9497683f}, x0.get(0).toFloatArray());
        assertArrayEquals(new float[] {2.046019f, 1.0905153f}, x0.get(1).toFloatArray());
        assertArrayEquals(new float[] {2.599833f, 2.0908113f}, x0.get(2).toFloatArray());
        assertArrayEquals(new float[] {2.264399f, 2.1038613f}, x0.get(99).toFloatArray());
        assertArrayEquals(new float[] {-0.7705146f, -0.35302067f}, x1.get(0).toFloatArray());
        assertArrayEquals(new float[] {-1.3536797f, 0.85862017f}, x1.get(1).toFloatArray());
        assertArrayEquals(new float[] {-0.299927f, 1.7422814f}, x1.get(2).toFloatArray());
        assertArrayEquals(new float[] {-0.2805097f, 1.5523543f}, x1.get(99).toFloatArray());
        Seed000AutogradTest.assertSums(535.0663233995438, 1643.3006243112209, x0);
        Seed000AutogradTest.assertSums(-150.70724093914032, 314.1143504379395, x1);
        Seed000AutogradTest.assertSums(384.35908246040344, 1957.4149747491606, trainX);
        Seed000AutogradTest.assertSums(100.0, 100.0, trainY);
        assertEquals("tensor([[1.1744, 1.9498],\n"
                + "        [2.0460, 1.0905],\n"
                + "        [2.5998, 2.0908]])", trainX.slice(0, 0, 3).toString());   // print(train_x[:3])
    }
}
