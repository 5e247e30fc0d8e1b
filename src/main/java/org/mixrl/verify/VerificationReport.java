package org.mixrl.verify;

import java.util.List;
import java.util.Optional;

/**
 * What the kit found about one estimator. Records only; {@link ReportTable} renders it.
 *
 * @param estimator the estimator's name
 * @param estimatorClass its class name
 * @param config the budget and error rate used
 * @param ordinaryCases specs of the cases the estimator supports among the ordinary ones
 * @param extremeCases specs of the supported extreme cases
 * @param criticalZ Holm's first threshold z* (the Bonferroni threshold): a run with every
 *     |z| below it passes
 * @param hypotheses the number m of z-tests in the family
 * @param bias one row per parameter per ordinary case
 * @param variance the variance table (verified estimator and references)
 * @param checks one result per check per case
 * @param counterexamples one shrunk failing case per failing check
 */
public record VerificationReport(
    String estimator,
    String estimatorClass,
    VerifyConfig config,
    List<String> ordinaryCases,
    List<String> extremeCases,
    double criticalZ,
    int hypotheses,
    List<BiasRow> bias,
    List<VarianceRow> variance,
    List<CheckResult> checks,
    List<Counterexample> counterexamples) {
  public VerificationReport {
    ordinaryCases = List.copyOf(ordinaryCases);
    extremeCases = List.copyOf(extremeCases);
    bias = List.copyOf(bias);
    variance = List.copyOf(variance);
    checks = List.copyOf(checks);
    counterexamples = List.copyOf(counterexamples);
  }

  /** Every check passed, and at least one ordinary case applied (an estimator that supports no case is not verified). */
  public boolean passed() {
    return !ordinaryCases.isEmpty() && counterexamples.isEmpty()
        && checks.stream().allMatch(CheckResult::passed);
  }

  /** Results of one kind of check. */
  public List<CheckResult> results(Check check) {
    return checks.stream().filter(r -> r.check() == check).toList();
  }

  /** The counterexample of a check, if it failed. */
  public Optional<Counterexample> counterexample(Check check) {
    return counterexamples.stream().filter(c -> c.check() == check).findFirst();
  }

  /** The largest |z| over the bias rows (0 when there are none). */
  public double maxAbsZ() {
    return bias.stream().mapToDouble(r -> Math.abs(r.z())).max().orElse(0);
  }

  /**
   * The smallest relative error eps such that a gradient scaled by (1 + eps) is flagged with at
   * least 80 % power: min over parameters with |exact| >= 1e-3 of detectableBias / |exact|
   * (detection through that one parameter alone already has that power). NaN without rows.
   */
  public double detectableRelativeBias() {
    return bias.stream().filter(r -> Math.abs(r.exact()) >= 1e-3)
        .mapToDouble(r -> r.detectableBias() / Math.abs(r.exact())).min().orElse(Double.NaN);
  }

  /** The bias row behind {@link #detectableRelativeBias()}. */
  public Optional<BiasRow> mostSensitiveParameter() {
    return bias.stream().filter(r -> Math.abs(r.exact()) >= 1e-3)
        .min(java.util.Comparator.comparingDouble(r -> r.detectableBias() / Math.abs(r.exact())));
  }

  /** The text table (see {@link ReportTable}). */
  public String table() {
    return ReportTable.render(this);
  }
}
