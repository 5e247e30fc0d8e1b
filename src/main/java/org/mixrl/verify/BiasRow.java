package org.mixrl.verify;

/**
 * One parameter of one case in the unbiasedness check.
 *
 * @param caseLabel the case's short label
 * @param caseSpec the case's spec
 * @param parameter the parameter's name
 * @param exact the exact gradient (quadrature)
 * @param mean the mean of R batch estimates
 * @param stdError the standard error of that mean, combined with the quadrature tolerance
 *     1e-8 (1 + |exact|) (so a noiseless estimator is judged against the quadrature's accuracy)
 * @param z (mean - exact) / stdError
 * @param p the two-sided normal p-value of z
 * @param flagged whether Holm's procedure rejected "unbiased" for this parameter
 * @param detectableBias the bias |mean - exact| flagged with 80 % power at this budget: (z* +
 *     0.84) stdError, z* the family's first Holm threshold
 */
public record BiasRow(
    String caseLabel,
    String caseSpec,
    String parameter,
    double exact,
    double mean,
    double stdError,
    double z,
    double p,
    boolean flagged,
    double detectableBias) {}
