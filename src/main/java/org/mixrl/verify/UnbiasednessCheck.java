package org.mixrl.verify;

import java.util.ArrayList;
import java.util.List;
import org.mixrl.estimator.Estimator;

/**
 * The unbiasedness check: on each case, R batch estimates; per parameter z = (mean - exact) /
 * SE; one family of z-tests over every parameter of every case, Holm-corrected at the
 * configured family-wise error rate.
 */
final class UnbiasednessCheck {
  private UnbiasednessCheck() {}

  /** Rows, per-case results, the failure (if any) and the threshold used. */
  record Outcome(List<BiasRow> rows, List<CheckResult> results, Counterexample counterexample,
      double criticalZ, int hypotheses, List<VerifyCase> measured, List<GradientDraws> draws) {}

  /** Per-case statistics before the correction. */
  private record CaseStats(VerifyCase c, String[] names, double[] exact, double[] mean,
      double[] se, double[] z, GradientDraws draws) {}

  static Outcome run(Estimator e, List<VerifyCase> cases, VerifyConfig cfg) {
    List<CaseStats> stats = new ArrayList<>();
    List<CheckResult> results = new ArrayList<>();
    Counterexample thrownCounterexample = null;
    for (VerifyCase c : cases) {
      try {
        stats.add(measure(e, c, cfg.repeats(), cfg.seed()));
      } catch (RuntimeException ex) {
        results.add(new CheckResult(Check.UNBIASEDNESS, c.spec(), false, Streams.thrown(ex)));
        if (thrownCounterexample == null) {
          thrownCounterexample = Shrinker.counterexample(Check.UNBIASEDNESS, cand -> throwsOn(e, cand, cfg), c, Streams.thrown(ex), cfg);
        }
      }
    }
    int m = 0;
    for (CaseStats s : stats) {
      m += s.z.length;
    }
    double[] p = new double[m];
    int at = 0;
    for (CaseStats s : stats) {
      for (double z : s.z) {
        p[at++] = MultipleTesting.twoSidedP(z);
      }
    }
    double zStar = m == 0 ? Double.NaN
        : MultipleTesting.criticalZ(cfg.familyWiseErrorRate() / m);
    boolean[] flagged = MultipleTesting.holm(p, cfg.familyWiseErrorRate());
    List<BiasRow> rows = new ArrayList<>();
    List<GradientDraws> draws = new ArrayList<>();
    List<VerifyCase> measured = new ArrayList<>();
    CaseStats worst = null;
    double worstP = 2;
    at = 0;
    for (CaseStats s : stats) {
      boolean caseFails = false;
      double maxZ = 0;
      String maxName = "";
      for (int j = 0; j < s.z.length; j++, at++) {
        rows.add(new BiasRow(s.c.label(), s.c.spec(), s.names[j], s.exact[j], s.mean[j], s.se[j],
            s.z[j], p[at], flagged[at], (zStar + MultipleTesting.Z_POWER_80) * s.se[j]));
        caseFails |= flagged[at];
        if (!(Math.abs(s.z[j]) <= maxZ)) {
          maxZ = Math.abs(s.z[j]);
          maxName = s.names[j];
        }
        if (flagged[at] && p[at] < worstP) {
          worstP = p[at];
          worst = s;
        }
      }
      draws.add(s.draws);
      measured.add(s.c);
      results.add(new CheckResult(Check.UNBIASEDNESS, s.c.spec(), !caseFails,
          String.format(java.util.Locale.ROOT, "max |z| %.2f (%s), threshold %.2f", maxZ, maxName,
              zStar)));
    }
    Counterexample cx = thrownCounterexample;
    if (cx == null && worst != null) {
      double threshold = zStar;
      cx = Shrinker.counterexample(Check.UNBIASEDNESS, c -> biasedOn(e, c, cfg, threshold), worst.c, biasDetail(worst, threshold), cfg);
    }
    return new Outcome(rows, results, cx, zStar, m, measured, draws);
  }

  private static CaseStats measure(Estimator e, VerifyCase c, int repeats, long seed) {
    double[] exact = c.exactGradient();
    GradientDraws d = GradientDraws.of(e, c, repeats, Streams.of(seed, Check.UNBIASEDNESS, c));
    int n = exact.length;
    double[] mean = new double[n];
    double[] se = new double[n];
    double[] z = new double[n];
    for (int j = 0; j < n; j++) {
      mean[j] = d.mean(j);
      // the exact gradient is a quadrature result: its error, not only the sampling noise,
      // bounds what a z-score can resolve (this also covers estimators with no noise at all)
      double floor = c.quadratureTolerance() * (1 + Math.abs(exact[j]));
      se[j] = Math.hypot(d.stdError(j), floor);
      z[j] = (mean[j] - exact[j]) / se[j];
    }
    return new CaseStats(c, c.parameterNames(), exact, mean, se, z, d);
  }

  /** The detail of a biased case at the threshold, or null when no |z| exceeds it. */
  private static String biasedOn(Estimator e, VerifyCase c, VerifyConfig cfg, double zStar) {
    try {
      if (!e.supports(c.policy())) {
        return null;
      }
      CaseStats s = measure(e, c, cfg.repeats(), cfg.seed());
      return biasDetail(s, zStar);
    } catch (RuntimeException ex) {
      return null; // a candidate that breaks differently is not the same failure
    }
  }

  private static String biasDetail(CaseStats s, double zStar) {
    int worst = -1;
    for (int j = 0; j < s.z.length; j++) {
      if (!(Math.abs(s.z[j]) <= zStar) && (worst < 0 || !(Math.abs(s.z[j]) <= Math.abs(s.z[worst])))) {
        worst = j;
      }
    }
    if (worst < 0) {
      return null;
    }
    return String.format(java.util.Locale.ROOT,
        "%s: mean %.6g vs exact %.6g, SE %.3g, z = %.4g beyond %.2f", s.names[worst],
        s.mean[worst], s.exact[worst], s.se[worst], s.z[worst], zStar);
  }

  /** The exception's description when the estimator throws on the case, else null. */
  private static String throwsOn(Estimator e, VerifyCase c, VerifyConfig cfg) {
    try {
      if (!e.supports(c.policy())) {
        return null;
      }
      GradientDraws.of(e, c, 2, Streams.of(cfg.seed(), Check.UNBIASEDNESS, c));
      return null;
    } catch (RuntimeException ex) {
      return Streams.thrown(ex);
    }
  }
}
