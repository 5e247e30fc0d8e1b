package org.mixrl.estimator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.policy.ActionBox;
import org.mixrl.policy.GaussianMixture;
import org.mixrl.policy.Normal;
import org.mixrl.policy.Policy;
import org.mixrl.policy.SquashedGaussianMixture;
import org.mixrl.policy.SquashedNormal;
import org.mixrl.policy.TanhSquash;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * Each unbiased estimator's sample mean over many independent batches lies within a stated
 * number of standard errors of the exact gradient (grid integration, computed independently).
 */
class EstimatorUnbiasednessTest {
  /** Two-bump reward r(a) = exp(-(a-1)^2/(2*0.3^2)) + 0.8 exp(-(a+1)^2/(2*0.3^2)). */
  static final ActionValue TWO_BUMPS =
      a -> a.sub(1).square().mul(-1 / (2 * 0.09)).exp()
          .add(a.add(1).square().mul(-1 / (2 * 0.09)).exp().mul(0.8))
          .sum(2, false);

  /** Squashed rewards live on (-1, 1): bumps at +-0.5, width 0.3. */
  static final ActionValue BOX_BUMPS =
      a -> a.sub(0.5).square().mul(-1 / (2 * 0.09)).exp()
          .add(a.add(0.5).square().mul(-1 / (2 * 0.09)).exp().mul(0.8))
          .sum(2, false);

  static final double ALPHA = 0.2;
  static final int BATCH = 16;
  static final int REPEATS = 600;
  /** Tolerance in standard errors; with ~9 parameters x 6 estimators, 4.5 SE keeps false alarms rare. */
  static final double Z_MAX = 4.5;

  static Function<Tensor[], Policy> gm(int batch) {
    return p -> new GaussianMixture(
        p[0].reshape(1, -1).expand(batch, p[0].numel()),
        p[1].reshape(1, -1, 1).expand(batch, p[1].numel(), 1),
        p[2].reshape(1, -1, 1).expand(batch, p[2].numel(), 1));
  }

  static Function<Tensor[], Policy> sgm(int batch) {
    return p -> new SquashedGaussianMixture(
        (GaussianMixture) gm(batch).apply(p), new TanhSquash(ActionBox.unit(1)));
  }

  static Function<Tensor[], Policy> g(int batch) {
    return p -> new Normal(p[0].reshape(1, 1).expand(batch, 1), p[1].reshape(1, 1).expand(batch, 1));
  }

  static Function<Tensor[], Policy> sg(int batch) {
    return p -> new SquashedNormal((Normal) g(batch).apply(p), new TanhSquash(ActionBox.unit(1)));
  }

  static Tensor[] mixtureParams() {
    return new Tensor[] {
      Tensor.vector(0.3, -0.2, 0.0), Tensor.vector(-1.2, 0.1, 0.9), Tensor.vector(-0.6, -0.3, -0.9)
    };
  }

  static Stream<Arguments> cases() {
    EstimatorOptions o = EstimatorOptions.defaults();
    return Stream.of(
        Arguments.of("rp", "g", o),
        Arguments.of("rp", "sg", o),
        Arguments.of("lr", "g", o),
        Arguments.of("lr", "gm", o),
        Arguments.of("lr", "gm", o.withSamples(4).withBaseline(Baseline.leaveOneOut())),
        Arguments.of("lr", "sgm", o),
        Arguments.of("rplr", "gm", o),
        Arguments.of("rplr", "sgm", o),
        Arguments.of("mrp", "gm", o),
        Arguments.of("mrp", "gm", o.withSharedNoise(true)),
        Arguments.of("mrp", "sgm", o),
        Arguments.of("irg", "gm", o),
        Arguments.of("irg", "sgm", o));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void sampleMeanIsWithinStandardErrorsOfTheExactGradient(
      String estimatorName, String policy, EstimatorOptions options) {
    double[] z = zScores(estimatorName, policy, options);
    for (int j = 0; j < z.length; j++) {
      assertTrue(Math.abs(z[j]) <= Z_MAX,
          estimatorName + " on " + policy + ": parameter " + j + " z-score " + z[j]);
    }
  }

  /** The same check has power: Gumbel-softmax at temperature 1 is biased by > Z_MAX SE. */
  @org.junit.jupiter.api.Test
  void gumbelSoftmaxBiasIsDetected() {
    double[] z = zScores("gs", "gm", EstimatorOptions.defaults().withTemperature(1.0));
    double worst = 0;
    for (double v : z) {
      worst = Math.max(worst, Math.abs(v));
    }
    assertTrue(worst > Z_MAX, "expected a detectable GS bias, max |z| = " + worst);
  }

  /** (sample mean - exact) / standard error, per parameter. */
  static double[] zScores(String estimatorName, String policy, EstimatorOptions options) {
    boolean squashed = policy.startsWith("s");
    boolean mixture = policy.endsWith("m");
    Tensor[] params = mixture ? mixtureParams()
        : new Tensor[] {Tensor.vector(squashed ? 0.3 : 0.4), Tensor.vector(-0.5)};
    Function<Tensor[], Policy> build = switch (policy) {
      case "g" -> g(BATCH);
      case "sg" -> sg(BATCH);
      case "gm" -> gm(BATCH);
      default -> sgm(BATCH);
    };
    Function<Tensor[], Policy> one = switch (policy) {
      case "g" -> g(1);
      case "sg" -> sg(1);
      case "gm" -> gm(1);
      default -> sgm(1);
    };
    ActionValue reward = squashed ? BOX_BUMPS : TWO_BUMPS;
    double[] exact = GridObjective.gradient(one, squashed, params, reward, ALPHA,
        squashed ? -12 : -9, squashed ? 12 : 9, 40001);

    Estimator est = new EstimatorSpec(estimatorName, options).create();
    RandomStream rng = RandomStream.of(20261125L + estimatorName.hashCode() + policy.hashCode());
    int n = exact.length;
    double[] sum = new double[n];
    double[] sumSq = new double[n];
    for (int r = 0; r < REPEATS; r++) {
      Tensor[] leaves = new Tensor[params.length];
      for (int i = 0; i < params.length; i++) {
        leaves[i] = Tensor.of(params[i].toArray(), params[i].shape()).requiresGrad(true);
      }
      est.surrogate(build.apply(leaves), reward, ALPHA, rng).objective().backward();
      int off = 0;
      for (Tensor t : leaves) {
        double[] gi = t.grad().toArray();
        for (int j = 0; j < gi.length; j++) {
          sum[off + j] += gi[j];
          sumSq[off + j] += gi[j] * gi[j];
        }
        off += gi.length;
      }
    }
    double[] z = new double[n];
    for (int j = 0; j < n; j++) {
      double mean = sum[j] / REPEATS;
      double var = (sumSq[j] - REPEATS * mean * mean) / (REPEATS - 1);
      double se = Math.sqrt(Math.max(var, 0) / REPEATS);
      // a parameter with no gradient at all (zero variance, exact 0) has z = 0
      z[j] = Math.abs(mean - exact[j]) < 1e-12 ? 0 : (mean - exact[j]) / se;
    }
    return z;
  }
}
