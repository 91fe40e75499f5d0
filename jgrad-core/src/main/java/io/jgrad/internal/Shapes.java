package io.jgrad.internal;

import io.jgrad.DType;
import java.util.Arrays;

/**
 * Shape arithmetic shared by every op: sizes, contiguous strides, broadcasting, dimension wrapping, and the
 * PyTorch error messages for getting them wrong. Not public API.
 */
public final class Shapes {
    private Shapes() {}

    public static final int[] SCALAR = new int[0];

    /** Number of elements of a shape (1 for a 0-d shape). */
    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor of shape " + str(shape) + " has more than 2^31-1 elements");
        }
        return (int) n;
    }

    private static final int[] UNIT_STRIDE = {1};

    /**
     * Row-major strides of a contiguous tensor of this shape. Note [Shape arrays are immutable]: shape and
     * stride arrays are shared (this returns one shared array for every 1-D shape) and never written after
     * construction; code that needs changed strides copies them first.
     */
    public static int[] contiguousStrides(int[] shape) {
        if (shape.length == 1) {
            return UNIT_STRIDE;
        }
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return st;
    }

    /** True if (shape, strides) address the elements densely in row-major order. */
    public static boolean isContiguous(int[] shape, int[] strides) {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] == 1) {
                continue;
            }
            if (shape[i] == 0) {
                return true;
            }
            if (strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** {@code [2, 3]}: how a shape is printed in messages ({@code torch.Size([2, 3])} in PyTorch). */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** PyTorch's ScalarType name as used in messages: Float, Double, Long, Bool. */
    public static String typeName(DType d) {
        switch (d) {
            case FLOAT32: return "Float";
            case FLOAT64: return "Double";
            case INT64: return "Long";
            default: return "Bool";
        }
    }

    /**
     * Wraps a possibly negative dimension into {@code [0, rank)}; a 0-d tensor accepts -1 and 0.
     *
     * @throws IndexOutOfBoundsException PyTorch's "Dimension out of range" message
     */
    public static int wrapDim(int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of [" + (-r) + ", "
                    + (r - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    /** The broadcast shape of two shapes, or PyTorch's error naming the mismatched sizes. */
    public static int[] broadcast(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a;
        }
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int ia = a.length - n + i;
            int ib = b.length - n + i;
            int sa = ia >= 0 ? a[ia] : 1;
            int sb = ib >= 0 ? b[ib] : 1;
            if (sa == sb || sb == 1) {
                out[i] = sa;
            } else if (sa == 1) {
                out[i] = sb;
            } else {
                throw new IllegalArgumentException("The size of tensor a (" + sa + ") must match the size of tensor b ("
                        + sb + ") at non-singleton dimension " + i);
            }
        }
        return out;
    }

    /** True if a tensor of shape {@code from} can be expanded to {@code to} (PyTorch's is_expandable_to). */
    public static boolean isExpandableTo(int[] from, int[] to) {
        if (from.length > to.length) {
            return false;
        }
        for (int i = 0; i < from.length; i++) {
            int f = from[from.length - 1 - i];
            int t = to[to.length - 1 - i];
            if (f != t && f != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resolves a {@code view}/{@code reshape} size list with at most one -1 against {@code numel}.
     */
    public static int[] inferSize(int[] shape, int numel) {
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("only one dimension can be inferred");
                }
                infer = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + shape[i]);
            } else {
                known *= shape[i];
            }
        }
        int[] out = shape.clone();
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new IllegalArgumentException("shape '" + str(shape) + "' is invalid for input of size " + numel);
            }
            out[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw new IllegalArgumentException("shape '" + str(shape) + "' is invalid for input of size " + numel);
        }
        return out;
    }

    /**
     * Strides for viewing (oldShape, oldStrides) as newShape without copying, or null if impossible
     * (PyTorch's computeStride).
     */
    public static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int[] newStrides = new int[newShape.length];
        if (oldShape.length == 0) {
            oldShape = new int[] {1};
            oldStrides = new int[] {1};
        }
        if (numel(oldShape) == 0) {
            return contiguousStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBase = oldStrides.length > 0 ? oldStrides[oldStrides.length - 1] : 1;
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1
                    && oldStrides[tensorD - 1] != tensorNumel * chunkBase)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBase = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) {
            return null;
        }
        return newStrides;
    }
}
