"""Reads the raw outputs of src/bench/compare.sh and prints the comparison table (Markdown).

Usage: python3 src/bench/python/compare_table.py OUT_DIR [wall|cpu] [f64|f32]
Needs no torch. 'cpu' takes mixrl's thread-CPU medians for the one-thread rows (the PyTorch
scripts were then run with BENCH_CLOCK=cpu); two-thread rows are wall-clock either way. The
last argument names the precision of mixrl's products in OUT_DIR (compare.sh's PRECISION);
the estimator row is f64 either way.

OUT_DIR holds one round (the raw files themselves) or several (subdirectories r1, r2, ...,
each a full pass of mixrl's side then torch's). With several rounds each cell is the median of
the rounds' medians, the ratio is the ratio of those medians, and the last column gives the
smallest and largest of the per-round ratios: the window's noise, stated with the result.
"""
import os
import re
import statistics
import sys

out = sys.argv[1]
clock = sys.argv[2] if len(sys.argv) > 2 else "wall"
prec = sys.argv[3] if len(sys.argv) > 3 else "f64"
cpu1 = clock == "cpu"

JAVA_CASE = {"sg-rp": "SG-RP", "sgm-mrp": "SGM-MRP K=5", "sgm-lr": "SGM-LR K=5"}
CASES = ("sg-rp", "sgm-mrp", "sgm-lr")


def read(d, name):
    path = os.path.join(d, name)
    return open(path).read() if os.path.exists(path) else ""


def java_sac(d, name, case, use_cpu):
    for line in read(d, name).splitlines():
        if line.startswith(JAVA_CASE[case] + " "):
            key = "thread-CPU median" if use_cpu else "wall median"
            m = re.search(key + r" ([0-9.]+) ms", line)
            return float(m.group(1)) if m else None
    return None


def torch_rows(d, name):
    """{(case-or-'', threads, dtype): value} from the PyTorch scripts' tables."""
    rows = {}
    for line in read(d, name).splitlines():
        f = line.split()
        try:
            if len(f) == 4 and f[2] in ("float64", "float32"):      # sac: case threads dtype ms
                rows[(f[0], int(f[1]), f[2])] = float(f[3])
            elif len(f) == 3 and f[1] in ("float64", "float32"):    # mlp: threads dtype ms
                rows[("", int(f[0]), f[1])] = float(f[2])
        except ValueError:
            pass
    return rows


def torch_matmul(d, name):
    rows = {}
    for line in read(d, name).splitlines():
        f = line.split()
        if len(f) == 4 and f[2] in ("float64", "float32"):
            try:
                rows[f[2]] = float(f[3])
            except ValueError:
                pass
    return rows


def estimator_match(d):
    return re.search(r"median ([0-9.]+) us/repeat wall, ([0-9.]+) us/repeat thread-CPU; "
                     r"GC ([0-9.]+)", read(d, "mixrl-estimator.txt"))


