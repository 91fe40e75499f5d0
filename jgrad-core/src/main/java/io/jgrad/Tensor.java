package io.jgrad;

import io.jgrad.autograd.Autograd;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.RemovableHandle;
import io.jgrad.internal.Shapes;
import io.jgrad.internal.TensorAccess;
import io.jgrad.internal.ViewCreation;
import io.jgrad.ops.Activations;
import io.jgrad.ops.AdvancedIndexing;
import io.jgrad.ops.Arithmetic;
import io.jgrad.ops.Comparison;
import io.jgrad.ops.Copying;
import io.jgrad.ops.Indexing;
import io.jgrad.ops.InPlace;
import io.jgrad.ops.LinearAlgebra;
import io.jgrad.ops.MathFunctions;
import io.jgrad.ops.Pointwise;
import io.jgrad.ops.Products;
import io.jgrad.ops.Reductions;
import io.jgrad.ops.Reshaping;
import io.jgrad.ops.Sorting;
import io.jgrad.ops.Statistics;
import io.jgrad.ops.TensorState;
import io.jgrad.ops.Views;
import io.jgrad.storage.Storage;
import io.jgrad.storage.VersionCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An n-dimensional array that records the operations that made it, PyTorch's {@code torch.Tensor}.
 *
 * <p>A tensor is a strided view (offset, shape, strides) of a {@link Storage}; views share storage and never
 * copy. Its autograd state is PyTorch's: {@link #requiresGrad()}, {@link #isLeaf()}, {@link #gradFn()},
 * {@link #grad()}. Every op method here is a one-line delegation to the op's single definition in
 * {@code io.jgrad.ops}; {@link #toString()} prints exactly what PyTorch prints.
 *
 * <pre>{@code
 * Tensor w = tensor(1.0).requiresGrad_();     // w = torch.tensor([1.], requires_grad=True)
 * Tensor y = w.add(2).mul(w);                 // y = (w + 2) * w
 * y.backward();                               // y.backward()
 * System.out.println(w.grad());               // print(w.grad)  -> tensor([4.])
 * }</pre>
 */
public class Tensor {
    // Data: a strided view of a storage. Replaced only by setData (x.data = ...).
    private Storage storage;
    private int offset;
    private int[] shape;
    /** The product of shape, kept with it (Note [Shape arrays are immutable]: set only with shape). */
    private int numel;
    private int[] strides;
    private volatile VersionCounter version; // created on first need: most op results are never written

    // Autograd state (PyTorch's AutogradMeta).
    private boolean requiresGradFlag;
    private Node gradFn;
    private int outputNr;
    private volatile Tensor grad;
    private boolean retainsGrad;
    private volatile Node gradAccumulator;
    private List<UnaryOperator<Tensor>> hooks;

    // View state (PyTorch's DifferentiableViewMeta): root base, how it was made, version of its grad_fn.
    private Tensor viewBase;
    private ViewCreation viewCreation;
    private int viewAttrVersion;

    static {
        TensorAccess.install(new Access());
    }

    Tensor(Storage storage, int offset, int[] shape, int[] strides, VersionCounter version) {
        this.storage = storage;
        this.offset = offset;
        this.shape = shape;
        this.numel = Shapes.numel(shape);
        this.strides = strides;
        this.version = version;
    }

    /**
     * A new tensor sharing {@code data}'s elements (for subclasses such as {@code nn.Parameter}).
     *
     * <pre>{@code
     * Tensor p = new Parameter(torch.randn(3));   // nn.Parameter(torch.randn(3))
     * }</pre>
     *
     * @param data the elements to share; must be floating point if {@code requiresGrad}
     * @param requiresGrad whether the new leaf requires grad
     */
    protected Tensor(Tensor data, boolean requiresGrad) {
        this(data.storage, data.offset, data.shape, data.strides, null);
        if (requiresGrad) {
            requiresGrad_(true);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Shape and data

    /** The sizes, {@code x.shape} (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of one dimension, {@code x.size(dim)}; negative dims count from the end. */
    public int size(int dim) {
        return shape[Shapes.wrapDim(dim, shape.length)];
    }

    /** Number of dimensions, {@code x.dim()}. */
    public int dim() {
        return shape.length;
    }

    /** Number of elements, {@code x.numel()}. */
    public int numel() {
        return numel;
    }

    /** Element type, {@code x.dtype}. */
    public DType dtype() {
        return storage.dtype();
    }

    /** Strides in elements, {@code x.stride()} (a copy). */
    public int[] stride() {
        return strides.clone();
    }

    /** Stride of one dimension, {@code x.stride(dim)}. */
    public int stride(int dim) {
        return strides[Shapes.wrapDim(dim, shape.length)];
    }

    /** Offset of the first element in the storage, {@code x.storage_offset()}. */
    public int storageOffset() {
        return offset;
    }

    /**
     * The value of a one-element tensor, {@code x.item()}.
     *
     * @throws IllegalArgumentException if the tensor does not have exactly one element
     */
    public double item() {
        int n = numel();
        if (n != 1) {
            throw new IllegalArgumentException("only one element tensors can be converted to Python scalars");
        }
        return storage.getDouble(offset);
    }

    /** The elements in row-major order as doubles, {@code x.flatten().tolist()}. */
    public double[] toDoubleArray() {
        return Copying.contiguousArray(this, DType.FLOAT64).doubles();
    }

    /** The elements in row-major order as floats. */
    public float[] toFloatArray() {
        return Copying.contiguousArray(this, DType.FLOAT32).floats();
    }

    /** The elements in row-major order as longs (floating values truncated toward zero). */
    public long[] toLongArray() {
        return Copying.contiguousArray(this, DType.INT64).longs();
    }

    /** The elements in row-major order as booleans (non-zero is true). */
    public boolean[] toBooleanArray() {
        return Copying.contiguousArray(this, DType.BOOL).bools();
    }

    /** This tensor converted to {@code dtype} ({@code x.double()} is {@code x.to(DType.FLOAT64)}); itself if same. */
    public Tensor to(DType dtype) {
        return Copying.to(this, dtype);
    }

    /** A copy with its own storage, differentiable, {@code x.clone()}. */
    public Tensor clone() {
        return Copying.clone(this);
    }

    /** This tensor if contiguous, else a contiguous copy, {@code x.contiguous()}. */
    public Tensor contiguous() {
        return Copying.contiguous(this);
    }

    /** True if the elements are dense in row-major order, {@code x.is_contiguous()}. */
    public boolean isContiguous() {
        return Shapes.isContiguous(shape, strides);
    }

    /**
     * An alias of the elements that autograd does not track and whose writes do not bump this tensor's
     * version, {@code x.data}.
     */
    public Tensor data() {
        return new Tensor(storage, offset, shape, strides, null);
    }

    /**
     * Replaces this tensor's elements by {@code data}'s (sharing them), keeping its autograd identity,
     * {@code x.data = data}.
     *
     * <pre>{@code
     * x1.setData(x1.data().sub(x1.grad().mul(alpha)));   // x1.data = x1.data - alpha * x1.grad
     * }</pre>
     */
    public void setData(Tensor data) {
        TensorState.setData(this, data);
    }

    /** True if same shape and equal elements, {@code torch.equal(x, other)}. */
    public boolean equal(Tensor other) {
        return Comparison.equal(this, other);
    }

    /** {@code torch.allclose(x, other)} with rtol 1e-5, atol 1e-8. */
    public boolean allclose(Tensor other) {
        return Comparison.allclose(this, other, 1e-5, 1e-8);
    }

    /** {@code torch.allclose(x, other, rtol, atol)}. */
    public boolean allclose(Tensor other, double rtol, double atol) {
        return Comparison.allclose(this, other, rtol, atol);
    }

    /** PyTorch's repr, e.g. {@code tensor([6.], grad_fn=<MulBackward0>)}. */
    @Override
    public String toString() {
        List<String> suffixes = new ArrayList<>(1);
        Node fn = gradFn();
        if (fn != null) {
            suffixes.add("grad_fn=" + fn);
        } else if (requiresGrad()) {
            suffixes.add("requires_grad=True");
        }
        Object flat;
        switch (dtype()) {
            case INT64: flat = toLongArray(); break;
            case BOOL: flat = toBooleanArray(); break;
            default: flat = toDoubleArray();
        }
        return TensorPrinter.repr(flat, shape, dtype(), suffixes);
    }

    // ------------------------------------------------------------------------------------------------
    // Autograd

    /** Whether gradients flow to or through this tensor, {@code x.requires_grad}. */
    public boolean requiresGrad() {
        if (requiresGradFlag || gradFn != null) {
            return true;
        }
        return viewBase != null && (gradFn() != null || viewBase.requiresGrad());
    }

    /** {@code x.requires_grad_()}: makes this leaf require grad; returns this. */
    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    /**
     * {@code x.requires_grad_(flag)}; returns this.
     *
     * @throws IllegalArgumentException for integer/bool tensors (PyTorch's message)
     * @throws IllegalStateException when turning it off on a non-leaf (PyTorch's message)
     */
    public Tensor requiresGrad_(boolean flag) {
        TensorState.setRequiresGrad(this, flag);
        return this;
    }

    /** True for tensors not made by a recorded op (all tensors that do not require grad, too), {@code x.is_leaf}. */
    public boolean isLeaf() {
        return gradFn() == null;
    }

    /**
     * The accumulated gradient, {@code x.grad}; null before any backward, and for non-leaves unless
     * {@link #retainGrad()} was called.
     */
    public Tensor grad() {
        return grad;
    }

    /**
     * {@code x.grad = g}; null clears it.
     *
     * @throws IllegalArgumentException if {@code g}'s shape or dtype differs (PyTorch's messages)
     */
    public void setGrad(Tensor g) {
        TensorState.setGrad(this, g);
    }

    /** The node that made this tensor, {@code x.grad_fn}; null for leaves. */
    public Node gradFn() {
        if (viewBase != null && viewCreation == ViewCreation.DEFAULT) {
            return Views.refreshViewGradFn(this, viewBase, gradFn, viewAttrVersion);
        }
        return gradFn;
    }

    /** Which output of {@link #gradFn()} this tensor is, {@code x.output_nr}. */
    public int outputNr() {
        return outputNr;
    }

    /**
     * Keeps this non-leaf's gradient in {@link #grad()} after backward, {@code x.retain_grad()}; no-op on leaves.
     *
     * @throws IllegalStateException if the tensor does not require grad
     */
    public void retainGrad() {
        TensorState.retainGrad(this);
    }

    /** {@code x.retains_grad}. */
    public boolean retainsGrad() {
        return retainsGrad;
    }

    /**
     * Registers a hook run with this tensor's gradient during backward; a non-null result replaces the
     * gradient, {@code x.register_hook(fn)}.
     *
     * <pre>{@code
     * var h = x.registerHook(g -> g.mul(10));   // h = x.register_hook(lambda g: g * 10)
     * }</pre>
     *
     * @throws IllegalStateException if the tensor does not require grad
     */
    public RemovableHandle registerHook(UnaryOperator<Tensor> hook) {
        return TensorState.registerHook(this, hook);
    }

    /** {@code y.backward()}: implicit gradient 1 for a one-element tensor. */
    public void backward() {
        Autograd.backward(List.of(this), null, false, false);
    }

    /** {@code y.backward(gradient)}: the vector in the vector-Jacobian product; null for one-element tensors. */
    public void backward(Tensor gradient) {
        backward(gradient, false, false);
    }

    /** {@code y.backward(gradient, retain_graph=retainGraph)}. */
    public void backward(Tensor gradient, boolean retainGraph) {
        backward(gradient, retainGraph, false);
    }

    /** {@code y.backward(gradient, retain_graph, create_graph)}; createGraph implies retainGraph. */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        Autograd.backward(List.of(this), gradient == null ? null : java.util.Collections.singletonList(gradient),
                retainGraph || createGraph, createGraph);
    }

    /** A tensor sharing elements and version counter but cut from the graph, {@code x.detach()}. */
    public Tensor detach() {
        return Views.detach(this);
    }

    /** Cuts this tensor from the graph in place, {@code x.detach_()}; returns this. */
    public Tensor detach_() {
        TensorState.detachInPlace(this);
        return this;
    }

    /** Count of in-place writes to these elements, {@code x._version}. */
    public int version() {
        return versionValue();
    }

    private int versionValue() {
        VersionCounter v = version;
        return v == null ? 0 : v.get();
    }

    /** The version counter, created on first need (shared with views and detach() from then on). */
    private VersionCounter counter() {
        VersionCounter v = version;
        if (v == null) {
            synchronized (this) {
                v = version;
                if (v == null) {
                    v = new VersionCounter();
                    version = v;
                }
            }
        }
        return v;
    }

    /** True if this tensor is a view of another, {@code x._is_view()}. */
    public boolean isView() {
        return viewBase != null;
    }

    /** The tensor this is a view of, {@code x._base}; null if not a view. */
    public Tensor base() {
        return viewBase;
    }

    // ------------------------------------------------------------------------------------------------
    // Math (each also as Torch.x(...)); all broadcast.

    /** {@code x + other}. */
    public Tensor add(Tensor other) {
        return Arithmetic.add(this, other, 1);
    }

    /** {@code x + alpha * other}, {@code torch.add(x, other, alpha=alpha)}. */
    public Tensor add(Tensor other, double alpha) {
        return Arithmetic.add(this, other, alpha);
    }

    /** {@code x + 2.5} (a float scalar: integer tensors become FLOAT32). */
    public Tensor add(double other) {
        return Arithmetic.add(this, Torch.wrapScalar(other, this), 1);
    }

    /** {@code x + 2} (an integer scalar: keeps integer dtypes). */
    public Tensor add(long other) {
        return Arithmetic.add(this, Torch.wrapScalar(other, this), 1);
    }

    /** {@code x - other}. */
    public Tensor sub(Tensor other) {
        return Arithmetic.sub(this, other, 1);
    }

    /** {@code x - alpha * other}. */
    public Tensor sub(Tensor other, double alpha) {
        return Arithmetic.sub(this, other, alpha);
    }

    /** {@code x - 2.5}. */
    public Tensor sub(double other) {
        return Arithmetic.sub(this, Torch.wrapScalar(other, this), 1);
    }

    /** {@code x - 2}. */
    public Tensor sub(long other) {
        return Arithmetic.sub(this, Torch.wrapScalar(other, this), 1);
    }

    /** {@code x * other}. */
    public Tensor mul(Tensor other) {
        return Arithmetic.mul(this, other);
    }

    /** {@code x * 2.5}. */
    public Tensor mul(double other) {
        return Arithmetic.mul(this, Torch.wrapScalar(other, this));
    }

    /** {@code x * 2}. */
    public Tensor mul(long other) {
        return Arithmetic.mul(this, Torch.wrapScalar(other, this));
    }

    /** {@code x / other} (true division: integer inputs give FLOAT32). */
    public Tensor div(Tensor other) {
        return Arithmetic.div(this, other);
    }

    /** {@code x / 2.5}. */
    public Tensor div(double other) {
        return Arithmetic.div(this, Torch.wrapScalar(other, this));
    }

    /** {@code x ** 2.0}, {@code x.pow(2)}. */
    public Tensor pow(double exponent) {
        return Arithmetic.pow(this, exponent);
    }

    /** {@code x ** other} elementwise. */
    public Tensor pow(Tensor exponent) {
        return Arithmetic.pow(this, exponent);
    }

    /** {@code -x}. */
    public Tensor neg() {
        return Pointwise.neg(this);
    }

    /** {@code x.exp()}. */
    public Tensor exp() {
        return Pointwise.exp(this);
    }

    /** {@code x.log()}. */
    public Tensor log() {
        return Pointwise.log(this);
    }

    /** {@code x.sqrt()}. */
    public Tensor sqrt() {
        return Pointwise.sqrt(this);
    }

    /** {@code x.abs()}. */
    public Tensor abs() {
        return Pointwise.abs(this);
    }

    /** {@code x.sin()}. */
    public Tensor sin() {
        return Pointwise.sin(this);
    }

    /** {@code x.cos()}. */
    public Tensor cos() {
        return Pointwise.cos(this);
    }

    /** {@code x.tanh()}. */
    public Tensor tanh() {
        return Pointwise.tanh(this);
    }

    /** {@code x.sigmoid()}. */
    public Tensor sigmoid() {
        return Pointwise.sigmoid(this);
    }

    /** {@code x.relu()}. */
    public Tensor relu() {
        return Pointwise.relu(this);
    }

    /** {@code x.sign()}: -1, 0 or 1 (zero gradient). */
    public Tensor sign() {
        return Pointwise.sign(this);
    }

    /** {@code x.clamp(min, max)}; pass {@code Double.NaN} for no bound on that side. */
    public Tensor clamp(double min, double max) {
        return Pointwise.clamp(this, min, max);
    }

    /** {@code x.clamp(min=min)}. */
    public Tensor clampMin(double min) {
        return Pointwise.clamp(this, min, Double.NaN);
    }

    /** {@code x.clamp(max=max)}. */
    public Tensor clampMax(double max) {
        return Pointwise.clamp(this, Double.NaN, max);
    }

    /** Elementwise maximum, {@code torch.maximum(x, other)}. */
    public Tensor maximum(Tensor other) {
        return Arithmetic.maximum(this, other);
    }

    /** Elementwise minimum, {@code torch.minimum(x, other)}. */
    public Tensor minimum(Tensor other) {
        return Arithmetic.minimum(this, other);
    }

    // ------------------------------------------------------------------------------------------------
    // Comparison (BOOL results, no gradient)

    /** {@code x > other}. */
    public Tensor gt(Tensor other) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.GT, this, other);
    }

    /** {@code x > v}. */
    public Tensor gt(double v) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.GT, this, Torch.wrapScalar(v, this));
    }

    /** {@code x >= other}. */
    public Tensor ge(Tensor other) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.GE, this, other);
    }

    /** {@code x >= v}, e.g. {@code y_pred.ge(0.5)}. */
    public Tensor ge(double v) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.GE, this, Torch.wrapScalar(v, this));
    }

    /** {@code x < other}. */
    public Tensor lt(Tensor other) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.LT, this, other);
    }

    /** {@code x < v}. */
    public Tensor lt(double v) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.LT, this, Torch.wrapScalar(v, this));
    }

    /** {@code x <= other}. */
    public Tensor le(Tensor other) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.LE, this, other);
    }

    /** {@code x <= v}. */
    public Tensor le(double v) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.LE, this, Torch.wrapScalar(v, this));
    }

    /** {@code x == other} elementwise. */
    public Tensor eq(Tensor other) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.EQ, this, other);
    }

    /** {@code x == v}. */
    public Tensor eq(double v) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.EQ, this, Torch.wrapScalar(v, this));
    }

    /** {@code x != other}. */
    public Tensor ne(Tensor other) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.NE, this, other);
    }

    /** {@code x != v}. */
    public Tensor ne(double v) {
        return Comparison.compare(io.jgrad.kernel.CompareOp.NE, this, Torch.wrapScalar(v, this));
    }

    // ------------------------------------------------------------------------------------------------
    // Reductions

    /** Sum of all elements as a 0-d tensor, {@code x.sum()}. */
    public Tensor sum() {
        return Reductions.sum(this);
    }

    /** {@code x.sum(dim, keepdim=keepDim)}. */
    public Tensor sum(int dim, boolean keepDim) {
        return Reductions.sum(this, new int[] {dim}, keepDim);
    }

    /** {@code x.sum(dims, keepdim=keepDim)} over several dimensions. */
    public Tensor sum(int[] dims, boolean keepDim) {
        return Reductions.sum(this, dims, keepDim);
    }

    /** Mean of all elements, {@code x.mean()}. */
    public Tensor mean() {
        return Reductions.mean(this);
    }

    /** {@code x.mean(dim, keepdim=keepDim)}. */
    public Tensor mean(int dim, boolean keepDim) {
        return Reductions.mean(this, new int[] {dim}, keepDim);
    }

    /** Largest element as a 0-d tensor, {@code x.max()}. */
    public Tensor max() {
        return Reductions.extremeAll(this, true);
    }

    /** Smallest element as a 0-d tensor, {@code x.min()}. */
    public Tensor min() {
        return Reductions.extremeAll(this, false);
    }

    /** {@code x.max(dim, keepdim)}: values and their indices. */
    public ValuesIndices max(int dim, boolean keepDim) {
        return Reductions.extremeDim(this, dim, keepDim, true);
    }

    /** {@code x.min(dim, keepdim)}: values and their indices. */
    public ValuesIndices min(int dim, boolean keepDim) {
        return Reductions.extremeDim(this, dim, keepDim, false);
    }

    /** Elementwise maximum with another tensor, {@code torch.max(x, other)}. */
    public Tensor max(Tensor other) {
        return Arithmetic.maximum(this, other);
    }

    /** Elementwise minimum with another tensor, {@code torch.min(x, other)}. */
    public Tensor min(Tensor other) {
        return Arithmetic.minimum(this, other);
    }

    /** Index of the largest element along {@code dim}, {@code x.argmax(dim)}. */
    public Tensor argmax(int dim) {
        return Reductions.extremeDim(this, dim, false, true).indices();
    }

    /** Flat index of the largest element, {@code x.argmax()}. */
    public Tensor argmax() {
        return Reductions.extremeDim(reshape(-1), 0, false, true).indices();
    }

    /** Index of the smallest element along {@code dim}, {@code x.argmin(dim)}. */
    public Tensor argmin(int dim) {
        return Reductions.extremeDim(this, dim, false, false).indices();
    }

    // ------------------------------------------------------------------------------------------------
    // Linear algebra

    /** Matrix product of 2-D tensors, {@code x.mm(other)} / {@code torch.mm(x, other)}. */
    public Tensor mm(Tensor other) {
        return LinearAlgebra.mm(this, other);
    }

    /** {@code x @ other}: dot, matrix-vector, matrix and broadcast batched products. */
    public Tensor matmul(Tensor other) {
        return LinearAlgebra.matmul(this, other);
    }

    /** Batched matrix product of 3-D tensors, {@code torch.bmm(x, other)}. */
    public Tensor bmm(Tensor other) {
        return LinearAlgebra.bmm(this, other);
    }

    /** Dot product of 1-D tensors, {@code torch.dot(x, other)}. */
    public Tensor dot(Tensor other) {
        return LinearAlgebra.dot(this, other);
    }

    /** Matrix-vector product, {@code torch.mv(x, vec)}. */
    public Tensor mv(Tensor vec) {
        return LinearAlgebra.mv(this, vec);
    }

    /** Transpose of a tensor of at most 2 dimensions (a view), {@code x.t()}. */
    public Tensor t() {
        return Views.t(this);
    }

    // ------------------------------------------------------------------------------------------------
    // Views: share storage, tracked by autograd.

    /** {@code x.view(shape)}; one size may be -1. */
    public Tensor view(int... shape) {
        return Views.view(this, shape);
    }

    /** {@code x.view_as(other)}. */
    public Tensor viewAs(Tensor other) {
        return Views.view(this, other.shape);
    }

    /** {@code x.reshape(shape)}: a view when possible, else a copy; no sizes gives a 0-d tensor. */
    public Tensor reshape(int... shape) {
        return Views.reshape(this, shape);
    }

    /** {@code x.transpose(dim0, dim1)}. */
    public Tensor transpose(int dim0, int dim1) {
        return Views.transpose(this, dim0, dim1);
    }

    /** {@code x.permute(dims)}. */
    public Tensor permute(int... dims) {
        return Views.permute(this, dims);
    }

    /** {@code x.squeeze()}: drops every size-1 dimension. */
    public Tensor squeeze() {
        return Views.squeeze(this);
    }

    /** {@code x.squeeze(dim)}: drops that dimension if its size is 1. */
    public Tensor squeeze(int dim) {
        return Views.squeeze(this, dim);
    }

    /** {@code x.unsqueeze(dim)}. */
    public Tensor unsqueeze(int dim) {
        return Views.unsqueeze(this, dim);
    }

    /** {@code x.expand(sizes)}; -1 keeps a size. */
    public Tensor expand(int... sizes) {
        return Views.expand(this, sizes);
    }

    /** {@code x.expand_as(other)}. */
    public Tensor expandAs(Tensor other) {
        return Views.expand(this, other.shape);
    }

    /** {@code x.flatten()}. */
    public Tensor flatten() {
        return Views.flatten(this, 0, -1);
    }

    /** {@code x.flatten(start_dim, end_dim)}. */
    public Tensor flatten(int startDim, int endDim) {
        return Views.flatten(this, startDim, endDim);
    }

    /** {@code x[i, j, ...]}: selects along the leading dimensions (negative indices count from the end). */
    public Tensor get(int... index) {
        return Views.get(this, index);
    }

    /** {@code x.select(dim, index)}, {@code x[:, index]} for dim 1. */
    public Tensor select(int dim, int index) {
        return Views.select(this, dim, index);
    }

    /** {@code x[..., start:end]} along {@code dim}; bounds are clamped like Python slices. */
    public Tensor slice(int dim, int start, int end) {
        return Views.slice(this, dim, start, end, 1);
    }

    /** {@code x[..., start:end:step]} along {@code dim}. */
    public Tensor slice(int dim, int start, int end, int step) {
        return Views.slice(this, dim, start, end, step);
    }

    /** {@code x.narrow(dim, start, length)}. */
    public Tensor narrow(int dim, int start, int length) {
        return Views.narrow(this, dim, start, length);
    }

    // ------------------------------------------------------------------------------------------------
    // Indexing

    /** {@code x.index_select(dim, index)} with a 1-D INT64 index. */
    public Tensor indexSelect(int dim, Tensor index) {
        return Indexing.indexSelect(this, dim, index);
    }

    /** {@code x.gather(dim, index)}. */
    public Tensor gather(int dim, Tensor index) {
        return Indexing.gather(this, dim, index);
    }

    /** {@code x.masked_fill(mask, value)}. */
    public Tensor maskedFill(Tensor mask, double value) {
        return Indexing.maskedFill(this, mask, value);
    }

    // ------------------------------------------------------------------------------------------------
    // More math, reductions, indexing, shapes and products (issue 3's op surface)

    /** {@code x.tan()}: tangent. */
    public Tensor tan() {
        return MathFunctions.tan(this);
    }

    /** {@code x.asin()}: arcsine. */
    public Tensor asin() {
        return MathFunctions.asin(this);
    }

    /** {@code x.acos()}: arccosine. */
    public Tensor acos() {
        return MathFunctions.acos(this);
    }

    /** {@code x.atan()}: arctangent. */
    public Tensor atan() {
        return MathFunctions.atan(this);
    }

    /** {@code x.sinh()}: hyperbolic sine. */
    public Tensor sinh() {
        return MathFunctions.sinh(this);
    }

    /** {@code x.cosh()}: hyperbolic cosine. */
    public Tensor cosh() {
        return MathFunctions.cosh(this);
    }

    /** {@code x.log1p()}: ln(1 + x), accurate near 0. */
    public Tensor log1p() {
        return MathFunctions.log1p(this);
    }

    /** {@code x.expm1()}: e^x - 1, accurate near 0. */
    public Tensor expm1() {
        return MathFunctions.expm1(this);
    }

    /** {@code x.log2()}: log base 2. */
    public Tensor log2() {
        return MathFunctions.log2(this);
    }

    /** {@code x.log10()}: log base 10. */
    public Tensor log10() {
        return MathFunctions.log10(this);
    }

    /** {@code x.erf()}: error function. */
    public Tensor erf() {
        return MathFunctions.erf(this);
    }

    /** {@code x.reciprocal()}: 1 / x. */
    public Tensor reciprocal() {
        return MathFunctions.reciprocal(this);
    }

    /** {@code x.rsqrt()}: 1 / sqrt(x). */
    public Tensor rsqrt() {
        return MathFunctions.rsqrt(this);
    }

    /** {@code x.square()}: x * x. */
    public Tensor square() {
        return MathFunctions.square(this);
    }

    /** {@code x.floor()}: round down (zero gradient). */
    public Tensor floor() {
        return MathFunctions.floor(this);
    }

    /** {@code x.ceil()}: round up (zero gradient). */
    public Tensor ceil() {
        return MathFunctions.ceil(this);
    }

    /** {@code x.round()}: round half to even (zero gradient). */
    public Tensor round() {
        return MathFunctions.round(this);
    }

    /** {@code x.trunc()}: round toward zero (zero gradient). */
    public Tensor trunc() {
        return MathFunctions.trunc(this);
    }

    /** {@code torch.atan2(x, other)}: angle of (other, x). */
    public Tensor atan2(Tensor other) {
        return MathFunctions.atan2(this, other);
    }

    /** {@code torch.fmod(x, other)}: remainder with the sign of x. */
    public Tensor fmod(Tensor other) {
        return MathFunctions.fmod(this, other);
    }

    /** {@code torch.fmod(x, 2.5)}. */
    public Tensor fmod(double other) {
        return MathFunctions.fmod(this, Torch.wrapScalar(other, this));
    }

    /** {@code torch.remainder(x, other)}: remainder with the sign of other (Python's %). */
    public Tensor remainder(Tensor other) {
        return MathFunctions.remainder(this, other);
    }

    /** {@code x % 2.5}. */
    public Tensor remainder(double other) {
        return MathFunctions.remainder(this, Torch.wrapScalar(other, this));
    }

    /** {@code torch.lerp(x, end, weight)}: x + weight * (end - x). */
    public Tensor lerp(Tensor end, double weight) {
        return MathFunctions.lerp(this, end, Torch.wrapScalar(weight, this));
    }

    /** {@code torch.lerp(x, end, weight)} with a tensor weight. */
    public Tensor lerp(Tensor end, Tensor weight) {
        return MathFunctions.lerp(this, end, weight);
    }

    /** {@code x.clamp(min, max)} with tensor bounds (either may be null). */
    public Tensor clamp(Tensor min, Tensor max) {
        return MathFunctions.clamp(this, min, max);
    }

    /** {@code x.prod()}: product of all elements. */
    public Tensor prod() {
        return Statistics.prod(this);
    }

    /** {@code x.prod(dim, keepdim)}. */
    public Tensor prod(int dim, boolean keepDim) {
        return Statistics.prod(this, dim, keepDim);
    }

    /** {@code x.var()}: unbiased variance of all elements. */
    public Tensor var() {
        return Statistics.var(this, new int[0], 1, false);
    }

    /** {@code x.var(dim, keepdim=keepDim)} (unbiased). */
    public Tensor var(int dim, boolean keepDim) {
        return Statistics.var(this, new int[] {dim}, 1, keepDim);
    }

    /** {@code x.var(dims, correction=correction, keepdim=keepDim)}. */
    public Tensor var(int[] dims, double correction, boolean keepDim) {
        return Statistics.var(this, dims, correction, keepDim);
    }

    /** {@code x.std()}: unbiased standard deviation of all elements. */
    public Tensor std() {
        return Statistics.std(this, new int[0], 1, false);
    }

    /** {@code x.std(dim, keepdim=keepDim)} (unbiased). */
    public Tensor std(int dim, boolean keepDim) {
        return Statistics.std(this, new int[] {dim}, 1, keepDim);
    }

    /** {@code x.std(dims, correction=correction, keepdim=keepDim)}. */
    public Tensor std(int[] dims, double correction, boolean keepDim) {
        return Statistics.std(this, dims, correction, keepDim);
    }

    /** {@code x.norm()}: the 2-norm (Frobenius) of all elements. */
    public Tensor norm() {
        return Statistics.norm(this, 2, new int[0], false);
    }

    /** {@code x.norm(p)} for p = 1, 2, inf ({@code Double.POSITIVE_INFINITY}) or any positive p. */
    public Tensor norm(double p) {
        return Statistics.norm(this, p, new int[0], false);
    }

    /** {@code x.norm(p, dims, keepdim)}. */
    public Tensor norm(double p, int[] dims, boolean keepDim) {
        return Statistics.norm(this, p, dims, keepDim);
    }

    /** {@code x.logsumexp(dim, keepdim)}: log(sum(exp(x))) computed stably. */
    public Tensor logsumexp(int dim, boolean keepDim) {
        return Statistics.logsumexp(this, new int[] {dim}, keepDim);
    }

    /** {@code x.logsumexp(dims, keepdim)}. */
    public Tensor logsumexp(int[] dims, boolean keepDim) {
        return Statistics.logsumexp(this, dims, keepDim);
    }

    /** {@code x.cumsum(dim)}. */
    public Tensor cumsum(int dim) {
        return Statistics.cumsum(this, dim);
    }

    /** {@code x.cumprod(dim)}. */
    public Tensor cumprod(int dim) {
        return Statistics.cumprod(this, dim);
    }

    /** {@code x.amax(dim, keepdim)}: maxima without indices; ties share the gradient. */
    public Tensor amax(int dim, boolean keepDim) {
        return Statistics.amax(this, new int[] {dim}, keepDim);
    }

    /** {@code x.amax(dims, keepdim)}. */
    public Tensor amax(int[] dims, boolean keepDim) {
        return Statistics.amax(this, dims, keepDim);
    }

    /** {@code x.amin(dim, keepdim)}. */
    public Tensor amin(int dim, boolean keepDim) {
        return Statistics.amin(this, new int[] {dim}, keepDim);
    }

    /** {@code x.amin(dims, keepdim)}. */
    public Tensor amin(int[] dims, boolean keepDim) {
        return Statistics.amin(this, dims, keepDim);
    }

    /** {@code x.all()}: true if every element is non-zero (BOOL). */
    public Tensor all() {
        return Statistics.all(this);
    }

    /** {@code x.all(dim, keepdim)}. */
    public Tensor all(int dim, boolean keepDim) {
        return Statistics.all(this, dim, keepDim);
    }

    /** {@code x.any()}: true if some element is non-zero (BOOL). */
    public Tensor any() {
        return Statistics.any(this);
    }

    /** {@code x.any(dim, keepdim)}. */
    public Tensor any(int dim, boolean keepDim) {
        return Statistics.any(this, dim, keepDim);
    }

    /** {@code x.sort()}: ascending along the last dimension. */
    public ValuesIndices sort() {
        return Sorting.sort(this, -1, false);
    }

    /** {@code x.sort(dim, descending)}: values and their original indices (stable). */
    public ValuesIndices sort(int dim, boolean descending) {
        return Sorting.sort(this, dim, descending);
    }

    /** {@code x.topk(k)}: the k largest along the last dimension, sorted. */
    public ValuesIndices topk(int k) {
        return Sorting.topk(this, k, -1, true, true);
    }

    /** {@code x.topk(k, dim, largest, sorted)}. */
    public ValuesIndices topk(int k, int dim, boolean largest, boolean sorted) {
        return Sorting.topk(this, k, dim, largest, sorted);
    }

    /** {@code x.masked_select(mask)}: the selected elements as a 1-D tensor. */
    public Tensor maskedSelect(Tensor mask) {
        return AdvancedIndexing.maskedSelect(this, mask);
    }

    /** {@code x.scatter(dim, index, src)}. */
    public Tensor scatter(int dim, Tensor index, Tensor src) {
        return AdvancedIndexing.scatter(this, dim, index, src);
    }

    /** {@code x.scatter(dim, index, value)}. */
    public Tensor scatter(int dim, Tensor index, double value) {
        return AdvancedIndexing.scatter(this, dim, index, value);
    }

    /** {@code x.scatter_add(dim, index, src)}. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return AdvancedIndexing.scatterAdd(this, dim, index, src);
    }

    /** {@code x.index_add(dim, index, source)}. */
    public Tensor indexAdd(int dim, Tensor index, Tensor source) {
        return AdvancedIndexing.indexAdd(this, dim, index, source, 1);
    }

    /** {@code x.index_add(dim, index, source, alpha=alpha)}. */
    public Tensor indexAdd(int dim, Tensor index, Tensor source, double alpha) {
        return AdvancedIndexing.indexAdd(this, dim, index, source, alpha);
    }

    /** {@code x[i0, i1, ...]} with INT64 or BOOL index tensors; null is a full slice {@code :}. */
    public Tensor index(Tensor... indices) {
        return AdvancedIndexing.index(this, indices);
    }

    /** {@code x.index_put(indices, values, accumulate)} out of place. */
    public Tensor indexPut(Tensor[] indices, Tensor values, boolean accumulate) {
        return AdvancedIndexing.indexPut(this, indices, values, accumulate);
    }

    /** {@code x.repeat(sizes)}. */
    public Tensor repeat(int... sizes) {
        return Reshaping.repeat(this, sizes);
    }

    /** {@code x.tile(dims)}. */
    public Tensor tile(int... dims) {
        return Reshaping.tile(this, dims);
    }

    /** {@code x.flip(dims)}. */
    public Tensor flip(int... dims) {
        return Reshaping.flip(this, dims);
    }

    /** {@code x.roll(shift, dim)}. */
    public Tensor roll(int shift, int dim) {
        return Reshaping.roll(this, new int[] {shift}, new int[] {dim});
    }

    /** {@code x.roll(shifts, dims)}; no dims rolls the flattened tensor. */
    public Tensor roll(int[] shifts, int[] dims) {
        return Reshaping.roll(this, shifts, dims);
    }

    /** {@code x.chunk(chunks, dim)}: views. */
    public Tensor[] chunk(int chunks, int dim) {
        return Reshaping.chunk(this, chunks, dim);
    }

    /** {@code x.split(splitSize, dim)}: views. */
    public Tensor[] split(int splitSize, int dim) {
        return Reshaping.split(this, splitSize, dim);
    }

    /** {@code x.split([s0, s1, ...], dim)}: views. */
    public Tensor[] split(int[] sizes, int dim) {
        return Reshaping.split(this, sizes, dim);
    }

    /** {@code x.unbind(dim)}: views. */
    public Tensor[] unbind(int dim) {
        return Views.unbind(this, dim);
    }

    /** {@code x.unbind()} along dim 0. */
    public Tensor[] unbind() {
        return Views.unbind(this, 0);
    }

    /** {@code x.diag()}: a vector's diagonal matrix, or a matrix's diagonal. */
    public Tensor diag() {
        return Reshaping.diag(this, 0);
    }

    /** {@code x.diag(k)}. */
    public Tensor diag(int k) {
        return Reshaping.diag(this, k);
    }

    /** {@code x.diagonal()}: a view of the main diagonal of the first two dimensions. */
    public Tensor diagonal() {
        return Views.diagonal(this, 0, 0, 1);
    }

    /** {@code x.diagonal(offset, dim1, dim2)}. */
    public Tensor diagonal(int offset, int dim1, int dim2) {
        return Views.diagonal(this, offset, dim1, dim2);
    }

    /** {@code x.trace()}. */
    public Tensor trace() {
        return Reshaping.trace(this);
    }

    /** {@code x.tril()}. */
    public Tensor tril() {
        return Reshaping.tril(this, 0);
    }

    /** {@code x.tril(k)}. */
    public Tensor tril(int k) {
        return Reshaping.tril(this, k);
    }

    /** {@code x.triu()}. */
    public Tensor triu() {
        return Reshaping.triu(this, 0);
    }

    /** {@code x.triu(k)}. */
    public Tensor triu(int k) {
        return Reshaping.triu(this, k);
    }

    /** {@code torch.outer(x, other)}. */
    public Tensor outer(Tensor other) {
        return Products.outer(this, other);
    }

    /** {@code x.addmm(m1, m2)}: x + m1 @ m2. */
    public Tensor addmm(Tensor m1, Tensor m2) {
        return Products.addmm(this, m1, m2, 1, 1);
    }

    /** {@code torch.cross(x, other, dim)}. */
    public Tensor cross(Tensor other, int dim) {
        return Products.cross(this, other, dim);
    }

    // Activations

    /** {@code x.softmax(dim)}. */
    public Tensor softmax(int dim) {
        return Activations.softmax(this, dim);
    }

    /** {@code x.log_softmax(dim)}. */
    public Tensor logSoftmax(int dim) {
        return Activations.logSoftmax(this, dim);
    }

    /** {@code F.gelu(x)} (exact erf form). */
    public Tensor gelu() {
        return Activations.gelu(this);
    }

    /** {@code F.gelu(x, approximate='tanh')}. */
    public Tensor gelu(String approximate) {
        return Activations.gelu(this, approximate);
    }

    /** {@code F.silu(x)}: x * sigmoid(x). */
    public Tensor silu() {
        return Activations.silu(this);
    }

    /** {@code F.softplus(x)}. */
    public Tensor softplus() {
        return Activations.softplus(this);
    }

    /** {@code F.softplus(x, beta, threshold)}. */
    public Tensor softplus(double beta, double threshold) {
        return Activations.softplus(this, beta, threshold);
    }

    /** {@code F.mish(x)}. */
    public Tensor mish() {
        return Activations.mish(this);
    }

    /** {@code F.leaky_relu(x, negative_slope)}. */
    public Tensor leakyRelu(double negativeSlope) {
        return Activations.leakyRelu(this, negativeSlope);
    }

    /** {@code F.elu(x, alpha)}. */
    public Tensor elu(double alpha) {
        return Activations.elu(this, alpha);
    }

    /** {@code F.selu(x)}. */
    public Tensor selu() {
        return Activations.selu(this);
    }

    /** {@code F.hardtanh(x, min_val, max_val)}. */
    public Tensor hardtanh(double minVal, double maxVal) {
        return Activations.hardtanh(this, minVal, maxVal);
    }

    /** {@code F.logsigmoid(x)}. */
    public Tensor logSigmoid() {
        return Activations.logSigmoid(this);
    }

    // ------------------------------------------------------------------------------------------------
    // In-place ops: write into this tensor, bump its version, rebase its history; return this.

    /** {@code x.add_(other)}, {@code x += other}. */
    public Tensor add_(Tensor other) {
        return InPlace.apply(this, s -> Arithmetic.add(s, other, 1), false, other);
    }

    /** {@code x.add_(other, alpha=alpha)}. */
    public Tensor add_(Tensor other, double alpha) {
        return InPlace.apply(this, s -> Arithmetic.add(s, other, alpha), false, other);
    }

    /** {@code x.add_(2.5)}. */
    public Tensor add_(double other) {
        return InPlace.apply(this, s -> Arithmetic.add(s, Torch.wrapScalar(other, s), 1), false);
    }

    /** {@code x.sub_(other)}, {@code x -= other}. */
    public Tensor sub_(Tensor other) {
        return InPlace.apply(this, s -> Arithmetic.sub(s, other, 1), false, other);
    }

    /** {@code x.sub_(other, alpha=alpha)}. */
    public Tensor sub_(Tensor other, double alpha) {
        return InPlace.apply(this, s -> Arithmetic.sub(s, other, alpha), false, other);
    }

    /** {@code x.sub_(2.5)}. */
    public Tensor sub_(double other) {
        return InPlace.apply(this, s -> Arithmetic.sub(s, Torch.wrapScalar(other, s), 1), false);
    }

    /** {@code x.mul_(other)}, {@code x *= other}. */
    public Tensor mul_(Tensor other) {
        return InPlace.apply(this, s -> Arithmetic.mul(s, other), true, other);
    }

    /** {@code x.mul_(2.5)}. */
    public Tensor mul_(double other) {
        return InPlace.apply(this, s -> Arithmetic.mul(s, Torch.wrapScalar(other, s)), false);
    }

    /** {@code x.div_(other)}, {@code x /= other}. */
    public Tensor div_(Tensor other) {
        return InPlace.apply(this, s -> Arithmetic.div(s, other), true, other);
    }

    /** {@code x.div_(2.5)}. */
    public Tensor div_(double other) {
        return InPlace.apply(this, s -> Arithmetic.div(s, Torch.wrapScalar(other, s)), false);
    }

    /** {@code x.pow_(exponent)}. */
    public Tensor pow_(double exponent) {
        return InPlace.apply(this, s -> Arithmetic.pow(s, exponent), true);
    }

    /** {@code x.neg_()}. */
    public Tensor neg_() {
        return InPlace.apply(this, Pointwise::neg, false);
    }

    /** {@code x.exp_()}. */
    public Tensor exp_() {
        return InPlace.apply(this, Pointwise::exp, false);
    }

    /** {@code x.sigmoid_()}. */
    public Tensor sigmoid_() {
        return InPlace.apply(this, Pointwise::sigmoid, false);
    }

    /** {@code x.relu_()}. */
    public Tensor relu_() {
        return InPlace.apply(this, Pointwise::relu, false);
    }

    /** {@code x.clamp_(min, max)}. */
    public Tensor clamp_(double min, double max) {
        return InPlace.apply(this, s -> Pointwise.clamp(s, min, max), true);
    }

    /** {@code x.zero_()}. */
    public Tensor zero_() {
        return InPlace.fill(this, 0, "ZeroBackward0");
    }

    /** {@code x.fill_(value)}. */
    public Tensor fill_(double value) {
        return InPlace.fill(this, value, "FillBackward0");
    }

    /** {@code x.copy_(src)}: src broadcasts to x's shape and converts to x's dtype. */
    public Tensor copy_(Tensor src) {
        return InPlace.copy(this, src);
    }

    /** {@code x.masked_fill_(mask, value)}. */
    public Tensor maskedFill_(Tensor mask, double value) {
        return InPlace.apply(this, s -> Indexing.maskedFill(s, mask, value), false, mask);
    }

    /** {@code x.index_put_(indices, values)}: {@code x[indices] = values}. */
    public Tensor indexPut_(Tensor[] indices, Tensor values) {
        return InPlace.apply(this, s -> AdvancedIndexing.indexPut(s, indices, values, false), false, values);
    }

    /** {@code x.index_put_(indices, values, accumulate)}. */
    public Tensor indexPut_(Tensor[] indices, Tensor values, boolean accumulate) {
        return InPlace.apply(this, s -> AdvancedIndexing.indexPut(s, indices, values, accumulate), false, values);
    }

    /** {@code x.scatter_(dim, index, src)}. */
    public Tensor scatter_(int dim, Tensor index, Tensor src) {
        return InPlace.apply(this, s -> AdvancedIndexing.scatter(s, dim, index, src), false, src);
    }

    /** {@code x.scatter_add_(dim, index, src)}. */
    public Tensor scatterAdd_(int dim, Tensor index, Tensor src) {
        return InPlace.apply(this, s -> AdvancedIndexing.scatterAdd(s, dim, index, src), false, src);
    }

    /** {@code x.index_add_(dim, index, source)}. */
    public Tensor indexAdd_(int dim, Tensor index, Tensor source) {
        return InPlace.apply(this, s -> AdvancedIndexing.indexAdd(s, dim, index, source, 1), false, source);
    }

    /**
     * {@code x[index] = value}: shorthand for {@code x.get(index).copy_(value)}.
     *
     * <pre>{@code
     * y.set(x.get(0, 0).pow(2).add(x.get(0, 1).mul(3)), 0, 0);   // y[0, 0] = x[0, 0] ** 2 + 3 * x[0, 1]
     * }</pre>
     */
    public Tensor set(Tensor value, int... index) {
        // Python's __setitem__ drops the value's leading size-1 dimensions before copying (slicePrefix1sSize).
        int[] vs = value.shape;
        int lead = 0;
        while (lead < vs.length && vs[lead] == 1) {
            lead++;
        }
        Tensor v = lead == 0 ? value : value.reshape(java.util.Arrays.copyOfRange(vs, lead, vs.length));
        get(index).copy_(v);
        return this;
    }

    /** {@code x[index] = value} for a number. */
    public Tensor set(double value, int... index) {
        get(index).fill_(value);
        return this;
    }

    // ------------------------------------------------------------------------------------------------

    /** The engine's and the ops' door to the fields above; see {@link TensorAccess}. */
    private static final class Access extends TensorAccess {
        @Override
        public Tensor make(Storage storage, int offset, int[] shape, int[] strides) {
            return new Tensor(storage, offset, shape, strides, null);
        }

        @Override
        public Tensor alias(Tensor src, int offset, int[] shape, int[] strides) {
            return new Tensor(src.storage, offset, shape, strides, src.counter());
        }

        @Override
        public void markView(Tensor view, Tensor base) {
            Tensor root = base.viewBase != null ? base.viewBase : base;
            ViewCreation creation = io.jgrad.autograd.GradMode.isEnabled() ? ViewCreation.DEFAULT
                    : ViewCreation.NO_GRAD_MODE;
            if (base.viewBase != null && base.viewCreation != ViewCreation.DEFAULT) {
                creation = base.viewCreation;
            }
            view.viewBase = root;
            view.viewCreation = creation;
            view.viewAttrVersion = view.counter().get();
        }

        @Override
        public void markMultiOutputView(Tensor view, Tensor base) {
            markView(view, base);
            if (view.viewCreation == ViewCreation.DEFAULT) {
                view.viewCreation = ViewCreation.MULTI_OUTPUT_NODE;
            }
        }

        @Override
        public VersionCounter versionCounter(Tensor t) {
            return t.counter();
        }

        @Override
        public int versionValue(Tensor t) {
            return t.versionValue();
        }

        @Override
        public Node rawGradFn(Tensor t) {
            return t.gradFn;
        }

        @Override
        public int outputNr(Tensor t) {
            return t.outputNr;
        }

        @Override
        public void setHistory(Tensor t, Node fn, int outputNr) {
            t.gradFn = fn;
            t.outputNr = outputNr;
            if (fn != null) {
                t.requiresGradFlag = false;
            }
            if (t.viewBase != null) {
                t.viewAttrVersion = t.versionValue();
            }
        }

        @Override
        public Node gradAccumulator(Tensor leaf) {
            Node acc = leaf.gradAccumulator;
            if (acc != null) {
                return acc;
            }
            synchronized (leaf) {
                if (leaf.gradAccumulator == null) {
                    leaf.gradAccumulator = io.jgrad.autograd.Graph.newAccumulator(leaf);
                }
                return leaf.gradAccumulator;
            }
        }

        @Override
        public Tensor viewBase(Tensor t) {
            return t.viewBase;
        }

        @Override
        public ViewCreation viewCreation(Tensor t) {
            return t.viewCreation;
        }

        @Override
        public void invalidateViewGradFn(Tensor view) {
            view.viewAttrVersion = -1;
        }

        @Override
        public void setGradField(Tensor t, Tensor g) {
            t.grad = g;
        }

        @Override
        public void setData(Tensor t, Storage storage, int offset, int[] shape, int[] strides) {
            t.storage = storage;
            t.offset = offset;
            t.shape = shape;
            t.numel = Shapes.numel(shape);
            t.strides = strides;
        }

        @Override
        public List<UnaryOperator<Tensor>> hooksOrNull(Tensor t) {
            return t.hooks;
        }

        @Override
        public List<UnaryOperator<Tensor>> hooks(Tensor t) {
            synchronized (t) {
                if (t.hooks == null) {
                    t.hooks = new java.util.concurrent.CopyOnWriteArrayList<>();
                }
                return t.hooks;
            }
        }

        @Override
        public Storage storage(Tensor t) {
            return t.storage;
        }

        @Override
        public int offset(Tensor t) {
            return t.offset;
        }

        @Override
        public int[] shape(Tensor t) {
            return t.shape;
        }

        @Override
        public int[] strides(Tensor t) {
            return t.strides;
        }

        @Override
        public boolean requiresGradFlag(Tensor t) {
            return t.requiresGradFlag;
        }

        @Override
        public void setRequiresGradFlag(Tensor t, boolean v) {
            t.requiresGradFlag = v;
        }

        @Override
        public void setRetainsGrad(Tensor t, boolean v) {
            t.retainsGrad = v;
        }

        @Override
        public void setViewAttrVersion(Tensor t, int v) {
            t.viewAttrVersion = v;
        }
    }
}
