package org.mixrl.tensor;

/**
 * The differentiable matrix product behind {@link Tensor#matmul}: shapes, batch broadcasting
 * and the backward rule. It has no arithmetic of its own: every product, forward and backward,
 * is a call to {@link MatMul}, the one kernel (and the one public entry for raw arrays).
 */
final class MatMulOp {
  private MatMulOp() {}

  /**
   * C = A B for 2-D operands, or per batch for 3-D operands, where a 2-D operand or a batch of
   * size 1 is broadcast over the other's batch.
   */
  static Tensor matmul(Tensor a, Tensor b) {
    int ra = a.shape.length;
    int rb = b.shape.length;
    if (ra < 2 || ra > 3 || rb < 2 || rb > 3) {
      throw new IllegalArgumentException(
          "matmul: needs 2-D or 3-D operands, got shapes " + Shapes.str(a.shape) + " and "
              + Shapes.str(b.shape));
    }
    int batchA = ra == 3 ? a.shape[0] : 1;
    int batchB = rb == 3 ? b.shape[0] : 1;
    int m = a.shape[ra - 2];
    int k = a.shape[ra - 1];
    int kb = b.shape[rb - 2];
    int n = b.shape[rb - 1];
    if (k != kb) {
      throw new IllegalArgumentException(
          "matmul: inner dimensions differ: shapes " + Shapes.str(a.shape) + " and "
              + Shapes.str(b.shape) + " (" + k + " vs " + kb + ")");
    }
    if (batchA != batchB && batchA != 1 && batchB != 1) {
      throw new IllegalArgumentException(
          "matmul: batch sizes " + batchA + " and " + batchB + " are not broadcastable (shapes "
              + Shapes.str(a.shape) + " and " + Shapes.str(b.shape) + ")");
    }
    int batch = Math.max(batchA, batchB);
    boolean batched = ra == 3 || rb == 3;
    int[] shape = batched ? new int[] {batch, m, n} : new int[] {m, n};
    double[] x = a.data;
    double[] y = b.data;
    double[] c = new double[batch * m * n];
    for (int t = 0; t < batch; t++) {
      int ta = batchA == 1 ? 0 : t;
      int tb = batchB == 1 ? 0 : t;
      MatMul.multiply(x, ta * m * k, y, tb * k * n, c, t * m * n, m, k, n);
    }
    return Tensor.result(
        "matmul",
        c,
        shape,
        (g, grads) -> {
          double[] ga = grads.of(a);
          double[] gb = grads.of(b);
          for (int t = 0; t < batch; t++) {
            int ta = batchA == 1 ? 0 : t;
            int tb = batchB == 1 ? 0 : t;
            if (ga != null) {
              // dA = G B^T
              MatMul.multiplyTransposedB(g, t * m * n, y, tb * k * n, ga, ta * m * k, m, n, k);
            }
            if (gb != null) {
              // dB = A^T G
              MatMul.multiplyTransposedA(x, ta * m * k, g, t * m * n, gb, tb * k * n, k, m, n);
            }
          }
        },
        a,
        b);
  }
}
