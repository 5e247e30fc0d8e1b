package org.mixrl.verify;

/**
 * Variance of one estimator's batch gradient on one case: for one parameter, or their sum
 * (parameter "total").
 *
 * @param caseLabel the case's short label
 * @param estimator the estimator's name (the verified one, or a reference)
 * @param parameter a parameter name or "total"
 * @param variance the sample variance over R batches
 * @param stdError the standard error of that variance (fourth-moment formula)
 * @param criticEvaluationsPerState the estimator's declared cost, for a fair comparison
 */
public record VarianceRow(
    String caseLabel,
    String estimator,
    String parameter,
    double variance,
    double stdError,
    int criticEvaluationsPerState) {}
