package org.mixrl.experiment;

import org.mixrl.random.RandomStream;

/**
 * A {@link Trainer}'s progress apart from the env, the agent and the replay buffer (which
 * save their own state): what {@link Checkpoint} saves and a resumed trainer starts from.
 *
 * @param step environment steps taken
 * @param episodes finished training episodes
 * @param evaluations evaluations run
 * @param metricsRows rows in metrics.csv when the state was taken
 * @param elapsedSeconds training wall time so far, summed over sessions
 * @param lastReturn return of the last finished training episode (NaN if none)
 * @param lastDeterministic mean return of the last deterministic evaluation (NaN if none)
 * @param lastStochastic mean return of the last stochastic evaluation (NaN if none)
 * @param episodeReturn return of the running episode so far
 * @param episodeLength steps of the running episode so far
 * @param stats update statistics since the last train row
 * @param obs the current observation
 * @param actionRng the stream that draws actions
 * @param updateRng the stream of minibatches and estimator draws
 * @param evalRng the stream of stochastic evaluation actions
 */
record TrainerState(
    long step,
    long episodes,
    long evaluations,
    long metricsRows,
    double elapsedSeconds,
    double lastReturn,
    double lastDeterministic,
    double lastStochastic,
    double episodeReturn,
    long episodeLength,
    UpdateStatsSums stats,
    double[] obs,
    RandomStream actionRng,
    RandomStream updateRng,
    RandomStream evalRng) {}
