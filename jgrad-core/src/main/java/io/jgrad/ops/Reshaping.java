package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.Copy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ops that rearrange elements into new shapes: flip, roll, repeat, tile, split, chunk, pad, diag, trace,
 * tril, triu, meshgrid. Each is an index map over {@link OffsetOps} or a composition of views, so its
 * backward comes with it.
 */
public final class Reshaping {
    private Reshaping() {}

    /** {@code torch.flip(x, dims)}. FlipBackward0: flip of the gradient. */
    public static Tensor flip(Tensor x, int... dims) {
        int[] shape = x.shape();
        int[] strides = Shapes.contiguousStrides(shape).clone(); // negated below; see Note [Shape arrays are immutable]
        int offset = 0;
        boolean[] seen = new boolean[shape.length];
        for (int dim : dims) {
            int d = Shapes.wrapDim(dim, shape.length);
            if (shape.length == 0) {
                continue;
            }
            if (seen[d]) {
                throw new IllegalArgumentException("dims has duplicates, original flip dims size=" + dims.length
                        + ", but unique flip dims size=" + (dims.length - 1));
            }
            seen[d] = true;
            offset += (shape[d] - 1) * strides[d];
            strides[d] = -strides[d];
        }
        int[] offs = new int[x.numel()];
        Copy.offsets(shape, strides, offset, offs);
        return OffsetOps.take(x, offs, shape, "FlipBackward0");
    }

    /** {@code torch.roll(x, shifts, dims)}: elements shifted cyclically; no dims rolls the flattened tensor. */
    public static Tensor roll(Tensor x, int[] shifts, int[] dims) {
        if (dims.length == 0) {
            if (shifts.length != 1) {
                throw new IllegalArgumentException("shifts and dimensions must align. shifts: " + shifts.length
                        + ", dims:" + dims.length);
            }
            return Views.reshape(roll(Views.reshape(x, new int[] {-1}), shifts, new int[] {0}), x.shape());
        }
        if (shifts.length != dims.length) {
            throw new IllegalArgumentException("shifts and dimensions must align. shifts: " + shifts.length + ", dims:"
                    + dims.length);
        }
        Tensor r = x;
        for (int i = 0; i < dims.length; i++) {
            int d = Shapes.wrapDim(dims[i], x.dim());
            int n = x.size(d);
            if (n == 0) {
                continue;
            }
            int s = Math.floorMod(shifts[i], n);
            if (s != 0) {
                r = Joining.cat(List.of(Views.narrow(r, d, n - s, s), Views.narrow(r, d, 0, n - s)), d);
            }
        }
        return r;
    }

