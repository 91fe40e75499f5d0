package io.jgrad.bench.jmh;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-op overhead on one-element tensors, where the arithmetic is nothing and dispatch, allocation and graph
 * recording are everything:
 * <ul>
 *   <li>{@code addNoGrad}: {@code torch.add(p, q)} on tensors that do not require grad;</li>
 *   <li>{@code addUnderNoGrad}: the same on leaves that require grad, inside {@code torch.no_grad()};</li>
 *   <li>{@code addRecorded}: {@code torch.add(w, x)} on leaves that require grad (records an AddBackward0);</li>
 *   <li>{@code tinyBackward}: one iteration of the scalar_graph workload, {@code y = (w + x) * (w + 1);
 *       y.backward(); w.grad.zero_(); x.grad.zero_()} (three recorded ops, a four-node backward).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DispatchBench {
    private Tensor p;
    private Tensor q;
    private Tensor w;
    private Tensor x;

    @Setup
    public void setup() {
        BenchSettings.apply();
        p = Torch.tensor(1.0);
        q = Torch.tensor(2.0);
        w = Torch.tensor(1.0).requiresGrad_();
        x = Torch.tensor(2.0).requiresGrad_();
    }

    @Benchmark
    public Tensor addNoGrad() {
        return Torch.add(p, q);
    }

    @Benchmark
    public Tensor addUnderNoGrad() {
        try (var g = Torch.noGrad()) {
            return Torch.add(w, x);
        }
    }

    @Benchmark
    public Tensor addRecorded() {
        return Torch.add(w, x);
    }

    @Benchmark
    public Tensor tinyBackward() {
        Tensor a = Torch.add(w, x);
        Tensor b = Torch.add(w, 1);
        Tensor y = Torch.mul(a, b);
        y.backward();
        w.grad().zero_();
        x.grad().zero_();
        return y;
    }
}
