package io.jgrad.ops;

import static io.jgrad.Torch.cat;
import static io.jgrad.Torch.stack;
import static io.jgrad.Torch.tensor;
import static io.jgrad.Torch.where;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ops of the PyTorch fixtures ({@code tools/fixtures/gen_ops.py}), by the name a fixture's {@code op} line
 * gives: each is the jgrad call that mirrors the script's PyTorch call. The differentiable rows are
 * {@link OpGradcheckTest}'s rows under the same names (constants take the input's dtype, so the same row serves
 * FLOAT64 and FLOAT32); the others are the non-differentiable, integer and type-promotion ops.
 */
final class FixtureOps {
    private FixtureOps() {}

    static final Map<String, Function<Tensor[], Tensor>> OPS = new LinkedHashMap<>();

    private static void put(String name, Function<Tensor[], Tensor> fn) {
        if (OPS.put(name, fn) != null) {
            throw new IllegalStateException("duplicate fixture op " + name);
        }
    }

    static {
        // ---- OpGradcheckTest's rows (differentiable.txt; also nondiff.txt and promotion.txt with other dtypes)
        put("add", in -> in[0].add(in[1]));
        put("add alpha", in -> in[0].add(in[1], 2.5));
        put("add scalar", in -> in[0].add(1.5));
        put("sub", in -> in[0].sub(in[1]));
        put("sub alpha", in -> in[0].sub(in[1], 0.5));
        put("mul", in -> in[0].mul(in[1]));
        put("mul scalar", in -> in[0].mul(3.0));
        put("div", in -> in[0].div(in[1]));
        put("div scalar", in -> in[0].div(4.0));
        put("rdiv", in -> Torch.scalar(2.0, DType.FLOAT64).div(in[0]));
        put("pow 2", in -> in[0].pow(2));
        put("pow 3", in -> in[0].pow(3));
        put("pow 0.5", in -> in[0].pow(0.5));
        put("pow -1.5", in -> in[0].pow(-1.5));
        put("pow tensor", in -> in[0].pow(in[1]));
        put("rpow", in -> Torch.pow(2.0, in[0]));
        put("maximum", in -> in[0].maximum(in[1]));
        put("minimum", in -> in[0].minimum(in[1]));
        put("neg", in -> in[0].neg());
        put("exp", in -> in[0].exp());
        put("log", in -> in[0].log());
        put("sqrt", in -> in[0].sqrt());
        put("abs", in -> in[0].abs());
        put("sin", in -> in[0].sin());
        put("cos", in -> in[0].cos());
        put("tanh", in -> in[0].tanh());
        put("sigmoid", in -> in[0].sigmoid());
        put("relu", in -> in[0].relu());
        put("clamp", in -> in[0].clamp(-0.5, 0.5));
        put("clampMin", in -> in[0].clampMin(0.1));
        put("sign", in -> in[0].sign());
        put("tan", in -> in[0].mul(0.5).tan());
        put("asin", in -> in[0].mul(0.5).asin());
        put("acos", in -> in[0].mul(0.5).acos());
        put("atan", in -> in[0].atan());
        put("sinh", in -> in[0].sinh());
        put("cosh", in -> in[0].cosh());
        put("log1p", in -> in[0].log1p());
        put("expm1", in -> in[0].expm1());
        put("log2", in -> in[0].log2());
        put("log10", in -> in[0].log10());
        put("erf", in -> in[0].erf());
        put("reciprocal", in -> in[0].reciprocal());
        put("rsqrt", in -> in[0].rsqrt());
        put("square", in -> in[0].square());
        put("floor", in -> in[0].floor().add(in[0]));
        put("ceil", in -> in[0].ceil().mul(in[0]));
        put("round", in -> in[0].round().add(in[0]));
        put("trunc", in -> in[0].trunc().add(in[0]));
        put("atan2", in -> in[0].atan2(in[1]));
        put("fmod", in -> in[0].mul(3.0).fmod(in[1]));
        put("remainder", in -> in[0].mul(-3.0).remainder(in[1]));
        put("lerp scalar", in -> in[0].lerp(in[1], 0.3));
        put("lerp tensor", in -> in[0].lerp(in[1], in[2]));
        put("clamp tensors", in -> in[0].clamp(in[1], in[1].add(0.5)));
        put("sum", in -> in[0].sum());
        put("sum dim", in -> in[0].sum(-1, false));
        put("sum dim keep", in -> in[0].sum(0, true));
        put("sum dims", in -> in[0].sum(new int[] {0, 2}, false));
        put("mean", in -> in[0].mean());
        put("mean dim", in -> in[0].mean(-1, true));
        put("max", in -> in[0].max());
        put("min", in -> in[0].min());
        put("max dim", in -> in[0].max(-1, false).values());
        put("min dim keep", in -> in[0].min(0, true).values());
        put("prod", in -> in[0].prod());
        put("prod dim", in -> in[0].prod(1, false));
        put("prod with zero", in -> in[0].mul(tensor(new double[] {1, 0, 1}, in[0].dtype())).prod(1, true));
        put("var", in -> in[0].var());
        put("std dim", in -> in[0].std(-1, true));
        put("var correction 0", in -> in[0].var(new int[] {0}, 0, false));
        put("norm 2", in -> in[0].norm());
        put("norm 1", in -> in[0].norm(1));
        put("norm inf", in -> in[0].norm(Double.POSITIVE_INFINITY));
        put("norm 3 dim", in -> in[0].norm(3, new int[] {1}, false));
        put("logsumexp", in -> in[0].logsumexp(-1, false));
        put("cumsum", in -> in[0].cumsum(-1));
        put("cumprod", in -> in[0].cumprod(1));
        put("cumprod with zero", in -> in[0].mul(tensor(new double[] {1, 0, 1}, in[0].dtype())).cumprod(1));
        put("amax", in -> in[0].amax(new int[] {0, 1}, false));
        put("amin keep", in -> in[0].amin(1, true));
        put("sort", in -> in[0].sort(1, true).values());
        put("topk", in -> in[0].topk(2, -1, false, true).values());
        put("mm", in -> in[0].mm(in[1]));
        put("matmul 1x1", in -> in[0].matmul(in[1]));
        put("matmul 2x1", in -> in[0].matmul(in[1]));
        put("matmul 1x2", in -> in[0].matmul(in[1]));
        put("matmul 3x2", in -> in[0].matmul(in[1]));
        put("matmul batched broadcast", in -> in[0].matmul(in[1]));
        put("bmm", in -> in[0].bmm(in[1]));
        put("dot", in -> in[0].dot(in[1]));
        put("mv", in -> in[0].mv(in[1]));
        put("view", in -> in[0].view(3, 2));
        put("reshape", in -> in[0].reshape(-1));
        put("reshape 0-d", in -> in[0].reshape());
        put("transpose", in -> in[0].transpose(0, 1));
        put("t", in -> in[0].t());
        put("permute", in -> in[0].permute(2, 0, 1));
        put("squeeze", in -> in[0].squeeze());
        put("squeeze dim", in -> in[0].squeeze(1));
        put("unsqueeze", in -> in[0].unsqueeze(1));
        put("expand", in -> in[0].expand(2, 3));
        put("flatten", in -> in[0].flatten());
        put("get", in -> in[0].get(1, -1));
        put("select", in -> in[0].select(1, 0));
        put("slice", in -> in[0].slice(1, 0, 3, 2));
        put("narrow", in -> in[0].narrow(0, 1, 2));
        put("indexSelect", in -> in[0].indexSelect(1, tensor(2L, 0L, 2L)));
        put("gather", in -> in[0].gather(1, tensor(new long[] {0, 2, 1, 1}).view(2, 2)));
        put("maskedFill", in -> in[0].maskedFill(tensor(true, false, true), 0.5));
        put("where", in -> where(tensor(true, false, true), in[0], in[1]));
        put("cat", in -> cat(List.of(in[0], in[1]), 1));
        put("cat dim0", in -> cat(in[0], in[1]));
        put("stack", in -> stack(List.of(in[0], in[1]), 1));
        put("maskedSelect", in -> in[0].maskedSelect(tensor(true, false, true)));
        put("index long", in -> in[0].index(tensor(1L, 0L, 1L)));
        put("index two", in -> in[0].index(tensor(0L, 1L), null, tensor(2L, 0L)));
        put("index bool", in -> in[0].index(null, tensor(true, false, true)));
        put("indexPut", in -> in[0].indexPut(new Tensor[] {tensor(1L, 0L)}, in[1], false));
        put("indexPut accumulate", in -> in[0].indexPut(new Tensor[] {tensor(1L, 1L)}, in[1], true));
        put("scatter", in -> in[0].scatter(1, tensor(new long[] {2, 0, 1, 2}).view(2, 2), in[1]));
        put("scatterAdd", in -> in[0].scatterAdd(1, tensor(new long[] {2, 2, 1, 2}).view(2, 2), in[1]));
        put("indexAdd", in -> in[0].indexAdd(0, tensor(1L, 1L), in[1], 2.0));
        put("repeat", in -> in[0].repeat(2, 1, 2));
        put("tile", in -> in[0].tile(2));
        put("flip", in -> in[0].flip(0, -1));
        put("roll", in -> in[0].roll(new int[] {1, -1}, new int[] {0, 1}));
        put("roll flat", in -> in[0].roll(new int[] {2}, new int[0]));
        put("chunk", in -> in[0].chunk(2, 1)[1].mul(2.0));
        put("split", in -> in[0].split(new int[] {1, 2}, 1)[1]);
        put("unbind", in -> in[0].unbind(1)[2].mul(in[0].unbind(1)[0]));
        put("pad constant", in -> io.jgrad.ops.Reshaping.pad(in[0], new int[] {1, 2, 0, 1}, "constant", 0.5));
        put("pad crop", in -> io.jgrad.ops.Reshaping.pad(in[0], new int[] {-1, 1}, "constant", 0));
        put("pad reflect", in -> io.jgrad.ops.Reshaping.pad(in[0], new int[] {2, 1}, "reflect", 0));
        put("pad replicate", in -> io.jgrad.ops.Reshaping.pad(in[0], new int[] {1, 2, 2, 0}, "replicate", 0));
        put("diag vector", in -> in[0].diag(1));
        put("diag matrix", in -> in[0].diag(-1));
        put("diagonal", in -> in[0].diagonal(1, 1, 2));
        put("trace", in -> in[0].trace());
        put("tril", in -> in[0].tril());
        put("triu", in -> in[0].triu(1));
        put("meshgrid", in -> Torch.meshgrid(in[0], in[1]).get(0).mul(Torch.meshgrid(in[0], in[1]).get(1)));
        put("outer", in -> in[0].outer(in[1]));
        put("addmm", in -> Torch.addmm(in[0], in[1], in[2], 0.5, 2.0));
        put("baddbmm", in -> Torch.baddbmm(in[0], in[1], in[2]));
        put("einsum matmul", in -> Torch.einsum("ij,jk->ik", in[0], in[1]));
        put("einsum batch outer", in -> Torch.einsum("bi,bj->bij", in[0], in[1]));
        put("einsum trace", in -> Torch.einsum("ii->", in[0]));
        put("einsum three", in -> Torch.einsum("ij,j,jk->ki", in[0], in[1], in[2]));
        put("cross", in -> in[0].cross(in[1], 1));
        put("cdist", in -> Torch.cdist(in[0], in[1], 2));
        put("cdist p1", in -> Torch.cdist(in[0], in[1], 1));
        put("affine (F.linear)", in -> Affine.linear(in[0], in[1], in[2]));
        put("affine without bias", in -> Affine.linear(in[0], in[1], null));
        put("clone", in -> in[0].clone());
        put("contiguous", in -> in[0].t().contiguous());
        put("mul_ on clone", in -> in[0].clone().mul_(in[1]));
        put("add_ on clone", in -> in[0].mul(2.0).add_(in[1], 0.5));
        put("div_ on product", in -> in[0].mul(1.0).div_(in[1]));
        put("exp_ then mul", in -> in[0].mul(1.0).exp_().mul(in[0]));
        put("sigmoid_", in -> in[0].add(0.0).sigmoid_());
        put("clamp_", in -> in[0].mul(1.0).clamp_(-0.5, 0.5));
        put("pow_", in -> in[0].mul(1.0).pow_(3));
        put("copy_ into view", in -> {
            Tensor z = Torch.zeros(new int[] {2, 3}, in[0].dtype());
            z.get(1).copy_(in[0].mul(in[0]));
            return z.mul(in[1]);
        });
        put("mul_ on view of non-leaf", in -> {
            Tensor z = in[0].mul(1.0);
            z.select(1, 1).mul_(in[1]);
            return z;
        });
        put("view after base in-place", in -> {
            Tensor z = in[0].mul(1.0);
            Tensor v = z.get(0);
            z.mul_(in[1]);
            return v.mul(v);
        });
        put("zero_ on view", in -> {
            Tensor z = in[0].mul(2.0);
            z.get(0).zero_();
            return z;
        });
        put("fill_ on slice", in -> {
            Tensor z = in[0].mul(in[0]);
            z.slice(1, 0, 3, 2).fill_(2.0);
            return z;
        });

        // ---- Comparisons (nondiff.txt, promotion.txt)
        put("gt", in -> in[0].gt(in[1]));
        put("ge", in -> in[0].ge(in[1]));
        put("lt", in -> in[0].lt(in[1]));
        put("le", in -> in[0].le(in[1]));
        put("eq", in -> in[0].eq(in[1]));
        put("ne", in -> in[0].ne(in[1]));
        put("gt scalar", in -> in[0].gt(0.5));
        put("ge scalar", in -> in[0].ge(1.0));
        put("lt scalar", in -> in[0].lt(-0.5));
        put("le scalar", in -> in[0].le(0.0));
        put("eq scalar", in -> in[0].eq(1.0));
        put("ne scalar", in -> in[0].ne(-1.0));

        // ---- Indices, sorting, all/any, one_hot (nondiff.txt)
        put("argmax", in -> in[0].argmax());
        put("argmax dim", in -> in[0].argmax(1));
        put("argmax dim -1", in -> in[0].argmax(-1));
        put("argmin dim", in -> in[0].argmin(0));
        put("max dim indices", in -> in[0].max(-1, false).indices());
        put("min dim keep indices", in -> in[0].min(0, true).indices());
        put("sort indices", in -> in[0].sort().indices());
        put("sort desc indices", in -> in[0].sort(1, true).indices());
        put("sort values", in -> in[0].sort().values());
        put("topk indices", in -> in[0].topk(2).indices());
        put("topk smallest indices", in -> in[0].topk(2, -1, false, true).indices());
        put("all", in -> in[0].all());
        put("any", in -> in[0].any());
        put("all dim", in -> in[0].all(1, false));
        put("any dim keep", in -> in[0].any(0, true));
        put("oneHot", in -> Reshaping.oneHot(in[0], -1));
        put("oneHot 6", in -> Reshaping.oneHot(in[0], 6));

        // ---- Integer arithmetic (nondiff.txt)
        put("fmod int", in -> in[0].fmod(in[1]));
        put("remainder int", in -> in[0].remainder(in[1]));
        put("add long 3", in -> in[0].add(3L));
        put("sub long 3", in -> in[0].sub(3L));
        put("mul long -2", in -> in[0].mul(-2L));

        // ---- Python scalars and conversions (promotion.txt)
        put("add long", in -> in[0].add(2L));
        put("add double", in -> in[0].add(2.5));
        put("sub long", in -> in[0].sub(2L));
        put("sub double", in -> in[0].sub(2.5));
        put("mul long", in -> in[0].mul(2L));
        put("mul double", in -> in[0].mul(2.5));
        put("div double", in -> in[0].div(2.5));
        put("to FLOAT32", in -> in[0].to(DType.FLOAT32));
        put("to FLOAT64", in -> in[0].to(DType.FLOAT64));
        put("to INT64", in -> in[0].to(DType.INT64));
        put("to BOOL", in -> in[0].to(DType.BOOL));
        put("tensor dtype", in -> tensor(in[0].toDoubleArray(), in[0].dtype()).reshape(in[0].shape()));
    }
}
