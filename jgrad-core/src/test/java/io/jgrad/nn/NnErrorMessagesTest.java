package io.jgrad.nn;

import static io.jgrad.nn.Functional.binaryCrossEntropy;
import static io.jgrad.nn.Functional.binaryCrossEntropyWithLogits;
import static io.jgrad.nn.Functional.crossEntropy;
import static io.jgrad.nn.Functional.mseLoss;
import static io.jgrad.nn.Functional.nllLoss;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Misuse of the nn functions throws PyTorch 1.13's message (recorded with /usr/bin/python3 and torch 1.13,
 * {@code torch.Size([3])} written as {@code [3]}), and a failed call changes nothing.
 */
class NnErrorMessagesTest {
    private static final Tensor X3 = Torch.randn(3);
    private static final Tensor X2 = Torch.randn(2);
    private static final Tensor LOGITS = Torch.randn(3, 4);

    private static void error(Class<? extends RuntimeException> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    private static void error(String message, Executable call) {
        error(IllegalArgumentException.class, message, call);
    }

    @Test
    void lossArguments() {
        error("foo is not a valid value for reduction", () -> mseLoss(X3, X3, "foo"));
        error("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
                () -> mseLoss(X3, X2));
        error("Using a target size ([2]) that is different to the input size ([3]) is deprecated. Please ensure they "
                + "have the same size.", () -> binaryCrossEntropy(Torch.rand(3), Torch.rand(2)));
        error("Target size ([2]) must be the same as input size ([3])", () -> binaryCrossEntropyWithLogits(X3, X2));
        error("all elements of input should be between 0 and 1",
                () -> binaryCrossEntropy(Torch.tensor(1.5), Torch.rand(1)));
        error("smooth_l1_loss does not support negative values for beta.",
                () -> Functional.smoothL1Loss(X3, X3, "mean", -1));
        error("huber_loss does not support non-positive values for delta.",
                () -> Functional.huberLoss(X3, X3, "mean", 0));
    }

    @Test
    void classificationArguments() {
        error(IndexOutOfBoundsException.class, "Target 4 is out of bounds.",
                () -> crossEntropy(LOGITS, Torch.tensor(0L, 1L, 4L)));
        error(IndexOutOfBoundsException.class, "Target -1 is out of bounds.",
                () -> nllLoss(LOGITS, Torch.tensor(0L, -1L, 2L)));
        error("Expected input batch_size (3) to match target batch_size (2).",
                () -> crossEntropy(LOGITS, Torch.tensor(0L, 1L)));
        error("expected scalar type Long but found Float", () -> nllLoss(LOGITS, Torch.tensor(0.0, 1.0, 2.0)));
        error("weight tensor should be defined either for all 4 classes or no classes but got weight tensor of "
                + "shape: [3]", () -> nllLoss(LOGITS, Torch.tensor(0L, 1L, 2L), Torch.ones(3), -100, "mean"));
        error("cross_entropy: weight tensor should be defined either for all 4 classes or no classes but got weight "
                + "tensor of shape: [3]", () -> crossEntropy(LOGITS, Torch.rand(3, 4), Torch.ones(3), -100, "mean", 0));
        error("0D or 1D target tensor expected, multi-target not supported",
                () -> crossEntropy(LOGITS, Torch.rand(3, 5)));
        error("Expected floating point type for target with class probabilities, got Long",
                () -> crossEntropy(LOGITS, Torch.ones(new int[] {3, 4}, io.jgrad.DType.INT64)));
        error("ignore_index is not supported for floating point target",
                () -> crossEntropy(LOGITS, Torch.rand(3, 4), null, 1, "mean", 0));
        error("label_smoothing must be between 0.0 and 1.0. Got: 1.5",
                () -> crossEntropy(LOGITS, Torch.tensor(0L, 1L, 2L), null, -100, "mean", 1.5));
        error("Expected target size [3, 5], got [3]", () -> nllLoss(Torch.randn(3, 4, 5), Torch.tensor(0L, 1L, 2L)));
        error("size mismatch (got input: [4], target: [1])", () -> nllLoss(Torch.randn(4), Torch.tensor(1L)));
        error("Expected 1 or more dimensions (got 0)", () -> nllLoss(Torch.tensor(1.0).reshape(),
                Torch.tensor(1L).reshape()));
    }

    @Test
    void activationAndLayerArguments() {
        error(IndexOutOfBoundsException.class, "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                () -> Functional.softmax(X3, 1));
        error("approximate argument must be either none or tanh.", () -> Functional.gelu(X3, "foo"));
        error("\"softplus_cpu\" not implemented for 'Long'", () -> Functional.softplus(Torch.tensor(1L, 2L)));
        error("\"log_softmax_lastdim_kernel_impl\" not implemented for 'Long'",
                () -> Functional.logSoftmax(Torch.tensor(1L, 2L), 0));
        error("dropout probability has to be between 0 and 1, but got 1.5", () -> Functional.dropout(X3, 1.5));
        error("Given normalized_shape=[5], expected input with shape [*, 5], but got input of size[3, 4]",
                () -> Functional.layerNorm(LOGITS, new int[] {5}));
        error("Expected weight to be of same shape as normalized_shape, but got weight of shape [3] and "
                + "normalized_shape = [4]", () -> Functional.layerNorm(LOGITS, new int[] {4}, Torch.ones(3), null, 1e-5));
        error("running_mean should contain 4 elements not 5", () -> Functional.batchNorm(LOGITS, Torch.zeros(5),
                Torch.ones(5), null, null, true, 0.1, 1e-5));
        error("running_mean should contain 5 elements not 4", () -> new BatchNorm1d(4).forward(Torch.randn(3, 5)));
        error(IndexOutOfBoundsException.class, "index out of range in self",
                () -> Functional.embedding(Torch.tensor(0L, 5L), Torch.randn(5, 3)));
        error("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got "
                + "torch.FloatTensor instead (while checking arguments for embedding)",
                () -> Functional.embedding(Torch.tensor(0.0, 1.0), Torch.randn(5, 3)));
        error("'weight' must be 2-D", () -> Functional.embedding(Torch.tensor(0L), Torch.randn(5)));
    }

    @Test
    void initArguments() {
        error("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
                () -> Init.xavierUniform_(Torch.zeros(3)));
        error("Unsupported nonlinearity foo", () -> Init.calculateGain("foo"));
        error("Mode foo not supported, please use one of ['fan_in', 'fan_out']",
                () -> Init.kaimingUniform_(Torch.zeros(3, 2), 0, "foo", "leaky_relu"));
        assertEquals(5.0 / 3, Init.calculateGain("tanh"));
        assertEquals(Math.sqrt(2.0 / (1 + 0.2 * 0.2)), Init.calculateGain("leaky_relu", 0.2));
    }

    @Test
    void aFailedTrainingStepChangesNoRunningStatistic() {
        BatchNorm1d bn = new BatchNorm1d(4);
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Torch.randn(1, 4)));
        assertThrows(IllegalArgumentException.class, () -> bn.forward(Torch.randn(3, 5)));
        assertArrayEquals(new float[] {0, 0, 0, 0}, bn.runningMean().toFloatArray());
        assertEquals(0, bn.numBatchesTracked().item());
        error("Expected more than 1 value per channel when training, got input size [1, 4]",
                () -> Functional.batchNorm(Torch.randn(1, 4), bn.runningMean(), bn.runningVar(), null, null, true, 0.1,
                        1e-5));
    }
}
