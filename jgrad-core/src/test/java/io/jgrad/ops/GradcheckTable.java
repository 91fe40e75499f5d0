package io.jgrad.ops;

import static io.jgrad.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.autograd.GradCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The machinery behind the op gradcheck tables ({@link OpGradcheckTest} and the others): an op is one
 * {@link Op} row; {@link #checks} expands rows into cases (plain and strided inputs) and {@link #check} runs
 * gradcheck and gradgradcheck in FLOAT64 on each.
 */
public final class GradcheckTable {
    private GradcheckTable() {}

    /** How inputs are drawn, so that each op is checked where it is smooth. */
    public enum Domain {
        /** Standard normal. */
        ANY,
        /** In (0.5, 1.5): for log, sqrt, pow bases, divisors. */
        POSITIVE,
        /** |x| in (0.2, 1.2) with random sign: away from the kinks of abs, relu, sign-dependent ops. */
        NONZERO
    }

    /**
     * One row: the op, the shapes of its inputs in each case, the input domain, and whether to check second
     * derivatives too.
     */
    public record Op(String name, Function<Tensor[], Tensor> fn, List<int[][]> cases, Domain domain, boolean second) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final int[] S0 = {};
    public static final int[] S3 = {3};
    public static final int[] S23 = {2, 3};

    /** Shape cases for elementwise unary ops. */
    public static final List<int[][]> UNARY = List.of(new int[][] {S0}, new int[][] {S3}, new int[][] {S23},
            new int[][] {{2, 2, 2}});

    /** Shape cases for elementwise binary ops: equal shapes and broadcasting pairs. */
    public static final List<int[][]> BINARY = List.of(new int[][] {S0, S0}, new int[][] {S3, S3},
            new int[][] {S23, S23}, new int[][] {S23, S3}, new int[][] {{2, 1}, {1, 3}}, new int[][] {S0, S23},
            new int[][] {S3, S0});

    /** The shape lists of a row's cases. */
    public static List<int[][]> cases(int[][]... shapeLists) {
        return List.of(shapeLists);
    }

    /** A row checked to second order. */
    public static Op op(String name, Function<Tensor[], Tensor> fn, List<int[][]> cases, Domain d) {
        return new Op(name, fn, cases, d, true);
    }

    /** A row checked to first order only (ops whose backward is not itself differentiable, e.g. samplers). */
    public static Op firstOrder(String name, Function<Tensor[], Tensor> fn, List<int[][]> cases, Domain d) {
        return new Op(name, fn, cases, d, false);
    }

    /** Each row's cases, plain and (where an input has dimensions) strided, as JUnit arguments. */
    public static Stream<Arguments> checks(List<Op> ops) {
        List<Arguments> out = new ArrayList<>();
        for (Op op : ops) {
            for (int[][] shapes : op.cases()) {
                String label = Arrays.deepToString(shapes);
                out.add(Arguments.of(op, shapes, false, label));
                boolean anyNd = Arrays.stream(shapes).anyMatch(s -> s.length > 0);
                if (anyNd) {
                    out.add(Arguments.of(op, shapes, true, label + " strided"));
                }
            }
        }
        return out.stream();
    }

    /** Gradcheck (and gradgradcheck when the row asks) of one case with seeded FLOAT64 inputs. */
    public static void check(Op op, int[][] shapes, boolean strided) {
        Random rng = new Random(op.name().hashCode() * 31L + Arrays.deepHashCode(shapes) + (strided ? 1 : 0));
        Tensor[] inputs = new Tensor[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            inputs[i] = input(rng, shapes[i], op.domain(), strided).requiresGrad_();
        }
        if (strided) {
            for (Tensor t : inputs) {
                assertTrue(t.dim() == 0 || !t.isContiguous() || t.numel() <= 1, "strided input must be non-contiguous");
            }
        }
        assertTrue(GradCheck.gradcheck(op.fn(), inputs), op.name());
        if (op.second()) {
            assertTrue(GradCheck.gradgradcheck(op.fn(), inputs), op.name());
        }
    }

    /**
     * A FLOAT64 leaf of the shape; strided ones are every other column of a wider tensor, detached so they
     * are leaves that do not own a contiguous layout.
     */
    public static Tensor input(Random rng, int[] shape, Domain d, boolean strided) {
        int[] wide = shape.clone();
        if (strided && shape.length > 0) {
            wide[shape.length - 1] *= 2;
        }
        int n = Arrays.stream(wide).reduce(1, (a, b) -> a * b);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            switch (d) {
                case POSITIVE: v[i] = 0.5 + rng.nextDouble(); break;
                case NONZERO: v[i] = (rng.nextBoolean() ? 1 : -1) * (0.2 + rng.nextDouble()); break;
                default: v[i] = rng.nextGaussian();
            }
        }
        Tensor t = tensor(v, DType.FLOAT64).reshape(wide);
        if (strided && shape.length > 0) {
            int last = shape.length - 1;
            t = t.slice(last, 0, wide[last], 2).detach();
        }
        return t;
    }
}
