package org.mixrl.agent;

/**
 * What one SAC update measured.
 *
 * @param criticLoss sum over both critics of the mean squared TD error
 * @param actorLoss minus the estimator's surrogate objective
 * @param alpha the entropy scale used in this update (before its own step)
 * @param alphaLoss the temperature loss (0 when alpha is fixed)
 * @param entropy the estimator's entropy estimate, mean over the batch
 * @param effectiveComponents exp(H(w)) of the mixture weights, mean over the batch (NaN if the
 *     policy is not a mixture)
 * @param maxWeight the largest mixture weight, mean over the batch (NaN if not a mixture)
 */
public record UpdateStats(
    double criticLoss,
    double actorLoss,
    double alpha,
    double alphaLoss,
    double entropy,
    double effectiveComponents,
    double maxWeight) {}
