package io.jgrad.seeds;

import static io.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.DType;
import io.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The autograd examples of {@code shared/seeds/001_*.txt} ("使用pytorch 自动求导", sections 2.5 and 2.7),
 * retyped in Java; each assertion is the output the seed shows, or PyTorch 1.13's where the seed shows none.
 * Where the seed prints unseeded random numbers ({@code torch.randn} without {@code manual_seed}) the tests
 * check structure and relationships instead of values.
 *
 * <p>Not retyped: section 2.6 "使用Numpy实现机器学习" (NumPy only, no autograd) and the matplotlib plots of
 * section 2.7 ({@code plt.scatter}/{@code plt.plot}, which come with a later issue).
 */
class Seed001AutogradTest {

    // ---------------------------------------------------------------- In [1]

    @Test
    void sumOfRandnTensorsBackward() {
        Tensor x = randn(3, 4).requiresGrad_();   // x = torch.randn(3,4,requires_grad=True)
        String xs = x.toString();                 // print(x)
        assertTrue(xs.startsWith("tensor([["), xs);
        assertTrue(xs.endsWith("]], requires_grad=True)"), xs);
        assertEquals(3, xs.split("\n").length, xs);

        Tensor y = randn(3, 4).requiresGrad_();   // y  = torch.randn(3,4 ,requires_grad=True)
        Tensor t = x.add(y);                      // t = x + y
        Tensor z = t.sum();                       // z = t.sum()
        // print(z)  -> tensor(7.1465, grad_fn=<SumBackward0>)  (random value)
        assertTrue(z.toString().matches("tensor\\(-?\\d+\\.\\d{4}, grad_fn=<SumBackward0>\\)"), z.toString());
        double expected = 0;
        double[] xv = x.toDoubleArray();
        double[] yv = y.toDoubleArray();
        for (int i = 0; i < 12; i++) {
            expected += xv[i] + yv[i];
        }
        assertEquals(expected, z.item(), 1e-4);

        z.backward();                             // z.backward()
        assertEquals("tensor([[1., 1., 1., 1.],\n"
                + "        [1., 1., 1., 1.],\n"
                + "        [1., 1., 1., 1.]])", y.grad().toString());   // print(y.grad)
        assertEquals(y.grad().toString(), x.grad().toString());

        // print(x.requires_grad, y.requires_grad, z.requires_grad)  -> True True True
        assertEquals("True True True", Py.print(x.requiresGrad(), y.requiresGrad(), z.requiresGrad()));
    }

    // ---------------------------------------------------------------- In [2], In [5]

    @Test
    void requiresGradIsLeafAndAccumulatingBackward() {
        // 举个例子  z = w * x +b
        Tensor x = randn(1);                      // x = torch.randn(1)
        Tensor b = randn(1).requiresGrad_();      // b = torch.randn(1, requires_grad=True)
        Tensor w = randn(1).requiresGrad_();      // w = torch.randn(1, requires_grad=True)
        Tensor y = w.mul(x);                      // y = w * x
        Tensor z = y.add(b);                      // z = y + b
        // print(x.requires_grad, b.requires_grad, w.requires_grad, y.requires_grad)  -> False True True True
        assertEquals("False True True True",
                Py.print(x.requiresGrad(), b.requiresGrad(), w.requiresGrad(), y.requiresGrad()));
        // print(x.is_leaf, b.is_leaf, w.is_leaf, y.is_leaf,z.is_leaf)  -> True True True False False
        assertEquals("True True True False False",
                Py.print(x.isLeaf(), b.isLeaf(), w.isLeaf(), y.isLeaf(), z.isLeaf()));

        // In [5] was run three times ("# 梯度会累加"): b.grad prints tensor([3.]) and w.grad is 3 * x
        for (int run = 1; run <= 3; run++) {
            z.backward(null, true);               // z.backward(retain_graph = True)
            assertEquals("b.grad: tensor([" + run + ".])", Py.print("b.grad:", b.grad()));   // print('b.grad:', b.grad)
            // print('w.grad:', w.grad)  -> w.grad: tensor([-2.1708])  (random: run * x)
            assertEquals(run * x.item(), w.grad().item(), 1e-6);
            assertTrue(Py.print("w.grad:", w.grad()).matches("w\\.grad: tensor\\(\\[-?\\d\\.\\d{4}\\]\\)"));
        }
    }

    // ---------------------------------------------------------------- 2.5.3 标量反向传播

