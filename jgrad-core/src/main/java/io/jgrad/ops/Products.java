package io.jgrad.ops;

import io.jgrad.Tensor;
import io.jgrad.internal.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Products built from mm, bmm and broadcasting multiplies: outer, addmm, baddbmm, cross, cdist and einsum.
 * They compose differentiable ops, so their gradients (of any order) come from those ops.
 */
public final class Products {
    private Products() {}

    /** {@code torch.outer(a, b)} of 1-D tensors: {@code a[i] * b[j]}. */
    public static Tensor outer(Tensor a, Tensor b) {
        if (a.dim() != 1) {
            throw new IllegalArgumentException("outer: Expected 1-D argument self, but got " + a.dim() + "-D");
        }
        if (b.dim() != 1) {
            throw new IllegalArgumentException("outer: Expected 1-D argument vec2, but got " + b.dim() + "-D");
        }
        return Views.unsqueeze(a, 1).mul(Views.unsqueeze(b, 0));
    }

    /** {@code torch.addmm(input, m1, m2, beta=beta, alpha=alpha)}: beta * input + alpha * (m1 @ m2). */
    public static Tensor addmm(Tensor input, Tensor m1, Tensor m2, double beta, double alpha) {
        Tensor prod = LinearAlgebra.mm(m1, m2);
        return scaled(input, beta).add(alpha == 1 ? prod : prod.mul(alpha));
    }

    /** {@code torch.baddbmm(input, b1, b2, beta=beta, alpha=alpha)}: beta * input + alpha * (b1 @ b2) per batch. */
    public static Tensor baddbmm(Tensor input, Tensor b1, Tensor b2, double beta, double alpha) {
        Tensor prod = LinearAlgebra.bmm(b1, b2);
        return scaled(input, beta).add(alpha == 1 ? prod : prod.mul(alpha));
    }

    private static Tensor scaled(Tensor t, double beta) {
        return beta == 1 ? t : beta == 0 ? t.mul(0.0) : t.mul(beta);
    }

    /**
     * {@code torch.cross(a, b, dim)}: the 3-vector cross product along dim (size 3), inputs broadcast.
     *
     * @throws IllegalArgumentException if size(dim) is not 3
     */
    public static Tensor cross(Tensor a, Tensor b, int dim) {
        int[] shape = Shapes.broadcast(a.shape(), b.shape());
        Tensor x = Views.expand(a, shape);
        Tensor y = Views.expand(b, shape);
        int d = Shapes.wrapDim(dim, shape.length);
        if (shape[d] != 3) {
            throw new IllegalArgumentException("linalg.cross: inputs dimension " + d + " must have length 3. Got "
                    + a.shape()[Math.min(d, a.dim() - 1)] + " and " + b.shape()[Math.min(d, b.dim() - 1)]);
        }
        Tensor[] u = {x.select(d, 0), x.select(d, 1), x.select(d, 2)};
        Tensor[] v = {y.select(d, 0), y.select(d, 1), y.select(d, 2)};
        return Joining.stack(List.of(u[1].mul(v[2]).sub(u[2].mul(v[1])), u[2].mul(v[0]).sub(u[0].mul(v[2])),
                u[0].mul(v[1]).sub(u[1].mul(v[0]))), d);
    }

    /** {@code torch.cdist(x1, x2, p)}: p-norm distances between the rows of [..., P, M] and [..., R, M]. */
    public static Tensor cdist(Tensor x1, Tensor x2, double p) {
        if (x1.dim() < 2 || x2.dim() < 2) {
            throw new IllegalArgumentException("cdist only supports at least 2D tensors, X1 got: " + x1.dim() + "D");
        }
        if (x1.size(-1) != x2.size(-1)) {
            throw new IllegalArgumentException("X1 and X2 must have the same number of columns. X1: " + x1.size(-1)
                    + " X2: " + x2.size(-1));
        }
        Tensor diff = Views.unsqueeze(x1, -2).sub(Views.unsqueeze(x2, -3));
        return Statistics.norm(diff, p, new int[] {-1}, false);
    }

