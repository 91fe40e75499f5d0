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

/** Elementwise float32 kernels on contiguous tensors, no grad recording: {@code exp(x)}, {@code x + y}, {@code x * y}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ElementwiseBench {
    @Param({"1000", "1000000"})
    public int size;

    private Tensor x;
    private Tensor y;

    @Setup
    public void setup() {
        BenchSettings.apply();
        x = Torch.randn(size);
        y = Torch.randn(size);
    }

    @Benchmark
    public Tensor exp() {
        return Torch.exp(x);
    }

    @Benchmark
    public Tensor add() {
        return Torch.add(x, y);
    }

    @Benchmark
    public Tensor mul() {
        return Torch.mul(x, y);
    }
}
