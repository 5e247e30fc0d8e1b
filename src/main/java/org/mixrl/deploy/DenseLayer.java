package org.mixrl.deploy;

import org.mixrl.nn.Activation;

/**
 * One fully connected layer of a deployed network, y = activation(W x + b), evaluated for a
 * single input vector into a caller's buffer (no allocation).
 *
 * <p>The arithmetic repeats the training forward pass exactly ({@code Affine} over {@code
 * MatMul}), so a deployed actor reproduces the trained one bit for bit: each output starts at
 * its bias and adds the products over the inputs one at a time in input order, each as one
 * fused multiply-add, {@code y = fma(x_p, w_p, y)} (MatMul's order: its blocks of 64 and groups of
 * four nest the same fused multiply-adds in the same order). A layer with a single output uses
 * MatMul's dot-product order instead: four partial sums over the inputs in steps of four,
 * combined as {@code (s0 + s1) + (s2 + s3)}, the remaining inputs fused onto that sum, and the
 * result added to the bias. The weights are stored one row per input ({@code Wᵀ}) so that the
 * loop over outputs runs over contiguous arrays and the JIT vectorizes it.
 */
public final class DenseLayer {
  /** Largest number of inputs or outputs a layer may have. */
  static final int MAX_WIDTH = 1 << 16;

  private final int in;
  private final int out;
  private final Activation activation;
  private final double[][] weightByInput; // [in][out]: weightByInput[p][j] = W[j][p]
  private final double[] bias; // [out]

  private DenseLayer(int in, int out, Activation activation, double[][] wt, double[] bias) {
    this.in = in;
    this.out = out;
    this.activation = activation;
    this.weightByInput = wt;
    this.bias = bias;
  }

  /**
   * A layer from its weight matrix {@code weight} [out, in] stored row-major (the layout of
   * {@code org.mixrl.nn.Linear} and PyTorch) and its bias [out]; the arrays are copied.
   *
   * @throws IllegalArgumentException if a size is out of range, a length does not match, a
   *     value is not finite, or {@code activation} is null
   */
  public static DenseLayer of(
      int in, int out, double[] weight, double[] bias, Activation activation) {
    if (in < 1 || in > MAX_WIDTH || out < 1 || out > MAX_WIDTH) {
      throw new IllegalArgumentException(
          "DenseLayer: in and out must be in [1, " + MAX_WIDTH + "], got in=" + in + " out="
              + out);
    }
    if (activation == null) {
      throw new IllegalArgumentException("DenseLayer: activation must not be null");
    }
    if (weight == null || weight.length != in * out) {
      throw new IllegalArgumentException(
          "DenseLayer: weight must hold out*in = " + (in * out) + " values, got "
              + (weight == null ? "null" : weight.length));
    }
    if (bias == null || bias.length != out) {
      throw new IllegalArgumentException(
          "DenseLayer: bias must hold out = " + out + " values, got "
              + (bias == null ? "null" : bias.length));
    }
    double[][] wt = new double[in][out];
    for (int j = 0; j < out; j++) {
      for (int p = 0; p < in; p++) {
        double w = weight[j * in + p];
        if (!Double.isFinite(w)) {
          throw new IllegalArgumentException(
              "DenseLayer: weight[" + j + ", " + p + "] is " + w + "; weights must be finite");
        }
        wt[p][j] = w;
      }
    }
    for (int j = 0; j < out; j++) {
      if (!Double.isFinite(bias[j])) {
        throw new IllegalArgumentException(
            "DenseLayer: bias[" + j + "] is " + bias[j] + "; biases must be finite");
      }
    }
    return new DenseLayer(in, out, activation, wt, bias.clone());
  }

  public int in() {
    return in;
  }

  public int out() {
    return out;
  }

  public Activation activation() {
    return activation;
  }

  /** A copy of the weight matrix [out, in], row-major. */
  public double[] weight() {
    double[] w = new double[in * out];
    for (int p = 0; p < in; p++) {
      for (int j = 0; j < out; j++) {
        w[j * in + p] = weightByInput[p][j];
      }
    }
    return w;
  }

  /** A copy of the bias [out]. */
  public double[] bias() {
    return bias.clone();
  }

  /** y[0:out] = activation(W x[0:in] + b). {@code x} and {@code y} must be distinct arrays. */
  void forward(double[] x, double[] y) {
    double[][] wt = weightByInput;
    if (out == 1) {
      y[0] = bias[0] + dot(x, wt);
    } else {
      System.arraycopy(bias, 0, y, 0, out);
      accumulate(x, wt, y);
    }
    switch (activation) {
      case RELU:
        for (int j = 0; j < out; j++) {
          y[j] = y[j] > 0 ? y[j] : 0.0;
        }
        break;
      case TANH:
        for (int j = 0; j < out; j++) {
          y[j] = StrictMath.tanh(y[j]);
        }
        break;
      case ELU:
        for (int j = 0; j < out; j++) {
          y[j] = y[j] > 0 ? y[j] : Math.expm1(y[j]);
        }
        break;
      default:
        break;
    }
  }

  /** y[j] = fma(x_p, w[p][j], y[j]) for p = 0, 1, …, in − 1: MatMul's general order. */
  private void accumulate(double[] x, double[][] wt, double[] y) {
    int p = 0;
    for (; p + 3 < in; p += 4) {
      fma4(y, out, x[p], wt[p], x[p + 1], wt[p + 1], x[p + 2], wt[p + 2], x[p + 3], wt[p + 3]);
    }
    for (; p < in; p++) {
      fma1(y, out, x[p], wt[p]);
    }
  }

  /** Σ_p x_p·w[p][0] in MatMul's dot-product order (a single output column). */
  private double dot(double[] x, double[][] wt) {
    int in4 = in & ~3;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int p = 0; p < in4; p += 4) {
      s0 = Math.fma(x[p], wt[p][0], s0);
      s1 = Math.fma(x[p + 1], wt[p + 1][0], s1);
      s2 = Math.fma(x[p + 2], wt[p + 2][0], s2);
      s3 = Math.fma(x[p + 3], wt[p + 3][0], s3);
    }
    double u = (s0 + s1) + (s2 + s3);
    for (int p = in4; p < in; p++) {
      u = Math.fma(x[p], wt[p][0], u);
    }
    return u;
  }

  /** y = fma(a3, b3, fma(a2, b2, fma(a1, b1, fma(a0, b0, y)))) elementwise. */
  private static void fma4(double[] y, int n, double a0, double[] b0, double a1, double[] b1,
      double a2, double[] b2, double a3, double[] b3) {
    for (int j = 0; j < n; j++) {
      y[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j],
          Math.fma(a0, b0[j], y[j]))));
    }
  }

  private static void fma1(double[] y, int n, double a0, double[] b0) {
    for (int j = 0; j < n; j++) {
      y[j] = Math.fma(a0, b0[j], y[j]);
    }
  }
}
