import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * ns per element of the ReLU epilogue and its backward on 65536 values with random signs,
 * branching ({@code z > 0 ? z : 0}) against branch-free (what {@code Affine} uses), alternating
 * in one JVM, by thread CPU. Each timing includes copying the input back (a fresh pass).
 *
 * <p>Usage: {@code java src/bench/probes/ReluForms.java}
 */
public final class ReluForms {
  static void forwardBranch(double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] = y[i] > 0 ? y[i] : 0.0;
    }
  }

  static void forwardBranchFree(double[] y) {
    for (int i = 0; i < y.length; i++) {
      double r = Math.max(y[i], 0.0);
      y[i] = r == r ? r : 0.0;
    }
  }

  static void backwardBranch(double[] g, double[] y) {
    for (int i = 0; i < g.length; i++) {
      g[i] = 0.0 + g[i] * (y[i] > 0 ? 1.0 : 0.0);
    }
  }

  static void backwardBranchFree(double[] g, double[] y) {
    for (int i = 0; i < g.length; i++) {
      g[i] = 0.0 + g[i] * Math.min(1.0, y[i] * 0x1p600 * 0x1p600);
    }
  }

  public static void main(String[] args) {
    SplittableRandom rng = new SplittableRandom(3);
    double[] src = new double[65536];
    for (int i = 0; i < src.length; i++) {
      src[i] = rng.nextDouble(-1, 1);
    }
    double[] y = new double[src.length];
    String[] names = {"forward, branch", "forward, branch-free", "backward, branch",
        "backward, branch-free"};
    int rounds = 15;
    double[][] ns = new double[4][rounds];
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = -20; r < rounds; r++) {
      for (int q = 0; q < 4; q++) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int z = 0; z < 50; z++) {
          System.arraycopy(src, 0, y, 0, y.length);
          switch (q) {
            case 0 -> forwardBranch(y);
            case 1 -> forwardBranchFree(y);
            case 2 -> backwardBranch(y, src);
            default -> backwardBranchFree(y, src);
          }
        }
        if (r >= 0) {
          ns[q][r] = (mx.getCurrentThreadCpuTime() - t0) / 50.0 / y.length;
        }
      }
    }
    System.out.println("JDK " + System.getProperty("java.version")
        + "; median ns per element by thread CPU, copy included");
    for (int q = 0; q < 4; q++) {
      Arrays.sort(ns[q]);
      System.out.printf("%-22s %5.2f%n", names[q], ns[q][rounds / 2]);
    }
  }
}