    /**
     * {@code x.repeat(sizes)}: tiles x; sizes may have more entries than x has dimensions.
     *
     * @throws IllegalArgumentException if fewer sizes than dimensions (PyTorch's message)
     */
    public static Tensor repeat(Tensor x, int... sizes) {
        int rank = x.dim();
        if (sizes.length < rank) {
            throw new IllegalArgumentException("Number of dimensions of repeat dims can not be smaller than number of "
                    + "dimensions of tensor");
        }
        int[] padded = new int[sizes.length];
        int lead = sizes.length - rank;
        for (int i = 0; i < sizes.length; i++) {
            padded[i] = i < lead ? 1 : x.shape()[i - lead];
        }
        int[] interleaved = new int[2 * sizes.length];
        int[] expanded = new int[2 * sizes.length];
        int[] result = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            interleaved[2 * i] = 1;
            interleaved[2 * i + 1] = padded[i];
            expanded[2 * i] = sizes[i];
            expanded[2 * i + 1] = padded[i];
            result[i] = sizes[i] * padded[i];
        }
        return Views.reshape(Views.expand(Views.reshape(x, interleaved), expanded), result);
    }

    /** {@code x.tile(dims)}: repeat with dims padded by leading ones. */
    public static Tensor tile(Tensor x, int... dims) {
        int rank = x.dim();
        if (dims.length >= rank) {
            return repeat(x, dims);
        }
        int[] padded = new int[rank];
        Arrays.fill(padded, 1);
        System.arraycopy(dims, 0, padded, rank - dims.length, dims.length);
        return repeat(x, padded);
    }

    /** {@code x.split(splitSize, dim)}: pieces of splitSize (the last may be smaller), views. SplitBackward0. */
    public static Tensor[] split(Tensor x, int splitSize, int dim) {
        int d = Shapes.wrapDim(dim, x.dim());
        if (splitSize <= 0 && x.size(d) > 0) {
            throw new IllegalArgumentException("split_size can only be 0 if dimension size is 0, but got dimension size "
                    + "of " + x.size(d));
        }
        int n = x.size(d);
        int pieces = splitSize == 0 ? 1 : Math.max((n + splitSize - 1) / splitSize, 1);
        int[] sizes = new int[pieces];
        for (int i = 0; i < pieces; i++) {
            sizes[i] = Math.min(splitSize, n - i * splitSize);
        }
        return Views.splitWithSizes(x, sizes, d, "SplitBackward0");
    }

    /** {@code x.split([s0, s1, ...], dim)}. SplitWithSizesBackward0. */
    public static Tensor[] split(Tensor x, int[] sizes, int dim) {
        return Views.splitWithSizes(x, sizes, dim, "SplitWithSizesBackward0");
    }

    /** {@code x.chunk(chunks, dim)}: at most chunks pieces of ceil(size / chunks). */
    public static Tensor[] chunk(Tensor x, int chunks, int dim) {
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        int d = Shapes.wrapDim(dim, x.dim());
        int n = x.size(d);
        int size = (n + chunks - 1) / chunks;
        return size == 0 ? Views.splitWithSizes(x, new int[] {n}, d, "SplitBackward0") : split(x, size, d);
    }

    /**
     * {@code F.pad(x, pads, mode, value)}: pads are (left, right) pairs from the last dimension backward.
     * Modes "constant" (value; negative pads crop), "reflect" and "replicate".
     */
    public static Tensor pad(Tensor x, int[] pads, String mode, double value) {
        if (pads.length % 2 != 0) {
            throw new IllegalArgumentException("Padding length must be divisible by 2");
        }
        int k = pads.length / 2;
        int rank = x.dim();
        if (k > rank) {
            throw new IllegalArgumentException("Padding length should be less than or equal to two times the input "
                    + "dimension but got padding length " + pads.length + " and input of dimension " + rank);
        }
        int[] shape = x.shape();
        int[] left = new int[rank];
        int[] right = new int[rank];
        for (int i = 0; i < k; i++) {
            left[rank - 1 - i] = pads[2 * i];
            right[rank - 1 - i] = pads[2 * i + 1];
        }
        switch (mode) {
            case "constant":
                return constantPad(x, left, right, value);
            case "reflect":
            case "replicate":
                break;
            default:
                throw new IllegalArgumentException("Unrecognised padding mode " + mode);
        }
        boolean reflect = mode.equals("reflect");
        int[] outShape = new int[rank];
        int[][] maps = new int[rank][];
        for (int d = 0; d < rank; d++) {
            int n = shape[d];
            if (left[d] < 0 || right[d] < 0) {
                throw new IllegalArgumentException("negative padding is only supported in constant mode");
            }
            if (reflect && (left[d] >= n || right[d] >= n) && (left[d] > 0 || right[d] > 0)) {
                throw new IllegalArgumentException("Argument #4: Padding size should be less than the corresponding "
                        + "input dimension, but got: padding (" + left[d] + ", " + right[d] + ") at dimension " + d
                        + " of input " + Shapes.str(shape));
            }
            outShape[d] = n + left[d] + right[d];
            maps[d] = new int[outShape[d]];
            for (int i = 0; i < outShape[d]; i++) {
                int src = i - left[d];
                if (src < 0) {
                    src = reflect ? -src : 0;
                } else if (src >= n) {
                    src = reflect ? 2 * (n - 1) - src : n - 1;
                }
                maps[d][i] = src;
            }
        }
        return OffsetOps.take(x, mapOffsets(shape, outShape, maps), outShape,
                reflect ? "ReflectionPadBackward0" : "ReplicationPadBackward0");
    }

    private static Tensor constantPad(Tensor x, int[] left, int[] right, double value) {
        Tensor src = x;
        int rank = x.dim();
        for (int d = 0; d < rank; d++) {
            int crop0 = Math.max(-left[d], 0);
            int crop1 = Math.max(-right[d], 0);
            if (crop0 + crop1 > 0) {
                src = Views.narrow(src, d, crop0, Math.max(src.size(d) - crop0 - crop1, 0));
            }
        }
        int[] inner = src.shape();
        int[] outShape = new int[rank];
        int[] st;
        for (int d = 0; d < rank; d++) {
            outShape[d] = inner[d] + Math.max(left[d], 0) + Math.max(right[d], 0);
        }
        st = Shapes.contiguousStrides(outShape);
        int off = 0;
        for (int d = 0; d < rank; d++) {
            off += Math.max(left[d], 0) * st[d];
        }
        Views.Geometry region = new Views.Geometry(off, inner, st);
        Tensor placed = Views.scatterInto(src, outShape, st, region);
        if (value == 0) {
            return placed;
        }
        Tensor outside = Torch.scalar(1, x.dtype()).sub(Views.scatterInto(Torch.ones(inner, x.dtype()), outShape, st,
                region));
        return placed.add(outside.mul(value));
    }

    /** Row-major offsets into {@code in} of each output element, given per-dimension index maps. */
    private static int[] mapOffsets(int[] in, int[] out, int[][] maps) {
        int[] inStrides = Shapes.contiguousStrides(in);
        int n = Shapes.numel(out);
        int[] offs = new int[n];
        int[] idx = new int[out.length];
        for (int k = 0; k < n; k++) {
            int o = 0;
            for (int d = 0; d < out.length; d++) {
                o += maps[d][idx[d]] * inStrides[d];
            }
            offs[k] = o;
            for (int d = out.length - 1; d >= 0; d--) {
                if (++idx[d] < out[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return offs;
    }

    /**
     * {@code torch.diag(x, k)}: a 1-D x becomes a square matrix with x on diagonal k; a 2-D x gives its
     * diagonal k as a 1-D tensor.
     */
    public static Tensor diag(Tensor x, int k) {
        if (x.dim() == 1) {
            int n = x.size(0);
            int m = n + Math.abs(k);
            int[] offs = new int[n];
            for (int i = 0; i < n; i++) {
                int r = k >= 0 ? i : i - k;
                int c = k >= 0 ? i + k : i;
                offs[i] = r * m + c;
            }
            return OffsetOps.putAdd(x, offs, new int[] {m, m}, "DiagBackward0");
        }
        if (x.dim() == 2) {
            return Copying.clone(Views.diagonal(x, k, 0, 1));
        }
        throw new IllegalArgumentException("diag(): Supports 1D or 2D tensors. Got " + x.dim() + "D");
    }

    /** {@code torch.trace(x)} of a matrix: the sum of its diagonal. */
    public static Tensor trace(Tensor x) {
        if (x.dim() != 2) {
            throw new IllegalArgumentException("trace: expected a matrix, but got tensor with dim " + x.dim());
        }
        return Reductions.sum(Views.diagonal(x, 0, 0, 1));
    }

    /** {@code torch.tril(x, k)}: elements on and below diagonal k of the last two dimensions, zeros above. */
    public static Tensor tril(Tensor x, int k) {
        return triangle(x, k, true);
    }

    /** {@code torch.triu(x, k)}: elements on and above diagonal k, zeros below. */
    public static Tensor triu(Tensor x, int k) {
        return triangle(x, k, false);
    }

    private static Tensor triangle(Tensor x, int k, boolean lower) {
        if (x.dim() < 2) {
            throw new IllegalArgumentException((lower ? "tril" : "triu") + ": input tensor must have at least 2 "
                    + "dimensions");
        }
        int rows = x.size(-2);
        int cols = x.size(-1);
        boolean[] keep = new boolean[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                keep[r * cols + c] = lower ? c - r <= k : c - r >= k;
            }
        }
        Tensor mask = Views.reshapeRaw(Torch.tensor(keep), new int[] {rows, cols});
        return Indexing.where(mask, x, Torch.scalar(0, x.dtype()));
    }

    /** {@code torch.meshgrid(tensors, indexing)} with indexing "ij" or "xy": expanded views. */
    public static List<Tensor> meshgrid(List<Tensor> tensors, String indexing) {
        if (!indexing.equals("ij") && !indexing.equals("xy")) {
            throw new IllegalArgumentException("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: "
                    + indexing);
        }
        int n = tensors.size();
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            Tensor t = tensors.get(i);
            if (t.dim() > 1) {
                throw new IllegalArgumentException("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: "
                        + t);
            }
            sizes[i] = t.numel();
        }
        boolean swap = indexing.equals("xy") && n >= 2;
        int[] outShape = sizes.clone();
        if (swap) {
            outShape[0] = sizes[1];
            outShape[1] = sizes[0];
        }
        List<Tensor> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int pos = swap && i < 2 ? 1 - i : i;
            int[] view = new int[n];
            Arrays.fill(view, 1);
            view[pos] = -1;
            out.add(Views.expand(Views.reshape(tensors.get(i), view), outShape));
        }
        return out;
    }

    /** {@code F.one_hot(indices, numClasses)}: INT64, a new last dimension; -1 classes means max + 1. */
    public static Tensor oneHot(Tensor indices, int numClasses) {
        if (indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException("one_hot is only applicable to index tensor.");
        }
        long[] idx = indices.toLongArray();
        long max = -1;
        for (long v : idx) {
            if (v < 0) {
                throw new IllegalArgumentException("Class values must be non-negative.");
            }
            max = Math.max(max, v);
        }
        int classes = numClasses < 0 ? (int) max + 1 : numClasses;
        if (max >= classes) {
            throw new IllegalArgumentException("Class values must be smaller than num_classes.");
        }
        int[] shape = Arrays.copyOf(indices.shape(), indices.dim() + 1);
        shape[indices.dim()] = classes;
        Tensor out = Torch.zeros(shape, DType.INT64);
        long[] o = Dispatch.A.storage(out).longs();
        for (int i = 0; i < idx.length; i++) {
            o[i * classes + (int) idx[i]] = 1;
        }
        return out;
    }
}
