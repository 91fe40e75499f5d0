package io.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks {@link TensorPrinter} against PyTorch 1.13's {@code repr(tensor)}.
 *
 * <p>The expected strings are PyTorch's own output: the examples of {@code shared/reference/torch-printing.out}
 * and of the autograd tutorial in {@code shared/seeds/004_*.txt} (inputs are the printed values, which print the
 * same again), and the generated cases of {@code fixtures/printing.txt} (written by
 * {@code tools/fixtures/gen_printing.py} from real tensors, with their exact elements).
 */
class TensorPrinterTest {

    private static final DType F32 = DType.FLOAT32;
    private static final DType F64 = DType.FLOAT64;
    private static final DType I64 = DType.INT64;
    private static final DType BOOL = DType.BOOL;

    /** Examples from {@code shared/reference/torch-printing.out}, in file order. */
    @Nested
    class ReferenceExamples {
        @Test
        void oneElementVector() {
            assertRepr("tensor([5.])", f32("5"), shape(1), F32);
        }

        @Test
        void scalar() {
            assertRepr("tensor(5.)", f32("5"), shape(), F32);
        }

        @Test
        void int64Vector() {
            assertRepr("tensor([1, 2, 3])", new long[] {1, 2, 3}, shape(3), I64);
        }

        @Test
        void boolVector() {
            assertRepr("tensor([ True, False])", new boolean[] {true, false}, shape(2), BOOL);
        }

        @Test
        void onesRequiringGrad() {
            assertRepr("tensor([[1., 1., 1.]], requires_grad=True)", f32("1 1 1"), shape(1, 3), F32,
                    "requires_grad=True");
        }

        @Test
        void sumOfSquare() {
            assertRepr("tensor(25., grad_fn=<SumBackward0>)", f32("25"), shape(), F32, "grad_fn=<SumBackward0>");
        }

        @Test
        void timesTwo() {
            assertRepr("tensor([10.], grad_fn=<MulBackward0>)", f32("10"), shape(1), F32, "grad_fn=<MulBackward0>");
        }

        @Test
        void plusTwo() {
            assertRepr("tensor([7.], grad_fn=<AddBackward0>)", f32("7"), shape(1), F32, "grad_fn=<AddBackward0>");
        }

        @Test
        void mean() {
            assertRepr("tensor(5., grad_fn=<MeanBackward0>)", f32("5"), shape(), F32, "grad_fn=<MeanBackward0>");
        }

        @Test
        void matmul() {
            assertRepr("tensor([[3., 3.],\n"
                    + "        [7., 7.]], grad_fn=<MmBackward0>)",
                    f32("3 3 7 7"), shape(2, 2), F32, "grad_fn=<MmBackward0>");
        }

        @Test
        void exp() {
            assertRepr("tensor([148.4132], grad_fn=<ExpBackward0>)", new double[] {(float) Math.exp(5)}, shape(1),
                    F32, "grad_fn=<ExpBackward0>");
        }

        @Test
        void pow() {
            assertRepr("tensor([25.], grad_fn=<PowBackward0>)", f32("25"), shape(1), F32, "grad_fn=<PowBackward0>");
        }

        @Test
        void view() {
            assertRepr("tensor([[5.]], grad_fn=<ViewBackward0>)", f32("5"), shape(1, 1), F32,
                    "grad_fn=<ViewBackward0>");
        }

        @Test
        void select() {
            assertRepr("tensor(5., grad_fn=<SelectBackward0>)", f32("5"), shape(), F32, "grad_fn=<SelectBackward0>");
        }

        @Test
        void relu() {
            assertRepr("tensor([5.], grad_fn=<ReluBackward0>)", f32("5"), shape(1), F32, "grad_fn=<ReluBackward0>");
        }

        @Test
        void fixedNotation() {
            assertRepr("tensor([1.5000, 2.2500])", f32("1.5 2.25"), shape(2), F32);
        }

        @Test
        void fixedNotationPadded() {
            assertRepr("tensor([  1.0000,   2.5000, 100.0000])", f32("1 2.5 100"), shape(3), F32);
        }