    /**
     * {@code torch.einsum(equation, operands)} in explicit form ({@code "ij,jk->ik"}): operands are
     * aligned on the equation's letters, multiplied with broadcasting, and summed over the letters not in
     * the output. A letter repeated within one operand takes that operand's diagonal.
     */
    public static Tensor einsum(String equation, Tensor... operands) {
        String eq = equation.replace(" ", "");
        int arrow = eq.indexOf("->");
        if (arrow < 0) {
            throw new IllegalArgumentException("einsum(): only the explicit form with '->' is supported");
        }
        if (eq.contains(".")) {
            throw new IllegalArgumentException("einsum(): ellipsis '...' is not supported");
        }
        String[] terms = eq.substring(0, arrow).split(",", -1);
        String out = eq.substring(arrow + 2);
        if (terms.length != operands.length) {
            throw new IllegalArgumentException("einsum(): more operands were provided than specified in the equation");
        }
        Map<Character, Integer> sizes = new LinkedHashMap<>();
        List<Character> letters = new ArrayList<>();
        for (char c : out.toCharArray()) {
            if (letters.contains(c)) {
                throw new IllegalArgumentException("einsum(): output subscript " + c
                        + " appears more than once in the output");
            }
            letters.add(c);
        }
        Tensor[] aligned = new Tensor[operands.length];
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < operands.length; k++) {
            String t = terms[k];
            Tensor x = operands[k];
            if (t.length() != x.dim()) {
                throw new IllegalArgumentException("einsum(): the number of subscripts in the equation (" + t.length()
                        + ") does not match the number of dimensions (" + x.dim() + ") for operand " + k
                        + " and no ellipsis was given");
            }
            // Repeated letters within an operand: take diagonals until each letter appears once.
            StringBuilder lab = new StringBuilder(t);
            for (int[] pair = repeated(lab); pair != null; pair = repeated(lab)) {
                x = Views.diagonal(x, 0, pair[0], pair[1]);
                char c = lab.charAt(pair[0]);
                lab.deleteCharAt(pair[1]);
                lab.deleteCharAt(pair[0]);
                lab.append(c);
            }
            for (int i = 0; i < lab.length(); i++) {
                char c = lab.charAt(i);
                int s = x.size(i);
                Integer seen = sizes.get(c);
                if (seen != null && seen != s && seen != 1 && s != 1) {
                    throw new IllegalArgumentException("einsum(): operands do not broadcast with remapped shapes "
                            + "(original->remapped): subscript " + c + " has size " + s + " for operand " + k
                            + " which does not broadcast with previously seen size " + seen);
                }
                sizes.put(c, seen == null || seen == 1 ? s : seen);
                if (!letters.contains(c)) {
                    letters.add(c);
                }
            }
            aligned[k] = x;
            labels.add(lab.toString());
        }
        for (char c : out.toCharArray()) {
            if (!sizes.containsKey(c)) {
                throw new IllegalArgumentException("einsum(): output subscript " + c
                        + " does not appear in the equation for any input operand");
            }
        }
        Tensor prod = null;
        for (int k = 0; k < aligned.length; k++) {
            Tensor a = align(aligned[k], labels.get(k), letters);
            prod = prod == null ? a : prod.mul(a);
        }
        int[] summed = new int[letters.size() - out.length()];
        for (int i = 0; i < summed.length; i++) {
            summed[i] = out.length() + i;
        }
        Tensor r = summed.length == 0 ? prod : Reductions.sum(prod, summed, false);
        int[] outShape = new int[out.length()];
        for (int i = 0; i < outShape.length; i++) {
            outShape[i] = sizes.get(out.charAt(i));
        }
        return Arrays.equals(r.shape(), outShape) ? r : Views.expand(r, outShape).contiguous();
    }

    /** The first two positions holding the same letter, or null. */
    private static int[] repeated(CharSequence lab) {
        for (int i = 0; i < lab.length(); i++) {
            for (int j = i + 1; j < lab.length(); j++) {
                if (lab.charAt(i) == lab.charAt(j)) {
                    return new int[] {i, j};
                }
            }
        }
        return null;
    }

    /** Permutes x (labelled by lab) to the order of letters, with size-1 dimensions for absent letters. */
    private static Tensor align(Tensor x, String lab, List<Character> letters) {
        int[] perm = new int[lab.length()];
        int k = 0;
        for (char c : letters) {
            int i = lab.indexOf(c);
            if (i >= 0) {
                perm[k++] = i;
            }
        }
        Tensor p = Views.permute(x, perm);
        int[] shape = new int[letters.size()];
        int j = 0;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = lab.indexOf(letters.get(i)) >= 0 ? p.size(j++) : 1;
        }
        return Views.reshape(p, shape);
    }
}
