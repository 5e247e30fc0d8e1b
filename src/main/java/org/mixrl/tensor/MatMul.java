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
 * four, {@code fma(a3, b3, fma(a2, b2, fma(a1, b1, fma(a0, b0, c))))}), and threads only split
 * the output into tiles whose size does not depend on the thread count. {@link Math#fma} is
 * exactly rounded by the Java specification, so fused multiply-adds are as reproducible as
 * plain ones (and one rounding per term instead of two). Products with one output column (a
 * critic's last layer) use a dot-product order instead, fixed by the shape alone.
 *
 * <p>Inside a {@link Precision#f32()} scope of the calling thread the same three methods
 * compute in float arithmetic instead, with an order of their own (each element one float
 * fused multiply-add chain over k, added to C in double; see {@code FloatProducts}): bitwise
 * reproducible in the same way, but different bits from the double order, accurate to about
 * k·2⁻²⁴·Σ|a||b| rather than k·2⁻⁵³·Σ|a||b|.
 *
 * <h2>How it is fast without the Vector API</h2>
 *
 * The inner loop runs over the columns j of two rows of C at once, four k terms per pass,
 * over separate arrays all indexed by the bare loop variable. That exact shape matters: C2's
 * auto-vectorizer on JDK 17 gives up when the load and store indices carry different
 * loop-invariant offsets (for example {@code c[cOff + j]} and {@code b[bOff + j]}), measured at
 * ~3 GFLOP/s against ~18 here. So each block of B is copied ("packed") into separate row arrays
 * and the two rows of C into scratch rows, both per thread. Four rows of B per pass (unrolling
 * k) cut the loads and stores of C per multiply-add, and two rows of C per pass reuse every
 * loaded B value twice. A B stored transposed (a layer's forward pass) is transposed once per
 * call, so packing is a row copy for every form; an output of Aᵀ·B with only a few columns (a
 * first layer's weight gradient) is computed as its transpose, so the vector loops run over
 * the long side. Neither changes the order of any element's sum.
 *
 * <p>Loop shapes measured and rejected (same-JVM A/B by thread CPU time): two rows × eight k
 * terms and four rows × four k terms are not vectorized at all with default flags (their loop
 * bodies exceed C2's {@code LoopUnrollLimit}, and the vectorizer works on unrolled copies;
 * 6-8 against ~20 GFLOP/s in {@code src/bench/probes/KernelShapes.java}); blocks of B small
 * enough for L1 (16 or 32 × 128) and a k loop inside the kernel method were no faster.
 */
public final class MatMul {
  /**
   * Depth of a k block. 64 rows of B times {@link ProductKernel#NC} columns (128 KiB) stay in
   * the 1 MiB L2 while every row of A in a tile streams past them; 4 of those rows (8 KiB) and
   * the C row sit in L1. Measured flat between 32 and 256 on the development machine; 64 was best.
   */
  static final int KC = 64;

  /** Largest transposed B (elements, 8 MiB) that a thread keeps for the next call. */
  private static final int KEEP_TRANSPOSED = 1 << 20;

  /**
   * Which source shape of the two-row loop this JVM's C2 vectorizes best (see {@link
   * #fma2x4}); both give the same bits, so this choice never changes a result.
   */
  static final boolean B_IN_LOCALS = Runtime.version().feature() >= 21;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** This kernel ({@link #dotRows}, {@link #tile}) behind the driver both kernels share. */
  private static final ProductKernel F64 = new ProductKernel() {
    @Override
    void dotRows(double[] a, int aOff, int k, double[] b, int bOff, double[] c, int cOff,
        int i0, int i1) {
      MatMul.dotRows(a, aOff, k, b, bOff, c, cOff, i0, i1);
    }

    @Override
    Tiles tiles(
        double[] a, int aOff, int aRowStride, int aColStride,
        double[] b, int bOff, boolean bTransposed,
        double[] c, int cOff, int m, int k, int n) {
      // A B stored n×k is transposed once here rather than gathered into every row tile's
      // packed block (m / MC times, with a strided scatter; JFR put ~10 % of an SAC update
      // there): the packing is then a row copy for every form.
      double[] bk = bTransposed ? transposeOf(b, bOff, n, k) : b;
      int bkOff = bTransposed ? 0 : bOff;
      return (i0, i1, j0, j1) -> tile(a, aOff, aRowStride, aColStride, bk, bkOff, c, cOff, k, n,
          i0, i1, j0, j1);
    }
  };

  private MatMul() {}

  /**
   * C[m,n] += A[m,k] · B[k,n]. Matrices are row-major and start at the given offsets.
   *
   * @throws IllegalArgumentException if a dimension or offset is negative, an array is null or
   *     too short, or {@code c} overlaps {@code a} or {@code b}
   */
  public static void multiply(
      double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    product(a, aOff, k, 1, b, bOff, false, c, cOff, m, k, n);
  }

  /**
   * C[m,n] += A[m,k] · B[n,k]ᵀ, with B stored row-major as n×k (for example a weight matrix
   * applied to a batch of rows).
   *
   * @throws IllegalArgumentException as for {@link #multiply}
   */
  public static void multiplyTransposedB(
      double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    product(a, aOff, k, 1, b, bOff, true, c, cOff, m, k, n);
  }

  /**
   * C[m,n] += A[k,m]ᵀ · B[k,n], with A stored row-major as k×m (for example the weight gradient
   * from a batch of inputs and output gradients).
   *
   * @throws IllegalArgumentException as for {@link #multiply}
   */
  public static void multiplyTransposedA(
      double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    product(a, aOff, 1, m, b, bOff, false, c, cOff, m, k, n);
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
   * Checks the arguments and runs the kernel of the calling thread's {@link Precision}. A[i,p] is
   * {@code a[aOff + i*aRowStride + p*aColStride]}, which covers A and Aᵀ; B is k×n row-major,
   * or stored n×k when {@code bTransposed}.
   */
  private static void product(
      double[] a, int aOff, int aRowStride, int aColStride,
      double[] b, int bOff, boolean bTransposed,
      double[] c, int cOff, int m, int k, int n) {
    check(a, aOff, b, bOff, c, cOff, m, k, n);
    ProductKernel kernel = Precision.current() == Precision.F32 ? FloatProducts.KERNEL : F64;
    kernel.run(a, aOff, aRowStride, aColStride, b, bOff, bTransposed, c, cOff, m, k, n);
  }

  /**
   * The k×n row-major transpose of the n×k matrix stored at b[bOff..], in this thread's scratch
   * (tiles on other threads only read it while this call waits). Four output rows per pass:
   * each source cache line is then read twice rather than eight times, and the writes stay
   * sequential; panels of 256 source rows keep those lines in L1 (a third faster than 16×16
   * tiles in a probe).
   */
  private static double[] transposeOf(double[] b, int bOff, int n, int k) {
    double[] t = SCRATCH.get().transposed(n * k);
    for (int j0 = 0; j0 < n; j0 += 256) {
      int j1 = Math.min(n, j0 + 256);
      int p = 0;
      for (; p + 3 < k; p += 4) {
        int d0 = p * n;
        int d1 = d0 + n;
        int d2 = d1 + n;
        int d3 = d2 + n;
        for (int j = j0; j < j1; j++) {
          int src = bOff + j * k + p;
          t[d0 + j] = b[src];
          t[d1 + j] = b[src + 1];
          t[d2 + j] = b[src + 2];
          t[d3 + j] = b[src + 3];
        }
      }
      for (; p < k; p++) {
        int d = p * n;
        for (int j = j0; j < j1; j++) {
          t[d + j] = b[bOff + j * k + p];
        }
      }
    }
    return t;
  }

  /**
   * c[i] += Σ_p a[i, p]·b[p] for rows i0..i1 of a row-major A with row length k. Four partial
   * sums (over p mod 4) keep four independent fused multiply-add chains in flight, and two rows
   * share each load of b; every row is summed the same way: c + ((s0 + s1) + (s2 + s3)) with the
   * k mod 4 tail fused onto that sum.
   */
  private static void dotRows(double[] a, int aOff, int k, double[] b, int bOff, double[] c,
      int cOff, int i0, int i1) {
    int k4 = k & ~3;
    int i = i0;
    for (; i + 1 < i1; i += 2) {
      int r0 = aOff + i * k;
      int r1 = r0 + k;
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      double t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      for (int p = 0; p < k4; p += 4) {
        double x0 = b[bOff + p];
        double x1 = b[bOff + p + 1];
        double x2 = b[bOff + p + 2];
        double x3 = b[bOff + p + 3];
        s0 = Math.fma(a[r0 + p], x0, s0);
        s1 = Math.fma(a[r0 + p + 1], x1, s1);
        s2 = Math.fma(a[r0 + p + 2], x2, s2);
        s3 = Math.fma(a[r0 + p + 3], x3, s3);
        t0 = Math.fma(a[r1 + p], x0, t0);
        t1 = Math.fma(a[r1 + p + 1], x1, t1);
        t2 = Math.fma(a[r1 + p + 2], x2, t2);
        t3 = Math.fma(a[r1 + p + 3], x3, t3);
      }
      double u0 = (s0 + s1) + (s2 + s3);
      double u1 = (t0 + t1) + (t2 + t3);
      for (int p = k4; p < k; p++) {
        u0 = Math.fma(a[r0 + p], b[bOff + p], u0);
        u1 = Math.fma(a[r1 + p], b[bOff + p], u1);
      }
      c[cOff + i] += u0;
      c[cOff + i + 1] += u1;
    }
    if (i < i1) {
      int r0 = aOff + i * k;
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (int p = 0; p < k4; p += 4) {
        s0 = Math.fma(a[r0 + p], b[bOff + p], s0);
        s1 = Math.fma(a[r0 + p + 1], b[bOff + p + 1], s1);
        s2 = Math.fma(a[r0 + p + 2], b[bOff + p + 2], s2);
        s3 = Math.fma(a[r0 + p + 3], b[bOff + p + 3], s3);
      }
      double u0 = (s0 + s1) + (s2 + s3);
      for (int p = k4; p < k; p++) {
        u0 = Math.fma(a[r0 + p], b[bOff + p], u0);
      }
      c[cOff + i] += u0;
    }
  }

  /** C[i0:i1, j0:j1] += A[i0:i1, :] · B[:, j0:j1] (B row-major k×n), on this thread. */
  private static void tile(
      double[] a, int aOff, int aRowStride, int aColStride,
      double[] b, int bOff, double[] c, int cOff, int k, int n, int i0, int i1, int j0, int j1) {
    Scratch s = SCRATCH.get();
    double[][] bp = s.bRows;
    double[] cr0 = s.cRow0;
    double[] cr1 = s.cRow1;
    int w = j1 - j0;
    int k4 = 4 * aColStride;
    for (int p0 = 0; p0 < k; p0 += KC) {
      int kw = Math.min(KC, k - p0);
      pack(b, bOff, n, p0, kw, j0, w, bp);
      int i = i0;
      // two rows of C per pass: each packed B value is loaded once and used twice
      for (; i + 1 < i1; i += 2) {
        int cStart0 = cOff + i * n + j0;
        int cStart1 = cStart0 + n;
        System.arraycopy(c, cStart0, cr0, 0, w);
        System.arraycopy(c, cStart1, cr1, 0, w);
        int ai = aOff + i * aRowStride + p0 * aColStride;
        int bi = ai + aRowStride;
        int p = 0;
        for (; p + 3 < kw; p += 4, ai += k4, bi += k4) {
          fma2x4(B_IN_LOCALS, cr0, cr1, w,
              a[ai], a[ai + aColStride], a[ai + 2 * aColStride], a[ai + 3 * aColStride],
              a[bi], a[bi + aColStride], a[bi + 2 * aColStride], a[bi + 3 * aColStride],
              bp[p], bp[p + 1], bp[p + 2], bp[p + 3]);
        }
        for (; p < kw; p++, ai += aColStride, bi += aColStride) {
          fma1(cr0, w, a[ai], bp[p]);
          fma1(cr1, w, a[bi], bp[p]);
        }
        System.arraycopy(cr0, 0, c, cStart0, w);
        System.arraycopy(cr1, 0, c, cStart1, w);
      }
      if (i < i1) {
        // the odd last row: the same fused multiply-adds in the same order as a row of a pair
        int cStart0 = cOff + i * n + j0;
        System.arraycopy(c, cStart0, cr0, 0, w);
        int ai = aOff + i * aRowStride + p0 * aColStride;
        int p = 0;
        for (; p + 3 < kw; p += 4, ai += k4) {
          fma1x4(cr0, w, a[ai], a[ai + aColStride], a[ai + 2 * aColStride],
              a[ai + 3 * aColStride], bp[p], bp[p + 1], bp[p + 2], bp[p + 3]);
        }
        for (; p < kw; p++, ai += aColStride) {
          fma1(cr0, w, a[ai], bp[p]);
        }
        System.arraycopy(cr0, 0, c, cStart0, w);
      }
    }
  }

  /**
   * Two rows at once: r[j] = fma(x3, b3[j], fma(x2, b2[j], fma(x1, b1[j], fma(x0, b0[j],
   * r[j])))) for r = c0 with x = a0*, and for r = c1 with x = a1*. Each B value serves both
   * rows, which is what register blocking buys. The two loop bodies below do the same
   * operations in the same order, so they give the same bits; they differ only in the source
   * shape, because C2's auto-vectorizer is picky: JDK 17 vectorizes the form that indexes B
   * again (with the B values in locals it ran at half the speed, ~9 against ~18 GFLOP/s in a
   * same-JVM probe), and JDK 25 runs the form with locals ~15 % faster.
   *
   * <p>Methods of their own (not inlined by hand into {@link #tile}) so that C2 compiles and
   * vectorizes each loop on its own profile: on JDK 25, with the loops inside tile, an uncommon
   * trap in tile's other branches once recompiled it into a version that ran SAC updates 2x
   * slower than on JDK 17.
   */
  private static void fma2x4(boolean bInLocals, double[] c0, double[] c1, int w,
      double a00, double a01, double a02, double a03,
      double a10, double a11, double a12, double a13,
      double[] b0, double[] b1, double[] b2, double[] b3) {
    if (bInLocals) {
      fma2x4Locals(c0, c1, w, a00, a01, a02, a03, a10, a11, a12, a13, b0, b1, b2, b3);
      return;
    }
    for (int j = 0; j < w; j++) {
      c0[j] = Math.fma(a03, b3[j], Math.fma(a02, b2[j], Math.fma(a01, b1[j],
          Math.fma(a00, b0[j], c0[j]))));
      c1[j] = Math.fma(a13, b3[j], Math.fma(a12, b2[j], Math.fma(a11, b1[j],
          Math.fma(a10, b0[j], c1[j]))));
    }
  }

  /** {@link #fma2x4} with each B value loaded into a local once: the JDK 21+ shape. */
  private static void fma2x4Locals(double[] c0, double[] c1, int w,
      double a00, double a01, double a02, double a03,
      double a10, double a11, double a12, double a13,
      double[] b0, double[] b1, double[] b2, double[] b3) {
    for (int j = 0; j < w; j++) {
      double x0 = b0[j];
      double x1 = b1[j];
      double x2 = b2[j];
      double x3 = b3[j];
      c0[j] = Math.fma(a03, x3, Math.fma(a02, x2, Math.fma(a01, x1, Math.fma(a00, x0, c0[j]))));
      c1[j] = Math.fma(a13, x3, Math.fma(a12, x2, Math.fma(a11, x1, Math.fma(a10, x0, c1[j]))));
    }
  }

  /** One row of {@link #fma2x4}: the same operations in the same order. */
  private static void fma1x4(double[] c0, int w, double a00, double a01, double a02, double a03,
      double[] b0, double[] b1, double[] b2, double[] b3) {
    for (int j = 0; j < w; j++) {
      c0[j] = Math.fma(a03, b3[j], Math.fma(a02, b2[j], Math.fma(a01, b1[j],
          Math.fma(a00, b0[j], c0[j]))));
    }
  }

  /** c[0:w] = fma(a, b[j], c[j]): the k remainder, continuing the same order. */
  private static void fma1(double[] c0, int w, double a, double[] b0) {
    for (int j = 0; j < w; j++) {
      c0[j] = Math.fma(a, b0[j], c0[j]);
    }
  }

  /** Copies B[p0:p0+kw, j0:j0+w] into rows of {@code bp}. */
  private static void pack(
      double[] b, int bOff, int n, int p0, int kw, int j0, int w, double[][] bp) {
    for (int p = 0; p < kw; p++) {
      System.arraycopy(b, bOff + (p0 + p) * n + j0, bp[p], 0, w);
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

  /**
   * Per-thread buffers: B block rows as separate arrays, two rows of C, and a transposed B
   * (kept between calls up to {@link #KEEP_TRANSPOSED} elements, so a layer's forward pass
   * does not allocate and zero one per call).
   */
  private static final class Scratch {
    final double[][] bRows = new double[KC][ProductKernel.NC];
    final double[] cRow0 = new double[ProductKernel.NC];
    final double[] cRow1 = new double[ProductKernel.NC];
    private double[] bT = new double[0];

    double[] transposed(int len) {
      if (len <= bT.length) {
        return bT;
      }
      if (len > KEEP_TRANSPOSED) {
        return new double[len];
      }
      bT = new double[len];
      return bT;
    }
  }
}
