package org.mixrl.tensor;

import java.util.function.IntConsumer;

/**
 * What {@link MatMul}'s two kernels (double, and float in {@code FloatProducts}) share: the
 * shape cases and the tiling and threading of a product {@code C += op(A)·op(B)}. A kernel
 * supplies only its per-call preparation of B and what runs on one tile or on one range of rows
 * of a dot product; the loops over elements stay in the kernel, in the source shapes its
 * vectorization needs. The calls from here into a kernel are one per tile, never per element.
 *
 * <p>Threads only split the output into tiles whose size does not depend on the thread count,
 * and no element's sum crosses a tile, so a kernel whose tiles fix the order of each element's
 * sum gives the same bits for every thread count.
 */
abstract class ProductKernel {
  /** Width of a column panel: long enough that the vector loop dwarfs its pre- and post-loop. */
  static final int NC = 256;

  /** Rows per parallel tile; packing one B block is amortised over this many rows. */
  static final int MC = 64;

  /**
   * Rows of C per tile for this kernel ({@link #MC} unless a kernel packs nothing per tile and
   * gains from a finer split between threads). Tile sizes never change an element's sum.
   */
  int rowsPerTile() {
    return MC;
  }

  /**
   * Outputs with fewer columns than this (and at least twice as many rows) are computed
   * transposed; see {@link #runOnTransposedOutput}.
   */
  static final int NARROW = 8;

  /** Products smaller than 64^3 multiply-adds run on the caller: a hand-off costs more. */
  static final long PARALLEL_MIN_WORK = 64L * 64 * 64;

  /** C[i0:i1, j0:j1] += A[i0:i1, :] · op(B)[:, j0:j1] on the calling thread. */
  @FunctionalInterface
  interface Tiles {
    void tile(int i0, int i1, int j0, int j1);
  }

  /**
   * c[i] += Σ_p a[i, p]·b[p] for rows i0..i1 of a row-major A with row length k (a product
   * with one output column); each row's sum must not depend on i0 and i1.
   */
  abstract void dotRows(double[] a, int aOff, int k, double[] b, int bOff, double[] c, int cOff,
      int i0, int i1);

  /**
   * Prepares B once for this call (on the calling thread; tiles on other threads only read
   * what it prepares while the call waits) and returns what runs on one tile.
   */
  abstract Tiles tiles(
      double[] a, int aOff, int aRowStride, int aColStride,
      double[] b, int bOff, boolean bTransposed,
      double[] c, int cOff, int m, int k, int n);

  /**
   * C += op(A)·op(B). A[i,p] is {@code a[aOff + i*aRowStride + p*aColStride]}, which covers A
   * and Aᵀ without packing A; B is k×n row-major, or stored n×k when {@code bTransposed}.
   * Arguments are already checked by {@link MatMul}.
   */
  final void run(
      double[] a, int aOff, int aRowStride, int aColStride,
      double[] b, int bOff, boolean bTransposed,
      double[] c, int cOff, int m, int k, int n) {
    if (m == 0 || n == 0 || k == 0) {
      return;
    }
    // one output column with contiguous rows of A (a critic's last layer): a dot product per
    // row (both layouts of B are the same k numbers in a row); the blocked kernel would run its
    // vector loops over a single column
    boolean dot = n == 1 && aColStride == 1;
    if (!dot && n < NARROW && m >= 2 * NARROW && aColStride != 1) {
      runOnTransposedOutput(a, aOff, aRowStride, aColStride, b, bOff, bTransposed, c, cOff,
          m, k, n);
      return;
    }
    int mc = rowsPerTile();
    int rowTiles = (m + mc - 1) / mc;
    int colTiles = (n + NC - 1) / NC;
    int tiles = rowTiles * colTiles;
    IntConsumer tile;
    if (dot) {
      tile = t -> dotRows(a, aOff, k, b, bOff, c, cOff, t * mc, Math.min(m, t * mc + mc));
    } else {
      Tiles kernel = tiles(a, aOff, aRowStride, aColStride, b, bOff, bTransposed, c, cOff,
          m, k, n);
      tile = t -> {
        int i0 = (t / colTiles) * mc;
        int j0 = (t % colTiles) * NC;
        kernel.tile(i0, Math.min(m, i0 + mc), j0, Math.min(n, j0 + NC));
      };
    }
    if ((long) m * n * k < PARALLEL_MIN_WORK) {
      for (int t = 0; t < tiles; t++) {
        tile.accept(t);
      }
    } else {
      KernelThreads.run(tiles, tile);
    }
  }

  /**
   * C += Aᵀ·op(B) for a narrow C (fewer than {@value #NARROW} columns, such as the weight
   * gradient of a first layer with 3 or 4 inputs) computed as Cᵀ += op(B)ᵀ·A, so that the
   * vector loops run over the m rows instead of a handful of columns. Only for A read
   * transposed: A, stored k×m, is then the new right operand as it stands (for a plain A it
   * would have to be transposed first, which costs more than the narrow loops it saves). Every
   * element is still the same chain of fused multiply-adds over k in the same order, and
   * {@code fma(x, y, c)} equals {@code fma(y, x, c)}, so the bits do not change.
   */
  private void runOnTransposedOutput(
      double[] a, int aOff, int aRowStride, int aColStride,
      double[] b, int bOff, boolean bTransposed,
      double[] c, int cOff, int m, int k, int n) {
    double[] ct = new double[n * m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        ct[j * m + i] = c[cOff + i * n + j];
      }
    }
    // op(B)ᵀ[j, p] = op(B)[p, j] as the new left operand, read through strides
    int ltRow = bTransposed ? k : 1;
    int ltCol = bTransposed ? 1 : n;
    run(b, bOff, ltRow, ltCol, a, aOff, false, ct, 0, n, k, m);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        c[cOff + i * n + j] = ct[j * m + i];
      }
    }
  }
}