        @Test
        void scientificForSmallMinimum() {
            assertRepr("tensor([1.0000e-05, 1.0000e+00])", f32("1e-5 1"), shape(2), F32);
        }

        @Test
        void float32TenToMinusFourIsBelowThreshold() {
            assertRepr("tensor([1.0000e-04, 1.0000e+00])", f32("1e-4 1"), shape(2), F32);
        }

        @Test
        void scientificForIntegralRatio() {
            assertRepr("tensor([1.0000e+08, 1.0000e+00])", f32("1e8 1"), shape(2), F32);
        }

        @Test
        void scientificForIntegralRatio1e7() {
            assertRepr("tensor([1.0000e+07, 1.0000e+00])", f32("1e7 1"), shape(2), F32);
        }

        @Test
        void scientificForRatio() {
            assertRepr("tensor([1.2346e+05, 1.0000e+00])", f32("123456.7 1"), shape(2), F32);
        }

        @Test
        void roundsToFourDecimals() {
            assertRepr("tensor([1.2346])", f32("1.23456789"), shape(1), F32);
        }

        @Test
        void tenths() {
            assertRepr("tensor([0.1000, 0.2000, 0.3000])", f32("0.1 0.2 0.3"), shape(3), F32);
        }

        @Test
        void nonFinite() {
            assertRepr("tensor([nan, inf, -inf, 1.])",
                    new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1}, shape(4), F32);
        }

        @Test
        void tiny() {
            assertRepr("tensor([1.0000e-10])", f32("1e-10"), shape(1), F32);
        }

        @Test
        void hugeAndTiny() {
            assertRepr("tensor([1.0000e+20, 1.0000e-20])", f32("1e20 1e-20"), shape(2), F32);
        }

        @Test
        void float64() {
            assertRepr("tensor([1., 2.], dtype=torch.float64)", f64("1 2"), shape(2), F64);
        }

        @Test
        void explicitInt64() {
            assertRepr("tensor([1, 2])", new long[] {1, 2}, shape(2), I64);
        }

        @Test
        void float64RequiringGrad() {
            assertRepr("tensor([1., 2.], dtype=torch.float64, requires_grad=True)", f64("1 2"), shape(2), F64,
                    "requires_grad=True");
        }

        @Test
        void float64Sum() {
            assertRepr("tensor(3., dtype=torch.float64, grad_fn=<SumBackward0>)", f64("3"), shape(), F64,
                    "grad_fn=<SumBackward0>");
        }

        @Test
        void empty() {
            assertRepr("tensor([])", new double[0], shape(0), F32);
        }

        @Test
        void emptyMatrix() {
            assertRepr("tensor([], size=(2, 0))", new double[0], shape(2, 0), F32);
        }

        @Test
        void emptyFloat64() {
            assertRepr("tensor([], dtype=torch.float64)", new double[0], shape(0), F64);
        }

        @Test
        void signsAligned() {
            assertRepr("tensor([-1.,  0.,  1.])", f32("-1 0 1"), shape(3), F32);
        }

        @Test
        void negativeFixed() {
            assertRepr("tensor([-0.5000,  0.2500])", f32("-0.5 0.25"), shape(2), F32);
        }

        @Test
        void threeDimensional() {
            assertRepr("tensor([[[ 0.,  1.,  2.],\n"
                    + "         [ 3.,  4.,  5.]],\n"
                    + "\n"
                    + "        [[ 6.,  7.,  8.],\n"
                    + "         [ 9., 10., 11.]]])",
                    arange(12), shape(2, 2, 3), F32);
        }

        @Test
        void summarizedVector() {
            assertRepr("tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])", arange(1001), shape(1001), F32);
        }

        @Test
        void summarizedInt64Matrix() {
            long[] values = IntStream.range(0, 2000).asLongStream().toArray();
            assertRepr("tensor([[   0,    1,    2,  ...,   47,   48,   49],\n"
                    + "        [  50,   51,   52,  ...,   97,   98,   99],\n"
                    + "        [ 100,  101,  102,  ...,  147,  148,  149],\n"
                    + "        ...,\n"
                    + "        [1850, 1851, 1852,  ..., 1897, 1898, 1899],\n"
                    + "        [1900, 1901, 1902,  ..., 1947, 1948, 1949],\n"
                    + "        [1950, 1951, 1952,  ..., 1997, 1998, 1999]])",
                    values, shape(40, 50), I64);
        }

