package org.mixrl.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mixrl.nn.Activation;
import org.mixrl.nn.MLP;
import org.mixrl.nn.MlpConfig;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Precision;
import org.mixrl.tensor.Tensor;

/**
 * Times forward + backward of a 256 → 256 → 256 → 1 ReLU MLP with an MSE loss against zeros on
 * a batch of 256 (double storage; products in f64, or in f32 inside {@link Precision#f32()}),
 * and prints the median over repeats after warm-up.
 *
 * <p>Usage: {@code java -cp target/classes org.mixrl.bench.MlpBenchmark [repeats] [warmup]
 * [threads] [precision=f64]}.
 */
public final class MlpBenchmark {
  private MlpBenchmark() {}

  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Precision precision = args.length > 3 ? Precision.parse(args[3]) : Precision.F64;
    try (Precision.Scope scope = precision.use()) {
      run(repeats, warmup, threads, precision);
    }
  }

  private static void run(int repeats, int warmup, int threads, Precision precision) {
    // the matmul kernel's parallel path splits output rows, so results do not depend on this
    org.mixrl.tensor.MatMul.setThreads(threads);
    if (repeats < 30) {
      throw new IllegalArgumentException("repeats must be >= 30, got " + repeats);
    }
    int batch = 256;
    int width = 256;
    RandomStream rng = RandomStream.of(0);
    MLP net = new MLP(MlpConfig.of(width, List.of(width, width), Activation.RELU, 1), rng);
    Tensor x = Tensor.randn(rng, batch, width);

    double sink = 0; // keeps the JIT from discarding the work
    for (int i = 0; i < warmup; i++) {
      sink += step(net, x);
    }
    // Thread CPU time as well as wall time: on a shared machine the wall clock mostly measures
    // waiting for a core (with one matmul thread the CPU time is the whole cost).
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] ms = new double[repeats];
    double[] cpu = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long c0 = bean.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      sink += step(net, x);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    Arrays.sort(ms);
    double median = Medians.of(ms);
    System.out.printf(
        Locale.ROOT,
        "MLP fwd+bwd  in %d -> %d -> %d -> 1 ReLU, batch %d, %s, %d matmul thread(s)%n",
        width, width, width, batch, precisionLabel(precision), threads);
    System.out.printf(
        Locale.ROOT,
        "median %.3f ms wall (min %.3f, max %.3f), median %.3f ms calling-thread CPU;"
            + " %d repeats after %d warm-up; checksum %.6g%n",
        median, ms[0], ms[repeats - 1], Medians.of(cpu), repeats, warmup, sink);
    System.out.println(
        "JDK " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
            + " (" + System.getProperty("java.vendor") + ")");
    System.out.println(
        "CPU " + Machine.cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " threads");
  }

  /** "float64", or what f32 means here: float products on double storage. */
  static String precisionLabel(Precision p) {
    return p == Precision.F64 ? "float64" : "f32 products on float64 storage";
  }

  /** One training-style iteration: loss = mean(net(x)²), backward, clear gradients. */
  private static double step(MLP net, Tensor x) {
    Tensor loss = net.forward(x).square().mean();
    loss.backward();
    double g = net.layers().get(0).weight().grad().get(0, 0);
    net.zeroGrad();
    return loss.item() + g;
  }
}
