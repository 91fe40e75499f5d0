import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.kernel.FloatGemm;
import io.jgrad.kernel.Simd;
import java.util.Arrays;

/**
 * GEMM throughput of jgrad's float32 matrix product, through the tensor API ({@code a.matmul(b)}, which
 * allocates its result like torch.mm) and through the kernel alone ({@code FloatGemm.gemm} into a reused array),
 * and the time of the (a @ b).sum().backward() workload (bench/torch_workloads.py gemm). Not a unit test: run
 * after {@code mvn -o -q compile} with
 * <pre>java --add-modules jdk.incubator.vector -cp jgrad-core/target/classes tools/bench/GemmBench.java [threads...]</pre>
 * Each line is the median of 7 timed repeats after a warm-up.
 *
 * <p>Comparing with PyTorch on these machines: Debian's python3-torch 1.13 does its matrix products in the
 * system BLAS (OpenBLAS, {@code BLAS_INFO=generic}), whose threads {@code torch.set_num_threads} does not set.
 * {@code TORCH_THREADS=1 bench/torch_workloads.py gemm} therefore runs its GEMMs on every core, and
 * {@code TORCH_THREADS=2} oversubscribes them (OpenMP and OpenBLAS threads both); one real thread needs
 * {@code OPENBLAS_NUM_THREADS=1}.
 */
public class GemmBench {
    public static void main(String[] args) {
        int[] threadCounts = args.length == 0 ? new int[] {1, 2} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("simd=" + Simd.ENABLED);
        for (int t : threadCounts) {
            Torch.setNumThreads(t);
            System.out.println("threads " + t);
            for (int n : new int[] {64, 128, 256, 512, 1024, 2048}) {
                Tensor a = Torch.randn(n, n);
                Tensor b = Torch.randn(n, n);
                int iters = (int) Math.max(2, 2e9 / (2.0 * n * n * n));
                double s = median(() -> a.matmul(b), iters);
                float[] x = a.contiguous().toFloatArray();
                float[] y = b.contiguous().toFloatArray();
                float[] z = new float[n * n];
                double sk = median(() -> FloatGemm.gemm(n, n, n, x, 0, n, 1, y, 0, n, 1, z, 0, n, false), iters);
                System.out.printf("%d\tmatmul %.3f ms\t%.1f GFLOPS\tkernel %.3f ms\t%.1f GFLOPS%n", n, s * 1e3,
                        2.0 * n * n * n / s / 1e9, sk * 1e3, 2.0 * n * n * n / sk / 1e9);
            }
            Tensor a = Torch.randn(1024, 1024).requiresGrad_();
            Tensor b = Torch.randn(1024, 1024).requiresGrad_();
            double s = median(() -> a.matmul(b).sum().backward(), 5);
            System.out.printf("matmul+backward 1024\t%.1f us/iter%n", s * 1e6);
        }
    }

    static double median(Runnable r, int iters) {
        for (int i = 0; i < Math.max(3, iters / 2); i++) r.run();
        double[] ts = new double[7];
        for (int rep = 0; rep < ts.length; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < iters; i++) r.run();
            ts[rep] = (System.nanoTime() - t0) / 1e9 / iters;
        }
        Arrays.sort(ts);
        return ts[ts.length / 2];
    }
}
