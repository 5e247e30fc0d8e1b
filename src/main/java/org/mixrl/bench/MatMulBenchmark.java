package org.mixrl.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.mixrl.tensor.MatMul;
import org.mixrl.tensor.Precision;

/**
 * Speed of {@link MatMul#multiply} on square products, in GFLOP/s = 2·m·n·k / seconds.
 *
 * <p>Usage: {@code MatMulBenchmark [sizes=256,1024] [threads=1,2] [reps=7] [precision=f64]}.
 * With {@code f32} every product runs inside {@link Precision#f32()} (float arithmetic on the
 * same double matrices, conversions included in the time). Each case is warmed up (at least
 * ten calls and half a second) so C2 has compiled the kernel, then timed {@code reps} times;
 * each timing runs enough calls to last about 0.2 s. Reported: median and best wall-clock rate
 * and, for one thread, the median rate by thread CPU time, which is robust when other processes
 * share the machine. In f64, for one thread and sizes that are multiples of 4, it then times
 * {@link ReferenceLoop} (the kernel's inner loop alone) and the kernel alternately, by thread CPU
 * time, and prints both medians: the difference is what blocking, packing and copies cost.
 */
public final class MatMulBenchmark {
  private MatMulBenchmark() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    int[] sizes = ints(args.length > 0 ? args[0] : "256,1024");
    int[] threads = ints(args.length > 1 ? args[1] : "1,2");
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    Precision precision = args.length > 3 ? Precision.parse(args[3]) : Precision.F64;
    try (Precision.Scope scope = precision.use()) {
      run(sizes, threads, reps, precision);
    }
  }

  private static void run(int[] sizes, int[] threads, int reps, Precision precision) {
    System.out.println("cpu: " + Machine.cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
        + " logical cores");
    System.out.println("jvm: " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
        + ")");
    System.out.println("precision: " + precision.label()
        + (precision == Precision.F32 ? " (float arithmetic on double matrices)" : ""));
    System.out.println("load average at start: " + loadAverage());
    System.out.printf("%6s %7s %5s %14s %12s %14s%n",
        "size", "threads", "reps", "median GFLOP/s", "best GFLOP/s", "cpu-time GFLOP/s");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int s : sizes) {
      SplittableRandom rng = new SplittableRandom(s);
      double[] a = random(rng, s * s);
      double[] b = random(rng, s * s);
      double[] c = new double[s * s];
      double flops = 2.0 * s * s * s;
      for (int t : threads) {
        MatMul.setThreads(t);
        long warmEnd = System.nanoTime() + 500_000_000L;
        for (int w = 0; w < 10 || System.nanoTime() < warmEnd; w++) {
          MatMul.multiply(a, 0, b, 0, c, 0, s, s, s);
        }
        int calls = Math.max(1, (int) (0.2e9 / Math.max(1.0, timeOne(a, b, c, s))));
        double[] wall = new double[reps];
        double[] cpu = new double[reps];
        for (int r = 0; r < reps; r++) {
          Arrays.fill(c, 0.0); // keeps values bounded; outside the timed region
          long c0 = mx.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          for (int q = 0; q < calls; q++) {
            MatMul.multiply(a, 0, b, 0, c, 0, s, s, s);
          }
          long t1 = System.nanoTime();
          long c1 = mx.getCurrentThreadCpuTime();
          wall[r] = flops * calls / (t1 - t0);
          cpu[r] = flops * calls / Math.max(1, c1 - c0);
        }
        String cpuRate = t == 1 ? String.format("%.2f", Medians.of(cpu)) : "-";
        System.out.printf("%6d %7d %5d %14.2f %12.2f %14s%n",
            s, t, reps, Medians.of(wall), Arrays.stream(wall).max().getAsDouble(), cpuRate);
      }
      // the reference loop is the double kernel's inner loop: no counterpart in f32
      if (precision == Precision.F64 && s % 4 == 0
          && Arrays.stream(threads).anyMatch(t -> t == 1)) {
        compareWithReferenceLoop(mx, a, b, c, s, reps);
      }
      if (c[c.length / 2] == 42.0) {
        System.out.println(); // keeps the result live
      }
    }
    MatMul.setThreads(1);
  }

  /** Kernel and reference loop alternately, one thread, thread CPU time; prints both medians. */
  private static void compareWithReferenceLoop(
      ThreadMXBean mx, double[] a, double[] b, double[] c, int s, int reps) {
    MatMul.setThreads(1);
    double[][] ar = rows(a, s);
    double[][] br = rows(b, s);
    double[][] cr = new double[s][s];
    double flops = 2.0 * s * s * s;
    int calls = Math.max(1, (int) (0.2e9 / Math.max(1.0, timeOne(a, b, c, s))));
    for (int w = 0; w < 10; w++) {
      ReferenceLoop.multiply(ar, br, cr, s);
    }
    double[] kernel = new double[reps];
    double[] loop = new double[reps];
    for (int r = 0; r < reps; r++) {
      Arrays.fill(c, 0.0);
      long c0 = mx.getCurrentThreadCpuTime();
      for (int q = 0; q < calls; q++) {
        MatMul.multiply(a, 0, b, 0, c, 0, s, s, s);
      }
      long c1 = mx.getCurrentThreadCpuTime();
      for (double[] row : cr) {
        Arrays.fill(row, 0.0);
      }
      for (int q = 0; q < calls; q++) {
        ReferenceLoop.multiply(ar, br, cr, s);
      }
      long c2 = mx.getCurrentThreadCpuTime();
      kernel[r] = flops * calls / Math.max(1, c1 - c0);
      loop[r] = flops * calls / Math.max(1, c2 - c1);
    }
    System.out.printf("reference loop alone (size %d, 1 thread, cpu-time GFLOP/s, alternating with"
        + " the kernel): loop %.2f, kernel %.2f%n", s, Medians.of(loop), Medians.of(kernel));
    if (cr[s / 2][s / 2] == 42.0) {
      System.out.println(); // keeps the result live
    }
  }

  private static double[][] rows(double[] x, int s) {
    double[][] r = new double[s][s];
    for (int i = 0; i < s; i++) {
      System.arraycopy(x, i * s, r[i], 0, s);
    }
    return r;
  }

  private static double timeOne(double[] a, double[] b, double[] c, int s) {
    long t0 = System.nanoTime();
    MatMul.multiply(a, 0, b, 0, c, 0, s, s, s);
    return System.nanoTime() - t0;
  }

  private static double[] random(SplittableRandom rng, int len) {
    double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = rng.nextDouble(-1, 1);
    }
    return x;
  }

  private static int[] ints(String csv) {
    List<Integer> out = new ArrayList<>();
    for (String p : csv.split(",")) {
      int v = Integer.parseInt(p.trim());
      if (v < 1) {
        throw new IllegalArgumentException("sizes and threads must be >= 1, got " + v);
      }
      out.add(v);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String loadAverage() {
    return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
  }
}
