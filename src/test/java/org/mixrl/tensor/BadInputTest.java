package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails fast, and the message names the op and the offending shapes or value. */
class BadInputTest {
  private static <T extends Throwable> void fails(
      Class<T> type, Executable call, String... fragments) {
    T e = assertThrows(type, call);
    String msg = e.getMessage();
    for (String f : fragments) {
      assertTrue(msg != null && msg.contains(f), "message \"" + msg + "\" should contain \"" + f + "\"");
    }
  }

  @Test
  void mismatchedBroadcastShapesNameOpAndBothShapes() {
    Tensor a = Tensor.zeros(2, 3);
    Tensor b = Tensor.zeros(4);
    fails(IllegalArgumentException.class, () -> a.add(b), "add", "[2, 3]", "[4]");
    fails(IllegalArgumentException.class, () -> a.mul(b), "mul", "[2, 3]", "[4]");
    fails(IllegalArgumentException.class, () -> a.maximum(b), "maximum", "[2, 3]", "[4]");
    fails(IllegalArgumentException.class, () -> Tensor.where(Tensor.ones(3), a, b), "where", "[4]");
    fails(IllegalArgumentException.class, () -> a.expand(4, 3), "expand", "[2, 3]", "[4, 3]");
  }

  @Test
  void matmulInnerMismatchNamesBothShapes() {
    fails(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)),
        "matmul", "[2, 3]", "[4, 5]");
    fails(IllegalArgumentException.class,
        () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 1)), "matmul", "[2, 2, 3]",
        "[3, 3, 1]");
    fails(IllegalArgumentException.class, () -> Tensor.zeros(3).matmul(Tensor.zeros(3, 1)),
        "matmul", "[3]", "[3, 1]");
  }

  @Test
  void reshapeOfWrongSizeNamesBothShapes() {
    fails(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(4, 2), "reshape",
        "[2, 3]", "[4, 2]");
    fails(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(-1, 4), "reshape",
        "[2, 3]", "[-1, 4]");
    fails(IllegalArgumentException.class, () -> Tensor.zeros(6).reshape(-1, -1), "reshape",
        "-1");
  }

  @Test
  void outOfRangeAxisNamesOpAxisAndRank() {
    Tensor x = Tensor.zeros(2, 3);
    fails(IllegalArgumentException.class, () -> x.sum(2, false), "sum", "axis 2", "rank 2");
    fails(IllegalArgumentException.class, () -> x.softmax(-3), "softmax", "axis -3");
    fails(IllegalArgumentException.class, () -> x.max(5, true), "max", "axis 5");
    fails(IllegalArgumentException.class, () -> x.transpose(0, 2), "transpose", "axis 2");
    fails(IllegalArgumentException.class, () -> x.unsqueeze(4), "unsqueeze", "axis 4");
    fails(IllegalArgumentException.class, () -> Tensor.cat(2, x, x), "cat", "axis 2");
    fails(IllegalArgumentException.class, () -> x.squeeze(0), "squeeze", "[2, 3]");
  }

  @Test
  void outOfRangeIndicesNameOpAndValue() {
    Tensor x = Tensor.zeros(3, 2);
    fails(IndexOutOfBoundsException.class, () -> x.indexSelect(0, 0, 3), "indexSelect",
        "index 3", "size 3");
    fails(IndexOutOfBoundsException.class, () -> x.indexSelect(1, -1), "indexSelect", "-1");
    fails(IndexOutOfBoundsException.class,
        () -> x.gather(0, Tensor.of(new double[] {0, 7}, 1, 2)), "gather", "7.0", "size 3");
    fails(IndexOutOfBoundsException.class,
        () -> x.gather(1, Tensor.of(new double[] {0.5}, 1, 1)), "gather", "0.5");
    fails(IndexOutOfBoundsException.class,
        () -> x.scatterAdd(0, Tensor.of(new double[] {3}, 1, 1), Tensor.ones(1, 1)),
        "scatterAdd", "3.0");
    fails(IndexOutOfBoundsException.class, () -> x.slice(0, 1, 4), "slice", "[1, 4)", "[3, 2]");
    fails(IndexOutOfBoundsException.class, () -> x.slice(1, -1, 1), "slice", "-1");
    fails(IndexOutOfBoundsException.class, () -> x.get(3, 0), "get", "3");
  }

  @Test
  void gatherIndexOfWrongRankNamesBothShapes() {
    fails(IllegalArgumentException.class, () -> Tensor.zeros(3, 2).gather(0, Tensor.zeros(2)),
        "gather", "[2]", "[3, 2]");
  }

  @Test
  void backwardOnNonScalarWithoutUpstream() {
    Tensor y = Tensor.vector(1, 2).requiresGrad(true).mul(2);
    fails(IllegalStateException.class, y::backward, "backward", "[2]", "upstream");
  }

  @Test
  void backwardWithUpstreamOfWrongShape() {
    Tensor y = Tensor.vector(1, 2).requiresGrad(true).mul(2);
    fails(IllegalArgumentException.class, () -> y.backward(Tensor.ones(3)), "backward", "[3]",
        "[2]");
  }

  @Test
  void backwardOnTensorThatDoesNotRequireGrad() {
    fails(IllegalStateException.class, () -> Tensor.scalar(1).exp().backward(), "backward",
        "does not require grad");
    Tensor x = Tensor.scalar(1).requiresGrad(true);
    Tensor y;
    try (GradMode s = GradMode.noGrad()) {
      y = x.exp();
    }
    fails(IllegalStateException.class, y::backward, "noGrad");
  }

  @Test
  void requiresGradOnNonLeafNamesTheOp() {
    Tensor y = Tensor.vector(1).requiresGrad(true).exp();
    fails(IllegalStateException.class, () -> y.requiresGrad(false), "leaf", "exp");
  }

  @Test
  void tensorOfWithWrongDataLength() {
    fails(IllegalArgumentException.class, () -> Tensor.of(new double[5], 2, 3), "Tensor.of", "5",
        "[2, 3]", "6");
    fails(IllegalArgumentException.class, () -> Tensor.of(new double[0], -1), "Tensor.of",
        "[-1]");
    fails(IllegalArgumentException.class,
        () -> Tensor.matrix(new double[][] {{1, 2}, {3}}), "row 1");
  }

  @Test
  void otherArgumentChecks() {
    fails(IllegalArgumentException.class, () -> Tensor.zeros(2).clamp(1, 0), "clamp", "lo=1.0",
        "hi=0.0");
    fails(IllegalArgumentException.class, () -> Tensor.zeros(1).var(0, false), "var", "1");
    fails(IllegalArgumentException.class, () -> Tensor.zeros(4).split(0, 1, 2), "split", "3",
        "4");
    fails(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).permute(0, 0), "permute");
    fails(IllegalArgumentException.class,
        () -> Tensor.cat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)), "cat", "[2, 3]", "[2, 4]");
    fails(IllegalArgumentException.class,
        () -> Tensor.stack(0, Tensor.zeros(2), Tensor.zeros(3)), "stack", "[2]", "[3]");
    fails(IllegalStateException.class, () -> Tensor.zeros(2).item(), "item", "[2]");
    fails(IllegalArgumentException.class, () -> Tensor.zeros(0).max(), "max", "[0]");
  }
}
