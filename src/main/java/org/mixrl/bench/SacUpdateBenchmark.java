package org.mixrl.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mixrl.agent.ReplayBuffer;
import org.mixrl.agent.Sac;
import org.mixrl.agent.SacConfig;
import org.mixrl.policy.PolicyClass;
import org.mixrl.env.Box;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Precision;

/**
 * Times one full SAC update (critic target, critic step, actor step, temperature step, Polyak)
 * on Pendulum-shaped data: obs 3, action 1 in [-2, 2], double storage, products in the
 * config's precision (f64, or f32: {@link SacConfig#precision()}); hidden sizes and batch size
 * are arguments (default 256x256, batch 256). Cases: SG-RP, SGM-MRP (K=5) and SGM-LR (K=5).
 * Prints the median ms per update and updates/s after warm-up, by wall clock and by the
 * calling thread's CPU time.
 *
 * <p>Usage: {@code java -cp ... org.mixrl.bench.SacUpdateBenchmark [repeats] [warmup]
 * [threads] [hidden=256,256] [batch=256] [cases=sg-rp,sgm-mrp,sgm-lr] [precision=f64]}.
 * {@code threads} is the matmul thread count; the updates are bitwise identical for every
 * count, in either precision (the checksum column shows it), only the time changes.
 */
public final class SacUpdateBenchmark {
  /** The case names accepted in the {@code cases} argument, in the order they run. */
  public static final List<String> CASES = List.of("sg-rp", "sgm-mrp", "sgm-lr");

  private SacUpdateBenchmark() {}

  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    List<Integer> hidden = parseHidden(args.length > 3 ? args[3] : "256,256");
    int batch = args.length > 4 ? Integer.parseInt(args[4]) : 256;
    List<String> cases = parseCases(args.length > 5 ? args[5] : String.join(",", CASES));
    Precision precision = args.length > 6 ? Precision.parse(args[6]) : Precision.F64;
    if (repeats < 1 || warmup < 0 || threads < 1 || batch < 2) {
      throw new IllegalArgumentException("need repeats >= 1, warmup >= 0, threads >= 1, batch >= 2;"
          + " got " + repeats + ", " + warmup + ", " + threads + ", " + batch);
    }
    org.mixrl.tensor.MatMul.setThreads(threads);
    System.out.printf(Locale.ROOT,
        "SAC update, obs 3, act 1, hidden %s, batch %d, %s, %d matmul thread(s)%n",
        hiddenLabel(hidden), batch, MlpBenchmark.precisionLabel(precision), threads);
    for (String c : cases) {
      switch (c) {
        case "sg-rp" -> run("SG-RP", PolicyClass.SG, 1, "rp", hidden, batch, repeats, warmup,
            precision);
        case "sgm-mrp" -> run("SGM-MRP K=5", PolicyClass.SGM, 5, "mrp", hidden, batch, repeats,
            warmup, precision);
        case "sgm-lr" -> run("SGM-LR K=5", PolicyClass.SGM, 5, "lr", hidden, batch, repeats,
            warmup, precision);
        default -> throw new IllegalStateException(c);
      }
    }
    System.out.println("JDK " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version"));
  }