    @Test
    void scalarBackward() {
        // (1)定义叶子节点及算子节点
        Tensor x = tensor(2.0);                   // x=torch.Tensor([2])
        Tensor w = randn(1).requiresGrad_();      // w=torch.randn(1,requires_grad=True)
        Tensor b = randn(1).requiresGrad_();      // b=torch.randn(1,requires_grad=True)
        Tensor y = mul(w, x);                     // y=torch.mul(w,x)  #等价于w*x
        Tensor z = add(y, b);                     // z=torch.add(y,b)  #等价于y+b
        assertEquals(DType.FLOAT32, x.dtype());
        // print("x,w,b的require_grad属性分别为：{},{},{}".format(x.requires_grad,w.requires_grad,b.requires_grad))
        assertEquals("x,w,b的require_grad属性分别为：False,True,True",
                Py.format("x,w,b的require_grad属性分别为：{},{},{}", x.requiresGrad(), w.requiresGrad(), b.requiresGrad()));

        // （2）查看叶子节点、非叶子节点的其他属性
        // print("y，z的requires_grad属性分别为：{},{}".format(y.requires_grad,z.requires_grad))
        assertEquals("y，z的requires_grad属性分别为：True,True",
                Py.format("y，z的requires_grad属性分别为：{},{}", y.requiresGrad(), z.requiresGrad()));
        // print("x，w，b，y，z的是否为叶子节点：{},{},{},{},{}".format(x.is_leaf,w.is_leaf,b.is_leaf,y.is_leaf,z.is_leaf))
        assertEquals("x，w，b，y，z的是否为叶子节点：True,True,True,False,False",
                Py.format("x，w，b，y，z的是否为叶子节点：{},{},{},{},{}",
                        x.isLeaf(), w.isLeaf(), b.isLeaf(), y.isLeaf(), z.isLeaf()));
        // print("x，w，b的grad_fn属性：{},{},{}".format(x.grad_fn,w.grad_fn,b.grad_fn))
        assertEquals("x，w，b的grad_fn属性：None,None,None",
                Py.format("x，w，b的grad_fn属性：{},{},{}", x.gradFn(), w.gradFn(), b.gradFn()));
        // print("y，z的是否为叶子节点：{},{}".format(y.grad_fn,z.grad_fn))
        //   (PyTorch: <MulBackward0 object at 0x...>,<AddBackward0 object at 0x...>)
        assertEquals("y，z的是否为叶子节点：<MulBackward0>,<AddBackward0>",
                Py.format("y，z的是否为叶子节点：{},{}", y.gradFn(), z.gradFn()));

        // （3）自动求导，实现梯度方向传播，即梯度的反向传播。
        z.backward();                             // z.backward()
        // print("参数w,b的梯度分别为:{},{},{}".format(w.grad,b.grad,x.grad))
        assertEquals("参数w,b的梯度分别为:tensor([2.]),tensor([1.]),None",
                Py.format("参数w,b的梯度分别为:{},{},{}", w.grad(), b.grad(), x.grad()));
        // print("非叶子节点y,z的梯度分别为:{},{}".format(y.grad,z.grad))
        assertEquals("非叶子节点y,z的梯度分别为:None,None",
                Py.format("非叶子节点y,z的梯度分别为:{},{}", y.grad(), z.grad()));
    }

    // ---------------------------------------------------------------- 2.5.4 非标量反向传播

    /** y1=x1**2+3*x2, y2=x2**2+2*x1, written element by element into y = torch.zeros(1, 2). */
    private static Tensor fillY(Tensor x, Tensor y) {
        y.set(x.get(0, 0).pow(2).add(x.get(0, 1).mul(3)), 0, 0);   // y[0, 0] = x[0, 0] ** 2 + 3 * x[0 ,1]
        y.set(x.get(0, 1).pow(2).add(x.get(0, 0).mul(2)), 0, 1);   // y[0, 1] = x[0, 1] ** 2 + 2 * x[0, 0]
        return y;
    }

    @Test
    void nonScalarBackwardBuildsTheJacobianRowByRow() {
        // x= torch.tensor([[2, 3]], dtype=torch.float, requires_grad=True)
        Tensor x = tensor(new double[][] {{2, 3}}).requiresGrad_();
        Tensor jac = zeros(2, 2);                 // J= torch.zeros(2 ,2)
        Tensor y = zeros(1, 2);                   // y = torch.zeros(1, 2)
        fillY(x, y);
        // (PyTorch: y is tensor([[13., 13.]], grad_fn=<CopySlices>), no longer a leaf)
        assertEquals("tensor([[13., 13.]], grad_fn=<CopySlices>)", y.toString());
        assertFalse(y.isLeaf());

        y.backward(tensor(new double[][] {{1, 0}}), true);   // y.backward(torch.Tensor([[1, 0]]),retain_graph=True)
        assertEquals("tensor([[4., 3.]])", x.grad().toString());
        jac.set(x.grad(), 0);                     // J[0]=x.grad
        x.setGrad(zerosLike(x.grad()));           // x.grad = torch.zeros_like(x.grad)
        y.backward(tensor(new double[][] {{0, 1}}));         // y.backward(torch.Tensor([[0, 1]]))
        jac.set(x.grad(), 1);                     // J[1]=x.grad
        assertEquals("tensor([[4., 3.],\n"
                + "        [2., 6.]])", jac.toString());     // print(J)
    }

