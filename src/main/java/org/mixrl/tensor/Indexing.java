package org.mixrl.tensor;

/** Integer indexing: index-select, gather and scatter-add (indices are whole-number doubles). */
final class Indexing {
  private Indexing() {}

  static Tensor indexSelect(Tensor a, int axis, int[] indices) {
    int ax = Shapes.axis("indexSelect", axis, a.shape.length);
    int size = a.shape[ax];
    for (int i : indices) {
      if (i < 0 || i >= size) {
        throw new IndexOutOfBoundsException(
            "indexSelect: index " + i + " out of range for axis " + axis + " of size " + size);
      }
    }
    int outer = Shapes.outer(a.shape, ax);
    int inner = Shapes.inner(a.shape, ax);
    int m = indices.length;
    int[] idx = indices.clone();
    int[] s = a.shape.clone();
    s[ax] = m;
    double[] x = a.data;
    double[] y = new double[outer * m * inner];
    for (int o = 0; o < outer; o++) {
      for (int r = 0; r < m; r++) {
        System.arraycopy(x, (o * size + idx[r]) * inner, y, (o * m + r) * inner, inner);
      }
    }
    return Tensor.result(
        "indexSelect",
        y,
        s,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga == null) {
            return;
          }
          for (int o = 0; o < outer; o++) {
            for (int r = 0; r < m; r++) {
              int dst = (o * size + idx[r]) * inner;
              int src = (o * m + r) * inner;
              for (int i = 0; i < inner; i++) {
                ga[dst + i] += g[src + i];
              }
            }
          }
        },
        a);
  }

  /**
   * For each position p of {@code index} (same rank as {@code a}; other dims no larger), the
   * linear position in {@code a} with the {@code axis} coordinate replaced by index[p].
   */
  private static int[] positions(String op, int[] shape, int ax, Tensor index) {
    if (index.shape.length != shape.length) {
      throw new IllegalArgumentException(
          op + ": index shape " + Shapes.str(index.shape) + " must have the rank of "
              + Shapes.str(shape));
    }
    for (int d = 0; d < shape.length; d++) {
      if (d != ax && index.shape[d] > shape[d]) {
        throw new IllegalArgumentException(
            op + ": index shape " + Shapes.str(index.shape) + " exceeds " + Shapes.str(shape)
                + " at axis " + d);
      }
    }
    int r = shape.length;
    int[] strides = Shapes.strides(shape);
    int n = index.data.length;
    int[] pos = new int[n];
    int[] idx = new int[r];
    for (int p = 0; p < n; p++) {
      double v = index.data[p];
      int k = (int) v;
      if (k != v || k < 0 || k >= shape[ax]) {
        throw new IndexOutOfBoundsException(
            op + ": index value " + v + " out of range for axis " + ax + " of size " + shape[ax]);
      }
      int lin = 0;
      for (int d = 0; d < r; d++) {
        lin += (d == ax ? k : idx[d]) * strides[d];
      }
      pos[p] = lin;
      for (int d = r - 1; d >= 0; d--) {
        if (++idx[d] < index.shape[d]) {
          break;
        }
        idx[d] = 0;
      }
    }
    return pos;
  }

  static Tensor gather(Tensor a, int axis, Tensor index) {
    int ax = Shapes.axis("gather", axis, a.shape.length);
    int[] pos = positions("gather", a.shape, ax, index);
    double[] x = a.data;
    double[] y = new double[pos.length];
    for (int p = 0; p < pos.length; p++) {
      y[p] = x[pos[p]];
    }
    return Tensor.result(
        "gather",
        y,
        index.shape.clone(),
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga != null) {
            for (int p = 0; p < pos.length; p++) {
              ga[pos[p]] += g[p];
            }
          }
        },
        a);
  }

  static Tensor scatterAdd(Tensor a, int axis, Tensor index, Tensor src) {
    int ax = Shapes.axis("scatterAdd", axis, a.shape.length);
    // As in torch.scatter_add: index may be smaller than src in any dim; src[p] is read at the
    // index position's own multi-index (the PyTorch docs' first example uses a 1x5 index with a
    // 2x5 src, which requiring equal shapes rejected).
    boolean fits = index.shape.length == src.shape.length;
    for (int d = 0; fits && d < src.shape.length; d++) {
      fits = index.shape[d] <= src.shape[d];
    }
    if (!fits) {
      throw new IllegalArgumentException(
          "scatterAdd: index shape " + Shapes.str(index.shape) + " must have the rank of src shape "
              + Shapes.str(src.shape) + " and be no larger in any dim");
    }
    int[] pos = positions("scatterAdd", a.shape, ax, index);
    int[] srcPos = new int[pos.length];
    int[] srcStrides = Shapes.strides(src.shape);
    int[] idx = new int[index.shape.length];
    for (int p = 0; p < pos.length; p++) {
      for (int d = 0; d < idx.length; d++) {
        srcPos[p] += idx[d] * srcStrides[d];
      }
      for (int d = idx.length - 1; d >= 0; d--) {
        if (++idx[d] < index.shape[d]) {
          break;
        }
        idx[d] = 0;
      }
    }
    double[] y = a.data.clone();
    for (int p = 0; p < pos.length; p++) {
      y[pos[p]] += src.data[srcPos[p]];
    }
    return Tensor.result(
        "scatterAdd",
        y,
        a.shape,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga != null) {
            for (int i = 0; i < g.length; i++) {
              ga[i] += g[i];
            }
          }
          double[] gs = grads.of(src);
          if (gs != null) {
            for (int p = 0; p < pos.length; p++) {
              gs[srcPos[p]] += g[pos[p]];
            }
          }
        },
        a,
        src);
  }
}
