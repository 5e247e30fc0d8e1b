/**
 * A trained actor for embedding: {@link org.mixrl.deploy.DeployedPolicy} loads a policy file
 * written by {@code mixrl export} (from a path or any {@code InputStream}, e.g. a jar resource)
 * and each thread computes actions through its own {@link org.mixrl.deploy.PolicySession},
 * without allocating, starting threads, reflecting or touching files after loading.
 *
 * <pre>{@code
 * DeployedPolicy policy = DeployedPolicy.load(Path.of("policy.mixrl"));
 * PolicySession session = policy.newSession();    // one per thread
 * double[] action = new double[policy.actionDim()];
 * session.act(observation, action);               // deterministic
 * session.sample(observation, rng, action);       // stochastic, rng a RandomStream
 * }</pre>
 *
 * <p>Core package: imports only {@code java.*} and the core packages {@code random}, {@code
 * policy} and {@code nn} (for the enums and records that describe a policy).
 */
package org.mixrl.deploy;
