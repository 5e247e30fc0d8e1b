"""Shared timing helpers for the mixrl PyTorch comparison benchmarks."""
import os
import platform
import statistics
import time

import torch


def machine_info():
    model = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (f"cpu: {model}, {os.cpu_count()} logical cores\n"
            f"torch {torch.__version__}, python {platform.python_version()}, "
            f"load average at start: {os.getloadavg()[0]:.2f}")


def median_seconds(fn, reps=7, min_time=0.2, warmup_time=0.5):
    """Median over `reps` timings of one call to fn, each timing averaging enough calls to
    last about `min_time` seconds, after `warmup_time` seconds of warm-up."""
    end = time.perf_counter() + warmup_time
    calls = 0
    while calls < 5 or time.perf_counter() < end:
        fn()
        calls += 1
    t0 = time.perf_counter()
    fn()
    one = max(time.perf_counter() - t0, 1e-7)
    inner = max(1, int(min_time / one))
    samples = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - t0) / inner)
    return statistics.median(samples)
