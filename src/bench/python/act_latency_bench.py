"""PyTorch counterpart of `mixrl bench act`: latency of one actor forward at batch 1.

A Pendulum-sized actor (3 observations) with two ReLU hidden layers of 64 or 256 units and the
output sizes of mixrl's heads (SG: 2 outputs; SGM with K=5: 15), float32, under torch.no_grad,
one thread. Each call is timed on its own with time.perf_counter_ns; prints the median and the
99th percentile in microseconds. Only the network runs here; mixrl's act also runs the head
(argmax, tanh squash, clip), so the comparison leans towards PyTorch.

Usage: /usr/bin/python3 src/bench/python/act_latency_bench.py [calls=20000] [warmup=5000]
"""
import math
import sys
import time

import torch

from common import machine_info


def percentile(sorted_values, q):
    rank = math.ceil(q * len(sorted_values))
    return sorted_values[max(0, min(len(sorted_values) - 1, rank - 1))]


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    torch.set_num_threads(1)
    print(machine_info())
    print(f"torch actor forward, batch 1, float32, torch.no_grad, 1 thread; {calls} timed calls"
          f" after {warmup} warm-up calls per case")
    print(f"{'class':<5} {'hidden':<9} {'median us':>10} {'p99 us':>10}")
    for width in (64, 256):
        for name, outputs in (("sg", 2), ("sgm5", 5 * (1 + 2 * 1))):
            torch.manual_seed(0)
            net = torch.nn.Sequential(
                torch.nn.Linear(3, width), torch.nn.ReLU(),
                torch.nn.Linear(width, width), torch.nn.ReLU(),
                torch.nn.Linear(width, outputs)).float()
            obs = torch.randn(256, 1, 3)
            with torch.no_grad():
                for i in range(warmup):
                    net(obs[i & 255])
                ns = []
                for i in range(calls):
                    x = obs[i & 255]
                    t0 = time.perf_counter_ns()
                    net(x)
                    ns.append(time.perf_counter_ns() - t0)
            ns.sort()
            us = [v / 1e3 for v in ns]
            print(f"{name:<5} {str(width) + 'x' + str(width):<9} "
                  f"{us[len(us) // 2] if len(us) % 2 else 0.5 * (us[len(us) // 2 - 1] + us[len(us) // 2]):>10.3f} "
                  f"{percentile(us, 0.99):>10.3f}")


if __name__ == "__main__":
    main()
