"""Reads the raw outputs of src/bench/compare.sh and prints the comparison table (Markdown).

Usage: python3 src/bench/python/compare_table.py OUT_DIR [wall|cpu] [f64|f32]
Needs no torch. 'cpu' takes mixrl's thread-CPU medians for the one-thread rows (the PyTorch
scripts were then run with BENCH_CLOCK=cpu); two-thread rows are wall-clock either way. The
last argument names the precision of mixrl's products in OUT_DIR (compare.sh's PRECISION);
the estimator row is f64 either way.
"""
import os
import re
import sys

out = sys.argv[1]
clock = sys.argv[2] if len(sys.argv) > 2 else "wall"
prec = sys.argv[3] if len(sys.argv) > 3 else "f64"


def read(name):
    path = os.path.join(out, name)
    return open(path).read() if os.path.exists(path) else ""


JAVA_CASE = {"sg-rp": "SG-RP", "sgm-mrp": "SGM-MRP K=5", "sgm-lr": "SGM-LR K=5"}


def java_sac(name, case, use_cpu):
    for line in read(name).splitlines():
        if line.startswith(JAVA_CASE[case] + " "):
            key = "thread-CPU median" if use_cpu else "wall median"
            m = re.search(key + r" ([0-9.]+) ms", line)
            return float(m.group(1)) if m else None
    return None


def torch_rows(name):
    """{(case-or-'', threads, dtype): value} from the PyTorch scripts' tables."""
    rows = {}
    for line in read(name).splitlines():
        f = line.split()
        try:
            if len(f) == 4 and f[2] in ("float64", "float32"):      # sac: case threads dtype ms
                rows[(f[0], int(f[1]), f[2])] = float(f[3])
            elif len(f) == 3 and f[1] in ("float64", "float32"):    # mlp: threads dtype ms
                rows[("", int(f[0]), f[1])] = float(f[2])
        except ValueError:
            pass
    return rows


def torch_matmul(name):
    rows = {}
    for line in read(name).splitlines():
        f = line.split()
        if len(f) == 4 and f[2] in ("float64", "float32"):
            try:
                rows[f[2]] = float(f[3])
            except ValueError:
                pass
    return rows


def fmt(x, digits=2):
    return "–" if x is None else f"{x:.{digits}f}"


def ratio(a, b):
    return "–" if a is None or b is None or b == 0 else f"{a / b:.2f}×"


cpu1 = clock == "cpu"
lines = [
    f"clock for one-thread rows: {'thread CPU time' if cpu1 else 'wall'}; medians",
    "",
    f"| workload | threads | mixrl {prec} | torch f64 | torch f32 | mixrl / torch f32 | target |",
    "|---|--:|--:|--:|--:|--:|---|",
]
for case in ("sg-rp", "sgm-mrp", "sgm-lr"):
    t1 = torch_rows("torch-sac256-t1.txt")
    t2 = torch_rows("torch-sac256-t2.txt")
    m1 = java_sac("mixrl-sac256-t1.txt", case, cpu1)
    m2 = java_sac("mixrl-sac256-t2.txt", case, False)
    f64 = t1.get((case, 1, "float64"))
    f32 = t1.get((case, 1, "float32"))
    lines.append(f"| SAC {case} 256×256, batch 256 (ms) | 1 | {fmt(m1)} | {fmt(f64)} | {fmt(f32)} "
                 f"| {ratio(m1, f32)} | ≤ 1.5× |")
    best = [v for v in (f32, t2.get((case, 2, "float32"))) if v is not None]
    best32 = min(best) if best else None
    lines.append(f"| SAC {case} 256×256, batch 256 (ms) | 2 (torch: best of 1, 2) | {fmt(m2)} "
                 f"| {fmt(t2.get((case, 2, 'float64')))} | {fmt(best32)} | {ratio(m2, best32)} "
                 f"| < 1× |")
for batch in (256, 32):
    t = torch_rows(f"torch-sac64-b{batch}-t1.txt")
    for case in ("sg-rp", "sgm-mrp", "sgm-lr"):
        m = java_sac(f"mixrl-sac64-b{batch}-t1.txt", case, cpu1)
        f32 = t.get((case, 1, "float32"))
        lines.append(f"| SAC {case} 64×64, batch {batch} (ms) | 1 | {fmt(m, 3)} "
                     f"| {fmt(t.get((case, 1, 'float64')), 3)} | {fmt(f32, 3)} | {ratio(m, f32)} "
                     f"| ≤ 0.5× |")
mlp = read("mixrl-mlp-t1.txt")
mm = re.search(r"median ([0-9.]+) ms wall.*median ([0-9.]+) ms calling-thread CPU", mlp)
m = None if not mm else float(mm.group(2) if cpu1 else mm.group(1))
t = torch_rows("torch-mlp-t1.txt")
lines.append(f"| MLP fwd+bwd 256-256-256-1, batch 256 (ms) | 1 | {fmt(m)} "
             f"| {fmt(t.get(('', 1, 'float64')))} | {fmt(t.get(('', 1, 'float32')))} "
             f"| {ratio(m, t.get(('', 1, 'float32')))} | ≤ 1.5× |")
est = read("mixrl-estimator.txt")
me = re.search(r"median ([0-9.]+) us/repeat wall, ([0-9.]+) us/repeat thread-CPU; GC ([0-9.]+)", est)
m = None if not me else float(me.group(2) if cpu1 else me.group(1))
t = torch_rows("torch-estimator.txt")
f32 = t.get(("estimator", 1, "float32"))
est_label = "" if prec == "f64" else " (mixrl: f64)"
lines.append(f"| estimator: K=5, batch 64, one MRP + one LR gradient (µs){est_label} | 1 | {fmt(m, 1)} "
             f"| {fmt(t.get(('estimator', 1, 'float64')), 1)} | {fmt(f32, 1)} | {ratio(m, f32)} "
             f"| ≤ 0.1× |")
gflops = None
for line in read("mixrl-matmul.txt").splitlines():
    f = line.split()
    if len(f) == 6 and f[0] == "256" and f[1] == "1":
        gflops = float(f[5]) if cpu1 and f[5] != "n/a" else float(f[3])
tm = torch_matmul("torch-matmul.txt")
lines.append(f"| matmul 256³ (GFLOP/s, higher is better) | 1 | {fmt(gflops, 1)} "
             f"| {fmt(tm.get('float64'), 1)} | {fmt(tm.get('float32'), 1)} "
             f"| rate {ratio(gflops, tm.get('float32'))} of f32 "
             f"| {'f64 ≥ 30' if prec == 'f64' else 'f32 ≥ 60'} GFLOP/s |")
if me:
    lines.append("")
    lines.append(f"mixrl estimator workload: GC {me.group(3)} µs per repeat on other threads "
                 "(not in the thread CPU time).")
lines.append("")
lines.append("window: " + " / ".join(read("window-start.txt").split("\n")[:2]) + " → "
             + " / ".join(read("window-end.txt").split("\n")[:2]))
print("\n".join(lines))
