package org.mixrl.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.mixrl.random.RandomStream;

/**
 * The standard errors of the variance table are the spread the variances really have: over
 * many independent sets of R draws, the standard deviation of the sample variances matches
 * the root mean square of the reported standard errors, for normal and for heavy-tailed
 * (Laplace) draws.
 */
class GradientDrawsTest {
  static final int R = 200; // the quick budget's repeats
  static final int TRIALS = 400;
  // the standard deviation over 400 trials is itself uncertain by about 1/sqrt(2 * 400) = 3.5 %
  // (a little more for Laplace draws): 15 % is over 4 of its standard errors
  static final double TOLERANCE = 0.15;
  static final double[] SCALE = {1.0, 2.0, 0.5};

  /** Per coordinate and total: {sd of the variances, rms of their SEs, mean variance}. */
  static double[][] spread(DoubleSupplier unitVariance) {
    int p = SCALE.length;
    double[][] v = new double[p + 1][TRIALS];
    double[][] se2 = new double[p + 1][TRIALS];
    for (int t = 0; t < TRIALS; t++) {
      double[][] rows = new double[R][p];
      for (double[] row : rows) {
        for (int j = 0; j < p; j++) {
          row[j] = 3.0 + SCALE[j] * unitVariance.getAsDouble(); // a non-zero mean as gradients have
        }
      }
      GradientDraws d = GradientDraws.ofRows(rows);
      for (int j = 0; j < p; j++) {
        v[j][t] = d.variance(j);
        se2[j][t] = d.varianceStdError(j) * d.varianceStdError(j);
      }
      v[p][t] = d.totalVariance();
      se2[p][t] = d.totalVarianceStdError() * d.totalVarianceStdError();
    }
    double[][] out = new double[p + 1][];
    for (int j = 0; j <= p; j++) {
      out[j] = new double[] {sd(v[j]), Math.sqrt(mean(se2[j])), mean(v[j])};
    }
    return out;
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double sd(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }

  static void assertCalibrated(double[][] s, String what) {
    for (int j = 0; j < s.length; j++) {
      String name = j < SCALE.length ? "parameter " + j : "total";
      assertEquals(1.0, s[j][1] / s[j][0], TOLERANCE,
          what + " " + name + ": sd of the variances " + s[j][0] + ", rms SE " + s[j][1]);
    }
  }

  @Test
  void varianceStandardErrorsMatchTheSpreadOfNormalDraws() {
    RandomStream rng = RandomStream.of(11);
    double[][] s = spread(rng::nextGaussian);
    assertCalibrated(s, "normal");
    double total = 0;
    for (int j = 0; j < SCALE.length; j++) {
      double var = SCALE[j] * SCALE[j];
      // the variances are unbiased (their mean over trials is within 4 SE of the truth) and
      // their spread is the normal theory's sigma^2 sqrt(2 / (R - 1))
      assertEquals(var, s[j][2], 4 * s[j][0] / Math.sqrt(TRIALS), "mean variance " + j);
      assertEquals(1.0, s[j][0] / (var * Math.sqrt(2.0 / (R - 1))), TOLERANCE, "sd " + j);
      total += var;
    }
    assertEquals(total, s[SCALE.length][2], 4 * s[SCALE.length][0] / Math.sqrt(TRIALS));
  }

  @Test
  void varianceStandardErrorsWidenForHeavyTails() {
    RandomStream rng = RandomStream.of(12);
    // Laplace with unit variance: kurtosis 6, so sd(s^2) is about sqrt(5 / 2) = 1.58 times the
    // normal theory's; an SE that assumed normality would be that much too small
    DoubleSupplier laplace = () -> {
      double u = rng.nextOpenDouble() - 0.5;
      return -Math.signum(u) * Math.log(1 - 2 * Math.abs(u)) / Math.sqrt(2);
    };
    double[][] s = spread(laplace);
    assertCalibrated(s, "laplace");
    for (int j = 0; j < SCALE.length; j++) {
      double normalTheory = SCALE[j] * SCALE[j] * Math.sqrt(2.0 / (R - 1));
      assertTrue(s[j][1] > 1.3 * normalTheory, "SE " + s[j][1] + " vs normal " + normalTheory);
    }
  }
}
