package io.jgrad.ops;

import static io.jgrad.ops.GradcheckTable.S23;
import static io.jgrad.ops.GradcheckTable.S3;
import static io.jgrad.ops.GradcheckTable.UNARY;
import static io.jgrad.ops.GradcheckTable.cases;
import static io.jgrad.ops.GradcheckTable.op;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.nn.Functional;
import io.jgrad.ops.GradcheckTable.Domain;
import io.jgrad.ops.GradcheckTable.Op;
import io.jgrad.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every NN op (activations, losses in each reduction, normalisation, embedding, dropout, linear) from one
 * table: first and second derivatives against central differences in FLOAT64, plain and strided inputs.
 * PyTorch supports double backward for all of them, so every row is second order. (Embedding rows avoid the
 * padding index: PyTorch gives it no gradient although the forward reads it, so no finite difference agrees.)
 */
class NnOpGradcheckTest {
    static final List<int[][]> PAIR = cases(new int[][] {S23, S23});
    static final List<int[][]> LOGITS = cases(new int[][] {{4, 3}});
    static final Tensor LABELS = Torch.tensor(2L, 0L, -100L, 1L);
    static final Tensor LABELS_ALL = Torch.tensor(2L, 0L, 1L, 1L);
    static final Tensor CLASS_WEIGHT = f64(0.5, 1.5, 2.0);
    static final Tensor ELEM_WEIGHT = f64(0.5, 1.0, 2.0);
    static final Tensor POS_WEIGHT = f64(3.0, 0.5, 1.0);

