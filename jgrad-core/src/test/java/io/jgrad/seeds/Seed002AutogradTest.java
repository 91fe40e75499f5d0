package io.jgrad.seeds;

import static io.jgrad.Torch.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.Tensor;
import io.jgrad.autograd.Function;
import io.jgrad.autograd.FunctionCtx;
import org.junit.jupiter.api.Test;

/**
 * The autograd examples of {@code shared/seeds/002_*.txt} ("Autograd": Variable, 动态计算图, 反向传播,
 * 梯度计算控制, 自定义梯度计算, 梯度下降法), retyped in Java; each assertion is the output the seed shows, or
 * PyTorch 1.13's where the seed shows none. Nothing in this seed needs nn/optim.
 */
class Seed002AutogradTest {

    // ---------------------------------------------------------------- Variable

    @Test
    void onlyFloatingPointTensorsCanRequireGrad() {
        // x = torch.tensor([2],requires_grad=True)  -- as written, an int64 tensor: PyTorch raises
        // "Only Tensors of floating point and complex dtype can require gradients"; the Java spelling,
        // requiresGrad_(), raises PyTorch's requires_grad_() message.
        RuntimeException e = assertThrows(RuntimeException.class, () -> tensor(2L).requiresGrad_());
        assertEquals("only Tensors of floating point dtype can require gradients", e.getMessage());
    }

    @Test
    void gradFnOfAVariable() {
        Tensor x = tensor(2.0).requiresGrad_();   // x = torch.tensor([2.],requires_grad=True)
        assertNull(x.gradFn());                   // x.grad_fn  -> None (a leaf)
        Tensor y = x.pow(2).add(1);               // y=x**2+1
        assertEquals("<AddBackward0>", y.gradFn().toString());   // y.grad_fn
        assertEquals("[(<PowBackward0>, 0), (None, 0)]", y.gradFn().nextFunctions().toString());
    }

    // ---------------------------------------------------------------- 动态计算图

    @Test
    void neuronGraphLeaves() {
        Tensor x = tensor(new double[][] {{2}, {3}});                 // x = torch.tensor([[2],[3]],dtype=torch.float)
        Tensor w = tensor(new double[][] {{1, 2}}).requiresGrad_();   // w = torch.tensor([[1,2]],requires_grad=True,dtype=torch.float)
        Tensor b = tensor(1.0).requiresGrad_();   // b = torch.tensor([1],requires_grad=True,dtype=torch.float)
        Tensor z = mm(w, x).add(b);               // z = torch.mm(w,x) + b
        Tensor a = z.pow(2);                      // a = g(z)  with g(x) = x^2 (a = z**2)
        assertFalse(a.isLeaf());                  // a.is_leaf
        // 对 tensor 进行叶子结点判断时，x 也会认为是叶子结点，虽然 x 不能用于梯度求解
        assertTrue(x.isLeaf());
        assertFalse(x.requiresGrad());
        assertTrue(w.isLeaf());
        assertTrue(b.isLeaf());
        assertFalse(z.isLeaf());
        assertEquals("tensor([[9.]], grad_fn=<AddBackward0>)", z.toString());
        assertEquals("tensor([[81.]], grad_fn=<PowBackward0>)", a.toString());
    }

    // ---------------------------------------------------------------- 反向传播: 梯度求解

    @Test
    void neuronBackward() {
        Tensor x = tensor(new double[][] {{2}, {3}});                 // x = torch.tensor([[2],[3]],dtype=torch.float)
        Tensor w = tensor(new double[][] {{1, 2}}).requiresGrad_();   // w = torch.tensor([[1,2]],requires_grad=True,dtype=torch.float)
        Tensor b = tensor(1.0).requiresGrad_();   // b = torch.tensor([1],requires_grad=True,dtype=torch.float)
        Tensor z = mm(w, x).add(b);               // z = torch.mm(w,x) + b
        Tensor a = z.pow(2);                      // a = z**2
        a.backward();                             // a.backward()
        assertEquals("tensor([[36., 54.]])", Py.str(w.grad()));   // print(w.grad)
        assertEquals("tensor([18.])", Py.str(b.grad()));          // print(b.grad)
        assertEquals("None", Py.str(z.grad()));                   // print(z.grad)
        assertEquals("None", Py.str(x.grad()));                   // print(x.grad)
    }

