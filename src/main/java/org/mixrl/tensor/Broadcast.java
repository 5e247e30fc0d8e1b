package org.mixrl.tensor;

import java.util.Arrays;

/**
 * How NumPy broadcasting maps one input onto an output shape, as a few nested runs instead of
 * an index per element. Adjacent axes that step through the input together (or are all
 * broadcast) are merged, so [B, 1, K] onto [B, M, K] is three runs and [K] onto [B, K] two; the
 * innermost run steps by 1 (input axis present) or 0 (broadcast).
 *
 * <p>Every loop here visits output positions in row-major order, so sums into the input's
 * gradient happen in the same order as a per-element index map would give them.
 */
final class Broadcast {
  private final int[] sizes; // run lengths, outermost first
  private final int[] steps; // input step per run (0 where broadcast)
  private final int inner; // length of the innermost run
  private final boolean innerBroadcast; // innermost run repeats one input value

  private Broadcast(int[] sizes, int[] steps) {
    this.sizes = sizes;
    this.steps = steps;
    this.inner = sizes[sizes.length - 1];
    this.innerBroadcast = steps[steps.length - 1] == 0;
  }

  /**
   * The plan for reading an input of shape {@code in} at every position of {@code out} (which
   * broadcasting produced from it); null when the shapes are equal (read it as it is).
   */
  static Broadcast of(int[] in, int[] out) {
    if (Arrays.equals(in, out)) {
      return null;
    }
    int rank = out.length;
    int offset = rank - in.length;
    int[] inStrides = Shapes.strides(in);
    int[] sizes = new int[rank + 1];
    int[] steps = new int[rank + 1];
    int runs = 0;
    for (int d = 0; d < rank; d++) {
      if (out[d] == 1) {
        continue; // contributes nothing to the index
      }
      int id = d - offset;
      int step = id < 0 || in[id] == 1 ? 0 : inStrides[id];
      if (runs > 0) {
        int prev = runs - 1;
        boolean bothBroadcast = steps[prev] == 0 && step == 0;
        boolean contiguous = step != 0 && steps[prev] == step * out[d];
        if (bothBroadcast || contiguous) {
          sizes[prev] *= out[d];
          steps[prev] = step;
          continue;
        }
      }
      sizes[runs] = out[d];
      steps[runs] = step;
      runs++;
    }
    if (runs == 0) { // a single element (all axes of size 1)
      return new Broadcast(new int[] {1}, new int[] {0});
    }
    return new Broadcast(Arrays.copyOf(sizes, runs), Arrays.copyOf(steps, runs));
  }

  /** The input's values at each output position (the input itself when {@code plan} is null). */
  static double[] expand(double[] src, Broadcast plan, int n) {
    if (plan == null) {
      return src;
    }
    double[] out = new double[n];
    int[] idx = new int[plan.sizes.length];
    int pos = 0;
    int w = plan.inner;
    for (int i = 0; i < n; i += w) {
      if (plan.innerBroadcast) {
        Arrays.fill(out, i, i + w, src[pos]);
      } else {
        System.arraycopy(src, pos, out, i, w);
      }
      pos = plan.next(idx, pos);
    }
    return out;
  }

  /** Adds a full-shape gradient into an input's buffer, summing over broadcast positions. */
  static void accumulate(double[] into, double[] full, Broadcast plan) {
    if (plan == null) {
      for (int i = 0; i < full.length; i++) {
        into[i] += full[i];
      }
      return;
    }
    int[] idx = new int[plan.sizes.length];
    int pos = 0;
    int w = plan.inner;
    for (int i = 0; i < full.length; i += w) {
      if (plan.innerBroadcast) {
        double s = into[pos];
        for (int j = 0; j < w; j++) {
          s += full[i + j];
        }
        into[pos] = s;
      } else {
        for (int j = 0; j < w; j++) {
          into[pos + j] += full[i + j];
        }
      }
      pos = plan.next(idx, pos);
    }
  }

  /** {@link #accumulate} of g·f without materialising the product (same sums, same order). */
  static void accumulateProduct(double[] into, double[] g, double[] f, Broadcast plan) {
    if (plan == null) {
      for (int i = 0; i < g.length; i++) {
        into[i] += g[i] * f[i];
      }
      return;
    }
    int[] idx = new int[plan.sizes.length];
    int pos = 0;
    int w = plan.inner;
    for (int i = 0; i < g.length; i += w) {
      if (plan.innerBroadcast) {
        double s = into[pos];
        for (int j = 0; j < w; j++) {
          s += g[i + j] * f[i + j];
        }
        into[pos] = s;
      } else {
        for (int j = 0; j < w; j++) {
          into[pos + j] += g[i + j] * f[i + j];
        }
      }
      pos = plan.next(idx, pos);
    }
  }

  /** {@link #accumulate} of g·c for a constant c (same products, same order of sums). */
  static void accumulateScaled(double[] into, double[] g, double c, Broadcast plan) {
    if (plan == null) {
      for (int i = 0; i < g.length; i++) {
        into[i] += g[i] * c;
      }
      return;
    }
    int[] idx = new int[plan.sizes.length];
    int pos = 0;
    int w = plan.inner;
    for (int i = 0; i < g.length; i += w) {
      if (plan.innerBroadcast) {
        double s = into[pos];
        for (int j = 0; j < w; j++) {
          s += g[i + j] * c;
        }
        into[pos] = s;
      } else {
        for (int j = 0; j < w; j++) {
          into[pos + j] += g[i + j] * c;
        }
      }
      pos = plan.next(idx, pos);
    }
  }

  /** Advances the odometer of the outer runs by one innermost run; returns the new position. */
  private int next(int[] idx, int pos) {
    for (int d = sizes.length - 2; d >= 0; d--) {
      idx[d]++;
      pos += steps[d];
      if (idx[d] < sizes[d]) {
        return pos;
      }
      pos -= steps[d] * idx[d];
      idx[d] = 0;
    }
    return pos;
  }
}
