package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Forward values of every op against closed forms written out here, independently of the code. */
class OpValueTest {
  private static final double EPS = 1e-12;

  private static void close(double[] expected, Tensor actual) {
    assertArrayEquals(expected, actual.toArray(), EPS, actual.toString());
  }

  // ------------------------------------------------------------ elementwise binary

  @Test
  void binaryOpsBroadcastRowAgainstColumn() {
    Tensor col = Tensor.of(new double[] {1, 2}, 2, 1);
    Tensor row = Tensor.vector(10, 20, 30);
    Tensor s = col.add(row);
    assertArrayEquals(new int[] {2, 3}, s.shape());
    close(new double[] {11, 21, 31, 12, 22, 32}, s);
    close(new double[] {-9, -19, -29, -8, -18, -28}, col.sub(row));
    close(new double[] {10, 20, 30, 20, 40, 60}, col.mul(row));
    close(new double[] {0.1, 0.05, 1.0 / 30, 0.2, 0.1, 2.0 / 30}, col.div(row));
  }

  @Test
  void scalarTensorBroadcastsAgainstRank3() {
    Tensor x = Tensor.arange(6).reshape(1, 2, 3);
    Tensor y = x.mul(Tensor.scalar(2));
    assertArrayEquals(new int[] {1, 2, 3}, y.shape());
    close(new double[] {0, 2, 4, 6, 8, 10}, y);
  }

  @Test
  void powMaximumMinimumWhere() {
    close(new double[] {8, 1.0 / 4, 3}, Tensor.vector(2, 2, 9).pow(Tensor.vector(3, -2, 0.5)));
    close(new double[] {9, 0.25}, Tensor.vector(3, 0.5).pow(2));
    close(new double[] {2, 5, 3}, Tensor.vector(1, 5, 3).maximum(Tensor.vector(2, 4, 3)));
    close(new double[] {1, 4, 3}, Tensor.vector(1, 5, 3).minimum(Tensor.vector(2, 4, 3)));
    Tensor w = Tensor.where(Tensor.vector(1, 0, 2), Tensor.vector(1, 2, 3), Tensor.scalar(-1));
    close(new double[] {1, -1, 3}, w);
  }

  @Test
  void scalarArithmetic() {
    Tensor x = Tensor.vector(1, -2);
    close(new double[] {3, 0}, x.add(2));
    close(new double[] {-1, -4}, x.sub(2));
    close(new double[] {3, -6}, x.mul(3));
    close(new double[] {0.5, -1}, x.div(2));
    close(new double[] {4, 7}, x.rsub(5));
    close(new double[] {-1, 2}, x.neg());
  }

  // ------------------------------------------------------------ elementwise unary

  @Test
  void unaryOpsAtKnownPoints() {
    close(new double[] {1, Math.E}, Tensor.vector(0, 1).exp());
    close(new double[] {0, 1}, Tensor.vector(1, Math.E).log());
    assertEquals(Double.NEGATIVE_INFINITY, Tensor.scalar(0).log().item()); // log(0) = -inf
    assertEquals(1e-20, Tensor.scalar(1e-20).log1p().item(), 1e-35); // no cancellation
    assertEquals(1e-20, Tensor.scalar(1e-20).expm1().item(), 1e-35);
    close(new double[] {Math.log(2)}, Tensor.vector(1).log1p());
    close(new double[] {Math.E - 1}, Tensor.vector(1).expm1());
    close(new double[] {3, 0.5}, Tensor.vector(9, 0.25).sqrt());
    close(new double[] {2, 0, 3}, Tensor.vector(-2, 0, 3).abs());
    close(new double[] {9, 0.25}, Tensor.vector(-3, 0.5).square());
    // tanh(log 2) = (2 - 1/2) / (2 + 1/2) = 3/5
    close(new double[] {0.6, 0}, Tensor.vector(Math.log(2), 0).tanh());
    // sigmoid(log 3) = 3/4
    close(new double[] {0.75, 0.5}, Tensor.vector(Math.log(3), 0).sigmoid());
    // softplus(log 3) = log 4; softplus(0) = log 2
    close(new double[] {Math.log(4), Math.log(2)}, Tensor.vector(Math.log(3), 0).softplus());
    close(new double[] {0, 0, 2}, Tensor.vector(-1, 0, 2).relu());
    close(new double[] {Math.exp(-1) - 1, 0, 2}, Tensor.vector(-1, 0, 2).elu());
    close(new double[] {-1, -0.5, 1, 1}, Tensor.vector(-3, -0.5, 1, 7).clamp(-1, 1));
  }