    // ---------------------------------------------------------------- 梯度计算控制

    @Test
    void retainGradKeepsTheIntermediateGradient() {
        Tensor x = tensor(new double[][] {{2}, {3}});
        Tensor w = tensor(new double[][] {{1, 2}}).requiresGrad_();
        Tensor b = tensor(1.0).requiresGrad_();
        Tensor z = mm(w, x).add(b);               // z = torch.mm(w,x) + b
        z.retainGrad();                           // z.retain_grad()
        Tensor a = z.pow(2);                      // a = z**2
        a.backward();                             // (a.backward(), as above)
        assertEquals("tensor([[18.]])", Py.str(z.grad()));        // (PyTorch: da/dz = 2z = 18)
        assertEquals("tensor([[36., 54.]])", Py.str(w.grad()));
        assertEquals("tensor([18.])", Py.str(b.grad()));
    }

    @Test
    void noGradBlocksTracking() {
        Tensor x = tensor(new double[][] {{2}, {3}});
        Tensor w = tensor(new double[][] {{1, 2}}).requiresGrad_();
        Tensor b = tensor(1.0).requiresGrad_();
        Tensor z = mm(w, x).add(b);               // z = torch.mm(w,x) + b
        Tensor a;
        try (var g = noGrad()) {                  // with  torch.no_grad():
            a = z.pow(2);                         //     a = z**2
        }
        assertEquals("tensor([[81.]])", a.toString());
        assertFalse(a.requiresGrad());
        assertNull(a.gradFn());
        assertEquals("<AddBackward0>", z.gradFn().toString());
        // (PyTorch: a.backward() then raises)
        RuntimeException e = assertThrows(RuntimeException.class, a::backward);
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn", e.getMessage());
    }

    @Test
    void detachBlocksTracking() {
        Tensor x = tensor(new double[][] {{2}, {3}});
        Tensor w = tensor(new double[][] {{1, 2}}).requiresGrad_();
        Tensor b = tensor(1.0).requiresGrad_();
        Tensor z = mm(w, x).add(b);               // z = torch.mm(w,x) + b
        Tensor z1 = z.detach();                   // z1 = z.detach()   # z1 将不能用于求解梯度
        Tensor a = z1.pow(2);                     // a = z1**2
        assertEquals("tensor([[9.]])", z1.toString());
        assertTrue(z1.isLeaf());
        assertFalse(z1.requiresGrad());
        assertEquals("tensor([[81.]])", a.toString());
        assertFalse(a.requiresGrad());
        assertNull(a.gradFn());
    }

    // ---------------------------------------------------------------- 自定义梯度计算

    /** {@code class line(torch.autograd.Function)} (a Java class name starts upper-case: its node is LineBackward). */
    static final class Line extends Function {
        @Override
        public Tensor forward(FunctionCtx ctx, Tensor... in) {    // def forward(ctx,w,b,x):
            Tensor w = in[0];
            Tensor b = in[1];
            Tensor x = in[2];
            ctx.saveForBackward(w, b, x);         //     ctx.save_for_backward(w,b,x)
            return mm(w, x).add(b);               //     return torch.mm(w, x) + b
        }

        @Override
        public Tensor[] backward(FunctionCtx ctx, Tensor... gradOutputs) {   // def backward(ctx,grad_output):
            Tensor gradOutput = gradOutputs[0];
            Tensor[] saved = ctx.savedTensors();  //     w,b,x = ctx.saved_tensors
            Tensor x = saved[2];
            Tensor dw = mm(gradOutput, x.t());    //     dw = torch.mm(grad_output,x.t())
            Tensor db = gradOutput;               //     db = grad_output
            return new Tensor[] {dw, db, null};   //     return dw,db,None   # 由于不计算 x 的梯度，所以返回 None
        }
    }

