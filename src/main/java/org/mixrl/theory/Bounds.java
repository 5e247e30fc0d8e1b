package org.mixrl.theory;

import java.util.Locale;

/** The escape test of the searches: a scale or a location that has run off to infinity. */
final class Bounds {
  private Bounds() {}

  /** A sentence naming the first parameter past its bound, or null if all are inside. */
  static String passed(ExactObjective j, double[] theta, StationaryPoints.Settings s) {
    for (int k = 0; k < j.components(); k++) {
      double ls = theta[j.logStdIndex(k)];
      double mu = theta[j.meanIndex(k)];
      if (ls > s.logStdBound()) {
        return String.format(Locale.ROOT, "log sigma[%d] = %.3f passed +%.1f (sigma = %.4g)", k,
            ls, s.logStdBound(), Math.exp(ls));
      }
      if (ls < -1.5 * s.logStdBound()) {
        return String.format(Locale.ROOT, "log sigma[%d] = %.3f passed -%.1f (sigma = %.4g)", k,
            ls, 1.5 * s.logStdBound(), Math.exp(ls));
      }
      if (Math.abs(mu) > s.meanBound()) {
        return String.format(Locale.ROOT, "|mu[%d]| = %.4g passed %.4g", k, Math.abs(mu),
            s.meanBound());
      }
    }
    return null;
  }
}
