"""1024x1024 float32 GEMM throughput in PyTorch: torch.mm(a, b) without grad, 2 warm-up products then the
median of 5 timed ones; prints the same line as jgrad's io.jgrad.bench.GemmFlops. Threads: TORCH_THREADS (default 1)."""
import os, sys, time, statistics, torch
torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "1")))
torch.manual_seed(0)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
a = torch.randn(n, n); b = torch.randn(n, n)
with torch.no_grad():
    for _ in range(2):
        torch.mm(a, b)
    ts = []
    for _ in range(5):
        t = time.perf_counter(); torch.mm(a, b); ts.append(time.perf_counter() - t)
s = statistics.median(ts)
print(f"mm{n}\t{2 * n**3 / s / 1e9:.1f} GFLOPS\t{s * 1e3:.1f} ms", flush=True)