  /** "256,256" → [256, 256]; every size at least 1. */
  public static List<Integer> parseHidden(String text) {
    List<Integer> sizes = new ArrayList<>();
    for (String s : text.split(",")) {
      int h;
      try {
        h = Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "hidden sizes must be comma-separated whole numbers, e.g. 64,64; got '" + text + "'");
      }
      if (h < 1) {
        throw new IllegalArgumentException("hidden sizes must be >= 1, got " + h + " in '" + text
            + "'");
      }
      sizes.add(h);
    }
    return sizes;
  }

  /** Checks a comma list of case names against {@link #CASES}. */
  public static List<String> parseCases(String text) {
    List<String> cases = new ArrayList<>();
    for (String s : text.split(",")) {
      String c = s.trim().toLowerCase(Locale.ROOT);
      if (!CASES.contains(c)) {
        throw new IllegalArgumentException(
            "unknown SAC benchmark case '" + s + "'; allowed: " + String.join(", ", CASES));
      }
      cases.add(c);
    }
    return cases;
  }

  private static String hiddenLabel(List<Integer> hidden) {
    StringBuilder sb = new StringBuilder();
    for (int h : hidden) {
      sb.append(sb.length() == 0 ? "" : "x").append(h);
    }
    return sb.toString();
  }

  private static void run(String label, PolicyClass pc, int k, String est, List<Integer> hidden,
      int batch, int repeats, int warmup, Precision precision) {
    SacConfig c = SacConfig.builder().policyClass(pc).components(k).estimator(est)
        .hidden(hidden).batchSize(batch).precision(precision).build();
    Box box = new Box(new double[] {-2}, new double[] {2});
    RandomStream rng = RandomStream.of(42);
    Sac sac = new Sac(c, 3, box, rng.split());
    ReplayBuffer buffer = new ReplayBuffer(10_000, 3, 1);
    for (int i = 0; i < 10_000; i++) {
      double th = rng.uniform(-Math.PI, Math.PI);
      double[] o = {Math.cos(th), Math.sin(th), rng.uniform(-8, 8)};
      double[] o2 = {Math.cos(th + 0.1), Math.sin(th + 0.1), rng.uniform(-8, 8)};
      buffer.add(o, new double[] {rng.uniform(-2, 2)}, -rng.uniform(0, 16), o2, false);
    }
    // JIT warm-up on a throwaway agent for 2 s of this thread's CPU time (small networks need
    // thousands of updates before C2 has compiled every op; CPU time, so that a busy machine
    // does not cut it short), then `warmup` updates on the measured agent: its updates, and
    // so the checksum, do not depend on how fast the warm-up ran
    Sac scratch = new Sac(c, 3, box, RandomStream.of(7));
    RandomStream scratchRng = RandomStream.of(8);
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long warmEnd = mx.getCurrentThreadCpuTime() + 2_000_000_000L;
    double ignored = 0;
    while (mx.getCurrentThreadCpuTime() < warmEnd) {
      ignored += scratch.update(buffer.sample(batch, scratchRng), scratchRng).criticLoss();
    }
    double sink = ignored == 42.125 ? 1 : 0; // keeps the JIT from discarding the work
    for (int i = 0; i < warmup; i++) {
      sink += sac.update(buffer.sample(batch, rng), rng).criticLoss();
    }
    // small updates take well under a millisecond: time groups of updates so that one timing
    // is long against the clock's resolution. The group size depends on the sizes only (not
    // on a measured time), so the checksum stays comparable between runs, threads and JDKs.
    int widest = 1;
    for (int h : hidden) {
      widest = Math.max(widest, h);
    }
    int group = (int) Math.max(1, Math.min(64, (1L << 23) / ((long) batch * widest * widest)));
    double[] ms = new double[repeats];
    double[] cpuMs = new double[repeats];
    // thread CPU time as well: on a shared machine the wall clock includes time spent waiting
    // for a core, the CPU time does not
    for (int i = 0; i < repeats; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (int g = 0; g < group; g++) {
        sink += sac.update(buffer.sample(batch, rng), rng).criticLoss();
      }
      ms[i] = (System.nanoTime() - t0) / 1e6 / group;
      cpuMs[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / group;
    }
    Arrays.sort(ms);
    double cpuMedian = Medians.of(cpuMs);
    double median = Medians.of(ms);
    System.out.printf(Locale.ROOT,
        "%-12s wall median %.3f ms/update = %.1f updates/s; thread-CPU median %.3f ms = %.1f"
            + " updates/s (wall min %.3f, max %.3f; %d repeats of %d update(s) after %d warm-up;"
            + " critic evaluations per state in the actor step: %d; checksum %.6g)%n",
        label, median, 1000 / median, cpuMedian, 1000 / cpuMedian, ms[0], ms[repeats - 1],
        repeats, group, warmup, sac.estimator().criticEvaluationsPerState(k), sink);
  }
}
