package io.jgrad.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Sets each group's learning rate to its initial value times a function of the epoch, PyTorch's
 * {@code torch.optim.lr_scheduler.LambdaLR}.
 *
 * <pre>{@code
 * var sched = new LambdaLR(opt, epoch -> Math.pow(0.95, epoch));   // LambdaLR(opt, lambda epoch: 0.95 ** epoch)
 * }</pre>
 */
public class LambdaLR extends LRScheduler {
    private final List<IntToDoubleFunction> lrLambdas;

    /**
     * One function for every group, {@code LambdaLR(optimizer, lr_lambda)}.
     *
     * <pre>{@code
     * new LambdaLR(opt, e -> 1.0 / (e + 1))   // LambdaLR(opt, lambda e: 1 / (e + 1))
     * }</pre>
     */
    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda), -1);
    }

    /**
     * One function per group, {@code LambdaLR(optimizer, [f0, f1, ...])}.
     *
     * <pre>{@code
     * new LambdaLR(opt, List.of(e -> 1.0, e -> 0.9))   // LambdaLR(opt, [lambda e: 1., lambda e: .9])
     * }</pre>
     *
     * @throws IllegalArgumentException PyTorch's "Expected 2 lr_lambdas, but got 1"
     */
    public LambdaLR(Optimizer optimizer, List<? extends IntToDoubleFunction> lrLambdas) {
        this(optimizer, lrLambdas, -1);
    }

    /**
     * {@code LambdaLR(optimizer, lr_lambdas, last_epoch)}.
     *
     * <pre>{@code
     * new LambdaLR(opt, List.of(f), 9)   // LambdaLR(opt, [f], last_epoch=9)
     * }</pre>
     */
    public LambdaLR(Optimizer optimizer, List<? extends IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(checked(optimizer, lrLambdas), lastEpoch);
        this.lrLambdas = Collections.unmodifiableList(new ArrayList<>(lrLambdas));
        initialStep();
    }

    private static Optimizer checked(Optimizer optimizer, List<? extends IntToDoubleFunction> lrLambdas) {
        if (lrLambdas.size() != optimizer.paramGroups().size()) {
            throw new IllegalArgumentException("Expected " + optimizer.paramGroups().size() + " lr_lambdas, but got "
                    + lrLambdas.size());
        }
        return optimizer;
    }

    /**
     * {@code base_lr * lambda(epoch)} for each group.
     *
     * <pre>{@code
     * getLr()   // LambdaLR.get_lr()
     * }</pre>
     */
    @Override
    protected double[] getLr() {
        double[] lrs = new double[baseLrs.size()];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = baseLrs.get(i) * lrLambdas.get(i).applyAsDouble(lastEpoch);
        }
        return lrs;
    }

    /**
     * {@code "lr_lambdas"}: a list of nulls, as PyTorch stores for plain functions (they are not state).
     *
     * <pre>{@code
     * putFields(sd)   // sd['lr_lambdas'] == [None, ...]
     * }</pre>
     */
    @Override
    protected void putFields(Map<String, Object> sd) {
        sd.put("lr_lambdas", new ArrayList<>(Collections.nCopies(lrLambdas.size(), null)));
    }
}
