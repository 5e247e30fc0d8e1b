package org.mixrl.tensor;

/**
 * Dense matrix products on row-major, contiguous {@code double[]} storage with offsets: the one
 * place in mixrl where matrix products are computed.
 *
 * <p>Every method <em>accumulates</em>: {@code C += op(A) · op(B)}. Callers that want a fresh
 * product zero {@code C} first. Only {@code c} is modified; it must not overlap {@code a} or
 * {@code b}.
 *
 * <p>Results are bitwise identical for every thread count and on every JVM: each output element
 * is summed over {@code k} in one fixed order (blocks of {@value #KC}, inside a block groups of
 * four, {@code c + a0·b0 + a1·b1 + a2·b2 + a3·b3} left to right, plain multiply and add, no
 * fused multiply-add), and threads only split the output into tiles whose size does not depend
 * on the thread count.
 *
 * <h2>How it is fast without the Vector API</h2>
 *
 * The inner loop is {@code c[j] = c[j] + a0*b0[j] + ... + a3*b3[j]} over five distinct arrays
 * all indexed by the bare loop variable. That exact shape matters: C2's auto-vectorizer on JDK
 * 17 gives up when the load and store indices carry different loop-invariant offsets (for
 * example {@code c[cOff + j]} and {@code b[bOff + j]}), measured at ~3 GFLOP/s against ~18 here.
 * So each block of B is copied ("packed") into separate row arrays and each row of C is copied
 * into a scratch row, both per thread. Four rows of B per pass (unrolling k) cut the loads and
 * stores of C per multiply-add, which bound a one-row axpy.
 */
public final class MatMul {
  /**
   * Depth of a k block. 64 rows of B times {@link #NC} columns (128 KiB) stay in the 1 MiB L2
   * while every row of A in a tile streams past them; 4 of those rows (8 KiB) and the C row
   * sit in L1. Measured flat between 32 and 256 on the development machine; 64 was best.
   */
  static final int KC = 64;

  /** Width of a column panel: long enough that the vector loop dwarfs its pre- and post-loop. */
  static final int NC = 256;

  /** Rows per parallel tile; packing one B block is amortised over this many rows. */
  static final int MC = 64;

  /** Products smaller than 64^3 multiply-adds run on the caller: a hand-off costs more. */
  private static final long PARALLEL_MIN_WORK = 64L * 64 * 64;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private MatMul() {}

  /**
   * C[m,n] += A[m,k] · B[k,n]. Matrices are row-major and start at the given offsets.
   *
   * @throws IllegalArgumentException if a dimension or offset is negative, an array is null or
   *     too short, or {@code c} overlaps {@code a} or {@code b}
   */
  public static void multiply(
      double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    check(a, aOff, b, bOff, c, cOff, m, k, n);
    run(a, aOff, k, 1, b, bOff, false, c, cOff, m, k, n);
  }

  /**
   * C[m,n] += A[m,k] · B[n,k]ᵀ, with B stored row-major as n×k (for example a weight matrix
   * applied to a batch of rows).
   *
   * @throws IllegalArgumentException as for {@link #multiply}
   */
  public static void multiplyTransposedB(
      double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    check(a, aOff, b, bOff, c, cOff, m, k, n);
    run(a, aOff, k, 1, b, bOff, true, c, cOff, m, k, n);
  }

  /**
   * C[m,n] += A[k,m]ᵀ · B[k,n], with A stored row-major as k×m (for example the weight gradient
   * from a batch of inputs and output gradients).
   *
   * @throws IllegalArgumentException as for {@link #multiply}
   */
  public static void multiplyTransposedA(
      double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    check(a, aOff, b, bOff, c, cOff, m, k, n);
    run(a, aOff, 1, m, b, bOff, false, c, cOff, m, k, n);
  }

  /**
   * Sets how many threads large products use (the caller counts as one); default 1. Results do
   * not depend on this setting.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static void setThreads(int n) {
    KernelThreads.set(n);
  }

  /** The number of threads large products use. */
  public static int threads() {
    return KernelThreads.get();
  }

  /**
   * Shared driver. A[i,p] is {@code a[aOff + i*aRowStride + p*aColStride]}, which covers A and
   * Aᵀ without packing A: only scalars of A are read in the hot loop.
   */
  private static void run(
      double[] a, int aOff, int aRowStride, int aColStride,
      double[] b, int bOff, boolean bTransposed,
      double[] c, int cOff, int m, int k, int n) {
    if (m == 0 || n == 0 || k == 0) {
      return;
    }
    int rowTiles = (m + MC - 1) / MC;
    int colTiles = (n + NC - 1) / NC;
    int tiles = rowTiles * colTiles;
    java.util.function.IntConsumer tile =
        t -> {
          int i0 = (t / colTiles) * MC;
          int j0 = (t % colTiles) * NC;
          tile(a, aOff, aRowStride, aColStride, b, bOff, bTransposed, c, cOff, k, n,
              i0, Math.min(m, i0 + MC), j0, Math.min(n, j0 + NC));
        };
    if ((long) m * n * k < PARALLEL_MIN_WORK) {
      for (int t = 0; t < tiles; t++) {
        tile.accept(t);
      }
    } else {
      KernelThreads.run(tiles, tile);
    }
  }

