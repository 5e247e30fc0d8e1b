package org.mixrl.verify;

import java.util.ArrayList;
import java.util.List;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.EstimatorOptions;
import org.mixrl.estimator.EstimatorSpec;

/**
 * The variance table: per parameter and in total, with standard errors, for the verified
 * estimator and (optionally) the reference estimators on the same cases, budget and kind of
 * stream. A report, not a pass/fail check: lower variance than a reference is not required.
 */
final class VarianceCheck {
  private VarianceCheck() {}

  /**
   * The references: LR with the batch leave-one-out baseline, RP-LR, MRP (one draw per state
   * or per component) and, for unmixed classes, RP; each where it applies.
   */
  static List<Estimator> references() {
    EstimatorOptions o = EstimatorOptions.defaults();
    List<Estimator> out = new ArrayList<>();
    for (String n : List.of("lr", "rplr", "mrp", "rp")) {
      out.add(new EstimatorSpec(n, o).create());
    }
    return out;
  }

  static List<VarianceRow> rows(Estimator e, List<VerifyCase> cases, List<GradientDraws> draws,
      VerifyConfig cfg) {
    List<VarianceRow> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      VerifyCase c = cases.get(i);
      add(out, c, e.name(), e.criticEvaluationsPerState(c.components()), draws.get(i));
      if (cfg.referenceVariance()) {
        for (Estimator ref : references()) {
          if (PropertyChecks.supported(ref, c)) {
            // the same stream as the verified estimator's: each sees the kind of draws it uses
            GradientDraws d = GradientDraws.of(ref, c, cfg.repeats(),
                Streams.of(cfg.seed(), Check.UNBIASEDNESS, c));
            add(out, c, "ref " + ref.name(), ref.criticEvaluationsPerState(c.components()), d);
          }
        }
      }
    }
    return out;
  }

  private static void add(List<VarianceRow> out, VerifyCase c, String name, int cost,
      GradientDraws d) {
    String[] names = c.parameterNames();
    for (int j = 0; j < names.length; j++) {
      out.add(new VarianceRow(c.label(), name, names[j], d.variance(j), d.varianceStdError(j),
          cost));
    }
    out.add(new VarianceRow(c.label(), name, "total", d.totalVariance(),
        d.totalVarianceStdError(), cost));
  }
}
