"""PyTorch counterpart of org.mixrl.bench.MatMulBenchmark: C += A @ B on square matrices.

Usage: /usr/bin/python3 src/bench/python/matmul_bench.py [sizes=256,1024] [threads=1,2] [reps=7]
"""
import sys

import torch

from common import machine_info, median_seconds


def main():
    sizes = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "256,1024").split(",")]
    threads = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "1,2").split(",")]
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    print(machine_info())
    print(f"{'size':>6} {'threads':>7} {'dtype':>8} {'median GFLOP/s':>15}")
    gen = torch.Generator().manual_seed(0)
    for s in sizes:
        for dtype in (torch.float64, torch.float32):
            a = torch.rand(s, s, generator=gen, dtype=dtype) * 2 - 1
            b = torch.rand(s, s, generator=gen, dtype=dtype) * 2 - 1
            c = torch.zeros(s, s, dtype=dtype)
            for t in threads:
                torch.set_num_threads(t)
                # addmm_ accumulates like MatMul.multiply (C += A·B).
                sec = median_seconds(lambda: c.addmm_(a, b), reps=reps)
                c.zero_()
                print(f"{s:>6} {t:>7} {str(dtype).replace('torch.', ''):>8} "
                      f"{2.0 * s * s * s / sec / 1e9:>15.2f}")


if __name__ == "__main__":
    main()
