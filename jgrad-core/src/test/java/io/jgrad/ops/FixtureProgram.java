package io.jgrad.ops;

import io.jgrad.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter of the random programs in {@code fixtures/ops/programs.txt}: one statement per line, the
 * language of {@code tools/fixtures/gen_ops.py} (whose {@code run_program} is the PyTorch side of the same
 * interpreter). Inputs are named {@code x0, x1, ...}; a name always refers to the same tensor object, so a
 * tensor written in place (or a view of one) is seen with its new value and history by later statements.
 */
final class FixtureProgram {
    private FixtureProgram() {}

    /** Runs {@code statements} over {@code inputs}; returns the tensors named by {@code results}. */
    static List<Tensor> run(List<String> statements, List<String> results, Tensor[] inputs) {
        Map<String, Tensor> env = new HashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            env.put("x" + i, inputs[i]);
        }
        for (String s : statements) {
            String[] tok = s.trim().split("\\s+");
            if (tok.length > 1 && tok[1].equals("=")) {
                env.put(tok[0], evaluate(tok[2], Arrays.copyOfRange(tok, 3, tok.length), env, s));
            } else {
                String[] target = tok[0].split("\\.");
                Tensor t = get(env, target[0]);
                Tensor src = get(env, tok[1]);
                switch (target[1]) {
                    case "add_": t.add_(src); break;
                    case "mul_": t.mul_(src); break;
                    case "copy_": t.copy_(src); break;
                    default: throw new IllegalArgumentException("unknown statement: " + s);
                }
            }
        }
        List<Tensor> out = new ArrayList<>();
        for (String r : results) {
            out.add(get(env, r));
        }
        return out;
    }

    private static Tensor get(Map<String, Tensor> env, String name) {
        Tensor t = env.get(name);
        if (t == null) {
            throw new IllegalArgumentException("undefined tensor " + name);
        }
        return t;
    }

    private static int[] ints(String[] args, int from) {
        int[] v = new int[args.length - from];
        for (int i = from; i < args.length; i++) {
            v[i - from] = Integer.parseInt(args[i]);
        }
        return v;
    }

    private static Tensor evaluate(String op, String[] args, Map<String, Tensor> env, String statement) {
        Tensor a = get(env, args[0]);
        switch (op) {
            case "tanh": return a.tanh();
            case "sigmoid": return a.sigmoid();
            case "sin": return a.sin();
            case "cos": return a.cos();
            case "exp": return a.exp();
            case "square": return a.square();
            case "neg": return a.neg();
            case "add": return a.add(get(env, args[1]));
            case "sub": return a.sub(get(env, args[1]));
            case "mul": return a.mul(get(env, args[1]));
            case "div": return a.div(get(env, args[1]));
            case "maximum": return a.maximum(get(env, args[1]));
            case "matmul": return a.matmul(get(env, args[1]));
            case "adds": return a.add(Double.parseDouble(args[1]));
            case "muls": return a.mul(Double.parseDouble(args[1]));
            case "view": return a.view(ints(args, 1));
            case "transpose": return a.transpose(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "permute": return a.permute(ints(args, 1));
            case "slice": {
                int[] v = ints(args, 1);
                return a.slice(v[0], v[1], v[2], v[3]);
            }
            case "select": return a.select(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "get": return a.get(ints(args, 1));
            case "expand": return a.expand(ints(args, 1));
            case "unsqueeze": return a.unsqueeze(Integer.parseInt(args[1]));
            case "clone": return a.clone();
            case "sum":
                return args.length == 1 ? a.sum() : a.sum(Integer.parseInt(args[1]), args[2].equals("1"));
            case "mean": return a.mean(Integer.parseInt(args[1]), args[2].equals("1"));
            case "max": return a.max(Integer.parseInt(args[1]), args[2].equals("1")).values();
            default: throw new IllegalArgumentException("unknown statement: " + statement);
        }
    }
}
