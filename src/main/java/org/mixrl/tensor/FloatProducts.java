package org.mixrl.tensor;

import java.util.Arrays;

/**
 * The float32 kernel behind {@link MatMul}'s entry points inside {@link Precision#f32()}: float
 * arithmetic on double storage. Every output element is
 *
 * <pre>  s = 0f;  for p = 0 .. k-1:  s = fma((float) A[i,p], (float) B[p,j], s);  C[i,j] += s</pre>
 *
 * one float fused multiply-add per term, in the order of p, the float sum added to C in double
 * (so a bias already in C, or a gradient being accumulated, keeps its double bits). That order
 * depends on nothing but k, so results are bitwise identical for every thread count, blocking
 * and JVM ({@link Math#fma(float, float, float)} is exactly rounded by the specification).
 *
 * <p>Layout, from a measured design (docs/benchmarks.md): B is converted once per call into
 * float rows of one column panel each ({@link #NC} wide), shared read-only by the tiles (the
 * conversion itself split over the kernel threads when B is large); four C rows on JDK 21+,
 * else two, are accumulated in float scratch rows over the whole k (no k blocks: a block
 * boundary would cost a float-to-double round trip of the C rows, and a 256×256 float panel,
 * 256 KiB, stays in L2), four k terms per pass, then added to C. The inner loops run
 * over separate arrays indexed by the bare loop variable, as in the double kernel, which is
 * what lets C2 vectorize them (8 float lanes per AVX2 register against 4 doubles).
 */
final class FloatProducts extends ProductKernel {
  /** The one instance, which {@link MatMul} runs inside a {@link Precision#f32()} scope. */
  static final FloatProducts KERNEL = new FloatProducts();

  /** Largest packed B (floats, 8 MiB) that a thread keeps for the next call. */
  private static final int KEEP_PACKED = 1 << 21;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** B panels with at least this many elements are converted by all kernel threads. */
  private static final long PARALLEL_PACK_MIN = 64L * 256;

  /** Rows of k per conversion task (a multiple of four, for the transposed gather). */
  private static final int PACK_ROWS = 32;

  /** Rows of C per tile: a multiple of four (the JDK 21+ passes), fine enough to balance. */
  private static final int ROWS_PER_TILE = 32;

  private FloatProducts() {}

  /**
   * Finer than the double kernel's tiles: this kernel converts B once per call, not per tile,
   * so a smaller tile costs nothing and leaves less for one thread to finish alone.
   */
  @Override
  int rowsPerTile() {
    return ROWS_PER_TILE;
  }

  /**
   * Converts B once into float panels (in this thread's scratch: tiles on other threads only
   * read them while the call waits); each tile reads its panel.
   */
  @Override
  Tiles tiles(
      double[] a, int aOff, int aRowStride, int aColStride,
      double[] b, int bOff, boolean bTransposed,
      double[] c, int cOff, int m, int k, int n) {
    int colTiles = (n + NC - 1) / NC;
    float[][] packed = SCRATCH.get().packed(colTiles * k);
    if ((long) k * n >= PARALLEL_PACK_MIN && KernelThreads.get() > 1) {
      // the conversion is a serial pass over B that the other threads would wait on (11 % of
      // the caller's time in a two-thread SAC update at 256): split it over k
      int chunks = (k + PACK_ROWS - 1) / PACK_ROWS;
      KernelThreads.run(colTiles * chunks, t -> {
        int panel = t / chunks;
        int p0 = (t % chunks) * PACK_ROWS;
        pack(b, bOff, bTransposed, k, n, packed, panel, p0, Math.min(k, p0 + PACK_ROWS));
      });
    } else {
      for (int panel = 0; panel < colTiles; panel++) {
        pack(b, bOff, bTransposed, k, n, packed, panel, 0, k);
      }
    }
    return (i0, i1, j0, j1) -> tile(a, aOff, aRowStride, aColStride, packed, (j0 / NC) * k,
        c, cOff, k, n, i0, i1, j0, j1);
  }

  @Override
  void dotRows(double[] a, int aOff, int k, double[] b, int bOff, double[] c, int cOff,
      int i0, int i1) {
    dotRows(a, aOff + i0 * k, k, b, bOff, c, cOff + i0, i1 - i0);
  }