  @Test
  void extremeArgumentsStayFiniteAndCorrect() {
    Tensor sp = Tensor.vector(1e3, -1e3, 800).softplus();
    assertEquals(1e3, sp.get(0), EPS); // log(1 + e^1000) = 1000 + log(1 + e^-1000)
    assertEquals(0.0, sp.get(1), 1e-300); // ~ e^-1000
    assertEquals(800, sp.get(2), EPS);
    Tensor sg = Tensor.vector(-1e3, 1e3).sigmoid();
    assertFalse(Double.isNaN(sg.get(0)));
    assertEquals(0.0, sg.get(0), 1e-300);
    assertEquals(1.0, sg.get(1));
    assertEquals(-1.0, Tensor.scalar(-1e3).tanh().item());
    assertEquals(-1.0, Tensor.scalar(-1e3).elu().item());
  }

  // ------------------------------------------------------------ reductions

  @Test
  void sumAndMeanAlongAxes() {
    Tensor x = Tensor.arange(6).reshape(2, 3); // [[0,1,2],[3,4,5]]
    assertEquals(15, x.sum().item());
    assertEquals(0, x.sum().rank());
    close(new double[] {3, 5, 7}, x.sum(0, false));
    assertArrayEquals(new int[] {2, 1}, x.sum(1, true).shape());
    close(new double[] {3, 12}, x.sum(-1, true));
    close(new double[] {1, 4}, x.mean(1, false));
    assertEquals(2.5, x.mean().item());
  }

  @Test
  void maxMinAlongAxes() {
    Tensor x = Tensor.of(new double[] {1, 7, 3, 9, 2, 4}, 2, 3);
    close(new double[] {9, 7, 4}, x.max(0, false));
    close(new double[] {1, 2}, x.min(1, false));
    assertArrayEquals(new int[] {1, 3}, x.max(0, true).shape());
    assertEquals(9, x.max().item());
    assertEquals(1, x.min().item());
    assertEquals(5, Tensor.scalar(5).max().item());
  }

