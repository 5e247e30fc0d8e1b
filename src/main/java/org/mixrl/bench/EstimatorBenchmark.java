package org.mixrl.bench;

import java.util.Locale;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.bandit.RewardCritic;
import org.mixrl.estimator.ActionValue;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.EstimatorOptions;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.StatelessPolicy;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * The estimator workload: one MRP and one LR (batch leave-one-out baseline) gradient of the
 * same tanh-squashed K=5 Gaussian mixture on the 1-D bandit {@code
 * bumps:1.0@1.0/0.3,0.8@-1.0/0.3}, batch 64, α = 0.2: what one repeat of {@code mixrl variance
 * --estimators mrp,lr} costs, without the CSV and the progress bar. Prints the median µs per
 * repeat (wall and thread CPU) and the JVM's GC time during the timed part, which runs on other
 * threads and so is not in the thread CPU time.
 *
 * <p>Usage: {@code java -cp ... org.mixrl.bench.EstimatorBenchmark [repeats=15] [seconds=0.2]}.
 * Mirrored by {@code src/bench/python/estimator_bench.py}.
 */
public final class EstimatorBenchmark {
  static final int K = 5;
  static final int BATCH = 64;
  static final double ALPHA = 0.2;
  /** Logits, means, log-stds: the parameter vector θ of the stateless policy. */
  static final double[] THETA = {
    0, 0.5, -0.5, 0.25, 0, // logits
    -1, -0.5, 0, 0.5, 1, // means of u
    -0.5, -0.7, -0.3, -0.6, -0.4 // log-stds of u
  };

  private EstimatorBenchmark() {}

  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 0.2;
    if (repeats < 1 || !(seconds > 0)) {
      throw new IllegalArgumentException(
          "need repeats >= 1 and seconds > 0, got " + repeats + ", " + seconds);
    }
    ActionValue reward = RewardCritic.of(BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3"));
    Estimator mrp = new EstimatorSpec("mrp", EstimatorOptions.defaults()).create();
    Estimator lr = new EstimatorSpec("lr", EstimatorOptions.defaults()).create();
    RandomStream rng = RandomStream.of(1);
    double sink = 0;
    long warmEnd = System.nanoTime() + 2_000_000_000L; // C2 needs a few thousand repeats
    int calls = 0;
    while (calls < 2000 || System.nanoTime() < warmEnd) {
      sink += oneRepeat(mrp, lr, reward, rng);
      calls++;
    }
    long t0 = System.nanoTime();
    sink += oneRepeat(mrp, lr, reward, rng);
    double oneNs = Math.max(1, System.nanoTime() - t0);
    int inner = (int) Math.max(1, seconds * 1e9 / oneNs);
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] us = new double[repeats];
    double[] cpuUs = new double[repeats];
    long gc0 = gcMillis();
    long wall0 = System.nanoTime();
    for (int r = 0; r < repeats; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (int i = 0; i < inner; i++) {
        sink += oneRepeat(mrp, lr, reward, rng);
      }
      us[r] = (System.nanoTime() - w0) / 1e3 / inner;
      cpuUs[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / inner;
    }
    double gcUs = (gcMillis() - gc0) * 1e3 / ((double) repeats * inner);
    double totalS = (System.nanoTime() - wall0) / 1e9;
    System.out.printf(Locale.ROOT,
        "estimator workload (SGM K=%d, batch %d, one MRP + one LR gradient), float64%n", K, BATCH);
    System.out.printf(Locale.ROOT,
        "median %.1f us/repeat wall, %.1f us/repeat thread-CPU; GC %.1f us/repeat (%.1f s timed,"
            + " %d x %d repeats); checksum %.6g%n",
        Medians.of(us), Medians.of(cpuUs), gcUs, totalS, repeats, inner, sink);
    System.out.println("JDK " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version"));
  }

  /** One MRP and one LR gradient with respect to θ; returns a value that depends on both. */
  static double oneRepeat(Estimator mrp, Estimator lr, ActionValue reward, RandomStream rng) {
    return gradient(mrp, reward, rng) + gradient(lr, reward, rng);
  }

  private static double gradient(Estimator e, ActionValue reward, RandomStream rng) {
    Tensor theta = Tensor.vector(THETA).requiresGrad(true);
    e.surrogate(StatelessPolicy.of(PolicyClass.SGM, K, 1, theta, BATCH), reward, ALPHA, rng)
        .objective().backward();
    return theta.grad().data()[K];
  }

  private static long gcMillis() {
    long total = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }
}