  /**
   * Rows pStart..pEnd of one panel of B as float rows: row {@code panel*k + p} holds
   * B[p, panel*NC .. panel*NC + NC). A B stored n×k is gathered four rows of the result per
   * pass (each source cache line read twice rather than eight times, as in the double kernel's
   * transpose).
   */
  private static void pack(double[] b, int bOff, boolean bTransposed, int k, int n,
      float[][] packed, int panel, int pStart, int pEnd) {
    int j0 = panel * NC;
    int w = Math.min(NC, n - j0);
    int base = panel * k;
    if (!bTransposed) {
      for (int p = pStart; p < pEnd; p++) {
        float[] row = packed[base + p];
        int src = bOff + p * n + j0;
        for (int j = 0; j < w; j++) {
          row[j] = (float) b[src + j];
        }
      }
      return;
    }
    int p = pStart;
    for (; p + 3 < pEnd; p += 4) {
      float[] r0 = packed[base + p];
      float[] r1 = packed[base + p + 1];
      float[] r2 = packed[base + p + 2];
      float[] r3 = packed[base + p + 3];
      for (int j = 0; j < w; j++) {
        int src = bOff + (j0 + j) * k + p;
        r0[j] = (float) b[src];
        r1[j] = (float) b[src + 1];
        r2[j] = (float) b[src + 2];
        r3[j] = (float) b[src + 3];
      }
    }
    for (; p < pEnd; p++) {
      float[] row = packed[base + p];
      for (int j = 0; j < w; j++) {
        row[j] = (float) b[bOff + (j0 + j) * k + p];
      }
    }
  }

  /** C[i0:i1, j0:j1] += A[i0:i1, :] · B[:, j0:j1], B from the packed rows at {@code base}. */
  private static void tile(
      double[] a, int aOff, int aRowStride, int aColStride,
      float[][] bp, int base, double[] c, int cOff, int k, int n,
      int i0, int i1, int j0, int j1) {
    Scratch s = SCRATCH.get();
    float[] cr0 = s.cRow0;
    float[] cr1 = s.cRow1;
    int w = j1 - j0;
    int k4 = 4 * aColStride;
    int i = i0;
    if (MatMul.B_IN_LOCALS) {
      // four rows of C per pass where C2 vectorizes it (JDK 21+): each packed B value loaded
      // once is used four times (61 against 50 GFLOP/s for two rows on JDK 25, in a probe of
      // this loop alone); the rows left over go through the two-row and one-row passes below.
      // Every element's chain of fused multiply-adds is the same in all three, so the row
      // grouping does not change a bit.
      i = quadRows(a, aOff, aRowStride, aColStride, bp, base, c, cOff, k, n, i0, i1, j0, w, s);
    }
    // two rows of C per pass: each packed B value is loaded once and used twice
    for (; i + 1 < i1; i += 2) {
      Arrays.fill(cr0, 0, w, 0f);
      Arrays.fill(cr1, 0, w, 0f);
      int ai = aOff + i * aRowStride;
      int bi = ai + aRowStride;
      int p = 0;
      for (; p + 3 < k; p += 4, ai += k4, bi += k4) {
        int q = base + p;
        fma2x4(MatMul.B_IN_LOCALS, cr0, cr1, w,
            (float) a[ai], (float) a[ai + aColStride], (float) a[ai + 2 * aColStride],
            (float) a[ai + 3 * aColStride],
            (float) a[bi], (float) a[bi + aColStride], (float) a[bi + 2 * aColStride],
            (float) a[bi + 3 * aColStride],
            bp[q], bp[q + 1], bp[q + 2], bp[q + 3]);
      }
      for (; p < k; p++, ai += aColStride, bi += aColStride) {
        fma1(cr0, w, (float) a[ai], bp[base + p]);
        fma1(cr1, w, (float) a[bi], bp[base + p]);
      }
      addTo(c, cOff + i * n + j0, cr0, w);
      addTo(c, cOff + (i + 1) * n + j0, cr1, w);
    }
    if (i < i1) {
      // the odd last row: the same fused multiply-adds in the same order as a row of a pair
      Arrays.fill(cr0, 0, w, 0f);
      int ai = aOff + i * aRowStride;
      int p = 0;
      for (; p + 3 < k; p += 4, ai += k4) {
        int q = base + p;
        fma1x4(cr0, w, (float) a[ai], (float) a[ai + aColStride],
            (float) a[ai + 2 * aColStride], (float) a[ai + 3 * aColStride],
            bp[q], bp[q + 1], bp[q + 2], bp[q + 3]);
      }
      for (; p < k; p++, ai += aColStride) {
        fma1(cr0, w, (float) a[ai], bp[base + p]);
      }
      addTo(c, cOff + i * n + j0, cr0, w);
    }
  }

