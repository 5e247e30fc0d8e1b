package org.mixrl.estimator;

/**
 * What every estimator shares: its name, the policies it applies to, and M draws per state
 * (checked once here). A subclass writes only its surrogate.
 */
public abstract class BaseEstimator implements Estimator {
  /** Draws per state (per component for MRP), M >= 1. */
  protected final int samples;

  private final String name;
  private final PolicyRequirement requirement;

  protected BaseEstimator(String name, PolicyRequirement requirement, int samplesPerState) {
    if (samplesPerState < 1) {
      throw new IllegalArgumentException(
          name + ": samples per state must be >= 1, got " + samplesPerState);
    }
    this.name = name;
    this.requirement = requirement;
    this.samples = samplesPerState;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final PolicyRequirement requirement() {
    return requirement;
  }

  /** M per state; estimators that evaluate every component override this. */
  @Override
  public int criticEvaluationsPerState(int components) {
    return samples;
  }
}
