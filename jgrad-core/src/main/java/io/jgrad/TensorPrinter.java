package io.jgrad;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Renders a tensor the way PyTorch 1.13's {@code repr(tensor)} does ({@code torch/_tensor_str.py}) with the
 * default print options: precision 4, threshold 1000, edgeitems 3, linewidth 80 and automatic scientific mode.
 *
 * <p>The rules reproduced here, in PyTorch's own terms:
 * <ul>
 *   <li><b>Element formatting</b> ({@code _Formatter}). Integer and boolean tensors print {@code str(value)}.
 *       Floating tensors look only at their nonzero finite values: if all are integral the tensor is in
 *       <em>int mode</em> and prints {@code 5.}; scientific notation ({@code 1.0000e-05}) is chosen when the ratio
 *       of the largest to the smallest absolute value exceeds 1000, the largest exceeds 1e8, or (outside int mode)
 *       the smallest is below 1e-4; otherwise values print with four decimals. Every element is left-padded to the
 *       widest formatted nonzero finite value ({@code nan}, {@code inf} and zeros do not count towards the width).
 *       Rounding is Python's: round-half-even on the exact binary value.</li>
 *   <li><b>Summarization.</b> A tensor of more than 1000 elements shows only the first and last 3 entries of every
 *       dimension longer than 6, with {@code ...} in between; the width is computed from the shown entries only.</li>
 *   <li><b>Layout.</b> Rows of a 1-D slice wrap so that a line holds {@code floor((80 - indent) / (width + 2))}
 *       elements; nested dimensions are joined by {@code ",\n"} plus one extra blank line per dimension beyond the
 *       second, and indented one column per nesting level after {@code tensor(}.</li>
 *   <li><b>Suffixes</b> ({@code _add_suffixes}). {@code size=...} (empty tensors that are not 1-D),
 *       {@code dtype=...} (non-default dtypes; for empty tensors every dtype but float32), then the autograd
 *       suffixes. A suffix moves to its own line indented by 7 when the current last line would exceed 80
 *       columns.</li>
 * </ul>
 */
final class TensorPrinter {

    /** Digits after the decimal point ({@code PRINT_OPTS.precision}). */
    private static final int PRECISION = 4;
    /** Element count above which the tensor is summarized ({@code PRINT_OPTS.threshold}). */
    private static final int THRESHOLD = 1000;
    /** Entries shown at each end of a summarized dimension ({@code PRINT_OPTS.edgeitems}). */
    private static final int EDGE_ITEMS = 3;
    /** Target line width ({@code PRINT_OPTS.linewidth}). */
    private static final int LINE_WIDTH = 80;
    /** The repr's opening text; its length is the base indentation of continuation lines. */
    private static final String PREFIX = "tensor(";
    /** Marks the elided middle of a summarized dimension in the index lists of {@link #shownIndices}. */
    private static final int ELLIPSIS = -1;
    /** Significant digits of {@code '{:.4e}'}: one before the point plus the precision. */
    private static final MathContext SCIENTIFIC_DIGITS = new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN);

    private TensorPrinter() {
    }

    /**
     * Returns PyTorch's {@code repr} of a tensor.
     *
     * @param flat row-major elements: double[] for FLOAT32 and FLOAT64 (float32 values converted exactly to double),
     *             long[] for INT64, boolean[] for BOOL; length == product(shape)
     * @param shape the tensor's shape (length 0 = 0-d scalar)
     * @param dtype element type (determines {@code dtype=torch.float64} suffix and int/bool formatting)
     * @param autogradSuffixes extra suffixes in order, e.g. "requires_grad=True" or "grad_fn=<MulBackward0>";
     *                         may be empty
     * @return the text {@code repr(tensor)} prints, e.g. {@code tensor([1.5000, 2.2500], requires_grad=True)}
     * @throws IllegalArgumentException if the array type does not match {@code dtype}, a dimension is negative,
     *                                  or the array length differs from the product of the shape
     */
    static String repr(Object flat, int[] shape, DType dtype, List<String> autogradSuffixes) {
        Objects.requireNonNull(flat, "flat");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(autogradSuffixes, "autogradSuffixes");
        int numel = checkedLength(flat, shape, dtype);

        List<String> suffixes = new ArrayList<>();
        String contents;
        if (numel == 0) {
            // An empty tensor has no elements to tell its dtype by, so every non-default dtype is named.
            if (shape.length != 1) {
                suffixes.add("size=" + pythonTuple(shape));
            }
            if (dtype != DType.FLOAT32) {
                suffixes.add("dtype=" + dtype.torchName());
            }
            contents = "[]";
        } else {
            if (dtype == DType.FLOAT64) {
                suffixes.add("dtype=" + dtype.torchName());
            }
            contents = new Renderer(flat, shape, dtype, numel > THRESHOLD).render();
        }
        suffixes.addAll(autogradSuffixes);
        return addSuffixes(PREFIX + contents, suffixes);
    }

    /** Validates the element array against the shape and dtype and returns the element count. */
    private static int checkedLength(Object flat, int[] shape, DType dtype) {
        int length = switch (dtype) {
            case FLOAT32, FLOAT64 -> requireArray(flat, double[].class, dtype).length;
            case INT64 -> requireArray(flat, long[].class, dtype).length;
            case BOOL -> requireArray(flat, boolean[].class, dtype).length;
        };
        long numel = 1;
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + pythonTuple(shape));
            }
            // Saturate just past the int range (no Java array is that long) so the product cannot overflow.
            numel = Math.min(numel * size, Integer.MAX_VALUE + 1L);
        }
        if (numel != length) {
            throw new IllegalArgumentException("shape " + pythonTuple(shape) + " does not match the "
                    + length + " elements given");
        }
        return length;
    }

    private static <T> T requireArray(Object flat, Class<T> type, DType dtype) {
        if (!type.isInstance(flat)) {
            throw new IllegalArgumentException(dtype + " elements must be a " + type.getSimpleName()
                    + ", got " + flat.getClass().getSimpleName());
        }
        return type.cast(flat);
    }

    /** Python's {@code str(tuple(shape))}: {@code (2, 0)}, {@code (0,)}, {@code ()}. */
    private static String pythonTuple(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /**
     * {@code _add_suffixes}: appends each suffix after {@code ", "}, or after {@code ",\n"} and 7 spaces when the
     * last line would pass the line width, then closes the parenthesis. The line-length bookkeeping is PyTorch's,
     * including its quirk of starting two columns above the actual length of the last line.
     */
    private static String addSuffixes(String text, List<String> suffixes) {
        StringBuilder sb = new StringBuilder(text);
        int lastLineLength = text.length() - text.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > LINE_WIDTH) {
                sb.append(",\n").append(" ".repeat(PREFIX.length())).append(suffix);
                lastLineLength = PREFIX.length() + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    /**
     * The indices along a dimension of the given size that are printed: all of them, or, when summarizing a
     * dimension longer than {@code 2 * EDGE_ITEMS}, the first and last {@code EDGE_ITEMS} around an
     * {@link #ELLIPSIS} marker.
     */
    private static int[] shownIndices(int size, boolean summarize) {
        if (summarize && size > 2 * EDGE_ITEMS) {
            int[] shown = new int[2 * EDGE_ITEMS + 1];
            for (int i = 0; i < EDGE_ITEMS; i++) {
                shown[i] = i;
                shown[EDGE_ITEMS + 1 + i] = size - EDGE_ITEMS + i;
            }
            shown[EDGE_ITEMS] = ELLIPSIS;
            return shown;
        }
        int[] shown = new int[size];
        for (int i = 0; i < size; i++) {
            shown[i] = i;
        }
        return shown;
    }

    /** Lays out the bracketed contents of a non-empty tensor ({@code _tensor_str}). */
    private static final class Renderer {
        private final int[] shape;
        private final int[] strides;
        private final boolean summarize;
        private final ElementFormatter formatter;

        Renderer(Object flat, int[] shape, DType dtype, boolean summarize) {
            this.shape = shape;
            this.summarize = summarize;
            this.strides = new int[shape.length];
            int stride = 1;
            for (int d = shape.length - 1; d >= 0; d--) {
                strides[d] = stride;
                stride *= shape[d];
            }
            // get_summarized_data: the formatter sees exactly the elements that will be printed.
            ElementFormatter.Builder builder = new ElementFormatter.Builder(flat, dtype);
            forEachShown(0, 0, builder::add);
            this.formatter = builder.build();
        }

        String render() {
            return render(0, 0, PREFIX.length());
        }

        /** Visits the flat index of every printed element of the sub-tensor at {@code dim} and {@code offset}. */
        private void forEachShown(int dim, int offset, IntConsumer action) {
            if (dim == shape.length) {
                action.accept(offset);
                return;
            }
            for (int i : shownIndices(shape[dim], summarize)) {
                if (i != ELLIPSIS) {
                    forEachShown(dim + 1, offset + i * strides[dim], action);
                }
            }
        }

        /** {@code _tensor_str_with_formatter} for the sub-tensor starting at {@code dim} and {@code offset}. */
        private String render(int dim, int offset, int indent) {
            int remainingDims = shape.length - dim;
            if (remainingDims == 0) {
                return formatter.format(offset);
            }
            if (remainingDims == 1) {
                return renderRow(dim, offset, indent);
            }
            List<String> slices = new ArrayList<>();
            for (int i : shownIndices(shape[dim], summarize)) {
                slices.add(i == ELLIPSIS ? "..." : render(dim + 1, offset + i * strides[dim], indent + 1));
            }
            String separator = "," + "\n".repeat(remainingDims - 1) + " ".repeat(indent + 1);
            return "[" + String.join(separator, slices) + "]";
        }

        /** {@code _vector_str}: a 1-D slice, wrapped to the line width. */
        private String renderRow(int dim, int offset, int indent) {
            int elementLength = formatter.width() + 2; // the element plus ", "
            int perLine = Math.max(1, Math.floorDiv(LINE_WIDTH - indent, elementLength));
            int[] shown = shownIndices(shape[dim], summarize);
            StringBuilder sb = new StringBuilder("[");
            for (int k = 0; k < shown.length; k++) {
                if (k > 0) {
                    sb.append(k % perLine == 0 ? ",\n" + " ".repeat(indent + 1) : ", ");
                }
                sb.append(shown[k] == ELLIPSIS ? " ..." : formatter.format(offset + shown[k] * strides[dim]));
            }
            return sb.append(']').toString();
        }
    }

    /** PyTorch's {@code _Formatter}: picks a notation and a common width from the printed elements. */
    private static final class ElementFormatter {
        /** How one element is written before padding. */
        private enum Notation {
            /** {@code str(value)}: integer and boolean tensors. */
            PLAIN,
            /** Floats whose nonzero finite values are all integral: {@code '{:.0f}'} plus a trailing point. */
            INTEGRAL,
            /** {@code '{:.4f}'}. */
            FIXED,
            /** {@code '{:.4e}'}. */
            SCIENTIFIC
        }

        private final Object flat;
        private final Notation notation;
        private final int width;

        private ElementFormatter(Object flat, Notation notation, int width) {
            this.flat = flat;
            this.notation = notation;
            this.width = width;
        }

        /** The common width every element is padded to. */
        int width() {
            return width;
        }

        /** The element at a flat index, left-padded to {@link #width()}. */
        String format(int index) {
            String text = unpadded(flat, notation, index);
            return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
        }

        /** The element at a flat index written in the given notation, without padding. */
        private static String unpadded(Object flat, Notation notation, int index) {
            if (flat instanceof long[]) {
                return Long.toString(((long[]) flat)[index]);
            }
            if (flat instanceof boolean[]) {
                return ((boolean[]) flat)[index] ? "True" : "False";
            }
            return formatFloat(((double[]) flat)[index], notation);
        }

        private static String formatFloat(double value, Notation notation) {
            return switch (notation) {
                case SCIENTIFIC -> scientific(value);
                case INTEGRAL -> Double.isFinite(value) ? fixed(value, 0) + "." : fixed(value, 0);
                case FIXED -> fixed(value, PRECISION);
                case PLAIN -> throw new IllegalStateException("floating values have no plain notation");
            };
        }

        /** Collects the printed elements, then decides notation and width as {@code _Formatter.__init__}. */
        static final class Builder {
            private final Object flat;
            private final DType dtype;
            private final List<Integer> indices = new ArrayList<>();

            Builder(Object flat, DType dtype) {
                this.flat = flat;
                this.dtype = dtype;
            }

            void add(int index) {
                indices.add(index);
            }

            ElementFormatter build() {
                if (!dtype.isFloatingPoint()) {
                    int width = 1;
                    for (int index : indices) {
                        width = Math.max(width, unpadded(flat, Notation.PLAIN, index).length());
                    }
                    return new ElementFormatter(flat, Notation.PLAIN, width);
                }
                double[] values = (double[]) flat;
                List<Double> nonzeroFinite = new ArrayList<>();
                double min = Double.POSITIVE_INFINITY;
                double max = 0;
                boolean integral = true;
                for (int index : indices) {
                    double v = values[index];
                    if (Double.isFinite(v) && v != 0) {
                        nonzeroFinite.add(v);
                        min = Math.min(min, Math.abs(v));
                        max = Math.max(max, Math.abs(v));
                        integral &= v == Math.ceil(v);
                    }
                }
                if (nonzeroFinite.isEmpty()) {
                    return new ElementFormatter(flat, Notation.INTEGRAL, 1);
                }
                boolean wideRange = max / min > 1000.0 || max > 1.0e8;
                Notation notation;
                if (integral) {
                    notation = wideRange ? Notation.SCIENTIFIC : Notation.INTEGRAL;
                } else {
                    notation = wideRange || min < 1.0e-4 ? Notation.SCIENTIFIC : Notation.FIXED;
                }
                int width = 1;
                for (double v : nonzeroFinite) {
                    width = Math.max(width, formatFloat(v, notation).length());
                }
                return new ElementFormatter(flat, notation, width);
            }
        }
    }

    /** Python's {@code '{:.Nf}'.format(value)}: exact binary value, round-half-even, sign kept for -0. */
    private static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        String digits = new BigDecimal(Math.abs(value)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return signOf(value) + digits;
    }

    /** Python's {@code '{:.4e}'.format(value)}: five significant digits, exponent signed with at least two digits. */
    private static String scientific(double value) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        String digits;
        int exponent;
        if (value == 0) {
            digits = "0".repeat(PRECISION + 1);
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(Math.abs(value)).round(SCIENTIFIC_DIGITS);
            String unscaled = rounded.unscaledValue().toString();
            exponent = unscaled.length() - 1 - rounded.scale();
            digits = unscaled + "0".repeat(PRECISION + 1 - unscaled.length());
        }
        String exponentDigits = Integer.toString(Math.abs(exponent));
        return signOf(value) + digits.charAt(0) + "." + digits.substring(1)
                + (exponent < 0 ? "e-" : "e+") + (exponentDigits.length() < 2 ? "0" : "") + exponentDigits;
    }

    /** Python prints NaN without a sign whatever its sign bit, and infinities as {@code inf}/{@code -inf}. */
    private static String nonFinite(double value) {
        return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }

    /** {@code "-"} for negative values including -0.0, as Python's float formatting does. */
    private static String signOf(double value) {
        return (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
    }
}
