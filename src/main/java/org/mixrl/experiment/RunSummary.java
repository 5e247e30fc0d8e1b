package org.mixrl.experiment;

/**
 * How a {@link Trainer#run} call ended.
 *
 * @param step environment steps taken in total
 * @param finished whether all configured steps are done
 * @param lastDeterministicReturn mean return of the last deterministic evaluation (NaN if none)
 * @param lastStochasticReturn mean return of the last stochastic evaluation (NaN if none)
 */
public record RunSummary(
    long step, boolean finished, double lastDeterministicReturn, double lastStochasticReturn) {}
