import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.mixrl.tensor.MatMul;

/**
 * Probe of matmul loop shapes, 256³ on one thread, all alternating in one JVM and timed by
 * thread CPU (robust on a shared machine): mixrl's {@code MatMul.multiply}; the two-row,
 * four-k f64 loop in the form that indexes B twice, in the form with B in locals, and as one
 * row twice; two rows × eight k terms and four rows × four k terms (these vectorize only with
 * {@code -XX:LoopUnrollLimit} raised, e.g. to 240); and float32 arithmetic on double storage (B packed to float rows, rows of C
 * accumulated in float), blocked like MatMul (k blocks of 64, B packed per 64-row tile) in both
 * source forms, and with the whole k per row pair and B packed once per call. The float
 * variants were the measured design of MatMul's float32 path ({@code Precision.f32()}, built
 * in {@code FloatProducts} on the whole-k layout).
 *
 * <p>Usage: {@code java -cp target/classes src/bench/probes/KernelShapes.java [rounds=15]}.
 */
public final class KernelShapes {
  static final int N = 256;
  static final int KC = 64;
  static final int MC = 64;

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    SplittableRandom rng = new SplittableRandom(1);
    double[] a = new double[N * N];
    double[] b = new double[N * N];
    double[] c = new double[N * N];
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextDouble(-1, 1);
      b[i] = rng.nextDouble(-1, 1);
    }
    double[][] ar = rows(a);
    double[][] br = rows(b);
    double[][] cr = new double[N][N];
    String[] names = {"MatMul.multiply (f64)", "f64 2 rows, B indexed twice",
        "f64 2 rows, B in locals", "f64 1 row, called twice", "f64 2 rows x 8 k",
        "f64 4 rows x 4 k", "f32 blocked, B indexed twice",
        "f32 blocked, B in locals", "f32 whole k, B indexed twice", "f32 whole k, B in locals"};
    Runnable[] cases = {
        () -> MatMul.multiply(a, 0, b, 0, c, 0, N, N, N),
        () -> rowsF64(0, ar, br, cr),
        () -> rowsF64(1, ar, br, cr),
        () -> rowsF64(2, ar, br, cr),
        () -> twoRowsEightK(ar, br, cr),
        () -> fourRowsFourK(ar, br, cr),
        () -> f32(false, false, a, b, c),
        () -> f32(false, true, a, b, c),
        () -> f32(true, false, a, b, c),
        () -> f32(true, true, a, b, c)};
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double flops = 2.0 * N * N * N;
    double[][] rate = new double[cases.length][rounds];
    for (int r = -10; r < rounds; r++) {
      for (int q = 0; q < cases.length; q++) {
        Arrays.fill(c, 0);
        for (double[] row : cr) {
          Arrays.fill(row, 0);
        }
        long t0 = mx.getCurrentThreadCpuTime();
        for (int z = 0; z < 20; z++) {
          cases[q].run();
        }
        if (r >= 0) {
          rate[q][r] = 20 * flops / (mx.getCurrentThreadCpuTime() - t0);
        }
      }
    }
    System.out.println("JDK " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version") + " " + java.lang.management.ManagementFactory
        .getRuntimeMXBean().getInputArguments() + "; median GFLOP/s by thread CPU over " + rounds
        + " alternating rounds of 20 products of 256^3");
    for (int q = 0; q < cases.length; q++) {
      Arrays.sort(rate[q]);
      System.out.printf("%-32s %6.2f%n", names[q], rate[q][rounds / 2]);
    }
  }

  static double[][] rows(double[] x) {
    double[][] r = new double[N][N];
    for (int i = 0; i < N; i++) {
      System.arraycopy(x, i * N, r[i], 0, N);
    }
    return r;
  }

  static void rowsF64(int form, double[][] a, double[][] b, double[][] c) {
    for (int i = 0; i + 1 < N; i += 2) {
      double[] c0 = c[i];
      double[] c1 = c[i + 1];
      double[] a0 = a[i];
      double[] a1 = a[i + 1];
      for (int p = 0; p + 3 < N; p += 4) {
        if (form == 0) {
          d2(c0, c1, a0[p], a0[p + 1], a0[p + 2], a0[p + 3], a1[p], a1[p + 1], a1[p + 2],
              a1[p + 3], b[p], b[p + 1], b[p + 2], b[p + 3]);
        } else if (form == 1) {
          d2l(c0, c1, a0[p], a0[p + 1], a0[p + 2], a0[p + 3], a1[p], a1[p + 1], a1[p + 2],
              a1[p + 3], b[p], b[p + 1], b[p + 2], b[p + 3]);
        } else {
          d1(c0, a0[p], a0[p + 1], a0[p + 2], a0[p + 3], b[p], b[p + 1], b[p + 2], b[p + 3]);
          d1(c1, a1[p], a1[p + 1], a1[p + 2], a1[p + 3], b[p], b[p + 1], b[p + 2], b[p + 3]);
        }
      }
    }
  }

  static void twoRowsEightK(double[][] a, double[][] b, double[][] c) {
    for (int i = 0; i + 1 < N; i += 2) {
      for (int p = 0; p + 7 < N; p += 8) {
        double[] x = a[i];
        double[] y = a[i + 1];
        d28(c[i], c[i + 1], x[p], x[p + 1], x[p + 2], x[p + 3], x[p + 4], x[p + 5], x[p + 6],
            x[p + 7], y[p], y[p + 1], y[p + 2], y[p + 3], y[p + 4], y[p + 5], y[p + 6], y[p + 7],
            b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4], b[p + 5], b[p + 6], b[p + 7]);
      }
    }
  }

  static void d28(double[] c0, double[] c1, double a0, double a1, double a2, double a3,
      double a4, double a5, double a6, double a7, double e0, double e1, double e2, double e3,
      double e4, double e5, double e6, double e7, double[] b0, double[] b1, double[] b2,
      double[] b3, double[] b4, double[] b5, double[] b6, double[] b7) {
    for (int j = 0; j < c0.length; j++) {
      c0[j] = Math.fma(a7, b7[j], Math.fma(a6, b6[j], Math.fma(a5, b5[j], Math.fma(a4, b4[j],
          Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j],
          c0[j]))))))));
      c1[j] = Math.fma(e7, b7[j], Math.fma(e6, b6[j], Math.fma(e5, b5[j], Math.fma(e4, b4[j],
          Math.fma(e3, b3[j], Math.fma(e2, b2[j], Math.fma(e1, b1[j], Math.fma(e0, b0[j],
          c1[j]))))))));
    }
  }

  static void fourRowsFourK(double[][] a, double[][] b, double[][] c) {
    for (int i = 0; i + 3 < N; i += 4) {
      for (int p = 0; p + 3 < N; p += 4) {
        double[] x = a[i];
        double[] y = a[i + 1];
        double[] z = a[i + 2];
        double[] u = a[i + 3];
        d44(c[i], c[i + 1], c[i + 2], c[i + 3],
            x[p], x[p + 1], x[p + 2], x[p + 3], y[p], y[p + 1], y[p + 2], y[p + 3],
            z[p], z[p + 1], z[p + 2], z[p + 3], u[p], u[p + 1], u[p + 2], u[p + 3],
            b[p], b[p + 1], b[p + 2], b[p + 3]);
      }
    }
  }

  static void d44(double[] c0, double[] c1, double[] c2, double[] c3,
      double x0, double x1, double x2, double x3, double y0, double y1, double y2, double y3,
      double z0, double z1, double z2, double z3, double u0, double u1, double u2, double u3,
      double[] b0, double[] b1, double[] b2, double[] b3) {
    for (int j = 0; j < c0.length; j++) {
      c0[j] = Math.fma(x3, b3[j], Math.fma(x2, b2[j], Math.fma(x1, b1[j], Math.fma(x0, b0[j],
          c0[j]))));
      c1[j] = Math.fma(y3, b3[j], Math.fma(y2, b2[j], Math.fma(y1, b1[j], Math.fma(y0, b0[j],
          c1[j]))));
      c2[j] = Math.fma(z3, b3[j], Math.fma(z2, b2[j], Math.fma(z1, b1[j], Math.fma(z0, b0[j],
          c2[j]))));
      c3[j] = Math.fma(u3, b3[j], Math.fma(u2, b2[j], Math.fma(u1, b1[j], Math.fma(u0, b0[j],
          c3[j]))));
    }
  }

  static void d2(double[] c0, double[] c1, double a00, double a01, double a02, double a03,
      double a10, double a11, double a12, double a13,
      double[] b0, double[] b1, double[] b2, double[] b3) {
    for (int j = 0; j < c0.length; j++) {
      c0[j] = Math.fma(a03, b3[j], Math.fma(a02, b2[j], Math.fma(a01, b1[j],
          Math.fma(a00, b0[j], c0[j]))));
      c1[j] = Math.fma(a13, b3[j], Math.fma(a12, b2[j], Math.fma(a11, b1[j],
          Math.fma(a10, b0[j], c1[j]))));
    }
  }

  static void d2l(double[] c0, double[] c1, double a00, double a01, double a02, double a03,
      double a10, double a11, double a12, double a13,
      double[] b0, double[] b1, double[] b2, double[] b3) {
    for (int j = 0; j < c0.length; j++) {
      double x0 = b0[j];
      double x1 = b1[j];
      double x2 = b2[j];
      double x3 = b3[j];
      c0[j] = Math.fma(a03, x3, Math.fma(a02, x2, Math.fma(a01, x1, Math.fma(a00, x0, c0[j]))));
      c1[j] = Math.fma(a13, x3, Math.fma(a12, x2, Math.fma(a11, x1, Math.fma(a10, x0, c1[j]))));
    }
  }

  static void d1(double[] c0, double a0, double a1, double a2, double a3,
      double[] b0, double[] b1, double[] b2, double[] b3) {
    for (int j = 0; j < c0.length; j++) {
      c0[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j],
          Math.fma(a0, b0[j], c0[j]))));
    }
  }

  static final float[][] PACKED = new float[N][N];
  static final float[] C0 = new float[N];
  static final float[] C1 = new float[N];

  /** C += A·B in float arithmetic on double storage; blocked like MatMul, or whole k per pair. */
  static void f32(boolean wholeK, boolean locals, double[] a, double[] b, double[] c) {
    int kc = wholeK ? N : KC;
    int mc = wholeK ? N : MC;
    for (int i0 = 0; i0 < N; i0 += mc) {
      for (int p0 = 0; p0 < N; p0 += kc) {
        for (int p = 0; p < kc; p++) {
          float[] row = PACKED[p];
          int src = (p0 + p) * N;
          for (int j = 0; j < N; j++) {
            row[j] = (float) b[src + j];
          }
        }
        for (int i = i0; i < i0 + mc; i += 2) {
          int s0 = i * N;
          int s1 = s0 + N;
          for (int j = 0; j < N; j++) {
            C0[j] = (float) c[s0 + j];
            C1[j] = (float) c[s1 + j];
          }
          for (int p = 0; p < kc; p += 4) {
            int x = s0 + p0 + p;
            int y = s1 + p0 + p;
            float a00 = (float) a[x];
            float a01 = (float) a[x + 1];
            float a02 = (float) a[x + 2];
            float a03 = (float) a[x + 3];
            float a10 = (float) a[y];
            float a11 = (float) a[y + 1];
            float a12 = (float) a[y + 2];
            float a13 = (float) a[y + 3];
            if (locals) {
              f2l(C0, C1, a00, a01, a02, a03, a10, a11, a12, a13,
                  PACKED[p], PACKED[p + 1], PACKED[p + 2], PACKED[p + 3]);
            } else {
              f2(C0, C1, a00, a01, a02, a03, a10, a11, a12, a13,
                  PACKED[p], PACKED[p + 1], PACKED[p + 2], PACKED[p + 3]);
            }
          }
          for (int j = 0; j < N; j++) {
            c[s0 + j] = C0[j];
            c[s1 + j] = C1[j];
          }
        }
      }
    }
  }

  static void f2(float[] c0, float[] c1, float a00, float a01, float a02, float a03,
      float a10, float a11, float a12, float a13,
      float[] b0, float[] b1, float[] b2, float[] b3) {
    for (int j = 0; j < c0.length; j++) {
      c0[j] = Math.fma(a03, b3[j], Math.fma(a02, b2[j], Math.fma(a01, b1[j],
          Math.fma(a00, b0[j], c0[j]))));
      c1[j] = Math.fma(a13, b3[j], Math.fma(a12, b2[j], Math.fma(a11, b1[j],
          Math.fma(a10, b0[j], c1[j]))));
    }
  }

  static void f2l(float[] c0, float[] c1, float a00, float a01, float a02, float a03,
      float a10, float a11, float a12, float a13,
      float[] b0, float[] b1, float[] b2, float[] b3) {
    for (int j = 0; j < c0.length; j++) {
      float x0 = b0[j];
      float x1 = b1[j];
      float x2 = b2[j];
      float x3 = b3[j];
      c0[j] = Math.fma(a03, x3, Math.fma(a02, x2, Math.fma(a01, x1, Math.fma(a00, x0, c0[j]))));
      c1[j] = Math.fma(a13, x3, Math.fma(a12, x2, Math.fma(a11, x1, Math.fma(a10, x0, c1[j]))));
    }
  }
}