  @Test
  void logsumexpIsStableForLargeAndTinyValues() {
    assertEquals(1000 + Math.log(2), Tensor.vector(1000, 1000).logsumexp(0, false).item(), EPS);
    assertEquals(-1000 + Math.log(2), Tensor.vector(-1000, -1000).logsumexp(0, false).item(), EPS);
    // log(e^0 + e^log2 + e^log3) = log 6
    assertEquals(Math.log(6), Tensor.vector(0, Math.log(2), Math.log(3)).logsumexp(0, false).item(),
        EPS);
    Tensor inf = Tensor.vector(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertEquals(Double.NEGATIVE_INFINITY, inf.logsumexp(0, false).item());
    Tensor m = Tensor.of(new double[] {0, 0, 1, 1}, 2, 2).logsumexp(1, true);
    assertArrayEquals(new int[] {2, 1}, m.shape());
    close(new double[] {Math.log(2), 1 + Math.log(2)}, m);
  }

  @Test
  void varianceUsesBesselsCorrection() {
    // values 1,2,3,4: mean 2.5, squared deviations sum 5; /3 unbiased, /4 population
    Tensor x = Tensor.vector(1, 2, 3, 4);
    assertEquals(5.0 / 3, x.var(0, false).item(), EPS);
    assertEquals(5.0 / 4, x.var(0, false, 0).item(), EPS);
    Tensor y = Tensor.of(new double[] {1, 10, 3, 20}, 2, 2).var(0, true);
    assertArrayEquals(new int[] {1, 2}, y.shape());
    close(new double[] {2, 50}, y);
  }

  @Test
  void softmaxAndLogSoftmaxClosedForms() {
    close(new double[] {1.0 / 3, 2.0 / 3}, Tensor.vector(0, Math.log(2)).softmax(0));
    close(new double[] {-Math.log(3), Math.log(2.0 / 3)}, Tensor.vector(0, Math.log(2)).logSoftmax(0));
    Tensor big = Tensor.vector(1000, 1000 + Math.log(3)).softmax(0);
    close(new double[] {0.25, 0.75}, big);
    Tensor far = Tensor.vector(0, -1000).logSoftmax(0);
    close(new double[] {0, -1000}, far); // no -inf: computed as x - logsumexp(x)
    // along axis 0 of a 2x2: columns are independent
    Tensor s = Tensor.of(new double[] {0, 5, Math.log(3), 5}, 2, 2).softmax(0);
    close(new double[] {0.25, 0.5, 0.75, 0.5}, s);
  }

  @Test
  void argmaxTakesTheFirstIndexAtTies() {
    Tensor x = Tensor.of(new double[] {3, 1, 3, 2, 5, 5}, 2, 3);
    close(new double[] {0, 1}, x.argmax(1, false));
    close(new double[] {0, 1, 1}, x.argmax(0, false)); // column 2: 3 < 5
    assertEquals(0, Tensor.vector(7, 7, 7).argmax(0, false).item());
    assertArrayEquals(new int[] {2, 1}, x.argmax(1, true).shape());
  }

  // ------------------------------------------------------------ shape ops

  @Test
  void reshapeTransposePermute() {
    Tensor x = Tensor.arange(6).reshape(2, 3);
    assertArrayEquals(new int[] {3, 2}, x.reshape(-1, 2).shape());
    close(new double[] {0, 3, 1, 4, 2, 5}, x.t());
    close(new double[] {0, 3, 1, 4, 2, 5}, x.transpose(1, 0));
    Tensor y = Tensor.arange(24).reshape(2, 3, 4);
    Tensor p = y.permute(2, 0, 1); // p[k][i][j] = y[i][j][k] = 12i + 4j + k
    assertArrayEquals(new int[] {4, 2, 3}, p.shape());
    for (int k = 0; k < 4; k++) {
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(12 * i + 4 * j + k, p.get(k, i, j));
        }
      }
    }
  }

  @Test
  void sliceNarrowSplit() {
    Tensor x = Tensor.arange(12).reshape(3, 4);
    close(new double[] {1, 2, 5, 6, 9, 10}, x.slice(1, 1, 3));
    close(new double[] {4, 5, 6, 7}, x.narrow(0, 1, 1));
    List<Tensor> parts = x.split(1, 1, 3);
    close(new double[] {0, 4, 8}, parts.get(0));
    assertArrayEquals(new int[] {3, 3}, parts.get(1).shape());
    close(new double[] {1, 2, 3, 5, 6, 7, 9, 10, 11}, parts.get(1));
    assertEquals(0, x.slice(0, 2, 2).numel());
  }

  @Test
  void catStackExpandSqueezeUnsqueeze() {
    Tensor a = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
    Tensor b = Tensor.of(new double[] {5, 6}, 2, 1);
    close(new double[] {1, 2, 5, 3, 4, 6}, Tensor.cat(1, a, b));
    close(new double[] {1, 2, 3, 4, 5, 6}, Tensor.cat(0, a, b.reshape(1, 2)));
    Tensor s = Tensor.stack(1, Tensor.vector(1, 2), Tensor.vector(3, 4));
    assertArrayEquals(new int[] {2, 2}, s.shape());
    close(new double[] {1, 3, 2, 4}, s);
    Tensor e = Tensor.vector(1, 2).reshape(2, 1).expand(3, 2, 2);
    assertArrayEquals(new int[] {3, 2, 2}, e.shape());
    close(new double[] {1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2}, e);
    assertArrayEquals(new int[] {2}, b.reshape(1, 2).squeeze(0).shape());
    assertArrayEquals(new int[] {2, 1}, Tensor.vector(1, 2).unsqueeze(-1).shape());
    assertArrayEquals(new int[] {1, 2}, Tensor.vector(1, 2).unsqueeze(0).shape());
  }

  // ------------------------------------------------------------ indexing

  @Test
  void indexSelectPicksRowsInOrder() {
    Tensor x = Tensor.arange(6).reshape(3, 2);
    close(new double[] {4, 5, 0, 1, 4, 5}, x.indexSelect(0, 2, 0, 2));
    close(new double[] {1, 3, 5}, x.indexSelect(1, 1));
  }

  @Test
  void gatherFollowsTorchDocs() {
    // torch.gather(t, 1, [[0,0],[1,0]]) with t = [[1,2],[3,4]] = [[1,1],[4,3]]
    Tensor t = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
    Tensor idx = Tensor.of(new double[] {0, 0, 1, 0}, 2, 2);
    close(new double[] {1, 1, 4, 3}, t.gather(1, idx));
    // axis 0: out[i][j] = t[idx[i][j]][j] = [[1,2],[3,2]]
    close(new double[] {1, 2, 3, 2}, t.gather(0, idx));
    // index smaller than input outside the axis: picks per-row columns
    Tensor pick = Tensor.of(new double[] {1, 0}, 2, 1);
    close(new double[] {2, 3}, t.gather(1, pick));
  }

  @Test
  void scatterAddAcceptsAnIndexSmallerThanSrcLikeTorch() {
    // torch docs: index = [[0,1,2,0,0]] (1x5) with src = ones(2,5): only src's first row is used
    Tensor index = Tensor.of(new double[] {0, 1, 2, 0, 0}, 1, 5);
    Tensor src = Tensor.of(new double[] {1, 1, 1, 1, 1, 9, 9, 9, 9, 9}, 2, 5).requiresGrad(true);
    Tensor out = Tensor.zeros(3, 5).scatterAdd(0, index, src);
    close(new double[] {1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0}, out);
    out.sum().backward();
    close(new double[] {1, 1, 1, 1, 1, 0, 0, 0, 0, 0}, src.grad());
  }

  @Test
  void scatterAddFollowsTorchDocs() {
    // torch docs: src = ones(2,5), index = [[0,1,2,0,0],[0,1,2,2,2]],
    // zeros(3,5).scatter_add_(0, index, src) = [[2,0,0,1,1],[0,2,0,0,0],[0,0,2,1,1]]
    Tensor src = Tensor.ones(2, 5);
    Tensor index = Tensor.of(new double[] {0, 1, 2, 0, 0, 0, 1, 2, 2, 2}, 2, 5);
    Tensor out = Tensor.zeros(3, 5).scatterAdd(0, index, src);
    close(new double[] {2, 0, 0, 1, 1, 0, 2, 0, 0, 0, 0, 0, 2, 1, 1}, out);
    // the input is not modified
    close(new double[15], Tensor.zeros(3, 5));
    Tensor base = Tensor.vector(10, 20, 30);
    Tensor r = base.scatterAdd(0, Tensor.vector(2, 2, 0), Tensor.vector(1, 2, 3));
    close(new double[] {13, 20, 33}, r);
    close(new double[] {10, 20, 30}, base);
  }

  // ------------------------------------------------------------ matmul

  @Test
  void matmulHandComputed2x2() {
    // [[1,2],[3,4]] [[5,6],[7,8]] = [[19,22],[43,50]]
    Tensor a = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
    Tensor b = Tensor.matrix(new double[][] {{5, 6}, {7, 8}});
    close(new double[] {19, 22, 43, 50}, a.matmul(b));
    // non-square: [1x3][3x2]
    Tensor c = Tensor.matrix(new double[][] {{1, 2, 3}});
    Tensor d = Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {1, 1}});
    close(new double[] {4, 5}, c.matmul(d));
  }

  @Test
  void batchedMatmulBroadcastsTheBatch() {
    Tensor a = Tensor.stack(0, Tensor.eye(2), Tensor.eye(2).mul(2)); // [2,2,2]
    Tensor b = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
    Tensor c = a.matmul(b);
    assertArrayEquals(new int[] {2, 2, 2}, c.shape());
    close(new double[] {1, 2, 3, 4, 2, 4, 6, 8}, c);
    Tensor b1 = b.unsqueeze(0); // [1,2,2] against batch 2
    close(new double[] {1, 2, 3, 4, 2, 4, 6, 8}, a.matmul(b1));
    assertArrayEquals(new int[] {2, 2, 2}, b1.matmul(a).shape());
    close(new double[] {1, 2, 3, 4, 2, 4, 6, 8}, b1.matmul(a));
  }

  // ------------------------------------------------------------ creation

  @Test
  void creationHelpers() {
    close(new double[] {0, 0.5, 1}, Tensor.linspace(0, 1, 3));
    close(new double[] {1, 1.5}, Tensor.arange(1, 2, 0.5));
    close(new double[] {1, 0, 0, 1}, Tensor.eye(2));
    close(new double[] {7, 7}, Tensor.full(7, 2));
    assertEquals(5.0, Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).get(1, 1));
    assertTrue(Tensor.zerosLike(Tensor.ones(2, 3)).shape()[1] == 3);
  }

  @Test
  void softmaxOfAnAllMinusInfinitySliceIsZeroAndItsLogSoftmaxMinusInfinity() {
    double n = Double.NEGATIVE_INFINITY;
    Tensor t = Tensor.of(new double[] {n, n, 0, Math.log(2)}, 2, 2);
    assertArrayEquals(new double[] {0, 0, 1.0 / 3, 2.0 / 3}, t.softmax(1).toArray(), 1e-15);
    double[] ls = t.logSoftmax(1).toArray();
    assertEquals(n, ls[0]);
    assertEquals(n, ls[1]);
    assertEquals(Math.log(1.0 / 3), ls[2], 1e-15);
  }
}