    @Test
    void customFunctionLine() {
        Tensor x = tensor(new double[][] {{2}, {3}});                 // x = torch.tensor([[2],[3]],dtype=torch.float)
        Tensor w = tensor(new double[][] {{1, 2}}).requiresGrad_();   // w = torch.tensor([[1,2]],requires_grad=True,dtype=torch.float)
        Tensor b = tensor(1.0).requiresGrad_();   // b = torch.tensor([1],requires_grad=True,dtype=torch.float)

        Tensor z = new Line().apply(w, b, x);     // z = line.apply(w,b,x)
        Tensor a = z.pow(2);                      // a = z**2
        // (PyTorch: tensor([[9.]], grad_fn=<lineBackward>), and next_functions
        //  ((<AccumulateGrad>, 0), (<AccumulateGrad>, 0), (None, 0)))
        assertEquals("tensor([[9.]], grad_fn=<LineBackward>)", z.toString());
        assertEquals("LineBackward", z.gradFn().name());
        assertEquals("[(<AccumulateGrad>, 0), (<AccumulateGrad>, 0), (None, 0)]", z.gradFn().nextFunctions().toString());
        assertEquals("tensor([[81.]], grad_fn=<PowBackward0>)", a.toString());

        a.backward();                             // a.backward()
        // (PyTorch: the same gradients as without the custom Function; db of shape [1, 1] is summed to b's [1])
        assertEquals("tensor([[36., 54.]])", Py.str(w.grad()));
        assertEquals("tensor([18.])", Py.str(b.grad()));
        assertEquals("None", Py.str(z.grad()));
        assertEquals("None", Py.str(x.grad()));
    }

    // ---------------------------------------------------------------- 梯度下降法简单应用

    @Test
    void gradientDescentWithData() {
        // x1 = torch.tensor([1],dtype=torch.float,requires_grad=True)
        Tensor x1 = tensor(1.0).requiresGrad_();
        // x2 = torch.tensor([1],dtype=torch.float,requires_grad=True)
        Tensor x2 = tensor(1.0).requiresGrad_();
        double alpha = 0.5;                       // alpha = 0.5
        int n = 10;                               // n = 10

        // (PyTorch: x1, x2 after each epoch; the gradients are never zeroed, so they accumulate and the
        //  iterates cycle with period 6)
        double[] x1After = {10, 19, 19, 10, 1, 1, 10, 19, 19, 10};
        double[] x2After = {-5, -11, -11, -5, 1, 1, -5, -11, -11, -5};
        double[] x1s = new double[n];
        double[] x2s = new double[n];
        for (int epoch = 0; epoch < n; epoch++) { // for epoch in range(n):
            Tensor f = x1.sub(10).pow(2).add(x2.add(5).pow(2));   // f = (x1-10)**2 + (x2+5)**2
            f.backward();                         //     f.backward()
            x1.setData(x1.data().sub(x1.grad().mul(alpha)));    // x1.data = x1.data - alpha * x1.grad
            x2.setData(x2.data().sub(x2.grad().mul(alpha)));    // x2.data = x2.data - alpha * x2.grad
            x1s[epoch] = x1.item();
            x2s[epoch] = x2.item();
        }
        assertArrayEquals(x1After, x1s);
        assertArrayEquals(x2After, x2s);
        // print(x1,x2)  -> (PyTorch) tensor([10.], requires_grad=True) tensor([-5.], requires_grad=True)
        assertEquals("tensor([10.], requires_grad=True) tensor([-5.], requires_grad=True)", Py.print(x1, x2));
        // x1 stays a leaf (the note under the example), with the accumulated gradient
        assertTrue(x1.isLeaf());
        assertTrue(x2.isLeaf());
        assertEquals("tensor([18.])", x1.grad().toString());
        assertEquals("tensor([-12.])", x2.grad().toString());
        assertEquals(0, x1.version());            // (PyTorch: x1._version stays 0)
    }
}