        @Test
        void randn3x4() {
            assertRepr("tensor([[ 1.5410, -0.2934, -2.1788,  0.5684],\n"
                    + "        [-1.0845, -1.3986,  0.4033,  0.8380],\n"
                    + "        [-0.7193, -0.4033, -0.5966,  0.1820]])",
                    f32("1.5410 -0.2934 -2.1788 0.5684 -1.0845 -1.3986 0.4033 0.8380 -0.7193 -0.4033 -0.5966 0.1820"),
                    shape(3, 4), F32);
        }

        @Test
        void randn2x20WrapsRows() {
            assertRepr("tensor([[ 0.4681, -0.1577,  1.4437,  0.2660,  0.1665,  0.8744, -0.1435, -0.1116,\n"
                    + "          0.9318,  1.2590,  2.0050,  0.0537,  0.6181, -0.4128, -0.8411, -2.3160,\n"
                    + "         -0.2159, -0.7425,  0.5627,  0.2596],\n"
                    + "        [-0.1740, -0.6787,  0.9383,  0.4889, -0.5692,  0.9200,  1.1108,  1.2899,\n"
                    + "         -1.4782,  2.5672, -0.4731,  0.3356, -1.6293, -0.5497, -0.4798, -0.4997,\n"
                    + "         -1.0670,  1.1149, -0.1407,  0.8058]])",
                    f32("0.4681 -0.1577 1.4437 0.2660 0.1665 0.8744 -0.1435 -0.1116 0.9318 1.2590 2.0050 0.0537"
                            + " 0.6181 -0.4128 -0.8411 -2.3160 -0.2159 -0.7425 0.5627 0.2596"
                            + " -0.1740 -0.6787 0.9383 0.4889 -0.5692 0.9200 1.1108 1.2899 -1.4782 2.5672 -0.4731"
                            + " 0.3356 -1.6293 -0.5497 -0.4798 -0.4997 -1.0670 1.1149 -0.1407 0.8058"),
                    shape(2, 20), F32);
        }

        @Test
        void arange30WrapsRow() {
            assertRepr("tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n"
                    + "        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,\n"
                    + "        28., 29.])",
                    arange(30), shape(30), F32);
        }

        @Test
        void arange1000IsNotSummarized() {
            StringBuilder expected = new StringBuilder("tensor([");
            for (int i = 0; i < 1000; i++) {
                if (i > 0) {
                    expected.append(i % 12 == 0 ? ",\n        " : ", ");
                }
                expected.append(String.format("%3d.", i));
            }
            expected.append("])");
            assertRepr(expected.toString(), arange(1000), shape(1000), F32);
        }

        @Test
        void scalarRequiringGrad() {
            assertRepr("tensor(25., requires_grad=True)", f32("25"), shape(), F32, "requires_grad=True");
        }

        @Test
        void thousandths() {
            assertRepr("tensor([[0.0010, 0.0020],\n"
                    + "        [0.0030, 0.0040]])", f32("0.001 0.002 0.003 0.004"), shape(2, 2), F32);
        }

        @Test
        void fixedRatioOverThousand() {
            assertRepr("tensor([1.0000e+03, 1.0000e-03])", f32("1000 0.001"), shape(2), F32);
        }

        @Test
        void float32Rounding() {
            assertRepr("tensor([1234.5677])", f32("1234.5678"), shape(1), F32);
        }

        @Test
        void largeIntegral() {
            assertRepr("tensor([12345678.])", f32("12345678"), shape(1), F32);
        }

        @Test
        void minimumJustAboveThreshold() {
            assertRepr("tensor([0.0001])", f32("0.0001234"), shape(1), F32);
        }

        @Test
        void detached() {
            assertRepr("tensor([2., 2.])", f32("2 2"), shape(2), F32);
        }

        @Test
        void underNoGrad() {
            assertRepr("tensor([2., 2.])", f32("2 2"), shape(2), F32);
        }