    @Test
    void nonScalarBackwardWithOnesSumsTheRows() {
        // the commented-out cell: y.backward(torch.Tensor([[1, 1]])); print(x.grad)  -> tensor([[6., 9.]])
        Tensor x = tensor(new double[][] {{2, 3}}).requiresGrad_();
        Tensor y = fillY(x, zeros(1, 2));
        y.backward(tensor(new double[][] {{1, 1}}));
        assertEquals("tensor([[6., 9.]])", x.grad().toString());
    }

    // ---------------------------------------------------------------- 2.7 使用Tensor及antograd实现机器学习

    @Test
    void linearRegressionWithAutograd() {
        // 准备数据
        manualSeed(100);                          // torch.manual_seed(100)
        Tensor x = unsqueeze(linspace(-1, 1, 100), 1);        // x = torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1)
        Tensor noise = rand(x.shape());           // (torch.rand(x.size()) of the next line)
        Tensor y = x.pow(2).mul(3).add(2).add(noise.mul(0.2));  // y = 3*x.pow(2) +2+ 0.2*torch.rand(x.size())
        // (plt.scatter(x.numpy(), y.numpy()); plt.show() -- plots come with a later issue)

        // 随机初始化参数，参数w，b为需要学习的，故需requires_grad=True
        Tensor w = randn(1, 1).requiresGrad_();   // w = torch.randn(1,1, dtype=torch.float,requires_grad=True)
        Tensor b = zeros(1, 1).requiresGrad_();   // b = torch.zeros(1,1, dtype=torch.float, requires_grad=True)

        // Expected values printed by tools/fixtures/gen_seed_values.py (PyTorch 1.13, AVX2), section
        // "linear regression, torch.manual_seed(100)".
        assertArrayEquals(new int[] {100, 1}, x.shape());
        assertArrayEquals(new float[] {0.111664295f, 0.8158431f, 0.26256198f}, noise.slice(0, 0, 3).toFloatArray());
        assertArrayEquals(new float[] {0.39566457f}, noise.get(99).toFloatArray());
        assertArrayEquals(new float[] {5.0223327f}, y.get(0).toFloatArray());
        assertArrayEquals(new float[] {2.0893068f}, y.get(50).toFloatArray());
        assertArrayEquals(new float[] {5.079133f}, y.get(99).toFloatArray());
        Seed000AutogradTest.assertSums(51.25131273269653, 34.85967395329522, noise);
        assertArrayEquals(new float[] {0.2436525f}, w.toFloatArray());

        // 训练模型
        double lr = 0.001;                        // lr =0.001 # 学习率
        Tensor yPred = null;
        Tensor loss = null;
        for (int ii = 0; ii < 800; ii++) {        // for ii in range(800):
            yPred = x.pow(2).mm(w).add(b);        //     y_pred = x.pow(2).mm(w) + b
            loss = yPred.sub(y).pow(2).mul(0.5);  //     loss = 0.5 * (y_pred - y) ** 2
            loss = loss.sum();                    //     loss = loss.sum()
            loss.backward();                      //     loss.backward()
            if (ii == 0) {
                // (gen_seed_values.py: iteration 0: loss = 496.49377, w.grad = -128.5617, b.grad = -303.98462)
                assertEquals(496.49377, loss.item(), 1e-3);
                assertEquals(-128.5617, w.grad().item(), 1e-3);
                assertEquals(-303.98462, b.grad().item(), 1e-3);
            }
            try (var g = noGrad()) {              //     with torch.no_grad():
                w.sub_(w.grad().mul(lr));         //         w -= lr * w.grad
                b.sub_(b.grad().mul(lr));         //         b -= lr * b.grad
                w.grad().zero_();                 //         w.grad.zero_()
                b.grad().zero_();                 //         b.grad.zero_()
            }
        }
        // (plt.plot(x.numpy(), y_pred.detach().numpy(), ...) -- plots come with a later issue)
        assertFalse(yPred.detach().requiresGrad());
        assertNotNull(yPred.gradFn());

        // print(w, b)  -> tensor([[2.9645]], requires_grad=True) tensor([[2.1146]], requires_grad=True)
        // (gen_seed_values.py: final w = 2.9645145, b = 2.114641, final loss = 0.1667948; the tolerance allows
        // for a different summation order in the 800 steps)
        assertTrue(w.isLeaf() && w.requiresGrad() && b.isLeaf() && b.requiresGrad());
        assertNull(w.gradFn());
        assertEquals(2.9645145, w.item(), 1e-4);
        assertEquals(2.114641, b.item(), 1e-4);
        assertEquals(0.1667948, loss.item(), 1e-4);
        assertEquals(3.0, w.item(), 0.1);         // the data were made with w = 3 ...
        assertEquals(2.0, b.item(), 0.2);         // ... and b = 2 (plus noise of mean 0.1)
        assertTrue(Py.print(w, b).matches(
                "tensor\\(\\[\\[2\\.96\\d\\d\\]\\], requires_grad=True\\) tensor\\(\\[\\[2\\.11\\d\\d\\]\\], requires_grad=True\\)"),
                Py.print(w, b));
    }
}
