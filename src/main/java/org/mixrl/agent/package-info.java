/**
 * Soft Actor-Critic with any policy class and any gradient estimator: the replay buffer, the
 * twin critics with Polyak targets, the actor (an MLP read by a {@link org.mixrl.policy.PolicyHead})
 * and the update. Core package: imports only {@code java.*} and {@code org.mixrl.*}.
 */
package org.mixrl.agent;
