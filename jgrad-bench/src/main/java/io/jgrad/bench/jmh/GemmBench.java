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
 * Float32 GEMM, {@code torch.mm(a, b)} of two n x n {@code randn} matrices, no grad recording; also
 * {@code mm(a, b.t())} (a transposed, non-contiguous right operand, as in {@code Linear} and in mm's backward).
 * GFLOPS = 2 n^3 / time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {
    @Param({"64", "256", "1024"})
    public int n;

    private Tensor a;
    private Tensor b;

    @Setup
    public void setup() {
        BenchSettings.apply();
        a = Torch.randn(n, n);
        b = Torch.randn(n, n);
    }

    @Benchmark
    public Tensor mm() {
        return Torch.mm(a, b);
    }

    @Benchmark
    public Tensor mmTransposedB() {
        return Torch.mm(a, b.t());
    }
}
