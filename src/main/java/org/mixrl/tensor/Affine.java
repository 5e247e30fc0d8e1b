package org.mixrl.tensor;

/**
 * The fused linear-layer op y = x Wᵀ + b.
 *
 * <p>Fused rather than composed from matmul, transpose and add because a dense layer is the
 * hot path of every network: one op avoids materialising Wᵀ and the broadcast-sum of the
 * bias gradient, and keeps one graph node per layer. All products go through {@link MatMul}.
 */
public final class Affine {
  private Affine() {}

  /** The pointwise function an affine node may apply to its own output. */
  public enum Epilogue {
    /** y = z. */
    NONE,
    /** y = max(z, 0); the subgradient at 0 is 0, as in {@link Tensor#relu()}. */
    RELU,
    /** y = tanh(z). */
    TANH
  }

  /**
   * y = x · weightᵀ + bias, with x [B, in], weight [out, in] (PyTorch layout), bias [out] or
   * null; returns [B, out]. No argument is modified.
   */
  public static Tensor affine(Tensor x, Tensor weight, Tensor bias) {
    return affine(x, weight, bias, Epilogue.NONE);
  }

  /**
   * act(x · weightᵀ + bias) as one graph node: the same values and gradients, bit for bit, as
   * {@code affine(x, weight, bias)} followed by {@link Tensor#relu()} or {@link Tensor#tanh()},
   * without the activation's separate output array, graph node and per-element function calls.
   */
  public static Tensor affine(Tensor x, Tensor weight, Tensor bias, Epilogue act) {
    if (x == null || weight == null || act == null) {
      throw new IllegalArgumentException(
          "affine: x, weight and act must not be null (bias may be), got x=" + x + " weight="
              + weight + " act=" + act);
    }
    if (x.shape.length != 2 || weight.shape.length != 2) {
      throw new IllegalArgumentException(
          "affine: needs x [B, in] and weight [out, in], got x " + Shapes.str(x.shape)
              + " and weight " + Shapes.str(weight.shape));
    }
    int b = x.shape[0];
    int in = x.shape[1];
    int out = weight.shape[0];
    if (weight.shape[1] != in) {
      throw new IllegalArgumentException(
          "affine: x " + Shapes.str(x.shape) + " has " + in + " features but weight "
              + Shapes.str(weight.shape) + " expects " + weight.shape[1]);
    }
    if (bias != null && (bias.shape.length != 1 || bias.shape[0] != out)) {
      throw new IllegalArgumentException(
          "affine: bias must have shape [" + out + "] to match weight " + Shapes.str(weight.shape)
              + ", got " + Shapes.str(bias.shape));
    }
    double[] xd = x.data;
    double[] wd = weight.data;
    double[] y = new double[b * out];
    if (bias != null) {
      // the kernel accumulates into C, so pre-filling with the bias adds it for free
      for (int i = 0; i < b; i++) {
        System.arraycopy(bias.data, 0, y, i * out, out);
      }
    }
    MatMul.multiplyTransposedB(xd, 0, wd, 0, y, 0, b, in, out);
    // the activation overwrites the pre-activation in place: its backward needs only y
    if (act == Epilogue.RELU) {
      // y > 0 ? y : 0 without a branch: half the signs are negative, so a branch mispredicts
      // about every other element (~5 against ~1 ns per element on JDK 17,
      // src/bench/probes/ReluForms.java). Math.max agrees with the comparison everywhere (-0.0
      // included) except NaN, mapped to 0 as relu() does; that second branch is never taken in
      // a healthy network, so it is predicted.
      for (int i = 0; i < y.length; i++) {
        double r = Math.max(y[i], 0.0);
        y[i] = r == r ? r : 0.0;
      }
    } else if (act == Epilogue.TANH) {
      for (int i = 0; i < y.length; i++) {
        y[i] = StrictMath.tanh(y[i]);
      }
    }
    return Tensor.result(
        act == Epilogue.NONE ? "affine" : "affine+" + act.name().toLowerCase(java.util.Locale.ROOT),
        y,
        new int[] {b, out},
        (gOut, grads) -> {
          double[] g = activationBackward(act, gOut, y);
          double[] gx = grads.of(x);
          if (gx != null) {
            // dx = g W : [B, out] x [out, in]
            MatMul.multiply(g, 0, wd, 0, gx, 0, b, out, in);
          }
          double[] gw = grads.of(weight);
          if (gw != null) {
            // dW = gᵀ x : [out, B] x [B, in]
            MatMul.multiplyTransposedA(g, 0, xd, 0, gw, 0, out, b, in);
          }
          double[] gb = bias == null ? null : grads.of(bias);
          if (gb != null) {
            for (int i = 0; i < b; i++) {
              int row = i * out;
              for (int j = 0; j < out; j++) {
                gb[j] += g[row + j];
              }
            }
          }
        },
        x,
        weight,
        bias);
  }

  /**
   * The gradient with respect to the pre-activation, written over {@code gOut} (each op owns
   * its output's gradient buffer during the sweep). Computed as {@code 0.0 + g·f'} exactly as
   * the separate activation op accumulates it into a fresh buffer, so the bits agree with the
   * unfused graph (signed zeros and NaN included).
   */
  private static double[] activationBackward(Epilogue act, double[] g, double[] y) {
    if (act == Epilogue.RELU) {
      // the factor (y > 0 ? 1.0 : 0.0) without a branch (see the forward): y is 0 or positive
      // here (NaN was mapped to 0), and (y·2^600)·2^600 is 0 for 0 and at least 2^126 for the
      // smallest positive double, so min(1, ·) is exactly that factor (~6 against ~1 ns)
      for (int i = 0; i < g.length; i++) {
        g[i] = 0.0 + g[i] * Math.min(1.0, y[i] * 0x1p600 * 0x1p600);
      }
    } else if (act == Epilogue.TANH) {
      for (int i = 0; i < g.length; i++) {
        g[i] = 0.0 + g[i] * (1 - y[i] * y[i]);
      }
    }
    return g;
  }
}
