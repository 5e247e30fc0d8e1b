package org.mixrl.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mixrl.agent.ReplayBuffer;
import org.mixrl.agent.Sac;
import org.mixrl.agent.SacConfig;
import org.mixrl.policy.PolicyClass;
import org.mixrl.env.Box;
import org.mixrl.random.RandomStream;

/**
 * Times one full SAC update (critic target, critic step, actor step, temperature step, Polyak)
 * on Pendulum-shaped data: obs 3, action 1 in [-2, 2], hidden 256x256, batch 256, float64.
 * Cases: SG-RP, SGM-MRP (K=5) and SGM-LR (K=5). Prints the median ms per update and updates/s
 * after warm-up, by wall clock and by the calling thread's CPU time.
 *
 * <p>Usage: {@code java -cp ... org.mixrl.bench.SacUpdateBenchmark [repeats] [warmup] [threads]}.
 * {@code threads} is the matmul thread count; the updates are bitwise identical for every
 * count (the checksum column shows it), only the time changes.
 */
public final class SacUpdateBenchmark {
  private SacUpdateBenchmark() {}

  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    if (repeats < 1 || warmup < 0 || threads < 1) {
      throw new IllegalArgumentException("need repeats >= 1, warmup >= 0, threads >= 1; got "
          + repeats + ", " + warmup + ", " + threads);
    }
    org.mixrl.tensor.MatMul.setThreads(threads);
    System.out.printf(Locale.ROOT,
        "SAC update, obs 3, act 1, hidden 256x256, batch 256, float64, %d matmul thread(s)%n",
        threads);
    run("SG-RP", PolicyClass.SG, 1, "rp", repeats, warmup);
    run("SGM-MRP K=5", PolicyClass.SGM, 5, "mrp", repeats, warmup);
    run("SGM-LR K=5", PolicyClass.SGM, 5, "lr", repeats, warmup);
    System.out.println("JDK " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version"));
  }

  private static void run(
      String label, PolicyClass pc, int k, String est, int repeats, int warmup) {
    SacConfig c = SacConfig.builder().policyClass(pc).components(k).estimator(est)
        .hidden(List.of(256, 256)).batchSize(256).build();
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
    double sink = 0; // keeps the JIT from discarding the work
    for (int i = 0; i < warmup; i++) {
      sink += sac.update(buffer.sample(256, rng), rng).criticLoss();
    }
    double[] ms = new double[repeats];
    double[] cpuMs = new double[repeats];
    // thread CPU time as well: on a shared machine the wall clock includes time spent waiting
    // for a core, the CPU time does not
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < repeats; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      sink += sac.update(buffer.sample(256, rng), rng).criticLoss();
      ms[i] = (System.nanoTime() - t0) / 1e6;
      cpuMs[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    Arrays.sort(ms);
    double cpuMedian = Medians.of(cpuMs);
    double median = Medians.of(ms);
    System.out.printf(Locale.ROOT,
        "%-12s wall median %.1f ms/update = %.1f updates/s; thread-CPU median %.1f ms = %.1f"
            + " updates/s (wall min %.1f, max %.1f; %d repeats after %d warm-up; critic"
            + " evaluations per state in the actor step: %d; checksum %.4g)%n",
        label, median, 1000 / median, cpuMedian, 1000 / cpuMedian, ms[0], ms[repeats - 1], repeats, warmup,
        sac.estimator().criticEvaluationsPerState(k), sink);
  }
}
