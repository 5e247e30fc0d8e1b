package org.mixrl.verify;

import java.util.ArrayList;
import java.util.List;
import org.mixrl.estimator.Estimator;

/**
 * The verification kit's entry point: checks any {@link Estimator} against exact gradients and
 * returns a {@link VerificationReport}; it never prints.
 *
 * <pre>{@code
 * VerificationReport r = EstimatorVerifier.verify(new MyEstimator(), VerifyConfig.defaults());
 * if (!r.passed()) System.out.println(r.table());
 * }</pre>
 *
 * <p>Checks: unbiasedness (ordinary cases, Holm-corrected z-tests), finiteness, cost and
 * determinism (ordinary and extreme cases), and a variance table beside reference estimators.
 * A failing check is shrunk to a smaller failing case with a one-line reproduction.
 */
public final class EstimatorVerifier {
  private EstimatorVerifier() {}

  /** The kit's cases for {@code config.seed()}: {@link CaseSuite#ordinary} and {@link CaseSuite#extremes}. */
  public static VerificationReport verify(Estimator estimator, VerifyConfig config) {
    return verify(estimator, CaseSuite.ordinary(config.seed()),
        CaseSuite.extremes(config.seed(), config.extremeCases()), config);
  }

  /**
   * Every check on one case only (as a reproduction runs it): the case is treated as ordinary.
   *
   * @throws IllegalArgumentException if the estimator does not support the case
   */
  public static VerificationReport verifyCase(Estimator estimator, VerifyCase c,
      VerifyConfig config) {
    if (!PropertyChecks.supported(estimator, c)) {
      throw new IllegalArgumentException(
          "estimator " + estimator.name() + " does not support the case " + c.spec());
    }
    return verify(estimator, List.of(c), List.of(), config);
  }

  /**
   * Unbiasedness and variance on the supported {@code ordinary} cases; finiteness, cost and
   * determinism on the supported ordinary and {@code extreme} ones.
   */
  public static VerificationReport verify(Estimator estimator, List<VerifyCase> ordinary,
      List<VerifyCase> extreme, VerifyConfig config) {
    List<VerifyCase> ord = supported(estimator, ordinary);
    List<VerifyCase> ext = supported(estimator, extreme);
    UnbiasednessCheck.Outcome u = UnbiasednessCheck.run(estimator, ord, config);
    List<VerifyCase> all = new ArrayList<>(ord);
    all.addAll(ext);
    PropertyChecks.Outcome props = PropertyChecks.run(estimator, all, config);
    List<VarianceRow> variance = VarianceCheck.rows(estimator, u.measured(), u.draws(), config);
    List<CheckResult> checks = new ArrayList<>(u.results());
    checks.addAll(props.results());
    List<Counterexample> cx = new ArrayList<>();
    if (u.counterexample() != null) {
      cx.add(u.counterexample());
    }
    cx.addAll(props.counterexamples());
    return new VerificationReport(estimator.name(), estimator.getClass().getName(), config,
        ord.stream().map(VerifyCase::spec).toList(), ext.stream().map(VerifyCase::spec).toList(),
        u.criticalZ(), u.hypotheses(), u.rows(), variance, checks, cx);
  }

  /**
   * Finiteness, cost and determinism only, on the supported {@code cases} (cheap: a few
   * batches per case, no quadrature), e.g. for a property test over many generated cases.
   */
  public static PropertyReport checkProperties(Estimator estimator, List<VerifyCase> cases,
      VerifyConfig config) {
    PropertyChecks.Outcome o = PropertyChecks.run(estimator, supported(estimator, cases), config);
    return new PropertyReport(o.results(), o.counterexamples());
  }

  private static List<VerifyCase> supported(Estimator e, List<VerifyCase> cases) {
    return cases.stream().filter(c -> PropertyChecks.supported(e, c)).toList();
  }
}