  /** Rows i0, i0+4, ... of {@link #tile} four at a time; returns the first row not done. */
  private static int quadRows(
      double[] a, int aOff, int aRowStride, int aColStride,
      float[][] bp, int base, double[] c, int cOff, int k, int n,
      int i0, int i1, int j0, int w, Scratch s) {
    float[] cr0 = s.cRow0;
    float[] cr1 = s.cRow1;
    float[] cr2 = s.cRow2;
    float[] cr3 = s.cRow3;
    int k4 = 4 * aColStride;
    int c1 = aColStride;
    int c2 = 2 * aColStride;
    int c3 = 3 * aColStride;
    int i = i0;
    for (; i + 3 < i1; i += 4) {
      Arrays.fill(cr0, 0, w, 0f);
      Arrays.fill(cr1, 0, w, 0f);
      Arrays.fill(cr2, 0, w, 0f);
      Arrays.fill(cr3, 0, w, 0f);
      int r0 = aOff + i * aRowStride;
      int r1 = r0 + aRowStride;
      int r2 = r1 + aRowStride;
      int r3 = r2 + aRowStride;
      int p = 0;
      for (; p + 3 < k; p += 4, r0 += k4, r1 += k4, r2 += k4, r3 += k4) {
        int q = base + p;
        fma4x4Locals(cr0, cr1, cr2, cr3, w,
            (float) a[r0], (float) a[r0 + c1], (float) a[r0 + c2], (float) a[r0 + c3],
            (float) a[r1], (float) a[r1 + c1], (float) a[r1 + c2], (float) a[r1 + c3],
            (float) a[r2], (float) a[r2 + c1], (float) a[r2 + c2], (float) a[r2 + c3],
            (float) a[r3], (float) a[r3 + c1], (float) a[r3 + c2], (float) a[r3 + c3],
            bp[q], bp[q + 1], bp[q + 2], bp[q + 3]);
      }
      for (; p < k; p++, r0 += c1, r1 += c1, r2 += c1, r3 += c1) {
        float[] bRow = bp[base + p];
        fma1(cr0, w, (float) a[r0], bRow);
        fma1(cr1, w, (float) a[r1], bRow);
        fma1(cr2, w, (float) a[r2], bRow);
        fma1(cr3, w, (float) a[r3], bRow);
      }
      addTo(c, cOff + i * n + j0, cr0, w);
      addTo(c, cOff + (i + 1) * n + j0, cr1, w);
      addTo(c, cOff + (i + 2) * n + j0, cr2, w);
      addTo(c, cOff + (i + 3) * n + j0, cr3, w);
    }
    return i;
  }

  /** Four rows of {@link #fma2x4Locals}: the same operations in the same order per row. */
  private static void fma4x4Locals(float[] c0, float[] c1, float[] c2, float[] c3, int w,
      float a00, float a01, float a02, float a03,
      float a10, float a11, float a12, float a13,
      float a20, float a21, float a22, float a23,
      float a30, float a31, float a32, float a33,
      float[] b0, float[] b1, float[] b2, float[] b3) {
    for (int j = 0; j < w; j++) {
      float x0 = b0[j];
      float x1 = b1[j];
      float x2 = b2[j];
      float x3 = b3[j];
      c0[j] = Math.fma(a03, x3, Math.fma(a02, x2, Math.fma(a01, x1, Math.fma(a00, x0, c0[j]))));
      c1[j] = Math.fma(a13, x3, Math.fma(a12, x2, Math.fma(a11, x1, Math.fma(a10, x0, c1[j]))));
      c2[j] = Math.fma(a23, x3, Math.fma(a22, x2, Math.fma(a21, x1, Math.fma(a20, x0, c2[j]))));
      c3[j] = Math.fma(a33, x3, Math.fma(a32, x2, Math.fma(a31, x1, Math.fma(a30, x0, c3[j]))));
    }
  }

