"""PyTorch counterparts of jgrad-bench's JMH microbenchmarks (same ops and shapes), for reading their numbers
side by side: best of 5 timing runs of timeit, per call. Threads: TORCH_THREADS (default 1)."""
import os, timeit, torch
torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "1")))
torch.manual_seed(0)

def bench(name, stmt, unit="us"):
    t = timeit.Timer(stmt)
    n, _ = t.autorange()
    best = min(t.repeat(5, n)) / n
    print(f"{name:40s} {best * (1e9 if unit == 'ns' else 1e6):12.3f} {unit}/op", flush=True)

p, q = torch.tensor([1.]), torch.tensor([2.])
w, x = torch.tensor([1.], requires_grad=True), torch.tensor([2.], requires_grad=True)
def add_under_no_grad():
    with torch.no_grad():
        return torch.add(w, x)
def tiny_backward():
    a = torch.add(w, x); b = torch.add(w, 1); y = torch.mul(a, b)
    y.backward(); w.grad.zero_(); x.grad.zero_()
bench("DispatchBench.addNoGrad", lambda: torch.add(p, q), "ns")
bench("DispatchBench.addUnderNoGrad", add_under_no_grad, "ns")
bench("DispatchBench.addRecorded", lambda: torch.add(w, x), "ns")
bench("DispatchBench.tinyBackward", tiny_backward, "ns")
for size in (1000, 1_000_000):
    a, b = torch.randn(size), torch.randn(size)
    bench(f"ElementwiseBench.add size={size}", lambda: torch.add(a, b))
    bench(f"ElementwiseBench.exp size={size}", lambda: torch.exp(a))
    bench(f"ElementwiseBench.mul size={size}", lambda: torch.mul(a, b))
v, m = torch.randn(1_000_000), torch.randn(1000, 1000)
bench("ReductionBench.sumAll1e6", lambda: v.sum())
bench("ReductionBench.sumDim0of1000x1000", lambda: m.sum(0))
bench("ReductionBench.sumDim1of1000x1000", lambda: m.sum(1))
for n in (64, 256, 1024):
    a, b = torch.randn(n, n), torch.randn(n, n)
    bench(f"GemmBench.mm n={n}", lambda: torch.mm(a, b))
    bench(f"GemmBench.mmTransposedB n={n}", lambda: torch.mm(a, b.t()))
