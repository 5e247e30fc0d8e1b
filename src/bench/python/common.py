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


def clock():
    """The timer: wall clock, or with BENCH_CLOCK=cpu this thread's CPU time (on a shared
    machine the wall clock mostly measures waiting for a core; with one torch thread the
    calling thread does all the work)."""
    return time.thread_time if os.environ.get("BENCH_CLOCK") == "cpu" else time.perf_counter


def median_seconds(fn, reps=7, min_time=0.2, warmup_time=0.5):
    """Median over `reps` timings of one call to fn, each timing averaging enough calls to
    last about `min_time` seconds (of the clock() in use), after `warmup_time` seconds of
    warm-up."""
    now = clock()
    end = time.perf_counter() + warmup_time
    calls = 0
    while calls < 5 or time.perf_counter() < end:
        fn()
        calls += 1
    t0 = now()
    fn()
    one = max(now() - t0, 1e-7)
    inner = max(1, int(min_time / one))
    samples = []
    for _ in range(reps):
        t0 = now()
        for _ in range(inner):
            fn()
        samples.append((now() - t0) / inner)
    return statistics.median(samples)
