package org.mixrl.estimator;

import org.mixrl.policy.Mixture;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.Reparameterizable;

/**
 * Which policies an estimator applies to, answerable both for a built policy and for a
 * {@link PolicyClass} (so a configuration can be checked without building a policy).
 */
public enum PolicyRequirement {
  /** Every class (the score function needs only log pi). */
  ANY("every class"),
  /** A single Gaussian, plain or squashed: the classes with a pathwise sample. */
  PATHWISE("g and sg (policies with a pathwise sample)"),
  /** A Gaussian mixture, plain or squashed. */
  MIXTURE("the mixture classes gm and sgm");

  private final String description;

  PolicyRequirement(String description) {
    this.description = description;
  }

  /** Whether a built policy meets the requirement. */
  public boolean accepts(Policy policy) {
    switch (this) {
      case PATHWISE:
        return policy instanceof Reparameterizable;
      case MIXTURE:
        return policy instanceof Mixture;
      default:
        return true;
    }
  }

  /** Whether every policy of this class meets the requirement. */
  public boolean accepts(PolicyClass policyClass) {
    switch (this) {
      case PATHWISE:
        return !policyClass.mixture();
      case MIXTURE:
        return policyClass.mixture();
      default:
        return true;
    }
  }

  /** The classes it accepts, in words, e.g. "the mixture classes gm and sgm". */
  public String description() {
    return description;
  }
}
