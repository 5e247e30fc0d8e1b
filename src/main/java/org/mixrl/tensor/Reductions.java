package org.mixrl.tensor;

/**
 * Reductions along one axis. Every op views the input as [outer, n, inner] with the reduced axis
 * in the middle, so one loop shape serves all ranks.
 */
final class Reductions {
  private Reductions() {}

  static Tensor sumAll(Tensor a) {
    double[] x = a.data;
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return Tensor.result(
        "sum",
        new double[] {s},
        new int[0],
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga != null) {
            double gv = g[0];
            for (int i = 0; i < ga.length; i++) {
              ga[i] += gv;
            }
          }
        },
        a);
  }

  static Tensor sum(Tensor a, int axis, boolean keepDim) {
    int ax = Shapes.axis("sum", axis, a.shape.length);
    int outer = Shapes.outer(a.shape, ax);
    int n = a.shape[ax];
    int inner = Shapes.inner(a.shape, ax);
    double[] x = a.data;
    double[] y = new double[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int r = 0; r < n; r++) {
        int base = (o * n + r) * inner;
        for (int i = 0; i < inner; i++) {
          y[o * inner + i] += x[base + i];
        }
      }
    }
    return Tensor.result(
        "sum",
        y,
        Shapes.reduced(a.shape, ax, keepDim),
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga == null) {
            return;
          }
          for (int o = 0; o < outer; o++) {
            for (int r = 0; r < n; r++) {
              int base = (o * n + r) * inner;
              for (int i = 0; i < inner; i++) {
                ga[base + i] += g[o * inner + i];
              }
            }
          }
        },
        a);
  }

  /** Max or min; the gradient is shared equally among tied extremes (a valid subgradient). */
  static Tensor extreme(Tensor a, int axis, boolean keepDim, boolean isMax) {
    String op = isMax ? "max" : "min";
    int ax = Shapes.axis(op, axis, a.shape.length);
    int outer = Shapes.outer(a.shape, ax);
    int n = a.shape[ax];
    int inner = Shapes.inner(a.shape, ax);
    if (n == 0) {
      throw new IllegalArgumentException(op + ": cannot reduce an empty axis " + axis + " of shape "
          + Shapes.str(a.shape));
    }
    double[] x = a.data;
    double[] y = new double[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        double best = x[o * n * inner + i];
        for (int r = 1; r < n; r++) {
          double v = x[(o * n + r) * inner + i];
          // NaN propagates, as in PyTorch
          if (isMax ? (v > best || Double.isNaN(v)) : (v < best || Double.isNaN(v))) {
            best = v;
          }
        }
        y[o * inner + i] = best;
      }
    }
    return Tensor.result(
        op,
        y,
        Shapes.reduced(a.shape, ax, keepDim),
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga == null) {
            return;
          }
          for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
              double best = y[o * inner + i];
              int ties = 0;
              for (int r = 0; r < n; r++) {
                if (x[(o * n + r) * inner + i] == best) {
                  ties++;
                }
              }
              if (ties == 0) {
                continue;
              }
              double share = g[o * inner + i] / ties;
              for (int r = 0; r < n; r++) {
                if (x[(o * n + r) * inner + i] == best) {
                  ga[(o * n + r) * inner + i] += share;
                }
              }
            }
          }
        },
        a);
  }

  /** Per-slice log-sum-exp, shifted by the maximum; -inf when every entry is -inf. */
  private static double[] lse(double[] x, int outer, int n, int inner) {
    double[] y = new double[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        double m = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < n; r++) {
          m = Math.max(m, x[(o * n + r) * inner + i]);
        }
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY || Double.isNaN(m)) {
          y[o * inner + i] = m;
          continue;
        }
        double s = 0;
        for (int r = 0; r < n; r++) {
          s += Math.exp(x[(o * n + r) * inner + i] - m);
        }
        y[o * inner + i] = m + Math.log(s);
      }
    }
    return y;
  }

  static Tensor logsumexp(Tensor a, int axis, boolean keepDim) {
    int ax = Shapes.axis("logsumexp", axis, a.shape.length);
    int outer = Shapes.outer(a.shape, ax);
    int n = a.shape[ax];
    int inner = Shapes.inner(a.shape, ax);
    double[] x = a.data;
    double[] y = lse(x, outer, n, inner);
    return Tensor.result(
        "logsumexp",
        y,
        Shapes.reduced(a.shape, ax, keepDim),
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga == null) {
            return;
          }
          for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
              double l = y[o * inner + i];
              if (l == Double.NEGATIVE_INFINITY) {
                continue; // all entries -inf: no mass, no gradient
              }
              double gv = g[o * inner + i];
              for (int r = 0; r < n; r++) {
                int p = (o * n + r) * inner + i;
                ga[p] += gv * Math.exp(x[p] - l);
              }
            }
          }
        },
        a);
  }

  static Tensor logSoftmax(Tensor a, int axis) {
    int ax = Shapes.axis("logSoftmax", axis, a.shape.length);
    int outer = Shapes.outer(a.shape, ax);
    int n = a.shape[ax];
    int inner = Shapes.inner(a.shape, ax);
    double[] x = a.data;
    double[] l = lse(x, outer, n, inner);
    double[] y = new double[x.length];
    for (int o = 0; o < outer; o++) {
      for (int r = 0; r < n; r++) {
        for (int i = 0; i < inner; i++) {
          int p = (o * n + r) * inner + i;
          double lv = l[o * inner + i];
          // an all -inf slice has no mass: every entry stays -inf (not -inf - -inf = NaN)
          y[p] = lv == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : x[p] - lv;
        }
      }
    }
    return Tensor.result(
        "logSoftmax",
        y,
        a.shape,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga == null) {
            return;
          }
          // d/dx_j sum_r g_r (x_r - lse) = g_j - softmax_j * sum_r g_r
          for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
              double gs = 0;
              for (int r = 0; r < n; r++) {
                gs += g[(o * n + r) * inner + i];
              }
              for (int r = 0; r < n; r++) {
                int p = (o * n + r) * inner + i;
                double sm = Double.isInfinite(y[p]) ? 0.0 : Math.exp(y[p]);
                ga[p] += g[p] - sm * gs;
              }
            }
          }
        },
        a);
  }

  /**
   * softmax = exp(log_softmax): composed rather than fused, so its backward is the chain of two
   * rules already checked (and an all -inf slice gives exp(-inf) = 0 weights).
   */
  static Tensor softmax(Tensor a, int axis) {
    Shapes.axis("softmax", axis, a.shape.length); // errors name the op the caller used
    return logSoftmax(a, axis).exp();
  }

  static Tensor argmax(Tensor a, int axis, boolean keepDim) {
    int ax = Shapes.axis("argmax", axis, a.shape.length);
    int outer = Shapes.outer(a.shape, ax);
    int n = a.shape[ax];
    int inner = Shapes.inner(a.shape, ax);
    if (n == 0) {
      throw new IllegalArgumentException("argmax: cannot reduce an empty axis " + axis);
    }
    double[] x = a.data;
    double[] y = new double[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int best = 0;
        double bv = x[o * n * inner + i];
        for (int r = 1; r < n; r++) {
          double v = x[(o * n + r) * inner + i];
          if (v > bv) {
            bv = v;
            best = r;
          }
        }
        y[o * inner + i] = best;
      }
    }
    return new Tensor(y, Shapes.reduced(a.shape, ax, keepDim));
  }
}