    static List<Op> ops() {
        List<Op> ops = new ArrayList<>(List.of(
                op("softmax", in -> Activations.softmax(in[0], -1), UNARY, Domain.ANY),
                op("softmax dim0", in -> Activations.softmax(in[0], 0), UNARY.subList(1, 4), Domain.ANY),
                op("logSoftmax", in -> Activations.logSoftmax(in[0], -1), UNARY, Domain.ANY),
                op("logSoftmax dim0", in -> Activations.logSoftmax(in[0], 0), UNARY.subList(1, 4), Domain.ANY),
                op("gelu", in -> Activations.gelu(in[0]), UNARY, Domain.ANY),
                op("gelu tanh", in -> Activations.gelu(in[0], "tanh"), UNARY, Domain.ANY),
                op("silu", in -> Activations.silu(in[0]), UNARY, Domain.ANY),
                op("softplus", in -> Activations.softplus(in[0]), UNARY, Domain.ANY),
                op("softplus beta 2 threshold 5", in -> Activations.softplus(in[0], 2, 5), UNARY, Domain.ANY),
                op("mish", in -> Activations.mish(in[0]), UNARY, Domain.ANY),
                op("leakyRelu", in -> Activations.leakyRelu(in[0], 0.2), UNARY, Domain.NONZERO),
                op("elu", in -> Activations.elu(in[0], 0.5), UNARY, Domain.NONZERO),
                op("selu", in -> Activations.selu(in[0]), UNARY, Domain.NONZERO),
                op("hardtanh", in -> Activations.hardtanh(in[0], -0.7, 0.9), UNARY, Domain.NONZERO),
                op("logSigmoid", in -> Activations.logSigmoid(in[0]), UNARY, Domain.ANY),
                op("dropout seeded", in -> {
                    Torch.manualSeed(3);
                    return Dropout.dropout(in[0], 0.4, true);
                }, UNARY.subList(1, 4), Domain.ANY),
                op("embedding", in -> Embeddings.embedding(Torch.tensor(new long[] {0, 2, 4, 2}).view(2, 2), in[0], null),
                        cases(new int[][] {{5, 3}}), Domain.ANY),
                op("embedding padding unused", in -> Embeddings.embedding(Torch.tensor(3L, 0L, 3L), in[0], 1),
                        cases(new int[][] {{4, 2}}), Domain.ANY),
                op("linear", in -> Functional.linear(in[0], in[1], in[2]), cases(new int[][] {{4, 3}, {2, 3}, {2}},
                        new int[][] {{3}, {2, 3}, {2}}), Domain.ANY),
                op("layerNorm", in -> Normalization.layerNorm(in[0], new int[] {3}, in[1], in[2], 1e-5),
                        cases(new int[][] {S23, S3, S3}), Domain.ANY),
                op("layerNorm 2 dims no affine", in -> Normalization.layerNorm(in[0], new int[] {2, 3}, null, null, 1e-5),
                        cases(new int[][] {{2, 2, 3}}), Domain.ANY),
                op("batchNorm train", in -> Normalization.batchNorm(in[0], null, null, in[1], in[2], true, 0.1, 1e-5),
                        cases(new int[][] {{4, 3}, S3, S3}, new int[][] {{3, 3, 2}, S3, S3}), Domain.ANY),
                op("batchNorm train with running stats", in -> Normalization.batchNorm(in[0],
                        Torch.zeros(new int[] {3}, DType.FLOAT64), Torch.ones(new int[] {3}, DType.FLOAT64), null, null,
                        true, 0.1, 1e-5), cases(new int[][] {{4, 3}}), Domain.ANY),
                op("batchNorm eval", in -> Normalization.batchNorm(in[0], f64(0.1, -0.2, 0.3), f64(1.5, 0.5, 2.0),
                        in[1], in[2], false, 0.1, 1e-5), cases(new int[][] {{4, 3}, S3, S3}), Domain.ANY)));
        for (String r : List.of("mean", "sum", "none")) {
            ops.addAll(List.of(
                    op("mse " + r, in -> Losses.mse(in[0], in[1], r), PAIR, Domain.ANY),
                    op("mse broadcast " + r, in -> Losses.mse(in[0], in[1], r), cases(new int[][] {S23, S3}), Domain.ANY),
                    op("l1 " + r, in -> Losses.l1(in[0], in[1], r), PAIR, Domain.ANY),
                    op("smoothL1 " + r, in -> Losses.smoothL1(in[0], in[1], r, 0.7), PAIR, Domain.ANY),
                    op("huber " + r, in -> Losses.huber(in[0], in[1], r, 0.7), PAIR, Domain.ANY),
                    op("bce " + r, in -> Losses.binaryCrossEntropy(Pointwise.sigmoid(in[0]), Pointwise.sigmoid(in[1]),
                            null, r), PAIR, Domain.ANY),
                    op("bce weight " + r, in -> Losses.binaryCrossEntropy(Pointwise.sigmoid(in[0]),
                            Pointwise.sigmoid(in[1]), ELEM_WEIGHT, r), PAIR, Domain.ANY),
                    op("bceWithLogits " + r, in -> Losses.binaryCrossEntropyWithLogits(in[0], Pointwise.sigmoid(in[1]),
                            null, null, r), PAIR, Domain.ANY),
                    op("bceWithLogits weights " + r, in -> Losses.binaryCrossEntropyWithLogits(in[0],
                            Pointwise.sigmoid(in[1]), ELEM_WEIGHT, POS_WEIGHT, r), PAIR, Domain.ANY),
                    op("nllLoss " + r, in -> Losses.nllLoss(in[0], LABELS, null, -100, r), LOGITS, Domain.ANY),
                    op("nllLoss weight ignore " + r, in -> Losses.nllLoss(in[0], LABELS_ALL, CLASS_WEIGHT, 0, r), LOGITS,
                            Domain.ANY),
                    op("crossEntropy " + r, in -> Losses.crossEntropy(in[0], LABELS, null, -100, r, 0), LOGITS,
                            Domain.ANY),
                    op("crossEntropy weight smoothing " + r, in -> Losses.crossEntropy(in[0], LABELS, CLASS_WEIGHT, -100,
                            r, 0.2), LOGITS, Domain.ANY),
                    op("crossEntropy probabilities " + r, in -> Losses.crossEntropy(in[0],
                            Activations.softmax(in[1], 1), CLASS_WEIGHT, -100, r, 0.1),
                            cases(new int[][] {{4, 3}, {4, 3}}), Domain.ANY),
                    op("crossEntropy 3-d " + r, in -> Losses.crossEntropy(in[0],
                            Torch.tensor(new long[] {0, 2, 1, 1}).view(2, 2), null, -100, r, 0),
                            cases(new int[][] {{2, 3, 2}}), Domain.ANY)));
        }
        return ops;
    }

    static Stream<Arguments> checks() {
        return GradcheckTable.checks(ops());
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("checks")
    void firstAndSecondDerivatives(Op op, int[][] shapes, boolean strided, String label) {
        GradcheckTable.check(op, shapes, strided);
    }

    private static Tensor f64(double... v) {
        return Torch.fromStorage(Storage.of(v), v.length);
    }
}
