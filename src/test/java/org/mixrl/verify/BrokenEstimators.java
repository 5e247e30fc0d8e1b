package org.mixrl.verify;

import org.mixrl.estimator.ActionValue;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.MarginalizedReparameterization;
import org.mixrl.estimator.PolicyRequirement;
import org.mixrl.estimator.Surrogate;
import org.mixrl.policy.Mixture;
import org.mixrl.policy.Policy;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/** Deliberately wrong estimators, each with a known defect the kit must catch. */
final class BrokenEstimators {
  private BrokenEstimators() {}

  /** A correct estimator's surrogate times a factor: the gradient is biased by (factor - 1) g. */
  static final class Scaled implements Estimator {
    private final Estimator inner;
    private final double factor;

    Scaled(Estimator inner, double factor) {
      this.inner = inner;
      this.factor = factor;
    }

    @Override
    public String name() {
      return inner.name() + "x" + factor;
    }

    @Override
    public PolicyRequirement requirement() {
      return inner.requirement();
    }

    @Override
    public Surrogate surrogate(Policy policy, ActionValue critic, double alpha, RandomStream rng) {
      Surrogate s = inner.surrogate(policy, critic, alpha, rng);
      return new Surrogate(s.objective().mul(factor), s.entropy(), s.criticEvaluationsPerState());
    }

    @Override
    public int criticEvaluationsPerState(int components) {
      return inner.criticEvaluationsPerState(components);
    }
  }

  /**
   * MRP with the entropy term's pathwise part dropped: log pi is evaluated at detached latents,
   * so the gradient keeps d log pi / d theta at fixed a but loses alpha grad_a log pi da/dtheta.
   */
  static final class EntropyPathwiseDropped implements Estimator {
    @Override
    public String name() {
      return "mrp-no-entropy-path";
    }

    @Override
    public PolicyRequirement requirement() {
      return PolicyRequirement.MIXTURE;
    }

    @Override
    public Surrogate surrogate(Policy policy, ActionValue critic, double alpha, RandomStream rng) {
      Mixture pi = (Mixture) policy;
      int b = pi.batchSize();
      int k = pi.components();
      int d = pi.actionDim();
      Tensor u = pi.componentLatents(Tensor.randn(rng, b, 1, k, d)).reshape(b, k, d);
      Tensor logp = pi.logProbOfLatent(u.detach()); // the defect: no path through u
      Tensor f = critic.evaluate(pi.toAction(u)).sub(logp.mul(alpha)); // [B, K]
      Tensor objective = f.mul(pi.weights()).sum(1, false).mean();
      return new Surrogate(objective, logp.mul(pi.weights()).sum(1, false).neg().detach(), k);
    }

    @Override
    public int criticEvaluationsPerState(int components) {
      return components;
    }
  }

  /** MRP that declares one critic evaluation per state although it makes K. */
  static final class UnderDeclaredCost implements Estimator {
    private final Estimator inner = new MarginalizedReparameterization(1, false);

    @Override
    public String name() {
      return "mrp-cheap-claim";
    }

    @Override
    public PolicyRequirement requirement() {
      return inner.requirement();
    }

    @Override
    public Surrogate surrogate(Policy policy, ActionValue critic, double alpha, RandomStream rng) {
      Surrogate s = inner.surrogate(policy, critic, alpha, rng);
      return new Surrogate(s.objective(), s.entropy(), 1);
    }

    @Override
    public int criticEvaluationsPerState(int components) {
      return 1;
    }
  }

  /** LR that draws from a hidden stream of its own instead of the one it is given. */
  static final class HiddenRandomness implements Estimator {
    private final Estimator inner = new org.mixrl.estimator.LikelihoodRatio(
        1, org.mixrl.estimator.Baseline.batchLeaveOneOut());
    private final RandomStream hidden = RandomStream.of(System.nanoTime());

    @Override
    public String name() {
      return "lr-hidden-seed";
    }

    @Override
    public PolicyRequirement requirement() {
      return PolicyRequirement.ANY;
    }

    @Override
    public Surrogate surrogate(Policy policy, ActionValue critic, double alpha, RandomStream rng) {
      return inner.surrogate(policy, critic, alpha, hidden);
    }

    @Override
    public int criticEvaluationsPerState(int components) {
      return 1;
    }
  }

  /** RP whose objective becomes NaN once some sigma is below 1e-2 (a division by a variance gone wrong). */
  static final class NanAtSmallSigma implements Estimator {
    private final Estimator inner = new org.mixrl.estimator.Reparameterization(1);

    @Override
    public String name() {
      return "rp-nan-small-sigma";
    }

    @Override
    public PolicyRequirement requirement() {
      return inner.requirement();
    }

    @Override
    public Surrogate surrogate(Policy policy, ActionValue critic, double alpha, RandomStream rng) {
      Surrogate s = inner.surrogate(policy, critic, alpha, rng);
      double entropy = s.entropy().mean().item();
      // the entropy of N(mu, sigma) is below -3.2 exactly when sigma < ~1e-2
      Tensor bad = entropy < -3.2 ? s.objective().mul(Double.NaN) : s.objective();
      return new Surrogate(bad, s.entropy(), s.criticEvaluationsPerState());
    }

    @Override
    public int criticEvaluationsPerState(int components) {
      return 1;
    }
  }
}
