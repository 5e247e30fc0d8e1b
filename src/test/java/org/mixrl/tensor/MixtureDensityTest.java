package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixrl.autodiff.GradCheck;
import org.mixrl.random.RandomStream;

/** The fused mixture log-density: its value, its backward rule, its edge cases. */
class MixtureDensityTest {
  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  /** The composed form the fused node replaces, built from primitive ops. */
  private static Tensor composed(Tensor x, Tensor means, Tensor logStds, Tensor logWeights) {
    Tensor z = x.unsqueeze(2).sub(means.unsqueeze(1)).mul(logStds.unsqueeze(1).neg().exp());
    Tensor perDim = z.square().mul(-0.5).sub(logStds.unsqueeze(1)).sub(HALF_LOG_2PI);
    return perDim.sum(3, false).add(logWeights.unsqueeze(1)).logsumexp(2, false);
  }

  private static Tensor[] inputs(RandomStream rng, int b, int n, int k, int d) {
    return new Tensor[] {
      Tensor.randn(rng, b, n, d),
      Tensor.randn(rng, b, k, d),
      Tensor.uniform(rng, -0.8, 0.5, b, k, d),
      Tensor.randn(rng, b, k).logSoftmax(1).detach()
    };
  }

  @Test
  void valueEqualsTheComposedFormBitForBit() {
    RandomStream rng = RandomStream.of(11);
    for (int[] s : new int[][] {{2, 3, 4, 2}, {1, 1, 1, 1}, {3, 5, 5, 1}, {2, 2, 3, 3}}) {
      Tensor[] in = inputs(rng, s[0], s[1], s[2], s[3]);
      double[] fused = MixtureDensity.logProb(in[0], in[1], in[2], in[3]).toArray();
      double[] reference = composed(in[0], in[1], in[2], in[3]).toArray();
      assertArrayEquals(reference, fused, 0.0);
    }
  }

  @Test
  void valueMatchesTheDensityWrittenOut() {
    // one state, two components in d = 1: log(w0 N(x; m0, s0) + w1 N(x; m1, s1)) by hand
    Tensor x = Tensor.of(new double[] {0.3}, 1, 1, 1);
    Tensor means = Tensor.of(new double[] {-1, 0.5}, 1, 2, 1);
    Tensor logStds = Tensor.of(new double[] {Math.log(0.5), Math.log(2)}, 1, 2, 1);
    Tensor logW = Tensor.of(new double[] {Math.log(0.25), Math.log(0.75)}, 1, 2);
    double n0 = Math.exp(-0.5 * Math.pow((0.3 + 1) / 0.5, 2)) / (0.5 * Math.sqrt(2 * Math.PI));
    double n1 = Math.exp(-0.5 * Math.pow((0.3 - 0.5) / 2, 2)) / (2 * Math.sqrt(2 * Math.PI));
    double expected = Math.log(0.25 * n0 + 0.75 * n1);
    assertEquals(expected, MixtureDensity.logProb(x, means, logStds, logW).item(), 1e-14);
  }

  @Test
  void backwardMatchesCentralDifferencesForEveryInput() {
    RandomStream rng = RandomStream.of(12);
    for (int[] s : new int[][] {{2, 3, 4, 2}, {1, 1, 1, 1}, {2, 4, 3, 1}}) {
      Tensor[] in = inputs(rng, s[0], s[1], s[2], s[3]);
      Tensor upstream = Tensor.randn(rng, s[0], s[1]);
      GradCheck.Result res = GradCheck.check(
          t -> MixtureDensity.logProb(t[0], t[1], t[2], t[3]).mul(upstream).sum(), in);
      assertTrue(res.passed(1e-6), java.util.Arrays.toString(s) + ": " + res);
    }
  }

  @Test
  void backwardThroughLogitsMatchesCentralDifferences() {
    // weights as the policies build them: log-softmax of free logits
    RandomStream rng = RandomStream.of(13);
    Tensor[] in = inputs(rng, 2, 3, 3, 2);
    in[3] = Tensor.randn(rng, 2, 3);
    GradCheck.Result res = GradCheck.check(
        t -> MixtureDensity.logProb(t[0], t[1], t[2], t[3].logSoftmax(1)).sum(), in);
    assertTrue(res.passed(1e-6), res.toString());
  }