        @Test
        void underInferenceMode() {
            assertRepr("tensor([2., 2.])", f32("2 2"), shape(2), F32);
        }

        @Test
        void str() {
            assertRepr("tensor([1., 1.], requires_grad=True)", f32("1 1"), shape(2), F32, "requires_grad=True");
        }
    }

    /** The printed tensors of the autograd tutorial in {@code shared/seeds/004_*.txt}. */
    @Nested
    class TutorialExamples {
        private static final String SIN = "0.0000e+00 2.5882e-01 5.0000e-01 7.0711e-01 8.6603e-01 9.6593e-01 1.0000e+00"
                + " 9.6593e-01 8.6603e-01 7.0711e-01 5.0000e-01 2.5882e-01 -8.7423e-08 -2.5882e-01 -5.0000e-01"
                + " -7.0711e-01 -8.6603e-01 -9.6593e-01 -1.0000e+00 -9.6593e-01 -8.6603e-01 -7.0711e-01"
                + " -5.0000e-01 -2.5882e-01 1.7485e-07";
        private static final String WEIGHT_GRAD = "-1.5426e+00 1.9859e+00 -1.5431e-01 1.1749e+00 -2.2813e+00"
                + " -4.7378e+00 1.0719e-03 1.3172e+00 1.7830e+00 -1.0519e+00";
        private static final String WEIGHT_GRAD_REPR = "tensor([-1.5426e+00,  1.9859e+00, -1.5431e-01,  1.1749e+00,"
                + " -2.2813e+00,\n"
                + "        -4.7378e+00,  1.0719e-03,  1.3172e+00,  1.7830e+00, -1.0519e+00])";

        @Test
        void linspaceRequiringGradMovesSuffixToItsOwnLine() {
            assertRepr("tensor([0.0000, 0.2618, 0.5236, 0.7854, 1.0472, 1.3090, 1.5708, 1.8326, 2.0944,\n"
                    + "        2.3562, 2.6180, 2.8798, 3.1416, 3.4034, 3.6652, 3.9270, 4.1888, 4.4506,\n"
                    + "        4.7124, 4.9742, 5.2360, 5.4978, 5.7596, 6.0214, 6.2832],\n"
                    + "       requires_grad=True)",
                    f32("0.0000 0.2618 0.5236 0.7854 1.0472 1.3090 1.5708 1.8326 2.0944 2.3562 2.6180 2.8798"
                            + " 3.1416 3.4034 3.6652 3.9270 4.1888 4.4506 4.7124 4.9742 5.2360 5.4978 5.7596"
                            + " 6.0214 6.2832"),
                    shape(25), F32, "requires_grad=True");
        }

        @Test
        void sin() {
            assertRepr("tensor([ 0.0000e+00,  2.5882e-01,  5.0000e-01,  7.0711e-01,  8.6603e-01,\n"
                    + "         9.6593e-01,  1.0000e+00,  9.6593e-01,  8.6603e-01,  7.0711e-01,\n"
                    + "         5.0000e-01,  2.5882e-01, -8.7423e-08, -2.5882e-01, -5.0000e-01,\n"
                    + "        -7.0711e-01, -8.6603e-01, -9.6593e-01, -1.0000e+00, -9.6593e-01,\n"
                    + "        -8.6603e-01, -7.0711e-01, -5.0000e-01, -2.5882e-01,  1.7485e-07],\n"
                    + "       grad_fn=<SinBackward0>)",
                    f32(SIN), shape(25), F32, "grad_fn=<SinBackward0>");
        }

        @Test
        void twiceSin() {
            assertRepr("tensor([ 0.0000e+00,  5.1764e-01,  1.0000e+00,  1.4142e+00,  1.7321e+00,\n"
                    + "         1.9319e+00,  2.0000e+00,  1.9319e+00,  1.7321e+00,  1.4142e+00,\n"
                    + "         1.0000e+00,  5.1764e-01, -1.7485e-07, -5.1764e-01, -1.0000e+00,\n"
                    + "        -1.4142e+00, -1.7321e+00, -1.9319e+00, -2.0000e+00, -1.9319e+00,\n"
                    + "        -1.7321e+00, -1.4142e+00, -1.0000e+00, -5.1764e-01,  3.4969e-07],\n"
                    + "       grad_fn=<MulBackward0>)",
                    f32("0.0000e+00 5.1764e-01 1.0000e+00 1.4142e+00 1.7321e+00 1.9319e+00 2.0000e+00 1.9319e+00"
                            + " 1.7321e+00 1.4142e+00 1.0000e+00 5.1764e-01 -1.7485e-07 -5.1764e-01 -1.0000e+00"
                            + " -1.4142e+00 -1.7321e+00 -1.9319e+00 -2.0000e+00 -1.9319e+00 -1.7321e+00"
                            + " -1.4142e+00 -1.0000e+00 -5.1764e-01 3.4969e-07"),
                    shape(25), F32, "grad_fn=<MulBackward0>");
        }

        @Test
        void twiceSinPlusOne() {
            assertRepr("tensor([ 1.0000e+00,  1.5176e+00,  2.0000e+00,  2.4142e+00,  2.7321e+00,\n"
                    + "         2.9319e+00,  3.0000e+00,  2.9319e+00,  2.7321e+00,  2.4142e+00,\n"
                    + "         2.0000e+00,  1.5176e+00,  1.0000e+00,  4.8236e-01, -3.5763e-07,\n"
                    + "        -4.1421e-01, -7.3205e-01, -9.3185e-01, -1.0000e+00, -9.3185e-01,\n"
                    + "        -7.3205e-01, -4.1421e-01,  4.7684e-07,  4.8236e-01,  1.0000e+00],\n"
                    + "       grad_fn=<AddBackward0>)",
                    f32("1.0000e+00 1.5176e+00 2.0000e+00 2.4142e+00 2.7321e+00 2.9319e+00 3.0000e+00 2.9319e+00"
                            + " 2.7321e+00 2.4142e+00 2.0000e+00 1.5176e+00 1.0000e+00 4.8236e-01 -3.5763e-07"
                            + " -4.1421e-01 -7.3205e-01 -9.3185e-01 -1.0000e+00 -9.3185e-01 -7.3205e-01"
                            + " -4.1421e-01 4.7684e-07 4.8236e-01 1.0000e+00"),
                    shape(25), F32, "grad_fn=<AddBackward0>");
        }

        @Test
        void sum() {
            assertRepr("tensor(25., grad_fn=<SumBackward0>)", f32("25"), shape(), F32, "grad_fn=<SumBackward0>");
        }

        @Test
        void gradientOfInput() {
            assertRepr("tensor([ 2.0000e+00,  1.9319e+00,  1.7321e+00,  1.4142e+00,  1.0000e+00,\n"
                    + "         5.1764e-01, -8.7423e-08, -5.1764e-01, -1.0000e+00, -1.4142e+00,\n"
                    + "        -1.7321e+00, -1.9319e+00, -2.0000e+00, -1.9319e+00, -1.7321e+00,\n"
                    + "        -1.4142e+00, -1.0000e+00, -5.1764e-01,  2.3850e-08,  5.1764e-01,\n"
                    + "         1.0000e+00,  1.4142e+00,  1.7321e+00,  1.9319e+00,  2.0000e+00])",
                    f32("2.0000e+00 1.9319e+00 1.7321e+00 1.4142e+00 1.0000e+00 5.1764e-01 -8.7423e-08"
                            + " -5.1764e-01 -1.0000e+00 -1.4142e+00 -1.7321e+00 -1.9319e+00 -2.0000e+00 -1.9319e+00"
                            + " -1.7321e+00 -1.4142e+00 -1.0000e+00 -5.1764e-01 2.3850e-08 5.1764e-01 1.0000e+00"
                            + " 1.4142e+00 1.7321e+00 1.9319e+00 2.0000e+00"),
                    shape(25), F32);
        }

        @Test
        void weightSlice() {
            assertRepr("tensor([-0.0808, -0.0980, -0.0697,  0.0915,  0.0925, -0.0457,  0.0614,  0.0523,\n"
                    + "        -0.0804, -0.0248], grad_fn=<SliceBackward0>)",
                    f32("-0.0808 -0.0980 -0.0697 0.0915 0.0925 -0.0457 0.0614 0.0523 -0.0804 -0.0248"),
                    shape(10), F32, "grad_fn=<SliceBackward0>");
        }

        @Test
        void weightGradSlice() {
            assertRepr(WEIGHT_GRAD_REPR, f32(WEIGHT_GRAD), shape(10), F32);
        }

        @Test
        void loss() {
            assertRepr("tensor(145.1727, grad_fn=<SumBackward0>)", f32("145.1727"), shape(), F32,
                    "grad_fn=<SumBackward0>");
        }

        @Test
        void weightSliceAfterStep() {
            assertRepr("tensor([-0.0792, -0.1000, -0.0695,  0.0904,  0.0948, -0.0409,  0.0614,  0.0510,\n"
                    + "        -0.0822, -0.0237], grad_fn=<SliceBackward0>)",
                    f32("-0.0792 -0.1000 -0.0695 0.0904 0.0948 -0.0409 0.0614 0.0510 -0.0822 -0.0237"),
                    shape(10), F32, "grad_fn=<SliceBackward0>");
        }

        @Test
        void accumulatedGradient() {
            assertRepr("tensor([  4.1569,  17.4602,  -7.8189,  -4.2132, -14.6893, -19.3380,  -2.3023,\n"
                    + "          1.5380,  18.6185,  -9.2201])",
                    f32("4.1569 17.4602 -7.8189 -4.2132 -14.6893 -19.3380 -2.3023 1.5380 18.6185 -9.2201"),
                    shape(10), F32);
        }

        @Test
        void zeroedGradient() {
            assertRepr("tensor([0., 0., 0., 0., 0., 0., 0., 0., 0., 0.])", new double[10], shape(10), F32);
        }

        @Test
        void onesRequiringGrad() {
            assertRepr("tensor([[1., 1., 1.],\n"
                    + "        [1., 1., 1.]], requires_grad=True)",
                    f32("1 1 1 1 1 1"), shape(2, 3), F32, "requires_grad=True");
        }

        @Test
        void twiceOnes() {
            assertRepr("tensor([[2., 2., 2.],\n"
                    + "        [2., 2., 2.]], grad_fn=<MulBackward0>)",
                    f32("2 2 2 2 2 2"), shape(2, 3), F32, "grad_fn=<MulBackward0>");
        }

        @Test
        void twiceOnesWithoutGrad() {
            assertRepr("tensor([[2., 2., 2.],\n"
                    + "        [2., 2., 2.]])",
                    f32("2 2 2 2 2 2"), shape(2, 3), F32);
        }

        @Test
        void sumOfScaledOnes() {
            assertRepr("tensor([[5., 5., 5.],\n"
                    + "        [5., 5., 5.]], grad_fn=<AddBackward0>)",
                    f32("5 5 5 5 5 5"), shape(2, 3), F32, "grad_fn=<AddBackward0>");
        }

        @Test
        void sumUnderNoGrad() {
            assertRepr("tensor([[5., 5., 5.],\n"
                    + "        [5., 5., 5.]])",
                    f32("5 5 5 5 5 5"), shape(2, 3), F32);
        }

        @Test
        void productOfScaledOnes() {
            assertRepr("tensor([[6., 6., 6.],\n"
                    + "        [6., 6., 6.]], grad_fn=<MulBackward0>)",
                    f32("6 6 6 6 6 6"), shape(2, 3), F32, "grad_fn=<MulBackward0>");
        }

        @Test
        void randRequiringGrad() {
            assertRepr("tensor([0.5345, 0.1485, 0.1025, 0.4849, 0.2943], requires_grad=True)",
                    f32("0.5345 0.1485 0.1025 0.4849 0.2943"), shape(5), F32, "requires_grad=True");
        }

        @Test
        void randDetached() {
            assertRepr("tensor([0.5345, 0.1485, 0.1025, 0.4849, 0.2943])",
                    f32("0.5345 0.1485 0.1025 0.4849 0.2943"), shape(5), F32);
        }
    }

    /** Cases generated from real PyTorch by {@code tools/fixtures/gen_printing.py}. */
    @TestFactory
    Stream<DynamicTest> generatedFixtures() throws IOException {
        List<FixtureCase> cases = FixtureCase.load("/fixtures/printing.txt");
        assertFalse(cases.isEmpty(), "no fixture cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name,
                () -> assertEquals(c.expected, TensorPrinter.repr(c.values, c.shape, c.dtype, c.suffixes))));
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(IllegalArgumentException.class,
                () -> TensorPrinter.repr(new double[3], shape(2, 2), F32, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> TensorPrinter.repr(new long[1], shape(1), F32, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> TensorPrinter.repr(new double[0], shape(-1), F32, List.of()));
    }

    /** One case of {@code fixtures/printing.txt}; the format is described in {@code gen_printing.py}. */
    private static final class FixtureCase {
        String name;
        DType dtype;
        int[] shape;
        final List<String> suffixes = new ArrayList<>();
        Object values;
        String expected;

        static List<FixtureCase> load(String resource) throws IOException {
            InputStream in = TensorPrinterTest.class.getResourceAsStream(resource);
            assertNotNull(in, "missing test resource " + resource);
            List<FixtureCase> cases = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                FixtureCase current = null;
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("#")) {
                        continue;
                    }
                    String key = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
                    String rest = line.substring(key.length()).trim();
                    switch (key) {
                        case "case" -> {
                            current = new FixtureCase();
                            current.name = rest;
                            cases.add(current);
                        }
                        case "dtype" -> current.dtype = DType.valueOf(rest);
                        case "shape" -> current.shape = tokens(rest).mapToInt(Integer::parseInt).toArray();
                        case "suffix" -> current.suffixes.add(rest);
                        case "values" -> current.values = parseValues(current.dtype, rest);
                        case "expected" -> {
                            int lines = Integer.parseInt(rest);
                            List<String> text = new ArrayList<>();
                            for (int i = 0; i < lines; i++) {
                                text.add(reader.readLine());
                            }
                            current.expected = String.join("\n", text);
                        }
                        default -> throw new IOException("unexpected fixture line: " + line);
                    }
                }
            }
            return cases;
        }

        private static Stream<String> tokens(String text) {
            return text.isEmpty() ? Stream.empty() : Stream.of(text.split(" "));
        }

        private static Object parseValues(DType dtype, String text) {
            return switch (dtype) {
                case FLOAT32 -> tokens(text).mapToDouble(t -> parseFloat(t, true)).toArray();
                case FLOAT64 -> tokens(text).mapToDouble(t -> parseFloat(t, false)).toArray();
                case INT64 -> tokens(text).mapToLong(Long::parseLong).toArray();
                case BOOL -> {
                    String[] parts = tokens(text).toArray(String[]::new);
                    boolean[] flags = new boolean[parts.length];
                    for (int i = 0; i < parts.length; i++) {
                        flags[i] = parts[i].equals("1");
                    }
                    yield flags;
                }
            };
        }

        /** Parses Python's spelling of a float; float32 values are read as float32, then widened exactly. */
        private static double parseFloat(String token, boolean float32) {
            return switch (token) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> float32 ? Float.parseFloat(token) : Double.parseDouble(token);
            };
        }
    }

    private static void assertRepr(String expected, Object flat, int[] shape, DType dtype, String... suffixes) {
        assertEquals(expected, TensorPrinter.repr(flat, shape, dtype, List.of(suffixes)));
    }

    private static int[] shape(int... dims) {
        return dims;
    }

    /** Space-separated decimals rounded to float32, as {@code torch.tensor([...])} stores them. */
    private static double[] f32(String values) {
        return Stream.of(values.trim().split("\\s+")).mapToDouble(Float::parseFloat).toArray();
    }

    /** Space-separated decimals as float64. */
    private static double[] f64(String values) {
        return Stream.of(values.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    /** {@code torch.arange(n)} as floats. */
    private static double[] arange(int n) {
        return IntStream.range(0, n).asDoubleStream().toArray();
    }
}
