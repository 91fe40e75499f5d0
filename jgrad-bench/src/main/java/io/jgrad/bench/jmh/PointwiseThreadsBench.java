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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Large pointwise kernels on 1 and 2 threads ({@code threads} overrides {@code JGRAD_THREADS}): single ops,
 * the fused ReLU backward at the mlp workload's activation size, and one iteration of the elementwise workload
 * ({@code (sin(x) * 2 + 1).exp().mul(x).tanh().sum().backward()}). Used to pick {@code Elementwise.GRAIN}:
 * {@code java -jar benchmarks.jar PointwiseThreadsBench -p size=65536}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PointwiseThreadsBench {
    @Param({"65536", "1000000"})
    public int size;

    @Param({"1", "2"})
    public int threads;

    private Tensor x;
    private Tensor y;
    private Tensor leaf;

    @Setup
    public void setup() {
        BenchSettings.apply();
        Torch.setNumThreads(threads);
        x = Torch.randn(size);
        y = Torch.randn(size);
        leaf = Torch.randn(size).requiresGrad_();
    }

    @Benchmark
    public Tensor mul() {
        return Torch.mul(x, y);
    }

    @Benchmark
    public Tensor tanh() {
        return Torch.tanh(x);
    }

    @Benchmark
    public Tensor sum() {
        return x.sum();
    }

    /** ReLU forward and backward (the fused threshold_backward kernel). */
    @Benchmark
    public Tensor relu() {
        Tensor r = leaf.relu();
        r.backward(y);
        return r;
    }

    /** One iteration of the elementwise workload. */
    @Benchmark
    public Tensor elementwiseWorkload() {
        Tensor out = Torch.sin(leaf).mul(2).add(1).exp().mul(leaf).tanh().sum();
        out.backward();
        return out;
    }
}
