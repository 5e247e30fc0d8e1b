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

  /**
   * y = x · weightᵀ + bias, with x [B, in], weight [out, in] (PyTorch layout), bias [out] or
   * null; returns [B, out]. No argument is modified.
   */
  public static Tensor affine(Tensor x, Tensor weight, Tensor bias) {
    if (x == null || weight == null) {
      throw new IllegalArgumentException(
          "affine: x and weight must not be null (bias may be), got x=" + x + " weight="
              + weight);
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
    return Tensor.result(
        "affine",
        y,
        new int[] {b, out},
        (g, grads) -> {
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
}
