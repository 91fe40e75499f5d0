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
 * The autograd examples of {@code shared/seeds/000_*.txt} ("autograd 自动求导", then logistic regression),
 * retyped in Java; each assertion is the output the seed shows, or PyTorch 1.13's where the seed shows none.
 *
 * <p>Not retyped here (they need nn/optim/matplotlib, which come with a later issue): steps 2/5 to 5/5 of
 * the logistic-regression program ({@code class LR(nn.Module)} with {@code nn.Linear}/{@code nn.Sigmoid},
 * {@code nn.BCELoss()}, {@code torch.optim.SGD(..., momentum=0.9)}, the training loop and its plots).
 * Step 1/5 (the data) is {@link #logisticRegressionData()}.
 */
class Seed000AutogradTest {

    /** PyTorch's message for a second backward through a freed graph (shared/reference/torch-errors-1.out). */
    static final String FREED_GRAPH = "Trying to backward through the graph a second time (or directly access "
            + "saved tensors after they have already been freed). Saved intermediate values of the graph are "
            + "freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
            + "backward through the graph a second time or if you need to access saved tensors after calling "
            + "backward.";

    // ---------------------------------------------------------------- retain_graph参数

    @Test
    void secondBackwardWithoutRetainGraphThrows() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        // y=(x+w)*(w+1)
        Tensor a = add(w, x);                     // a = torch.add(w, x)
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)
        Tensor y = mul(a, b);                     // y = torch.mul(a, b)

        y.backward();                             // y.backward()
        assertEquals("tensor([5.])", w.grad().toString());   // print(w.grad)
        // 第二次执行梯度求导，throw error
        RuntimeException e = assertThrows(RuntimeException.class, y::backward);   // y.backward()
        assertEquals(FREED_GRAPH, e.getMessage());
        assertEquals("tensor([5.])", w.grad().toString());   // the failed call accumulated nothing
    }

    @Test
    void retainGraphAllowsSecondBackward() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        Tensor a = add(w, x);                     // a = torch.add(w, x)
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)
        Tensor y = mul(a, b);                     // y = torch.mul(a, b)

        y.backward(null, true);                   // y.backward(retain_graph=True)
        assertEquals("tensor([5.])", w.grad().toString());   // print(w.grad)
        y.backward();                             // y.backward()  -- no error
        assertEquals("tensor([10.])", w.grad().toString());  // (PyTorch: accumulated, 5 + 5)
    }

    // ---------------------------------------------------------------- grad_tensors参数

    @Test
    void gradTensorsWeighTheLosses() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)

        Tensor a = add(w, x);                     // a = torch.add(w, x)
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)

        Tensor y0 = mul(a, b);                    // y0 = torch.mul(a, b)    # y0 = (x+w) * (w+1)
        Tensor y1 = add(a, b);                    // y1 = torch.add(a, b)    # y1 = (x+w) + (w+1)    dy1/dw = 2

        Tensor loss = cat(List.of(y0, y1), 0);    // loss = torch.cat([y0, y1], dim=0)       # [y0, y1]
        Tensor gradTensors = tensor(1.0, 2.0);    // grad_tensors = torch.tensor([1., 2.])

        loss.backward(gradTensors);               // loss.backward(gradient=grad_tensors)
        assertEquals("tensor([9.])", w.grad().toString());   // print(w.grad)  -> tensor([9.])
    }

    @Test
    void gradTensorsThroughTorchAutogradBackward() {
        // the same, through torch.autograd.backward(tensors, grad_tensors), which loss.backward(...) calls
        Tensor w = tensor(1.0).requiresGrad_();
        Tensor x = tensor(2.0).requiresGrad_();
        Tensor a = add(w, x);
        Tensor b = add(w, 1);
        Tensor loss = cat(List.of(mul(a, b), add(a, b)), 0);
        // torch.autograd.backward(loss, grad_tensors=torch.tensor([1., 2.]))
        Autograd.backward(List.of(loss), List.of(tensor(1.0, 2.0)), false, false);
        assertEquals("tensor([9.])", w.grad().toString());
    }

    // ---------------------------------------------------------------- torch.autograd.grad()

    @Test
    void autogradGradSecondDerivative() {
        Tensor x = tensor(3.0).requiresGrad_();   // x = torch.tensor([3.], requires_grad=True)
        Tensor y = pow(x, 2);                     // y = torch.pow(x, 2)     # y = x**2
        // grad_1 = torch.autograd.grad(y, x, create_graph=True)   # grad_1 = dy/dx = 2x = 2 * 3 = 6
        List<Tensor> grad1 = Autograd.grad(List.of(y), List.of(x), null, false, true, false);
        // print(grad_1)  -> (tensor([6.], grad_fn=<MulBackward0>),)
        assertEquals(1, grad1.size());
        assertEquals("[tensor([6.], grad_fn=<MulBackward0>)]", grad1.toString());
        // grad_2 = torch.autograd.grad(grad_1[0], x)              # grad_2 = d(dy/dx)/dx = d(2x)/dx = 2
        List<Tensor> grad2 = Autograd.grad(grad1.get(0), x);
        // print(grad_2)  -> (tensor([2.]),)
        assertEquals(1, grad2.size());
        assertEquals("[tensor([2.])]", grad2.toString());
    }

    // ---------------------------------------------------------------- 每次反向传播计算要清零梯度

    @Test
    void gradientsAccumulateUnlessZeroed() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {             // for i in range(4):
            Tensor a = add(w, x);                 //     a = torch.add(w, x)
            Tensor b = add(w, 1);                 //     b = torch.add(w, 1)
            Tensor y = mul(a, b);                 //     y = torch.mul(a, b)
            y.backward();                         //     y.backward()
            printed.add(w.grad().toString());     //     print(w.grad)
            // # w.grad.zero_()
        }
        assertEquals(List.of("tensor([5.])", "tensor([10.])", "tensor([15.])", "tensor([20.])"), printed);
    }

    @Test
    void gradientsDoNotAccumulateWhenZeroed() {
        // the same loop with its commented-out line "w.grad.zero_()" switched on
        Tensor w = tensor(1.0).requiresGrad_();
        Tensor x = tensor(2.0).requiresGrad_();
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Tensor y = mul(add(w, x), add(w, 1));
            y.backward();
            printed.add(w.grad().toString());     //     print(w.grad)
            w.grad().zero_();                     //     w.grad.zero_()
        }
        assertEquals(List.of("tensor([5.])", "tensor([5.])", "tensor([5.])", "tensor([5.])"), printed);
        assertEquals("tensor([0.])", w.grad().toString());
    }

    // ---------------------------------------------------------------- 依赖叶子节点的结点，其requires_grad默认为True

    @Test
    void nodesDependingOnLeavesRequireGrad() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        Tensor a = add(w, x);                     // a = torch.add(w, x)
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)
        Tensor y = mul(a, b);                     // y = torch.mul(a, b)
        // print(a.requires_grad, b.requires_grad, y.requires_grad)  -> True True True
        assertEquals("True True True", Py.print(a.requiresGrad(), b.requiresGrad(), y.requiresGrad()));
    }

    // ---------------------------------------------------------------- 叶子节点不可执行inplace操作

    @Test
    void inPlaceKeepsTheObjectOutOfPlaceMakesANewOne() {
        // print("非 inplace 操作")
        Tensor a = ones(1);                       // a = torch.ones((1, ))
        Tensor id0 = a;                           // print(id(a), a)
        assertEquals("tensor([1.])", a.toString());
        a = a.add(ones(1));                       // a = a + torch.ones((1, ))
        assertNotSame(id0, a);                    // print(id(a), a)  -- another id
        assertEquals("tensor([2.])", a.toString());

        // print("inplace 操作")
        a = ones(1);                              // a = torch.ones((1, ))
        id0 = a;                                  // print(id(a), a)
        assertEquals("tensor([1.])", a.toString());
        a = a.add_(ones(1));                      // a += torch.ones((1, ))
        assertSame(id0, a);                       // print(id(a), a)  -- the same id
        assertEquals("tensor([2.])", a.toString());
    }

    @Test
    void inPlaceOnLeafThatRequiresGradThrows() {
        Tensor w = tensor(1.0).requiresGrad_();   // w = torch.tensor([1.], requires_grad=True)
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.], requires_grad=True)
        // y = (x + w) * (w + 1)
        Tensor a = add(w, x);                     // a = torch.add(w, x)
        Tensor b = add(w, 1);                     // b = torch.add(w, 1)
        Tensor y = mul(a, b);                     // y = torch.mul(a, b)
        // w.add_(1)  -> RuntimeError (PyTorch raises here, before y.backward() is reached)
        RuntimeException e = assertThrows(RuntimeException.class, () -> w.add_(1));
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
        // A failed call changes nothing (PyTorch: w stays tensor([1.]) at version 0, and y.backward() works)
        assertEquals("tensor([1.], requires_grad=True)", w.toString());
        assertEquals(0, w.version());
        y.backward();                             // y.backward()
        assertEquals("tensor([5.])", w.grad().toString());
    }

    // ---------------------------------------------------------------- 逻辑回归: step 1/5 生成数据

    @Test
    void logisticRegressionData() {
        manualSeed(10);                           // torch.manual_seed(10)
        int sampleNums = 100;                     // sample_nums = 100
        double meanValue = 1.7;                   // mean_value = 1.7
        double bias = 1;                          // bias = 1
        Tensor nData = ones(sampleNums, 2);       // n_data = torch.ones(sample_nums, 2)
        Tensor x0 = normal(nData.mul(meanValue), 1).add(bias);    // x0 = torch.normal(mean_value * n_data, 1) + bias
        Tensor y0 = zeros(sampleNums);            // y0 = torch.zeros(sample_nums)
        Tensor x1 = normal(nData.mul(-meanValue), 1).add(bias);   // x1 = torch.normal(-mean_value * n_data, 1) + bias
        Tensor y1 = ones(sampleNums);             // y1 = torch.ones(sample_nums)
        Tensor trainX = cat(List.of(x0, x1), 0);  // train_x = torch.cat((x0, x1), 0)
        Tensor trainY = cat(List.of(y0, y1), 0);  // train_y = torch.cat((y0, y1), 0)

        // Expected values printed by tools/fixtures/gen_seed_values.py (PyTorch 1.13, AVX2), section
        // "logistic data, torch.manual_seed(10)".
        assertArrayEquals(new int[] {100, 2}, x0.shape());   // shape=(100, 2)
        assertArrayEquals(new int[] {100, 2}, x1.shape());
        assertArrayEquals(new int[] {200, 2}, trainX.shape());
        assertArrayEquals(new int[] {200}, trainY.shape());
        assertArrayEquals(new float[] {1.8826661f, 2.1444316f}, x0.get(0).toFloatArray());
        assertArrayEquals(new float[] {1.8733106f, 1.4030457f}, x0.get(1).toFloatArray());
        assertArrayEquals(new float[] {2.5026212f, 1.7356665f}, x0.get(2).toFloatArray());
        assertArrayEquals(new float[] {2.754066f, 2.2033563f}, x0.get(99).toFloatArray());
        assertArrayEquals(new float[] {-2.1289973f, -0.973124f}, x1.get(0).toFloatArray());
        assertArrayEquals(new float[] {-0.6859087f, -1.0696254f}, x1.get(1).toFloatArray());
        assertArrayEquals(new float[] {0.7308234f, 0.44755316f}, x1.get(2).toFloatArray());
        assertArrayEquals(new float[] {-0.35202646f, 0.12074286f}, x1.get(99).toFloatArray());
        assertSums(529.776287317276, 1601.232437004103, x0);
        assertSums(-155.7789631485939, 349.4877236458775, x1);
        assertSums(373.9973241686821, 1950.7201606499807, trainX);
        assertSums(100.0, 100.0, trainY);
        assertEquals("tensor([[1.8827, 2.1444],\n"
                + "        [1.8733, 1.4030],\n"
                + "        [2.5026, 1.7357]])", trainX.slice(0, 0, 3).toString());   // print(train_x[:3])
    }

    /** Sum and sum of squares in float64 of a float32 tensor's elements (exact at these magnitudes). */
    static void assertSums(double sum, double sumSq, Tensor t) {
        double s = 0;
        double s2 = 0;
        for (double v : t.toDoubleArray()) {
            s += v;
            s2 += v * v;
        }
        assertEquals(sum, s, 1e-9, "sum");
        assertEquals(sumSq, s2, 1e-9, "sum of squares");
    }
}
