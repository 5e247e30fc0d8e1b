#!/usr/bin/env python3
"""Goals covered by each stored multi-goal run's policy, and modes of its learned critic.

    python3 docs/results/multigoal/modes.py docs/results/runs/multigoal [SWEEP_DIR]

For every run under docs/results/runs/multigoal/<method>/s<seed>/ and each state written by
`mixrl density` (between = (2.5, 2.5), origin = (0, 0)):
- goals: the number of distinct goals that the components with weight >= 0.05 head for; a
  component heads for the goal whose direction from the state has the largest cosine with the
  component's squashed mean action (components-<state>.csv);
- critic maxima (only with SWEEP_DIR, whose density/<run id>-<state>/density.csv files
  `mixrl density` wrote): strict local maxima of the critic's min Q over the 51 x 51 action
  grid, 8 neighbours, grid edges included.
"""
import csv, json, math, os, sys

GOALS = [(5, 0), (-5, 0), (0, 5), (0, -5)]
STATES = (("between", (2.5, 2.5)), ("origin", (0.0, 0.0)))


def goal_of(s, u):
    return max(GOALS, key=lambda g: (u[0] * (g[0] - s[0]) + u[1] * (g[1] - s[1]))
               / math.hypot(g[0] - s[0], g[1] - s[1]))


def critic_maxima(path):
    rows = list(csv.DictReader(open(path)))
    n = int(round(math.sqrt(len(rows))))
    q = [[float(rows[i * n + j]["q_min"]) for j in range(n)] for i in range(n)]
    count = 0
    for i in range(n):
        for j in range(n):
            around = [q[a][b] for a in range(max(0, i - 1), min(n, i + 2))
                      for b in range(max(0, j - 1), min(n, j + 2)) if (a, b) != (i, j)]
            count += all(q[i][j] > v for v in around)
    return count


def method_of(options):
    m = options["policy"] + "-" + options["estimator"]
    if options.get("estimator-samples", 1) > 1:
        m += "-m%d" % options["estimator-samples"]
    return m, "s%d" % options["seed"]


def main():
    stored = sys.argv[1]
    density = {}
    if len(sys.argv) > 2:
        sweep = sys.argv[2]
        for rid in os.listdir(os.path.join(sweep, "runs")):
            cfg = os.path.join(sweep, "runs", rid, "config.json")
            if os.path.exists(cfg):
                density[method_of(json.load(open(cfg))["options"])] = os.path.join(sweep, "density", rid)
    print("method,seed,state,goals,max_weight,critic_maxima")
    for m in sorted(os.listdir(stored)):
        for s in sorted(os.listdir(os.path.join(stored, m)), key=lambda x: int(x[1:])):
            for tag, state in STATES:
                comps = list(csv.DictReader(open(os.path.join(stored, m, s, f"components-{tag}.csv"))))
                heads = {goal_of(state, (float(c["mode_0"]), float(c["mode_1"])))
                         for c in comps if float(c["weight"]) >= 0.05}
                top = max(float(c["weight"]) for c in comps)
                d = density.get((m, s))
                peaks = critic_maxima(f"{d}-{tag}/density.csv") if d else ""
                print(f"{m},{s[1:]},{tag},{len(heads)},{top:.3f},{peaks}")


if __name__ == "__main__":
    main()
