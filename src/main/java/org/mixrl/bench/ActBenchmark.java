package org.mixrl.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mixrl.agent.Sac;
import org.mixrl.agent.SacConfig;
import org.mixrl.deploy.DeployedPolicy;
import org.mixrl.deploy.PolicyMetadata;
import org.mixrl.deploy.PolicySession;
import org.mixrl.env.Box;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.experiment.PolicyExport;
import org.mixrl.policy.PolicyClass;
import org.mixrl.random.RandomStream;

/**
 * Latency of {@link PolicySession#act} at batch 1 (one observation per call): Pendulum-sized
 * actors (3 observations, 1 action) with 64×64 and 256×256 ReLU hidden layers, SG and SGM with
 * K=5, float64. Each call is timed on its own with {@code System.nanoTime}; the report gives the
 * median and the 99th percentile in µs, and the median cost of an empty timing (subtracted from
 * nothing: it shows the floor of the measurement).
 *
 * <p>Usage: {@code java -cp target/classes org.mixrl.bench.ActBenchmark [calls] [warmupCalls]}.
 */
public final class ActBenchmark {
  private ActBenchmark() {}

  public static void main(String[] args) {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    if (calls < 1000 || warmup < 0) {
      throw new IllegalArgumentException(
          "calls must be >= 1000 and warm-up >= 0, got " + calls + " and " + warmup);
    }
    System.out.printf(Locale.ROOT, "act latency, batch 1, float64, one thread; %d timed calls"
        + " after %d warm-up calls per case%n", calls, warmup);
    System.out.printf(Locale.ROOT, "%-5s %-9s %10s %10s %10s%n", "class", "hidden", "median us",
        "p99 us", "max us");
    double[] floor = emptyTimings(calls);
    for (int width : new int[] {64, 256}) {
      for (PolicyClass cls : new PolicyClass[] {PolicyClass.SG, PolicyClass.SGM}) {
        double[] us = time(policy(cls, width), calls, warmup);
        System.out.printf(Locale.ROOT, "%-5s %-9s %10.3f %10.3f %10.1f%n", cls.shortName()
            + (cls.mixture() ? String.valueOf(EstimatorSpec.defaultComponents(cls)) : ""), width + "x" + width, Medians.of(us),
            percentile(us, 0.99), us[us.length - 1]);
      }
    }
    System.out.printf(Locale.ROOT, "timing floor (two nanoTime reads): median %.3f us%n",
        Medians.of(floor));
    System.out.println(
        "JDK " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
            + " (" + System.getProperty("java.vendor") + ")");
    System.out.println(
        "CPU " + Machine.cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " threads");
  }

  /** A seeded, untrained Pendulum-sized actor: latency does not depend on the weights' values. */
  static DeployedPolicy policy(PolicyClass cls, int width) {
    // components and estimator: the class's defaults (K = 5 and mrp for sgm, rp for sg)
    SacConfig config =
        SacConfig.builder().policyClass(cls).hidden(List.of(width, width)).build();
    Sac sac = new Sac(config, 3, Box.symmetric(2.0), RandomStream.of(1));
    return PolicyExport.fromAgent(sac, new PolicyMetadata("bench", "", "Pendulum-v1", 0));
  }

  /** Per-call wall times in µs, sorted. */
  static double[] time(DeployedPolicy policy, int calls, int warmup) {
    PolicySession session = policy.newSession();
    double[][] obs = new double[256][3];
    RandomStream rng = RandomStream.of(2);
    for (double[] o : obs) {
      double th = rng.uniform(-Math.PI, Math.PI);
      o[0] = Math.cos(th);
      o[1] = Math.sin(th);
      o[2] = rng.uniform(-8, 8);
    }
    double[] out = new double[1];
    double sink = 0;
    for (int i = 0; i < warmup; i++) {
      session.act(obs[i & 255], out);
      sink += out[0];
    }
    double[] us = new double[calls];
    for (int i = 0; i < calls; i++) {
      double[] o = obs[i & 255];
      long t0 = System.nanoTime();
      session.act(o, out);
      us[i] = (System.nanoTime() - t0) / 1e3;
      sink += out[0];
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("NaN action"); // also keeps the JIT from dropping the work
    }
    Arrays.sort(us);
    return us;
  }

  private static double[] emptyTimings(int n) {
    double[] us = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      us[i] = (System.nanoTime() - t0) / 1e3;
    }
    Arrays.sort(us);
    return us;
  }

  /** The q-quantile of sorted values (nearest rank). */
  static double percentile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