  @Test
  void gradientsAgreeWithTheComposedForm() {
    RandomStream rng = RandomStream.of(14);
    Tensor[] in = inputs(rng, 3, 4, 5, 2);
    double[][] fused = GradCheck.analyticGradients(
        t -> MixtureDensity.logProb(t[0], t[1], t[2], t[3]).sum(), in);
    double[][] reference = GradCheck.analyticGradients(
        t -> composed(t[0], t[1], t[2], t[3]).sum(), in);
    for (int i = 0; i < in.length; i++) {
      for (int j = 0; j < fused[i].length; j++) {
        // only the order of the sums differs: agreement to rounding
        assertEquals(reference[i][j], fused[i][j], 1e-12 * Math.max(1, Math.abs(reference[i][j])),
            "input " + i + " entry " + j);
      }
    }
  }

  @Test
  void gaussianCaseMatchesCentralDifferencesAndTheComposedValue() {
    RandomStream rng = RandomStream.of(15);
    Tensor x = Tensor.randn(rng, 3, 2, 2);
    Tensor mean = Tensor.randn(rng, 3, 2);
    Tensor logStd = Tensor.uniform(rng, -0.5, 0.5, 3, 2);
    GradCheck.Result res = GradCheck.check(
        t -> MixtureDensity.gaussianLogProb(t[0], t[1], t[2]).square().sum(), x, mean, logStd);
    assertTrue(res.passed(1e-6), res.toString());
    Tensor z = x.sub(mean.unsqueeze(1)).mul(logStd.unsqueeze(1).neg().exp());
    Tensor reference = z.square().mul(-0.5).sub(logStd.unsqueeze(1)).sub(HALF_LOG_2PI)
        .sum(2, false);
    assertArrayEquals(reference.toArray(),
        MixtureDensity.gaussianLogProb(x, mean, logStd).toArray(), 0.0);
  }

  @Test
  void componentsWithNoMassGiveMinusInfinityAndNoGradient() {
    Tensor x = Tensor.of(new double[] {0.1, 0.2}, 2, 1, 1);
    Tensor means = Tensor.zeros(2, 2, 1).requiresGrad(true);
    Tensor logStds = Tensor.zeros(2, 2, 1).requiresGrad(true);
    double ninf = Double.NEGATIVE_INFINITY;
    // state 0 has no mass at all; state 1 puts all of it on component 1
    Tensor logW = Tensor.of(new double[] {ninf, ninf, ninf, 0}, 2, 2);
    Tensor lp = MixtureDensity.logProb(x, means, logStds, logW);
    assertEquals(ninf, lp.data()[0]);
    assertTrue(Double.isFinite(lp.data()[1]));
    lp.mul(Tensor.of(new double[] {0, 1}, 2, 1)).sum().backward();
    for (double v : means.grad().data()) {
      assertTrue(Double.isFinite(v));
    }
    // only state 1's component 1 receives a gradient: d/dmu = (x - mu) / sigma^2 = 0.2
    assertArrayEquals(new double[] {0, 0, 0, 0.2}, means.grad().data(), 1e-15);
  }

  @Test
  void shapesThatDoNotFitAreRejectedWithTheShapes() {
    Tensor x = Tensor.zeros(2, 3, 1);
    Tensor m = Tensor.zeros(2, 4, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MixtureDensity.logProb(x, m, Tensor.zeros(2, 4, 2), Tensor.zeros(2, 4)));
    assertTrue(e.getMessage().contains("[2, 4, 2]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MixtureDensity.logProb(x, m, m, Tensor.zeros(2, 3)));
    assertTrue(e.getMessage().contains("logWeights must be [B=2, K=4]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MixtureDensity.gaussianLogProb(x, Tensor.zeros(2, 1), Tensor.zeros(3, 1)));
    assertTrue(e.getMessage().contains("[3, 1]"), e.getMessage());
  }
}
