package io.jgrad.ops;

import static io.jgrad.Torch.cat;
import static io.jgrad.Torch.stack;
import static io.jgrad.Torch.tensor;
import static io.jgrad.Torch.where;
import static io.jgrad.ops.GradcheckTable.BINARY;
import static io.jgrad.ops.GradcheckTable.S0;
import static io.jgrad.ops.GradcheckTable.S23;
import static io.jgrad.ops.GradcheckTable.S3;
import static io.jgrad.ops.GradcheckTable.UNARY;
import static io.jgrad.ops.GradcheckTable.cases;
import static io.jgrad.ops.GradcheckTable.op;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.ops.GradcheckTable.Domain;
import io.jgrad.ops.GradcheckTable.Op;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every core differentiable op, from one table: first and second derivatives against central differences
 * in FLOAT64, over 0-d, 1-D, 2-D, broadcasting and non-contiguous (strided) inputs. A new op is one row.
 */
class OpGradcheckTest {

    static final List<Op> OPS = List.of(
            // Arithmetic
            op("add", in -> in[0].add(in[1]), BINARY, Domain.ANY),
            op("add alpha", in -> in[0].add(in[1], 2.5), BINARY, Domain.ANY),
            op("add scalar", in -> in[0].add(1.5), UNARY, Domain.ANY),
            op("sub", in -> in[0].sub(in[1]), BINARY, Domain.ANY),
            op("sub alpha", in -> in[0].sub(in[1], 0.5), BINARY, Domain.ANY),
            op("mul", in -> in[0].mul(in[1]), BINARY, Domain.ANY),
            op("mul scalar", in -> in[0].mul(3.0), UNARY, Domain.ANY),
            op("div", in -> in[0].div(in[1]), BINARY, Domain.POSITIVE),
            op("div scalar", in -> in[0].div(4.0), UNARY, Domain.ANY),
            op("rdiv", in -> Torch.scalar(2.0, DType.FLOAT64).div(in[0]), UNARY, Domain.POSITIVE),
            op("pow 2", in -> in[0].pow(2), UNARY, Domain.ANY),
            op("pow 3", in -> in[0].pow(3), UNARY, Domain.ANY),
            op("pow 0.5", in -> in[0].pow(0.5), UNARY, Domain.POSITIVE),
            op("pow -1.5", in -> in[0].pow(-1.5), UNARY, Domain.POSITIVE),
            op("pow tensor", in -> in[0].pow(in[1]), BINARY, Domain.POSITIVE),
            op("rpow", in -> Torch.pow(2.0, in[0]), UNARY, Domain.ANY),
            op("maximum", in -> in[0].maximum(in[1]), BINARY, Domain.ANY),
            op("minimum", in -> in[0].minimum(in[1]), BINARY, Domain.ANY),
            // Pointwise
            op("neg", in -> in[0].neg(), UNARY, Domain.ANY),
            op("exp", in -> in[0].exp(), UNARY, Domain.ANY),
            op("log", in -> in[0].log(), UNARY, Domain.POSITIVE),
            op("sqrt", in -> in[0].sqrt(), UNARY, Domain.POSITIVE),
            op("abs", in -> in[0].abs(), UNARY, Domain.NONZERO),
            op("sin", in -> in[0].sin(), UNARY, Domain.ANY),
            op("cos", in -> in[0].cos(), UNARY, Domain.ANY),
            op("tanh", in -> in[0].tanh(), UNARY, Domain.ANY),
            op("sigmoid", in -> in[0].sigmoid(), UNARY, Domain.ANY),
            op("relu", in -> in[0].relu(), UNARY, Domain.NONZERO),
            op("clamp", in -> in[0].clamp(-0.5, 0.5), UNARY, Domain.NONZERO),
            op("clampMin", in -> in[0].clampMin(0.1), UNARY, Domain.NONZERO),
            op("sign", in -> in[0].sign(), UNARY, Domain.NONZERO),
            op("tan", in -> in[0].mul(0.5).tan(), UNARY, Domain.ANY),
            op("asin", in -> in[0].mul(0.5).asin(), UNARY, Domain.POSITIVE),
            op("acos", in -> in[0].mul(0.5).acos(), UNARY, Domain.POSITIVE),
            op("atan", in -> in[0].atan(), UNARY, Domain.ANY),
            op("sinh", in -> in[0].sinh(), UNARY, Domain.ANY),
            op("cosh", in -> in[0].cosh(), UNARY, Domain.ANY),
            op("log1p", in -> in[0].log1p(), UNARY, Domain.POSITIVE),
            op("expm1", in -> in[0].expm1(), UNARY, Domain.ANY),
            op("log2", in -> in[0].log2(), UNARY, Domain.POSITIVE),
            op("log10", in -> in[0].log10(), UNARY, Domain.POSITIVE),
            op("erf", in -> in[0].erf(), UNARY, Domain.ANY),
            op("reciprocal", in -> in[0].reciprocal(), UNARY, Domain.POSITIVE),
            op("rsqrt", in -> in[0].rsqrt(), UNARY, Domain.POSITIVE),
            op("square", in -> in[0].square(), UNARY, Domain.ANY),
            op("floor", in -> in[0].floor().add(in[0]), UNARY, Domain.NONZERO),
            op("ceil", in -> in[0].ceil().mul(in[0]), UNARY, Domain.NONZERO),
            op("round", in -> in[0].round().add(in[0]), UNARY, Domain.NONZERO),
            op("trunc", in -> in[0].trunc().add(in[0]), UNARY, Domain.NONZERO),
            op("atan2", in -> in[0].atan2(in[1]), BINARY, Domain.POSITIVE),
            op("fmod", in -> in[0].mul(3.0).fmod(in[1]), BINARY, Domain.POSITIVE),
            op("remainder", in -> in[0].mul(-3.0).remainder(in[1]), BINARY, Domain.POSITIVE),
            op("lerp scalar", in -> in[0].lerp(in[1], 0.3), BINARY, Domain.ANY),
            op("lerp tensor", in -> in[0].lerp(in[1], in[2]), cases(new int[][] {S23, S3, S23}), Domain.ANY),
            op("clamp tensors", in -> in[0].clamp(in[1], in[1].add(0.5)), cases(new int[][] {S23, S3}), Domain.ANY),
            // Reductions
            op("sum", in -> in[0].sum(), UNARY, Domain.ANY),
            op("sum dim", in -> in[0].sum(-1, false), UNARY, Domain.ANY),
            op("sum dim keep", in -> in[0].sum(0, true), UNARY, Domain.ANY),
            op("sum dims", in -> in[0].sum(new int[] {0, 2}, false), cases(new int[][] {{2, 3, 2}}), Domain.ANY),
            op("mean", in -> in[0].mean(), UNARY, Domain.ANY),
            op("mean dim", in -> in[0].mean(-1, true), UNARY, Domain.ANY),
            op("max", in -> in[0].max(), UNARY, Domain.ANY),
            op("min", in -> in[0].min(), UNARY, Domain.ANY),
            op("max dim", in -> in[0].max(-1, false).values(), UNARY, Domain.ANY),
            op("min dim keep", in -> in[0].min(0, true).values(), UNARY, Domain.ANY),
            op("prod", in -> in[0].prod(), UNARY, Domain.NONZERO),
            op("prod dim", in -> in[0].prod(1, false), cases(new int[][] {S23}, new int[][] {{2, 3, 2}}), Domain.NONZERO),
            op("prod with zero", in -> in[0].mul(tensor(new double[] {1, 0, 1}, DType.FLOAT64)).prod(1, true),
                    cases(new int[][] {S23}), Domain.NONZERO),
            op("var", in -> in[0].var(), UNARY.subList(1, 4), Domain.ANY),
            op("std dim", in -> in[0].std(-1, true), cases(new int[][] {S23}), Domain.ANY),
            op("var correction 0", in -> in[0].var(new int[] {0}, 0, false), cases(new int[][] {S23}), Domain.ANY),
            op("norm 2", in -> in[0].norm(), UNARY, Domain.NONZERO),
            op("norm 1", in -> in[0].norm(1), UNARY, Domain.NONZERO),
            op("norm inf", in -> in[0].norm(Double.POSITIVE_INFINITY), UNARY, Domain.NONZERO),
            op("norm 3 dim", in -> in[0].norm(3, new int[] {1}, false), cases(new int[][] {S23}), Domain.NONZERO),
            op("logsumexp", in -> in[0].logsumexp(-1, false), UNARY.subList(1, 4), Domain.ANY),
            op("cumsum", in -> in[0].cumsum(-1), UNARY.subList(1, 4), Domain.ANY),
            op("cumprod", in -> in[0].cumprod(1), cases(new int[][] {S23}), Domain.NONZERO),
            op("cumprod with zero", in -> in[0].mul(tensor(new double[] {1, 0, 1}, DType.FLOAT64)).cumprod(1),
                    cases(new int[][] {S23}), Domain.NONZERO),
            op("amax", in -> in[0].amax(new int[] {0, 1}, false), cases(new int[][] {S23}), Domain.ANY),
            op("amin keep", in -> in[0].amin(1, true), cases(new int[][] {S23}), Domain.ANY),
            op("sort", in -> in[0].sort(1, true).values(), cases(new int[][] {S23}), Domain.ANY),
            op("topk", in -> in[0].topk(2, -1, false, true).values(), cases(new int[][] {S23}), Domain.ANY),
            // Linear algebra
            op("mm", in -> in[0].mm(in[1]), cases(new int[][] {{2, 3}, {3, 4}}, new int[][] {{1, 1}, {1, 2}}),
                    Domain.ANY),
            op("matmul 1x1", in -> in[0].matmul(in[1]), cases(new int[][] {S3, S3}), Domain.ANY),
            op("matmul 2x1", in -> in[0].matmul(in[1]), cases(new int[][] {S23, S3}), Domain.ANY),
            op("matmul 1x2", in -> in[0].matmul(in[1]), cases(new int[][] {{2}, S23}), Domain.ANY),
            op("matmul 3x2", in -> in[0].matmul(in[1]), cases(new int[][] {{2, 2, 3}, {3, 2}}), Domain.ANY),
            op("matmul batched broadcast", in -> in[0].matmul(in[1]),
                    cases(new int[][] {{2, 1, 2, 3}, {3, 3, 2}}, new int[][] {{3}, {2, 3, 2}}), Domain.ANY),
            op("bmm", in -> in[0].bmm(in[1]), cases(new int[][] {{2, 2, 3}, {2, 3, 2}}), Domain.ANY),
            op("dot", in -> in[0].dot(in[1]), cases(new int[][] {S3, S3}), Domain.ANY),
            op("mv", in -> in[0].mv(in[1]), cases(new int[][] {S23, S3}), Domain.ANY),
            // Views
            op("view", in -> in[0].view(3, 2), cases(new int[][] {S23}), Domain.ANY),
            op("reshape", in -> in[0].reshape(-1), UNARY, Domain.ANY),
            op("reshape 0-d", in -> in[0].reshape(), cases(new int[][] {{1, 1}}), Domain.ANY),
            op("transpose", in -> in[0].transpose(0, 1), cases(new int[][] {S23}, new int[][] {{2, 3, 2}}), Domain.ANY),
            op("t", in -> in[0].t(), cases(new int[][] {S23}, new int[][] {S3}), Domain.ANY),
            op("permute", in -> in[0].permute(2, 0, 1), cases(new int[][] {{2, 3, 2}}), Domain.ANY),
            op("squeeze", in -> in[0].squeeze(), cases(new int[][] {{2, 1, 3, 1}}), Domain.ANY),
            op("squeeze dim", in -> in[0].squeeze(1), cases(new int[][] {{2, 1, 3}}), Domain.ANY),
            op("unsqueeze", in -> in[0].unsqueeze(1), UNARY.subList(1, 4), Domain.ANY),
            op("expand", in -> in[0].expand(2, 3), cases(new int[][] {S3}, new int[][] {{2, 1}}, new int[][] {S0}),
                    Domain.ANY),
            op("flatten", in -> in[0].flatten(), cases(new int[][] {{2, 2, 2}}), Domain.ANY),
            op("get", in -> in[0].get(1, -1), cases(new int[][] {S23}, new int[][] {{2, 3, 2}}), Domain.ANY),
            op("select", in -> in[0].select(1, 0), cases(new int[][] {S23}), Domain.ANY),
            op("slice", in -> in[0].slice(1, 0, 3, 2), cases(new int[][] {S23}, new int[][] {{3, 4}}), Domain.ANY),
            op("narrow", in -> in[0].narrow(0, 1, 2), cases(new int[][] {{3, 2}}), Domain.ANY),
            // Indexing and joining
            op("indexSelect", in -> in[0].indexSelect(1, tensor(2L, 0L, 2L)), cases(new int[][] {S23}), Domain.ANY),
            op("gather", in -> in[0].gather(1, tensor(new long[] {0, 2, 1, 1}).view(2, 2)), cases(new int[][] {S23}),
                    Domain.ANY),
            op("maskedFill", in -> in[0].maskedFill(tensor(true, false, true), 0.5), cases(new int[][] {S23}),
                    Domain.ANY),
            op("where", in -> where(tensor(true, false, true), in[0], in[1]), BINARY.subList(1, 5), Domain.ANY),
            op("cat", in -> cat(List.of(in[0], in[1]), 1), cases(new int[][] {{2, 1}, S23}), Domain.ANY),
            op("cat dim0", in -> cat(in[0], in[1]), cases(new int[][] {S3, {2}}), Domain.ANY),
            op("stack", in -> stack(List.of(in[0], in[1]), 1), cases(new int[][] {S23, S23}), Domain.ANY),
            op("maskedSelect", in -> in[0].maskedSelect(tensor(true, false, true)), cases(new int[][] {S23}),
                    Domain.ANY),
            op("index long", in -> in[0].index(tensor(1L, 0L, 1L)), cases(new int[][] {S23}), Domain.ANY),
            op("index two", in -> in[0].index(tensor(0L, 1L), null, tensor(2L, 0L)), cases(new int[][] {{2, 3, 3}}),
                    Domain.ANY),
            op("index bool", in -> in[0].index(null, tensor(true, false, true)), cases(new int[][] {S23}), Domain.ANY),
            op("indexPut", in -> in[0].indexPut(new Tensor[] {tensor(1L, 0L)}, in[1], false),
                    cases(new int[][] {{2, 3}, {3}}), Domain.ANY),
            op("indexPut accumulate", in -> in[0].indexPut(new Tensor[] {tensor(1L, 1L)}, in[1], true),
                    cases(new int[][] {{2, 3}, {2, 3}}), Domain.ANY),
            op("scatter", in -> in[0].scatter(1, tensor(new long[] {2, 0, 1, 2}).view(2, 2), in[1]),
                    cases(new int[][] {S23, {2, 2}}), Domain.ANY),
            op("scatterAdd", in -> in[0].scatterAdd(1, tensor(new long[] {2, 2, 1, 2}).view(2, 2), in[1]),
                    cases(new int[][] {S23, S23}), Domain.ANY),
            op("indexAdd", in -> in[0].indexAdd(0, tensor(1L, 1L), in[1], 2.0), cases(new int[][] {S23, S23}),
                    Domain.ANY),
            op("repeat", in -> in[0].repeat(2, 1, 2), cases(new int[][] {S23}, new int[][] {S3}), Domain.ANY),
            op("tile", in -> in[0].tile(2), cases(new int[][] {S23}), Domain.ANY),
            op("flip", in -> in[0].flip(0, -1), cases(new int[][] {S23}), Domain.ANY),
            op("roll", in -> in[0].roll(new int[] {1, -1}, new int[] {0, 1}), cases(new int[][] {S23}), Domain.ANY),
            op("roll flat", in -> in[0].roll(new int[] {2}, new int[0]), cases(new int[][] {S23}), Domain.ANY),
            op("chunk", in -> in[0].chunk(2, 1)[1].mul(2.0), cases(new int[][] {{2, 4}}), Domain.ANY),
            op("split", in -> in[0].split(new int[] {1, 2}, 1)[1], cases(new int[][] {S23}), Domain.ANY),
            op("unbind", in -> in[0].unbind(1)[2].mul(in[0].unbind(1)[0]), cases(new int[][] {S23}), Domain.ANY),
            op("pad constant", in -> io.jgrad.ops.Reshaping.pad(in[0], new int[] {1, 2, 0, 1}, "constant", 0.5),
                    cases(new int[][] {S23}), Domain.ANY),
            op("pad crop", in -> io.jgrad.ops.Reshaping.pad(in[0], new int[] {-1, 1}, "constant", 0),
                    cases(new int[][] {S23}), Domain.ANY),
            op("pad reflect", in -> io.jgrad.ops.Reshaping.pad(in[0], new int[] {2, 1}, "reflect", 0),
                    cases(new int[][] {S23}), Domain.ANY),
            op("pad replicate", in -> io.jgrad.ops.Reshaping.pad(in[0], new int[] {1, 2, 2, 0}, "replicate", 0),
                    cases(new int[][] {S23}), Domain.ANY),
            op("diag vector", in -> in[0].diag(1), cases(new int[][] {S3}), Domain.ANY),
            op("diag matrix", in -> in[0].diag(-1), cases(new int[][] {{3, 3}}), Domain.ANY),
            op("diagonal", in -> in[0].diagonal(1, 1, 2), cases(new int[][] {{2, 3, 3}}), Domain.ANY),
            op("trace", in -> in[0].trace(), cases(new int[][] {S23}), Domain.ANY),
            op("tril", in -> in[0].tril(), cases(new int[][] {{3, 3}}), Domain.ANY),
            op("triu", in -> in[0].triu(1), cases(new int[][] {{2, 3, 3}}), Domain.ANY),
            op("meshgrid", in -> Torch.meshgrid(in[0], in[1]).get(0).mul(Torch.meshgrid(in[0], in[1]).get(1)),
                    cases(new int[][] {S3, {2}}), Domain.ANY),
            op("outer", in -> in[0].outer(in[1]), cases(new int[][] {S3, {2}}), Domain.ANY),
            op("addmm", in -> Torch.addmm(in[0], in[1], in[2], 0.5, 2.0), cases(new int[][] {S3, S23, {3, 3}}),
                    Domain.ANY),
            op("baddbmm", in -> Torch.baddbmm(in[0], in[1], in[2]), cases(new int[][] {{2, 2}, {2, 2, 3}, {2, 3, 2}}),
                    Domain.ANY),
            op("einsum matmul", in -> Torch.einsum("ij,jk->ik", in[0], in[1]), cases(new int[][] {S23, {3, 2}}),
                    Domain.ANY),
            op("einsum batch outer", in -> Torch.einsum("bi,bj->bij", in[0], in[1]), cases(new int[][] {S23, {2, 2}}),
                    Domain.ANY),
            op("einsum trace", in -> Torch.einsum("ii->", in[0]), cases(new int[][] {{3, 3}}), Domain.ANY),
            op("einsum three", in -> Torch.einsum("ij,j,jk->ki", in[0], in[1], in[2]),
                    cases(new int[][] {S23, S3, {3, 2}}), Domain.ANY),
            op("cross", in -> in[0].cross(in[1], 1), cases(new int[][] {{2, 3}, {2, 3}}, new int[][] {{3}, {2, 3}}),
                    Domain.ANY),
            op("cdist", in -> Torch.cdist(in[0], in[1], 2), cases(new int[][] {S23, {4, 3}}), Domain.ANY),
            op("affine (F.linear)", in -> Affine.linear(in[0], in[1], in[2]),
                    cases(new int[][] {S23, {4, 3}, {4}}, new int[][] {{2, 2, 3}, {4, 3}, {4}}), Domain.ANY),
            op("affine without bias", in -> Affine.linear(in[0], in[1], null), cases(new int[][] {S23, {4, 3}}),
                    Domain.ANY),
            op("cdist p1", in -> Torch.cdist(in[0], in[1], 1), cases(new int[][] {S23, {4, 3}}), Domain.ANY),
            // Copies
            op("clone", in -> in[0].clone(), UNARY, Domain.ANY),
            op("contiguous", in -> in[0].t().contiguous(), cases(new int[][] {S23}), Domain.ANY),
            // In-place ops, recorded by rebasing history (Note [In-place as out-of-place plus rebase])
            op("mul_ on clone", in -> in[0].clone().mul_(in[1]), BINARY.subList(0, 4), Domain.ANY),
            op("add_ on clone", in -> in[0].mul(2.0).add_(in[1], 0.5), BINARY.subList(0, 4), Domain.ANY),
            op("div_ on product", in -> in[0].mul(1.0).div_(in[1]), BINARY.subList(0, 4), Domain.POSITIVE),
            op("exp_ then mul", in -> in[0].mul(1.0).exp_().mul(in[0]), UNARY, Domain.ANY),
            op("sigmoid_", in -> in[0].add(0.0).sigmoid_(), UNARY, Domain.ANY),
            op("clamp_", in -> in[0].mul(1.0).clamp_(-0.5, 0.5), UNARY, Domain.NONZERO),
            op("pow_", in -> in[0].mul(1.0).pow_(3), UNARY, Domain.ANY),
            op("copy_ into view", in -> {
                Tensor z = Torch.zeros(new int[] {2, 3}, DType.FLOAT64);
                z.get(1).copy_(in[0].mul(in[0]));
                return z.mul(in[1]);
            }, cases(new int[][] {S3, S23}), Domain.ANY),
            op("mul_ on view of non-leaf", in -> {
                Tensor z = in[0].mul(1.0);
                z.select(1, 1).mul_(in[1]);
                return z;
            }, cases(new int[][] {S23, {2}}), Domain.ANY),
            op("view after base in-place", in -> {
                Tensor z = in[0].mul(1.0);
                Tensor v = z.get(0);
                z.mul_(in[1]);
                return v.mul(v);
            }, cases(new int[][] {S23, S23}), Domain.ANY),
            op("zero_ on view", in -> {
                Tensor z = in[0].mul(2.0);
                z.get(0).zero_();
                return z;
            }, cases(new int[][] {S23}), Domain.ANY),
            op("fill_ on slice", in -> {
                Tensor z = in[0].mul(in[0]);
                z.slice(1, 0, 3, 2).fill_(2.0);
                return z;
            }, cases(new int[][] {S23}), Domain.ANY));

    static Stream<Arguments> checks() {
        return GradcheckTable.checks(OPS);
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("checks")
    void firstAndSecondDerivatives(Op op, int[][] shapes, boolean strided, String label) {
        GradcheckTable.check(op, shapes, strided);
    }
}
