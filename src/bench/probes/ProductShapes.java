import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.mixrl.tensor.MatMul;

/**
 * GFLOP/s of {@code MatMul} on given shapes and forms, alternating in one JVM, by thread CPU.
 * A shape is {@code FORM:m:k:n} with FORM {@code nn} (A·B, {@code multiply}), {@code nt}
 * (A·Bᵀ, {@code multiplyTransposedB}: a layer's forward pass) or {@code tn} (Aᵀ·B,
 * {@code multiplyTransposedA}: a weight gradient).
 *
 * <p>Usage: {@code java -cp target/classes src/bench/probes/ProductShapes.java ROUNDS
 * nt:256:256:256 nn:256:256:256 tn:256:256:4 ...}
 */
public final class ProductShapes {
  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    int cases = args.length - 1;
    Runnable[] run = new Runnable[cases];
    double[] flops = new double[cases];
    int[] calls = new int[cases];
    SplittableRandom rng = new SplittableRandom(1);
    for (int q = 0; q < cases; q++) {
      String[] f = args[q + 1].split(":");
      int m = Integer.parseInt(f[1]);
      int k = Integer.parseInt(f[2]);
      int n = Integer.parseInt(f[3]);
      double[] a = random(rng, m * k);
      double[] b = random(rng, k * n);
      double[] c = new double[m * n];
      run[q] = switch (f[0]) {
        case "nn" -> () -> MatMul.multiply(a, 0, b, 0, c, 0, m, k, n);
        case "nt" -> () -> MatMul.multiplyTransposedB(a, 0, b, 0, c, 0, m, k, n);
        case "tn" -> () -> MatMul.multiplyTransposedA(a, 0, b, 0, c, 0, m, k, n);
        default -> throw new IllegalArgumentException("form must be nn, nt or tn: " + args[q + 1]);
      };
      flops[q] = 2.0 * m * k * n;
      calls[q] = (int) Math.max(1, 5e8 / flops[q]); // ~50 ms per timing at 10 GFLOP/s
    }
    for (int q = 0; q < cases; q++) {
      for (int w = 0; w < 2000; w++) {
        run[q].run();
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] rate = new double[cases][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int q = 0; q < cases; q++) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int z = 0; z < calls[q]; z++) {
          run[q].run();
        }
        rate[q][r] = flops[q] * calls[q] / (mx.getCurrentThreadCpuTime() - t0);
      }
    }
    System.out.println("JDK " + System.getProperty("java.version")
        + "; median GFLOP/s by thread CPU over " + rounds + " alternating rounds");
    for (int q = 0; q < cases; q++) {
      Arrays.sort(rate[q]);
      System.out.printf("%-18s %7.2f%n", args[q + 1], rate[q][rounds / 2]);
    }
  }

  private static double[] random(SplittableRandom rng, int len) {
    double[] x = new double[len];
    for (int i = 0; i < len; i++) {
      x[i] = rng.nextDouble(-1, 1);
    }
    return x;
  }
}
