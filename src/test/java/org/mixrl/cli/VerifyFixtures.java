package org.mixrl.cli;

import org.mixrl.estimator.ActionValue;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.PolicyRequirement;
import org.mixrl.estimator.MarginalizedReparameterization;
import org.mixrl.estimator.Surrogate;
import org.mixrl.policy.Policy;
import org.mixrl.random.RandomStream;

/** Public estimator classes with no-argument constructors, as verify-estimator loads them. */
public final class VerifyFixtures {
  private VerifyFixtures() {}

  /** MRP, one draw per component: correct. */
  public static class Mrp implements Estimator {
    final Estimator inner = new MarginalizedReparameterization(1, false);

    @Override
    public String name() {
      return "fixture-mrp";
    }

    @Override
    public PolicyRequirement requirement() {
      return inner.requirement();
    }

    @Override
    public Surrogate surrogate(Policy policy, ActionValue critic, double alpha, RandomStream rng) {
      return inner.surrogate(policy, critic, alpha, rng);
    }

    @Override
    public int criticEvaluationsPerState(int components) {
      return inner.criticEvaluationsPerState(components);
    }
  }

  /** MRP with its gradient scaled by 1.1: biased. */
  public static class ScaledMrp extends Mrp {
    @Override
    public String name() {
      return "fixture-mrp-x1.1";
    }

    @Override
    public Surrogate surrogate(Policy policy, ActionValue critic, double alpha, RandomStream rng) {
      Surrogate s = inner.surrogate(policy, critic, alpha, rng);
      return new Surrogate(s.objective().mul(1.1), s.entropy(), s.criticEvaluationsPerState());
    }
  }

  /** An estimator without a no-argument constructor. */
  public static class NeedsArgument extends Mrp {
    public NeedsArgument(int unused) {}
  }
}