  /** C[i0:i1, j0:j1] += A[i0:i1, :] · B[:, j0:j1], the whole k reduction, on this thread. */
  private static void tile(
      double[] a, int aOff, int aRowStride, int aColStride,
      double[] b, int bOff, boolean bTransposed,
      double[] c, int cOff, int k, int n, int i0, int i1, int j0, int j1) {
    Scratch s = SCRATCH.get();
    double[][] bp = s.bRows;
    double[] cr = s.cRow;
    int w = j1 - j0;
    for (int p0 = 0; p0 < k; p0 += KC) {
      int kw = Math.min(KC, k - p0);
      pack(b, bOff, bTransposed, k, n, p0, kw, j0, w, bp);
      for (int i = i0; i < i1; i++) {
        int cRowStart = cOff + i * n + j0;
        System.arraycopy(c, cRowStart, cr, 0, w);
        int ai = aOff + i * aRowStride + p0 * aColStride;
        int p = 0;
        for (; p + 3 < kw; p += 4, ai += 4 * aColStride) {
          double a0 = a[ai];
          double a1 = a[ai + aColStride];
          double a2 = a[ai + 2 * aColStride];
          double a3 = a[ai + 3 * aColStride];
          double[] b0 = bp[p];
          double[] b1 = bp[p + 1];
          double[] b2 = bp[p + 2];
          double[] b3 = bp[p + 3];
          axpy4(cr, w, a0, b0, a1, b1, a2, b2, a3, b3);
        }
        for (; p < kw; p++, ai += aColStride) {
          axpy1(cr, w, a[ai], bp[p]);
        }
        System.arraycopy(cr, 0, c, cRowStart, w);
      }
    }
  }

  /**
   * cr[0:w] += a0·b0 + a1·b1 + a2·b2 + a3·b3, summed left to right. A method of its own (not
   * inlined by hand into {@link #tile}) so that C2 compiles and vectorizes this loop on its
   * own profile: on JDK 25, with the loops inside tile, an uncommon trap in tile's other
   * branches recompiled it into a version that ran SAC updates 2x slower than on JDK 17
   * (SG-RP 103 vs 50 ms per update, same results); with the loops here both JDKs take ~50 ms.
   */
  private static void axpy4(double[] cr, int w, double a0, double[] b0, double a1, double[] b1,
      double a2, double[] b2, double a3, double[] b3) {
    for (int j = 0; j < w; j++) {
      cr[j] = cr[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
    }
  }

  /** cr[0:w] += a0·b0: the k remainder of {@link #axpy4}, same summation order. */
  private static void axpy1(double[] cr, int w, double a0, double[] b0) {
    for (int j = 0; j < w; j++) {
      cr[j] = cr[j] + a0 * b0[j];
    }
  }

  /** Copies B[p0:p0+kw, j0:j0+w] (of B or of the stored Bᵀ) into rows of {@code bp}. */
  private static void pack(
      double[] b, int bOff, boolean bTransposed, int k, int n, int p0, int kw, int j0, int w,
      double[][] bp) {
    if (!bTransposed) {
      for (int p = 0; p < kw; p++) {
        System.arraycopy(b, bOff + (p0 + p) * n + j0, bp[p], 0, w);
      }
    } else {
      // B is stored n×k: walk each stored row contiguously and scatter into the packed rows.
      for (int j = 0; j < w; j++) {
        int src = bOff + (j0 + j) * k + p0;
        for (int p = 0; p < kw; p++) {
          bp[p][j] = b[src + p];
        }
      }
    }
  }

  private static void check(
      double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    nonNegative("m", m);
    nonNegative("k", k);
    nonNegative("n", n);
    nonNegative("aOff", aOff);
    nonNegative("bOff", bOff);
    nonNegative("cOff", cOff);
    long aLen = fits("a", a, aOff, (long) m * k);
    long bLen = fits("b", b, bOff, (long) k * n);
    long cLen = fits("c", c, cOff, (long) m * n);
    if (overlaps(c, cOff, cLen, a, aOff, aLen)) {
      throw new IllegalArgumentException("c must not overlap a (same array, ranges intersect)");
    }
    if (overlaps(c, cOff, cLen, b, bOff, bLen)) {
      throw new IllegalArgumentException("c must not overlap b (same array, ranges intersect)");
    }
  }

  private static void nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  private static long fits(String name, double[] array, int off, long len) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (off + len > array.length) {
      throw new IllegalArgumentException(
          name + " is too short: needs " + (off + len) + " elements from offset " + off
              + ", has " + array.length);
    }
    return len;
  }

  private static boolean overlaps(double[] x, int xOff, long xLen, double[] y, int yOff, long yLen) {
    return x == y && xLen > 0 && yLen > 0 && xOff < yOff + yLen && yOff < xOff + xLen;
  }

  /** Per-thread packing buffers: B block rows as separate arrays, and one row of C. */
  private static final class Scratch {
    final double[][] bRows = new double[KC][NC];
    final double[] cRow = new double[NC];
  }
}
