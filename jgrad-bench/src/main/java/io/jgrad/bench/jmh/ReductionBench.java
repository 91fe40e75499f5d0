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
 * Float32 reductions, no grad recording: {@code x.sum()} over 1e6 elements, and {@code m.sum(dim)} of a
 * 1000x1000 matrix along each dimension (dim 1: contiguous rows; dim 0: strided columns).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ReductionBench {
    private Tensor x;
    private Tensor m;

    @Setup
    public void setup() {
        BenchSettings.apply();
        x = Torch.randn(1_000_000);
        m = Torch.randn(1000, 1000);
    }

    @Benchmark
    public Tensor sumAll1e6() {
        return x.sum();
    }

    @Benchmark
    public Tensor sumDim0of1000x1000() {
        return m.sum(0, false);
    }

    @Benchmark
    public Tensor sumDim1of1000x1000() {
        return m.sum(1, false);
    }
}