def round_values(d):
    """[(label, threads, mixrl, torch f64, torch f32, target, digits, rate)] for one round."""
    rows = []
    t1 = torch_rows(d, "torch-sac256-t1.txt")
    t2 = torch_rows(d, "torch-sac256-t2.txt")
    for case in CASES:
        f32 = t1.get((case, 1, "float32"))
        rows.append((f"SAC {case} 256×256, batch 256 (ms)", "1",
                     java_sac(d, "mixrl-sac256-t1.txt", case, cpu1),
                     t1.get((case, 1, "float64")), f32, "≤ 1.5×", 2, False))
        best = [v for v in (f32, t2.get((case, 2, "float32"))) if v is not None]
        rows.append((f"SAC {case} 256×256, batch 256 (ms)", "2 (torch: best of 1, 2)",
                     java_sac(d, "mixrl-sac256-t2.txt", case, False),
                     t2.get((case, 2, "float64")), min(best) if best else None, "< 1×", 2,
                     False))
    for batch in (256, 32):
        t = torch_rows(d, f"torch-sac64-b{batch}-t1.txt")
        for case in CASES:
            rows.append((f"SAC {case} 64×64, batch {batch} (ms)", "1",
                         java_sac(d, f"mixrl-sac64-b{batch}-t1.txt", case, cpu1),
                         t.get((case, 1, "float64")), t.get((case, 1, "float32")), "≤ 0.5×", 3,
                         False))
    mm = re.search(r"median ([0-9.]+) ms wall.*median ([0-9.]+) ms calling-thread CPU",
                   read(d, "mixrl-mlp-t1.txt"))
    t = torch_rows(d, "torch-mlp-t1.txt")
    rows.append(("MLP fwd+bwd 256-256-256-1, batch 256 (ms)", "1",
                 None if not mm else float(mm.group(2) if cpu1 else mm.group(1)),
                 t.get(("", 1, "float64")), t.get(("", 1, "float32")), "≤ 1.5×", 2, False))
    me = estimator_match(d)
    t = torch_rows(d, "torch-estimator.txt")
    est_label = "" if prec == "f64" else " (mixrl: f64)"
    rows.append((f"estimator: K=5, batch 64, one MRP + one LR gradient (µs){est_label}", "1",
                 None if not me else float(me.group(2) if cpu1 else me.group(1)),
                 t.get(("estimator", 1, "float64")), t.get(("estimator", 1, "float32")),
                 "≤ 0.1×", 1, False))
    gflops = None
    for line in read(d, "mixrl-matmul.txt").splitlines():
        f = line.split()
        if len(f) == 6 and f[0] == "256" and f[1] == "1":
            gflops = float(f[5]) if cpu1 and f[5] != "n/a" else float(f[3])
    tm = torch_matmul(d, "torch-matmul.txt")
    rows.append(("matmul 256³ (GFLOP/s, higher is better)", "1", gflops, tm.get("float64"),
                 tm.get("float32"), "f64 ≥ 30 GFLOP/s" if prec == "f64" else "f32 ≥ 60 GFLOP/s",
                 1, True))
    return rows


def fmt(x, digits=2):
    return "–" if x is None else f"{x:.{digits}f}"


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


rounds = sorted((e for e in os.listdir(out) if re.fullmatch(r"r[0-9]+", e)),
                key=lambda e: int(e[1:]))
dirs = [os.path.join(out, r) for r in rounds] or [out]
per_round = [round_values(d) for d in dirs]
several = len(dirs) > 1

head = f"| workload | threads | mixrl {prec} | torch f64 | torch f32 | mixrl / torch f32 |"
rule = "|---|--:|--:|--:|--:|--:|"
if several:
    head += " per-round ratios |"
    rule += "--:|"
lines = [
    f"clock for one-thread rows: {'thread CPU time' if cpu1 else 'wall'}; medians"
    + (f" of {len(dirs)} rounds, each a full pass of mixrl's side then torch's" if several
       else ""),
    "",
    head + " target |",
    rule + "---|",
]
for i, first in enumerate(per_round[0]):
    label, threads, _, _, _, target, digits, rate = first
    mixrl = median(r[i][2] for r in per_round)
    t64 = median(r[i][3] for r in per_round)
    t32 = median(r[i][4] for r in per_round)
    q = ratio(mixrl, t32)
    cell = "–" if q is None else (f"rate {q:.2f}× of f32" if rate else f"{q:.2f}×")
    row = f"| {label} | {threads} | {fmt(mixrl, digits)} | {fmt(t64, digits)} " \
          f"| {fmt(t32, digits)} | {cell} |"
    if several:
        qs = [ratio(r[i][2], r[i][4]) for r in per_round]
        qs = [x for x in qs if x is not None]
        row += f" {min(qs):.2f}–{max(qs):.2f} |" if qs else " – |"
    lines.append(row + f" {target} |")
gc = [float(m.group(3)) for m in (estimator_match(d) for d in dirs) if m]
if gc:
    lines.append("")
    lines.append(f"mixrl estimator workload: GC {fmt(median(gc), 1)} µs per repeat on other "
                 "threads (not in the thread CPU time).")
lines.append("")
lines.append("window: " + " / ".join(read(out, "window-start.txt").split("\n")[:2]) + " → "
             + " / ".join(read(out, "window-end.txt").split("\n")[:2]))
print("\n".join(lines))
