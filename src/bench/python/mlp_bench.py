"""Forward + backward of a 256 -> 256 -> 256 -> 1 ReLU MLP with mean-squared loss, batch 256.

Usage: /usr/bin/python3 src/bench/python/mlp_bench.py [threads=1,2] [reps=7]
The Java counterpart needs mixrl's autodiff core and is pending (see docs/benchmarks.md).
"""
import sys

import torch

from common import machine_info, median_seconds


def main():
    threads = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "1,2").split(",")]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    print(machine_info())
    print(f"{'threads':>7} {'dtype':>8} {'median ms':>10}")
    for dtype in (torch.float64, torch.float32):
        torch.manual_seed(0)
        net = torch.nn.Sequential(
            torch.nn.Linear(256, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 1)).to(dtype)
        x = torch.randn(256, 256, dtype=dtype)
        y = torch.randn(256, 1, dtype=dtype)

        def step():
            net.zero_grad(set_to_none=False)
            loss = torch.nn.functional.mse_loss(net(x), y)
            loss.backward()

        for t in threads:
            torch.set_num_threads(t)
            sec = median_seconds(step, reps=reps)
            print(f"{t:>7} {str(dtype).replace('torch.', ''):>8} {sec * 1e3:>10.3f}")


if __name__ == "__main__":
    main()