  /**
   * c[i] += Σ_p a[i, p]·b[p] for the m rows of a row-major A with row length k: each row one
   * float chain over p in order, four rows at a time so that four independent chains are in
   * flight (a chain over p cannot be split into partial sums without changing the order).
   */
  private static void dotRows(double[] a, int aOff, int k, double[] b, int bOff, double[] c,
      int cOff, int m) {
    int i = 0;
    for (; i + 3 < m; i += 4) {
      int r0 = aOff + i * k;
      int r1 = r0 + k;
      int r2 = r1 + k;
      int r3 = r2 + k;
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      for (int p = 0; p < k; p++) {
        float x = (float) b[bOff + p];
        s0 = Math.fma((float) a[r0 + p], x, s0);
        s1 = Math.fma((float) a[r1 + p], x, s1);
        s2 = Math.fma((float) a[r2 + p], x, s2);
        s3 = Math.fma((float) a[r3 + p], x, s3);
      }
      c[cOff + i] += s0;
      c[cOff + i + 1] += s1;
      c[cOff + i + 2] += s2;
      c[cOff + i + 3] += s3;
    }
    for (; i < m; i++) {
      int r0 = aOff + i * k;
      float s0 = 0f;
      for (int p = 0; p < k; p++) {
        s0 = Math.fma((float) a[r0 + p], (float) b[bOff + p], s0);
      }
      c[cOff + i] += s0;
    }
  }

  /**
   * Two rows at once: r[j] = fma(x3, b3[j], fma(x2, b2[j], fma(x1, b1[j], fma(x0, b0[j],
   * r[j])))) for r = c0 with x = a0*, and for r = c1 with x = a1*. The two bodies do the same
   * operations in the same order (same bits) in the two source shapes of the double kernel:
   * B indexed again for JDK 17's C2, B in locals for JDK 21+ (the probe in docs/benchmarks.md:
   * 40.5 against 11.7 GFLOP/s on JDK 17, 51.5 against 39.2 on JDK 25).
   */
  private static void fma2x4(boolean bInLocals, float[] c0, float[] c1, int w,
      float a00, float a01, float a02, float a03,
      float a10, float a11, float a12, float a13,
      float[] b0, float[] b1, float[] b2, float[] b3) {
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
  private static void fma2x4Locals(float[] c0, float[] c1, int w,
      float a00, float a01, float a02, float a03,
      float a10, float a11, float a12, float a13,
      float[] b0, float[] b1, float[] b2, float[] b3) {
    for (int j = 0; j < w; j++) {
      float x0 = b0[j];
      float x1 = b1[j];
      float x2 = b2[j];
      float x3 = b3[j];
      c0[j] = Math.fma(a03, x3, Math.fma(a02, x2, Math.fma(a01, x1, Math.fma(a00, x0, c0[j]))));
      c1[j] = Math.fma(a13, x3, Math.fma(a12, x2, Math.fma(a11, x1, Math.fma(a10, x0, c1[j]))));
    }
  }

  /** One row of {@link #fma2x4}: the same operations in the same order. */
  private static void fma1x4(float[] c0, int w, float a00, float a01, float a02, float a03,
      float[] b0, float[] b1, float[] b2, float[] b3) {
    for (int j = 0; j < w; j++) {
      c0[j] = Math.fma(a03, b3[j], Math.fma(a02, b2[j], Math.fma(a01, b1[j],
          Math.fma(a00, b0[j], c0[j]))));
    }
  }

  /** c[0:w] = fma(a, b[j], c[j]): the k remainder, continuing the same order. */
  private static void fma1(float[] c0, int w, float a, float[] b0) {
    for (int j = 0; j < w; j++) {
      c0[j] = Math.fma(a, b0[j], c0[j]);
    }
  }

  /** c[start + j] += s[j] in double, for j in [0, w). */
  private static void addTo(double[] c, int start, float[] s, int w) {
    for (int j = 0; j < w; j++) {
      c[start + j] += s[j];
    }
  }

  /**
   * Per-thread buffers: four float rows of C, and the packed B (kept between calls up to
   * {@link #KEEP_PACKED} floats, so a layer's products do not allocate one per call).
   */
  private static final class Scratch {
    final float[] cRow0 = new float[NC];
    final float[] cRow1 = new float[NC];
    final float[] cRow2 = new float[NC];
    final float[] cRow3 = new float[NC];
    private float[][] packed = new float[0][];

    float[][] packed(int rows) {
      if (rows <= packed.length) {
        return packed;
      }
      // the rows already there are reused; calls on one thread never overlap
      float[][] p = Arrays.copyOf(packed, rows);
      for (int r = packed.length; r < rows; r++) {
        p[r] = new float[NC];
      }
      if ((long) rows * NC <= KEEP_PACKED) {
        packed = p;
      }
      return p;
    }
  }
}
